// Splits the app's WebAssembly after Trunk has built it: the code only the
// archive's search runs (src/components/search_results.rs, its split point)
// leaves the main module for a file of its own, loaded with the search.
// Every page then downloads and compiles less before the app takes it over.
//
// Trunk 0.21 has no step between the compiler and wasm-bindgen, so this one
// takes the compiler's module (built by Trunk with relocations kept:
// tools/build-release.sh), splits it (wasm-split-cli, crates.io), runs
// wasm-bindgen on the main module and puts both in place of Trunk's, under
// Trunk's names, with their integrity hashes in index.html updated
// (tools/minify.mjs then optimizes and minifies them as before).
//
// The split's loader script (wasm-split's `__wasm_split.js`) is merged into
// the app's script: no request more, and the integrity hash that covers the
// app's script covers it. Each split-off file is named by its content's hash,
// sits in `split/` (the offline worker precaches only the top of the site:
// a reader who never searches never downloads it) and is fetched with its
// integrity hash (src/split-fetch.js, which also tells the app when the
// host no longer has the file).
//
// Usage: node tools/split.mjs dist   (after `trunk build --release`, before tools/minify.mjs)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { integrity, swapIntegrity } from './integrity.mjs';
import { withoutExports } from './wasm-sections.mjs';
import { smallerWasm } from './wasm-opt.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2] ?? 'dist';
const compiled = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm32-unknown-unknown/release/kasipodaq-portal.wasm');
const SPLIT_FOLDER = 'split';

const fail = (message) => {
  throw new Error(`split: ${message}`);
};

// The classes wasm-bindgen writes for Rust types exported to JavaScript,
// when the WebAssembly never hands one over: without a constructor and
// without `__wrap`, no instance can exist, yet their exports keep their code
// in the module every reader downloads. (They are wasm-streams' stream
// adapters, which Leptos's server functions bring along; this site has no
// server.) Returns the script without them and the exports they called.
function withoutDeadClasses(js) {
  const dead = [];
  const exports = new Set();
  const called = (block) => [...block.matchAll(/\bwasm\.(\w+)\(/g)].forEach((m) => exports.add(m[1]));
  let out = js.replace(/^export class (\w+) \{\n[\s\S]*?\n\}\n(?:if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n)?/gm,
    (block, name) => {
      if (/\bstatic __wrap\(|\bconstructor\(/.test(block)) return block;
      dead.push(name);
      called(block);
      return '';
    });
  for (const name of dead) {
    const registry = new RegExp(`^const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n.*\\n.*;\\n`, 'm');
    const found = out.match(registry);
    if (!found) fail(`the script's ${name}Finalization is not where expected`);
    called(found[0]);
    out = out.replace(registry, '');
    if (new RegExp(`\\b${name}\\b`).test(out)) fail(`${name} is still named in the script once taken out`);
  }
  for (const name of exports) if (new RegExp(`\\bwasm\\.${name}\\b`).test(out)) fail(`${name} is still called once its class is taken out`);
  return { js: out, dead, exports: [...exports] };
}

const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');

// Trunk's script and WebAssembly, as index.html names them.
const script = [...index.matchAll(/\/(kasipodaq-portal-[0-9a-f]+)\.js"/g)].map((m) => m[1]);
if (new Set(script).size !== 1) fail(`expected one kasipodaq-portal-….js in ${indexPath}, found ${script.join(', ') || 'none'}`);
const stem = script[0];

const work = mkdtempSync(join(tmpdir(), 'kasipodaq-split-'));
try {
  const split = join(work, 'split');
  const bound = join(work, 'bound');
  execFileSync('wasm-split-cli', [compiled, split, '--target', 'web', '--out-name', stem], { stdio: 'inherit' });
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--out-dir', bound, '--out-name', stem,
    join(split, `${stem}.wasm`)], { stdio: 'inherit' });

  // The split-off files, each optimized, renamed by its hash, fetched with
  // its integrity hash.
  let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
  const chunks = readdirSync(split).filter((name) => name.endsWith('.wasm') && name !== `${stem}.wasm`);
  if (chunks.length === 0) fail('wasm-split wrote no file beside the main module: was the app built with --cfg kasipodaq_split?');
  mkdirSync(join(dist, SPLIT_FOLDER), { recursive: true });
  for (const chunk of chunks) {
    const bytes = smallerWasm(readFileSync(join(split, chunk)));
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const name = `${SPLIT_FOLDER}/${chunk.replace(/\.wasm$/, '')}-${hash}.wasm`;
    writeFileSync(join(dist, name), bytes);
    const fetchOf = `fetch(new URL("./${chunk}", import.meta.url))`;
    if (loader.split(fetchOf).length !== 2) fail(`${chunk}: its fetch is not once in __wasm_split.js`);
    loader = loader.replace(fetchOf, `splitFetch(new URL("./${name}", import.meta.url), "${integrity(bytes)}")`);
    console.log(`split: ${name} ${(bytes.length / 1024).toFixed(1)} KB`);
  }

  // The loader merged into the app's script: its import of the app's
  // `initSync` becomes the script's own, its exports the object the
  // WebAssembly imports as the module './__wasm_split.js'.
  const importOfMain = `import { initSync } from "./${stem}.js";`;
  if (!loader.includes(importOfMain)) fail(`__wasm_split.js does not import ${stem}.js as expected`);
  const exported = [...loader.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
  if (exported.length === 0) fail('__wasm_split.js exports nothing');
  loader = loader.replace(importOfMain, '').replace(/^export const /gm, 'const ');
  // The fetch the loader's files come through (src/split-fetch.js).
  const fetcher = readFileSync(join(root, 'src/split-fetch.js'), 'utf8');
  if (fetcher.split('export const ').length !== 2) fail('src/split-fetch.js: expected one export');
  loader = `${fetcher.replace('export const ', 'const ')}\n${loader}`;
  let app = readFileSync(join(bound, `${stem}.js`), 'utf8');
  const importOfLoader = /^import \* as (\w+) from ["']\.\/__wasm_split\.js["'];?$/m;
  const found = app.match(importOfLoader);
  if (!found) fail(`${stem}.js does not import ./__wasm_split.js as expected`);
  app = app.replace(importOfLoader, () => `${loader}\nconst ${found[1]} = { ${exported.join(', ')} };`);

  const lean = withoutDeadClasses(app);
  app = lean.js;
  console.log(`split: ${lean.dead.join(', ') || 'no class'} out of the script, ${lean.exports.length} exports out of the module`);

  // In place of Trunk's files, under their names.
  const main = withoutExports(readFileSync(join(bound, `${stem}_bg.wasm`)), lean.exports);
  for (const [name, bytes] of [[`${stem}.js`, Buffer.from(app)], [`${stem}_bg.wasm`, main]]) {
    index = swapIntegrity(index, name, readFileSync(join(dist, name)), bytes);
    writeFileSync(join(dist, name), bytes);
  }
  writeFileSync(indexPath, index);
  console.log(`split: ${stem}.js with the split's loader, ${stem}_bg.wasm ${(main.length / 1024).toFixed(1)} KB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
