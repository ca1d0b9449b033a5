// How the release fetches a split-off file of the app (tools/split.mjs puts
// this in the app's script, in place of wasm-split's plain fetch): with its
// integrity hash, so the browser refuses an altered copy. A file that cannot
// be had (the site published again since the page was loaded, a failed
// upload, no network) leaves the page to the host: src/page_code.rs.

export const splitFetch = (url, integrity) => fetch(url, { integrity });
