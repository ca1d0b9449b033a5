// Minifies the app's JavaScript loader (wasm-bindgen's glue) and the
// stylesheet of a Trunk build with esbuild, optimizes the WebAssembly for size
// with binaryen's wasm-opt and takes its custom sections out
// (tools/wasm-sections.mjs), puts the three files' new
// integrity hashes into index.html, which every prerendered page copies, and
// minifies index.html's inline scripts.
//
// Why here and not Trunk's `minify`: Trunk 0.21's JavaScript minifier fails on
// wasm-bindgen's `export default` (and leaves the file as it was), and its HTML
// minifier rewrites the index.html the prerender reads. Minified, the loader is
// smaller and parses faster, and the stylesheet, which blocks the first paint,
// is smaller (docs/performance.md, "Decisions in the code, measured").
//
// Usage: node tools/minify.mjs dist   (after `trunk build`, before the prerender)
//        node tools/minify.mjs dist --worker   (after the prerender: its sw.js)
//
// The offline worker is written by the prerender with its comments, which
// every visitor would download: its whitespace and comments go, its names
// stay (the tests read its lists by name).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

import { swapIntegrity } from './integrity.mjs';
import { smallerWasm } from './wasm-opt.mjs';

const dist = process.argv[2] ?? 'dist';
if (process.argv[3] === '--worker') {
  const path = join(dist, 'sw.js');
  const source = readFileSync(path, 'utf8');
  const { code } = transformSync(source, { loader: 'js', minifyWhitespace: true, minifySyntax: true });
  writeFileSync(path, code);
  console.log(`minify: sw.js ${(source.length / 1024).toFixed(1)} -> ${(code.length / 1024).toFixed(1)} KB`);
  process.exit(0);
}
const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');

const assets = readdirSync(dist).filter((name) => /\.(js|css|wasm)$/.test(name) && index.includes(`/${name}"`));
for (const kind of ['js', 'css', 'wasm']) {
  if (!assets.some((name) => name.endsWith(`.${kind}`))) {
    throw new Error(`minify: expected Trunk's script, stylesheet and WebAssembly in ${indexPath}, found ${assets.join(', ') || 'none'}`);
  }
}
const smaller = (name, source) => {
  if (name.endsWith('.wasm')) return smallerWasm(source);
  const css = name.endsWith('.css');
  return transformSync(source.toString('utf8'), { loader: css ? 'css' : 'js', minify: true, ...(css ? {} : { format: 'esm' }) }).code;
};
for (const name of assets) {
  const path = join(dist, name);
  const source = readFileSync(path);
  const code = smaller(name, source);
  index = swapIntegrity(index, name, source, code);
  writeFileSync(path, code);
  console.log(`minify: ${name} ${(source.length / 1024).toFixed(1)} -> ${(code.length / 1024).toFixed(1)} KB`);
}
// The page's inline scripts (src/start.js, src/early-links.js, inlined by
// Trunk), which every page carries in its first round trip: minified in
// index.html before the prerender copies it. Trunk's loader script is left as
// it is: the prerender recognises it by its first words and takes it out.
index = index.replace(/<script type="module">([\s\S]*?)<\/script>/g, (whole, source) => {
  if (source.trimStart().startsWith('import init')) return whole;
  const { code } = transformSync(source, { loader: 'js', minify: true, format: 'esm' });
  console.log(`minify: an inline script ${source.length} -> ${code.trim().length} bytes`);
  return `<script type="module">${code.trim()}</script>`;
});
writeFileSync(indexPath, index);
