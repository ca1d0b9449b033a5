// The size budgets, read by tools/size-check.mjs (which enforces them) and
// tests/browser/bench.mjs (which reports them).
//
// Budgets for WebAssembly + JavaScript, KB = 1024 bytes.
//
// Brotli, 200 KB (issue 6): what the documented deployment sends. The build
// writes brotli copies (tools/precompress.mjs) and deploy/nginx.conf serves
// them to every browser that accepts brotli (all current ones, over HTTPS).
//
// Gzip: what a host without brotli sends. The budget sits just above
// today's figure, so any growth shows; docs/performance.md has its history
// and where the bytes go. The app's code no longer grows with the archive
// (its statements come in headers files), so the same budget holds for an
// archive of any size.
export const BUDGET_BROTLI_KB = Number(process.env.SIZE_BUDGET_BROTLI_KB ?? 200);
export const BUDGET_GZIP_KB = Number(process.env.SIZE_BUDGET_GZIP_KB ?? 242);

