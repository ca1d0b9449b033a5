// The archive search's calls into Pagefind and its merging of more indexes,
// appended to Pagefind's own pagefind.js by tools/search-index.mjs: it runs
// in Pagefind's module (its instance `pagefind`, `PagefindWrapper`, `search`,
// `mergeIndex` and `destroy`, which the build checks are there) and arrives
// with it in the same request, and it stays out of the WebAssembly that every
// page loads. The app calls it through the module
// (src/search.rs).
/* global pagefind:writable, PagefindWrapper, search, mergeIndex, destroy */

// What kasipodaqInit was given, for the merges that follow: the first
// index's language, the site's languages, its pagefind/ folder and its root.
let kasipodaqSite = null;

/**
 * Loads Pagefind with its first index in `lang`, one of the site's
 * `languages`; `bundle` is the site's pagefind/ folder, `baseUrl` the site's
 * root. Pagefind's own `init` takes that language from the page's
 * `<html lang>`, whatever the options say; the app may want another (a quote
 * pasted in another script: src/search.rs), so the instance is made here as
 * `init` makes it, in the language asked for.
 */
export async function kasipodaqInit(lang, languages, bundle, baseUrl) {
  kasipodaqSite = { lang, languages, bundle, baseUrl };
  pagefind = new PagefindWrapper({
    basePath: bundle,
    baseUrl,
    excerptLength: 24,
    language: lang,
    // Without its worker: one request and one round trip fewer before the
    // first results, and a search over our archive is short work for the
    // main thread (the bench measures it).
    noWorker: true,
    primary: true,
  });
  await pagefind.waitForInit();
}

/** The results for `query` within `year` and `kind` (either may be undefined), unread. */
export async function kasipodaqSearch(query, year, kind) {
  const filters = {};
  if (year !== undefined) filters.year = year;
  if (kind !== undefined) filters.kind = kind;
  return (await search(query, { filters })).results;
}

/** The data of each of `results`, read at once (a request each, in parallel). */
export function kasipodaqRead(results) {
  return Promise.all(results.map((result) => result.data()));
}

// Each index and language merged in: `recent:ru`, `older:kk`.
const kasipodaqMerged = new Set();
// The languages that have older statements (pagefind/older.json), once read.
let kasipodaqOlder = null;

/** Whether a search now still lacks older statements it could have. */
export function kasipodaqOlderPending() {
  const { lang } = kasipodaqSite;
  return kasipodaqOlder === null
    || kasipodaqOlder.some((each) => (each === lang || kasipodaqMerged.has(`recent:${each}`)) && !kasipodaqMerged.has(`older:${each}`));
}

/**
 * Merges more of the archive into the search: `recent`, the newest
 * statements of the site's other languages than the first index's;
 * `older`, the older statements of the languages searched. The first
 * index's language ranks first. Resolves to whether anything was merged.
 */
export async function kasipodaqMerge(tier) {
  const { lang, languages, bundle, baseUrl } = kasipodaqSite;
  let wanted = languages.filter((each) => each !== lang);
  if (tier === 'older') {
    kasipodaqOlder ??= await kasipodaqOlderLanguages(bundle);
    wanted = kasipodaqOlder.filter((each) => each === lang || kasipodaqMerged.has(`recent:${each}`));
  }
  wanted = wanted.filter((each) => !kasipodaqMerged.has(`${tier}:${each}`));
  // Under its full address: Pagefind ignores a merge of the path it already
  // has, whatever the language asked for.
  const url = new URL(tier === 'older' ? `${bundle}older/` : bundle, location.href).href;
  for (const each of wanted) {
    kasipodaqMerged.add(`${tier}:${each}`);
    try {
      await mergeIndex(url, { language: each, baseUrl, indexWeight: each === lang ? 1 : 0.5 });
    } catch (error) {
      // The index it could not load stays in Pagefind's list and fails every
      // later search: all is forgotten, and the app loads Pagefind afresh.
      kasipodaqMerged.clear();
      await destroy();
      throw error;
    }
  }
  return wanted.length > 0;
}

async function kasipodaqOlderLanguages(bundle) {
  const response = await fetch(`${bundle}older.json`);
  const text = await response.text();
  // A host that answers a missing file with a page has none.
  if (response.status === 404 || text.trimStart().startsWith('<')) return [];
  if (!response.ok) throw new Error(`${bundle}older.json: ${response.status}`);
  return JSON.parse(text).languages;
}
