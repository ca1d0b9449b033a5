// How the release fetches a split-off file of the app (tools/split.mjs puts
// this in the app's script, in place of wasm-split's plain fetch): with its
// integrity hash, so the browser refuses an altered copy.
//
// When it cannot be had, one request more asks the host whether it still has
// the file. A host that answers 404 or 410, or a page in its place (hosts of
// single-page apps), no longer has it: the site was published again since
// this page was loaded, and the new release's files replaced this one's. Then
// `kasipodaqGone` tells the app (src/components/search_results.rs), which
// loads the page again from the host. Once a tab and file: a file the host
// still lacks after that reload is a failed upload, and the reader gets the
// search's failure message, never a loop.

const GONE_KEY = 'kasipodaq.gone';

export const splitFetch = (url, integrity) =>
  fetch(url, { integrity }).catch(async (error) => {
    const head = await fetch(url, { method: 'HEAD', cache: 'no-store' }).catch(() => undefined);
    const page = /^text\/html/.test(head?.headers.get('content-type') ?? '');
    if (head && (head.status === 404 || head.status === 410 || (head.ok && page))) {
      try {
        if (sessionStorage.getItem(GONE_KEY) !== url.pathname) {
          sessionStorage.setItem(GONE_KEY, url.pathname);
          window.kasipodaqGone = true;
        }
      } catch {
        // No storage (some private modes): no reload, so no loop either.
      }
    }
    throw error;
  });
