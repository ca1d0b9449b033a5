// Prints the sizes of the built WebAssembly and JavaScript (raw, gzip -9,
// brotli -q 11) and fails when either compressed total exceeds its budget, or
// when the WebAssembly still carries custom sections (tools/minify.mjs takes
// them out: no reader needs them), or when a page carries more than its
// budget of the app's bytes (its inline scripts and the template of the app's
// preloads), which a host that compresses nothing sends in the page's first
// round trip. The files split off the WebAssembly for the search
// (`split/`, tools/split.mjs) are listed apart: only a search loads them, so
// they count in the search's budget (tests/browser/bench.mjs), not here.
// Each language's messages file (`texts/messages-*.json`) is listed apart
// too: data, like the pages' texts files, of which a page fetches its own
// language's with the app (the other two come after the takeover); the
// code with the largest of them is reported, not held to the budget.
// Usage: node tools/size-check.mjs [dist] [--json file]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { BUDGET_BROTLI_KB, BUDGET_GZIP_KB, BUDGET_PAGE_APP_BYTES } from './size-budgets.mjs';
import { customSectionNames } from './wasm-sections.mjs';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const dist = args[0] ?? 'dist';

const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
const splitFiles = existsSync(join(dist, 'split'))
  ? readdirSync(join(dist, 'split')).filter((f) => f.endsWith('.wasm')).sort().map((f) => `split/${f}`)
  : [];
const measure = (name) => {
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
};
const rows = files.map(measure);
const splitRows = splitFiles.map(measure);
const messagesFiles = existsSync(join(dist, 'texts'))
  ? readdirSync(join(dist, 'texts')).filter((f) => /^messages-[a-z]{2}-.*\.json$/.test(f)).sort().map((f) => `texts/${f}`)
  : [];
const messagesRows = messagesFiles.map(measure);

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`${'file'.padEnd(48)} ${'raw KB'.padStart(7)} ${'gzip KB'.padStart(7)} ${'br KB'.padStart(7)}`);
for (const r of rows) console.log(`${r.name.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
const code = rows.filter((r) => r.kind === 'wasm' || r.kind === 'js');
const total = (key) => code.reduce((sum, r) => sum + r[key], 0);
console.log(`${'WebAssembly + JavaScript'.padEnd(48)} ${kb(total('raw'))} ${kb(total('gzip'))} ${kb(total('brotli'))}`);
for (const r of splitRows) console.log(`${`${r.name} (with a search)`.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
for (const r of messagesRows) console.log(`${`${r.name.slice(0, 20)}… (messages, data)`.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
if (messagesRows.length) {
  const largest = (key) => Math.max(...messagesRows.map((r) => r[key]));
  console.log(`${'  + the largest messages file'.padEnd(48)} ${kb(total('raw') + largest('raw'))} ${kb(total('gzip') + largest('gzip'))} ${kb(total('brotli') + largest('brotli'))}`);
}

if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify({ files: rows, split: splitRows, messages: messagesRows, budgetBrotliKB: BUDGET_BROTLI_KB, budgetGzipKB: BUDGET_GZIP_KB }, null, 2));
}

if (!code.some((r) => r.kind === 'wasm')) {
  console.error(`size check: no .wasm file in ${dist}`);
  process.exit(1);
}
let failed = false;
for (const name of [...files.filter((f) => f.endsWith('.wasm')), ...splitFiles]) {
  const custom = customSectionNames(readFileSync(join(dist, name)));
  if (custom.length > 0) {
    console.error(`size check FAILED: ${name} carries custom sections (${custom.join(', ')}): build with tools/build-release.sh`);
    failed = true;
  }
}
for (const [key, name, budget] of [['brotli', 'brotli', BUDGET_BROTLI_KB], ['gzip', 'gzip', BUDGET_GZIP_KB]]) {
  const size = total(key) / 1024;
  if (size > budget) {
    console.error(`size check FAILED: ${size.toFixed(1)} KB ${name} > budget ${budget} KB`);
    failed = true;
  } else {
    console.log(`size check ok: ${size.toFixed(1)} KB ${name} <= budget ${budget} KB`);
  }
}

// The app's bytes in each page: what the page carries for the app beside its
// own text (tools/minify.mjs minifies the scripts; the prerender writes the
// template).
const pages = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith('.html') ? [path] : [];
  });
const appBytes = (html) =>
  [...html.matchAll(/<script type="module">[\s\S]*?<\/script>|<template id="kasipodaq-app">[\s\S]*?<\/template>/g)]
    .reduce((sum, [part]) => sum + Buffer.byteLength(part), 0);
const [largest, largestBytes] = pages(dist)
  .map((path) => [path, appBytes(readFileSync(path, 'utf8'))])
  .reduce((most, each) => (each[1] > most[1] ? each : most), ['', 0]);
if (largestBytes === 0) {
  console.error(`size check FAILED: no page in ${dist} carries the app's scripts`);
  failed = true;
} else if (largestBytes > BUDGET_PAGE_APP_BYTES) {
  console.error(`size check FAILED: ${largest} carries ${largestBytes} bytes of the app's scripts and preloads > budget ${BUDGET_PAGE_APP_BYTES}`);
  failed = true;
} else {
  console.log(`size check ok: at most ${largestBytes} bytes of the app's scripts and preloads in a page (${largest}) <= budget ${BUDGET_PAGE_APP_BYTES}`);
}
if (failed) process.exit(1);
