// Prints the sizes of the built WebAssembly and JavaScript (raw, gzip -9,
// brotli -q 11), each page's total (tools/page-code.mjs: what every page
// loads and, for the archive, a statement and contacts, their own code split
// off by tools/split.mjs), and fails when a page's compressed total exceeds
// its budget, or when the WebAssembly still carries custom sections
// (tools/minify.mjs takes them out: no reader needs them), or when a page
// carries more than its budget of the app's bytes (its inline scripts and the
// template of the app's preloads), which a host that compresses nothing sends
// in the page's first round trip.
// Usage: node tools/size-check.mjs [dist] [--json file]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { codeByPage, measure } from './page-code.mjs';
import { BUDGET_BROTLI_KB, BUDGET_GZIP_KB, BUDGET_PAGE_APP_BYTES } from './size-budgets.mjs';
import { customSectionNames } from './wasm-sections.mjs';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const dist = args[0] ?? 'dist';

const code = codeByPage(dist);
const css = readdirSync(dist).filter((f) => f.endsWith('.css')).sort().map((name) => measure(dist, name));
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const row = (name, r) => console.log(`${name.padEnd(56)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
console.log(`${'file'.padEnd(56)} ${'raw KB'.padStart(7)} ${'gzip KB'.padStart(7)} ${'br KB'.padStart(7)}`);
for (const r of [...code.shared, ...css]) row(r.name, r);
const own = new Map(code.pages.flatMap((p) => p.own).map((r) => [r.name, r]));
const splitFiles = [...own.keys()].sort();
for (const name of splitFiles) row(name, own.get(name));
console.log('\nWebAssembly + JavaScript a page downloads');
for (const p of code.pages) row(p.page, p);

if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify({ ...code, css, budgetBrotliKB: BUDGET_BROTLI_KB, budgetGzipKB: BUDGET_GZIP_KB }, null, 2));
}

if (!code.shared.some((r) => r.kind === 'wasm')) {
  console.error(`size check: no .wasm file in ${dist}`);
  process.exit(1);
}
let failed = false;
for (const name of [...code.shared.filter((r) => r.kind === 'wasm').map((r) => r.name), ...splitFiles]) {
  const custom = customSectionNames(readFileSync(join(dist, name)));
  if (custom.length > 0) {
    console.error(`size check FAILED: ${name} carries custom sections (${custom.join(', ')}): build with tools/build-release.sh`);
    failed = true;
  }
}
for (const [key, budget] of [['brotli', BUDGET_BROTLI_KB], ['gzip', BUDGET_GZIP_KB]]) {
  const largest = code.pages.reduce((most, p) => (p[key] > most[key] ? p : most));
  const size = largest[key] / 1024;
  if (size > budget) {
    console.error(`size check FAILED: ${largest.page}: ${size.toFixed(1)} KB ${key} > budget ${budget} KB`);
    failed = true;
  } else {
    console.log(`size check ok: at most ${size.toFixed(1)} KB ${key} in a page (${largest.page}) <= budget ${budget} KB`);
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
