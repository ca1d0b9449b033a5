// Builds the archive's search index with Pagefind (npm `pagefind`, pinned in
// tools/package-lock.json; its binary ships in the package) from the written
// site: every statement page in each language, as the prerender marked them
// (data-pagefind-body). The app loads it only when a reader searches.
//
// An index that cannot be built, or that misses a statement page, stops the
// release: a search that silently finds less is worse than none.
//
// Usage: node tools/search-index.mjs dist
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const dist = process.argv[2] ?? 'dist';

/** The pages the prerender marked for the search, by language. */
function marked(dir, counts = {}) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'pagefind') marked(path, counts);
    } else if (name === 'index.html') {
      const html = readFileSync(path, 'utf8');
      if (html.includes('data-pagefind-body')) {
        const lang = /<html[^>]* lang="([a-z]+)"/.exec(html)?.[1] ?? '?';
        counts[lang] = (counts[lang] ?? 0) + 1;
      }
    }
  }
  return counts;
}

function fail(message) {
  console.error(`search-index: ${message}`);
  process.exit(1);
}

// Pagefind splits each language's word index into chunks, and a query reads
// the chunk its word falls in. At its default size (about 20 KB) a keystroke
// that reached a new chunk fetched more than 20 KB with its results; with
// smaller chunks each keystroke's bytes stay the same at any N, at the price
// of a longer chunk table in the file read before the first results
// (docs/performance.md). Pagefind calls the setting unstable: its version is
// pinned (tools/package-lock.json), and the bench's --check holds the bytes.
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '4000';

const expected = marked(dist);
const total = Object.values(expected).reduce((a, b) => a + b, 0);
if (total === 0) fail(`no page of ${dist} is marked for the search`);
const { index, errors } = await pagefind.createIndex({});
if (errors.length) fail(errors.join('\n'));
const added = await index.addDirectory({ path: dist });
if (added.errors.length) fail(added.errors.join('\n'));
const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length) fail(written.errors.join('\n'));
await pagefind.close();
// Pagefind's own interfaces: the app has its own (src/components/search_results.rs).
for (const name of readdirSync(join(dist, 'pagefind'))) {
  if (/-ui\.(js|css)$/.test(name) || name === 'pagefind-highlight.js') rmSync(join(dist, 'pagefind', name));
}
const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
for (const [lang, count] of Object.entries(expected)) {
  const got = entry.languages?.[lang]?.page_count;
  if (got !== count) fail(`${lang}: ${got} pages in the index, ${count} marked`);
}
console.log(`search-index: ${total} statement pages indexed (${Object.entries(expected).map(([l, n]) => `${l} ${n}`).join(', ')})`);
