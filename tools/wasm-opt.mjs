// Binaryen's wasm-opt on a WebAssembly module's bytes (tools/minify.mjs for
// the app's main module, tools/split.mjs for the files split off it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { withoutCustomSections } from './wasm-sections.mjs';

// wasm-opt from npm (binaryen, pinned in tools/package.json), run after
// wasm-bindgen as wasm-pack does. `-Os` and not `-Oz`: its code is larger but
// compresses smaller, and brotli is what a reader downloads
// (docs/performance.md, "Size"); twice, because the second pass still finds
// code to fold, for a few seconds more a build. The features are those
// rustc's wasm32 target emits. `--low-memory-unused` holds because Rust's
// wasm32 layout puts the stack first: it grows down from 1 MiB and the data
// lies above it.
export const wasmOpt = (bytes) => {
  const bin = join(dirname(createRequire(import.meta.url).resolve('binaryen/package.json')), 'bin', 'wasm-opt');
  const folder = mkdtempSync(join(tmpdir(), 'kasipodaq-wasm-opt-'));
  try {
    writeFileSync(join(folder, 'in.wasm'), bytes);
    execFileSync(process.execPath, [bin, join(folder, 'in.wasm'), '-o', join(folder, 'out.wasm'), '-Os', '-Os',
      '--low-memory-unused', '--enable-bulk-memory', '--enable-multivalue', '--enable-mutable-globals',
      '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-sign-ext'], { stdio: 'inherit' });
    return readFileSync(join(folder, 'out.wasm'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

/** A module as readers get it: optimized, without custom sections (before and after: wasm-opt keeps some). */
export const smallerWasm = (bytes) => withoutCustomSections(wasmOpt(withoutCustomSections(bytes)));
