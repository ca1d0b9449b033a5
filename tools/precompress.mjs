// Writes a brotli (-q 11) and a gzip (-9) copy next to every file of the
// release that a browser downloads compressed (pages, scripts, WebAssembly,
// styles, texts, feeds), so a server that serves such copies (nginx
// brotli_static/gzip_static, deploy/nginx.conf) sends the smallest form
// without compressing on each request.
//
// Not the contacts file: union staff replace contacts.json on the host, and a
// stale contacts.json.br next to it would be served instead.
// Usage: node tools/precompress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|wasm|css|svg|json|xml|txt)$/;
const NEVER = new Set(['contacts.json', 'contacts.schema.json']);

const dist = process.argv[2] ?? 'dist';
let files = 0;
let before = 0;
let after = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (COMPRESSIBLE.test(name) && !NEVER.has(relative(dist, path))) {
      const bytes = readFileSync(path);
      const br = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      });
      writeFileSync(`${path}.br`, br);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      files += 1;
      before += bytes.length;
      after += br.length;
    }
  }
}
walk(dist);
console.log(`precompress: ${files} files, ${(before / 1024).toFixed(0)} KB -> ${(after / 1024).toFixed(0)} KB brotli (+ gzip copies)`);
