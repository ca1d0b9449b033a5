// Prints the sizes of the built WebAssembly and JavaScript (raw, gzip -9,
// brotli -q 11) and fails when the gzip-compressed WebAssembly + JavaScript
// exceed the budget. Usage: node tools/size-check.mjs [dist] [--json file]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The budget in force: 275 KB gzip for WebAssembly + JavaScript (KB = 1024
// bytes). Issue 2 set 220 KB. The live contacts (issue 4) measured +54.5 KB
// (210.8 -> 265.3, after saving 7.4 KB of float printing elsewhere); the
// static site (issue 5: taking prerendered pages over, the offline worker's
// registration, the base path, the not-found page in three languages) +4.7 KB
// (-> 270.0). The budget holds that and no more. Issue 6 brings it to 200 KB.
// The accessibility statement (its texts in three languages, the page and
// the footer link) measured +4.8 KB (270.0 -> 274.8), inside the budget.
const BUDGET_GZIP_KB = Number(process.env.SIZE_BUDGET_GZIP_KB ?? 275);

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const dist = args[0] ?? 'dist';

const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
const rows = files.map((name) => {
  const bytes = readFileSync(join(dist, name));
  return {
    name,
    kind: name.split('.').pop(),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
});

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`${'file'.padEnd(48)} ${'raw KB'.padStart(7)} ${'gzip KB'.padStart(7)} ${'br KB'.padStart(7)}`);
for (const r of rows) console.log(`${r.name.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
const code = rows.filter((r) => r.kind === 'wasm' || r.kind === 'js');
const total = (key) => code.reduce((sum, r) => sum + r[key], 0);
console.log(`${'WebAssembly + JavaScript'.padEnd(48)} ${kb(total('raw'))} ${kb(total('gzip'))} ${kb(total('brotli'))}`);

if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ files: rows, budgetGzipKB: BUDGET_GZIP_KB }, null, 2));

if (!code.some((r) => r.kind === 'wasm')) {
  console.error(`size check: no .wasm file in ${dist}`);
  process.exit(1);
}
const gzipKB = total('gzip') / 1024;
if (gzipKB > BUDGET_GZIP_KB) {
  console.error(`size check FAILED: ${gzipKB.toFixed(1)} KB gzip > budget ${BUDGET_GZIP_KB} KB`);
  process.exit(1);
}
console.log(`size check ok: ${gzipKB.toFixed(1)} KB gzip <= budget ${BUDGET_GZIP_KB} KB`);
