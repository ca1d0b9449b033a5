// Builds the archive's search index with Pagefind (npm `pagefind`, pinned in
// tools/package-lock.json; its binary ships in the package) from the written
// site: every statement page in each language, as the prerender marked them
// (data-pagefind-body). The app loads it only when a reader searches.
//
// Two indexes: the newest statements (`pagefind/`) and the older ones
// (`pagefind/older/`, only when there are more than RECENT). Pagefind reads
// a table of every page of a language before its first results, and that
// table grows with the archive; the newest statements' index keeps the first
// results as quick at any N, and the app searches the older ones right after
// they show, saying so (src/search.rs, docs/performance.md).
//
// An index that cannot be built, or that misses a statement page, stops the
// release: a search that silently finds less is worse than none.
//
// Usage: node tools/search-index.mjs dist
// KASIPODAQ_SEARCH_RECENT: how many statements of each language the newest
// index holds (1000; the tests build a small archive with a smaller one).
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import * as pagefind from 'pagefind';

const dist = process.argv[2] ?? 'dist';
const RECENT = Number(process.env.KASIPODAQ_SEARCH_RECENT ?? 1000);

function fail(message) {
  console.error(`search-index: ${message}`);
  process.exit(1);
}
if (!Number.isInteger(RECENT) || RECENT < 1) fail(`KASIPODAQ_SEARCH_RECENT=${process.env.KASIPODAQ_SEARCH_RECENT} is not a whole number of statements`);

/** The pages the prerender marked for the search: address, language, date, text. */
function marked(dir, pages = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'pagefind') marked(path, pages);
    } else if (name === 'index.html') {
      const content = readFileSync(path, 'utf8');
      if (content.includes('data-pagefind-body')) {
        const folder = relative(dist, dir).split(sep).join('/');
        pages.push({
          url: `/${folder}/`,
          lang: /<html[^>]* lang="([a-z]+)"/.exec(content)?.[1] ?? '?',
          // Undated statements sort as the oldest.
          date: /data-pagefind-meta="date:([0-9-]+)"/.exec(content)?.[1] ?? '',
          content,
        });
      }
    }
  }
  return pages;
}

// Pagefind splits each language's word index into chunks, and a query reads
// the chunk its word falls in. At its default size (about 20 KB) a keystroke
// that reached a new chunk fetched more than 20 KB with its results; with
// smaller chunks each keystroke's bytes stay the same at any N, at the price
// of a longer chunk table in the file read before the first results
// (docs/performance.md). Pagefind calls the setting unstable: its version is
// pinned (tools/package-lock.json), and the bench's --check holds the bytes.
// The older statements' index is searched after the first results, so its
// longer table costs no wait; its smaller chunks keep a keystroke that reads
// a chunk of each index within the same bytes.
const CHUNK = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? '4000';
const OLDER_CHUNK = String(Math.round(Number(CHUNK) / 2));

/**
 * Writes one index of `pages` into `out` with chunks of about `chunk` bytes;
 * its page count per language.
 */
async function write(pages, out, chunk) {
  // The setting is read when Pagefind's process starts: one process per index.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunk;
  const { index, errors } = await pagefind.createIndex({});
  if (errors.length) fail(errors.join('\n'));
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page.url, content: page.content });
    if (added.errors.length) fail(`${page.url}: ${added.errors.join('\n')}`);
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) fail(written.errors.join('\n'));
  // Pagefind's own interfaces: the app has its own (src/components/search_results.rs).
  for (const name of readdirSync(out)) {
    if (/-ui\.(js|css)$/.test(name) || name === 'pagefind-highlight.js') rmSync(join(out, name));
  }
  await pagefind.close();
  const entry = JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8'));
  return Object.fromEntries(Object.entries(entry.languages ?? {}).map(([lang, l]) => [lang, l.page_count]));
}

const pages = marked(dist);
if (pages.length === 0) fail(`no page of ${dist} is marked for the search`);
// Newest first, then by address, so the same site always splits the same way.
pages.sort((a, b) => b.date.localeCompare(a.date) || a.url.localeCompare(b.url));
const recent = [];
const older = [];
const taken = {};
for (const page of pages) {
  taken[page.lang] = (taken[page.lang] ?? 0) + 1;
  (taken[page.lang] <= RECENT ? recent : older).push(page);
}
const out = join(dist, 'pagefind');
rmSync(out, { recursive: true, force: true });
const counts = [await write(recent, out, CHUNK)];
if (older.length > 0) counts.push(await write(older, join(out, 'older'), OLDER_CHUNK));

for (const [lang, count] of Object.entries(taken)) {
  const got = counts.reduce((sum, c) => sum + (c[lang] ?? 0), 0);
  if (got !== count) fail(`${lang}: ${got} pages in the index, ${count} marked`);
}
// The app's merging of more indexes (src/pagefind-glue.js) runs in
// Pagefind's module and comes with it: appended to its script, whose
// `mergeIndex` and `destroy` it calls (its names kept, prefixed, so they
// meet none of Pagefind's).
const script = join(out, 'pagefind.js');
const pagefindScript = readFileSync(script, 'utf8');
for (const name of ['mergeIndex', 'destroy']) {
  if (!new RegExp(`\\bvar ${name}\\s*=`).test(pagefindScript)) fail(`Pagefind's pagefind.js has no ${name} of its own: the glue cannot be appended`);
}
const glue = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'pagefind-glue.js'), 'utf8');
writeFileSync(script, `${pagefindScript}\n${transformSync(glue, { loader: 'js', minifyWhitespace: true, minifySyntax: true }).code}`);

// Which languages have older statements, for the app (src/search.rs): always
// written, so asking never meets a missing file.
const olderLanguages = Object.keys(counts[1] ?? {}).sort();
writeFileSync(join(out, 'older.json'), `${JSON.stringify({ languages: olderLanguages })}\n`);
if (existsSync(join(out, 'older', 'pagefind-entry.json')) !== older.length > 0) fail('the older statements\' index is not where the app looks for it');
const split = older.length > 0 ? `; the newest ${RECENT} of each language in pagefind/, the rest in pagefind/older/` : '';
console.log(`search-index: ${pages.length} statement pages indexed (${Object.entries(taken).map(([l, n]) => `${l} ${n}`).join(', ')})${split}`);
