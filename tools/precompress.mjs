// Writes a brotli and a gzip (-9) copy next to every file of the release
// that a browser downloads compressed (pages, scripts, WebAssembly, styles,
// texts, feeds), so a server that serves such copies (nginx
// brotli_static/gzip_static, deploy/nginx.conf) sends the smallest form
// without compressing on each request. Brotli's best quality (11) for the
// app's code, which every visit downloads; 10 for the rest, the bulk of a
// large archive: much faster, for copies hardly larger (docs/performance.md,
// "Build time").
//
// Not the contacts file: union staff replace contacts.json on the host, and a
// stale contacts.json.br next to it would be served instead.
//
// Compression is the slowest stage of a large archive's build,
// so each file is compressed once: the copies are kept under
// target/precompress/{name of the build folder}/, named by the SHA-256 of
// what they compress, and a rebuild compresses only what changed (copies no
// file used any more are removed). The files are compressed on every core
// (zlib's work runs on Node's thread pool).
// Usage: node tools/precompress.mjs dist
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|wasm|css|svg|json|xml|txt)$/;
const NEVER = new Set(['contacts.json', 'contacts.schema.json']);
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const dist = resolve(process.argv[2] ?? 'dist');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'target', 'precompress', basename(dist));
await mkdir(cache, { recursive: true });
const cached = new Set(await readdir(cache));
// zlib runs on libuv's pool (4 threads unless UV_THREADPOOL_SIZE says more).
const parallel = Math.max(2, availableParallelism());

async function walk(dir, found = []) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (COMPRESSIBLE.test(entry.name) && !NEVER.has(relative(dist, path))) found.push(path);
  }
  return found;
}

const files = await walk(dist);
const used = new Set();
let before = 0;
let after = 0;
let compressed = 0;
const inFlight = new Map();
async function one(path) {
  const bytes = await readFile(path);
  const quality = /\.(wasm|js|css)$/.test(path) ? 11 : 10;
  const hash = createHash('sha256').update(bytes).digest('hex');
  const [br, gz] = [`${hash}.q${quality}.br`, `${hash}.gz`];
  used.add(br).add(gz);
  // Files with the same content share one compression: a second writer of
  // the same copy could otherwise truncate it under the first one's reader.
  if (!(cached.has(br) && cached.has(gz))) {
    if (!inFlight.has(hash)) {
      inFlight.set(hash, (async () => {
        const [brBytes, gzBytes] = await Promise.all([
          brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          gzipped(bytes, { level: 9 }),
        ]);
        await Promise.all([writeFile(join(cache, br), brBytes), writeFile(join(cache, gz), gzBytes)]);
        cached.add(br).add(gz);
        compressed += 1;
      })());
    }
    await inFlight.get(hash);
  }
  await Promise.all([place(join(cache, br), `${path}.br`), place(join(cache, gz), `${path}.gz`)]);
  before += bytes.length;
  // Read before adding: `after += await …` would add to a stale `after`.
  const { size } = await stat(`${path}.br`);
  after += size;
}
// A copy is a second name of the kept file (a hard link: no bytes copied,
// which saves a large archive's rebuild time; docs/performance.md, "Decisions
// in the code, measured"); a copy of the bytes where the build folder is on
// another disk. Nothing writes into a compressed copy after this: a new build
// replaces the folder.
async function place(kept, to) {
  await rm(to, { force: true });
  try {
    await link(kept, to);
  } catch (error) {
    if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
    await copyFile(kept, to);
  }
}

let next = 0;
await Promise.all(Array.from({ length: parallel }, async () => {
  while (next < files.length) await one(files[next++]);
}));
const stale = [...cached].filter((name) => !used.has(name));
await Promise.all(stale.map((name) => rm(join(cache, name))));
console.log(`precompress: ${files.length} files (${compressed} compressed, ${files.length - compressed} from target/precompress/), `
  + `${(before / 1024).toFixed(0)} KB -> ${(after / 1024).toFixed(0)} KB brotli (+ gzip copies)`);
