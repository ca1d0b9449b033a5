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
// KASIPODAQ_SEARCH_RECENT: at most how many statements of each language the
// newest index holds, by whole years (1000; the tests build a small archive
// with a smaller one).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import * as pagefind from 'pagefind';

const dist = process.argv[2] ?? 'dist';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const pagefindVersion = JSON.parse(readFileSync(join(ROOT, 'tools', 'node_modules', 'pagefind', 'package.json'), 'utf8')).version;
const RECENT = Number(process.env.KASIPODAQ_SEARCH_RECENT ?? 1000);

function fail(message) {
  console.error(`search-index: ${message}`);
  process.exit(1);
}
if (!Number.isInteger(RECENT) || RECENT < 1) fail(`KASIPODAQ_SEARCH_RECENT=${process.env.KASIPODAQ_SEARCH_RECENT} is not a whole number of statements`);

/**
 * The pages the prerender marked for the search: address, file, language,
 * and the year its folder starts with (a dated statement's slug starts with
 * its date; `undefined` for most undated ones).
 */
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
          path,
          lang: /<html[^>]* lang="([a-z]+)"/.exec(content)?.[1] ?? '?',
          year: /^(\d{4})-/.exec(basename(dir))?.[1],
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
const CHUNK = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? '3000';
const OLDER_CHUNK = String(Math.round(Number(CHUNK) / 2));

/**
 * Writes one index into `out`, with chunks of about `chunk` bytes: the
 * statement pages of the `years` given (Pagefind reads them itself, on every
 * core, by a pattern of their folders: a dated statement's slug starts with
 * its date) and the `pages` given one by one. Its page count per language.
 */
async function write({ years, pages }, out, chunk) {
  // The setting is read when Pagefind's process starts: one process per index.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunk;
  const { index, errors } = await pagefind.createIndex({});
  if (errors.length) fail(errors.join('\n'));
  if (years.length > 0) {
    const glob = `*/statements/${years.length > 1 ? `{${years.join(',')}}` : years[0]}-*/index.html`;
    const added = await index.addDirectory({ path: dist, glob });
    if (added.errors.length) fail(added.errors.join('\n'));
  }
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page.url, content: readFileSync(page.path, 'utf8') });
    if (added.errors.length) fail(`${page.url}: ${added.errors.join('\n')}`);
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) fail(written.errors.join('\n'));
  // Pagefind's own interfaces: the app has its own (src/components/search_results.rs).
  for (const name of readdirSync(out)) {
    if (/-ui\.(js|css)$/.test(name) || name === 'pagefind-highlight.js') rmSync(join(out, name));
  }
  await pagefind.close();
  return pageCounts(out);
}

/** Places the files under `from` at the same paths under `to`, as hard links (copies across devices). */
function linkTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** The page count per language of the index in `dir`. */
function pageCounts(dir) {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  return Object.fromEntries(Object.entries(entry.languages ?? {}).map(([lang, l]) => [lang, l.page_count]));
}

const pages = marked(dist);
if (pages.length === 0) fail(`no page of ${dist} is marked for the search`);
// The newest years whose statements number at most RECENT in each language
// (the newest year at least) make the first index; the older years and the
// undated statements the second. By whole years, so Pagefind reads each
// index's pages itself: given one by one, they took half as long again.
const taken = {};
const years = {};
for (const page of pages) {
  taken[page.lang] = (taken[page.lang] ?? 0) + 1;
  if (page.year) {
    const counts = (years[page.year] ??= {});
    counts[page.lang] = (counts[page.lang] ?? 0) + 1;
  }
}
const recent = { years: [], pages: [] };
const older = { years: [], pages: [] };
const running = {};
for (const year of Object.keys(years).sort().reverse()) {
  const next = Object.fromEntries(Object.entries(years[year]).map(([lang, n]) => [lang, (running[lang] ?? 0) + n]));
  const full = recent.years.length > 0 && Object.values(next).some((n) => n > RECENT);
  if (full || older.years.length > 0) {
    older.years.push(year);
  } else {
    recent.years.push(year);
    Object.assign(running, next);
  }
}
// Undated statements, whose folders start with no year.
const loose = pages.filter((page) => !page.year);
(older.years.length > 0 ? older : recent).pages.push(...loose);
const out = join(dist, 'pagefind');
const olderOut = join(out, 'older');
const hasOlder = older.years.length + older.pages.length > 0;
// The older statements' index is kept from the last build of this folder
// when none of its pages changed (one more statement changes only the
// newest): a copy under target/search-index/ with the hash of what it is
// made of.
const olderHash = createHash('sha256').update(`${pagefindVersion}\0${OLDER_CHUNK}\0`);
if (hasOlder) {
  const olderYears = new Set(older.years);
  const olderPages = [...pages.filter((p) => olderYears.has(p.year)), ...older.pages];
  for (const page of olderPages.sort((x, y) => x.url.localeCompare(y.url))) {
    olderHash.update(`${page.url}\0`).update(readFileSync(page.path)).update('\0');
  }
}
const olderDigest = olderHash.digest('hex');
const kept = join(ROOT, 'target', 'search-index', basename(resolve(dist)));
const keep = hasOlder && existsSync(join(kept, 'pagefind-entry.json')) && existsSync(`${kept}.sha256`)
  && readFileSync(`${kept}.sha256`, 'utf8') === olderDigest;
rmSync(out, { recursive: true, force: true });
const counts = [await write(recent, out, CHUNK)];
if (keep) {
  linkTree(kept, olderOut);
  counts.push(pageCounts(olderOut));
} else if (hasOlder) {
  counts.push(await write(older, olderOut, OLDER_CHUNK));
  rmSync(`${kept}.sha256`, { force: true });
  rmSync(kept, { recursive: true, force: true });
  linkTree(olderOut, kept);
  writeFileSync(`${kept}.sha256`, olderDigest);
}

for (const [lang, count] of Object.entries(taken)) {
  const got = counts.reduce((sum, c) => sum + (c[lang] ?? 0), 0);
  if (got !== count) fail(`${lang}: ${got} pages in the index, ${count} marked`);
}
// The app's calls into Pagefind (src/pagefind-glue.js) run in Pagefind's
// module and come with it: appended to its script, whose own names it uses
// (its names kept, prefixed, so they meet none of Pagefind's).
const script = join(out, 'pagefind.js');
const pagefindScript = readFileSync(script, 'utf8');
for (const name of ['pagefind', 'PagefindWrapper', 'search', 'mergeIndex', 'destroy']) {
  if (!new RegExp(`\\bvar ${name}\\s*=`).test(pagefindScript)) fail(`Pagefind's pagefind.js has no ${name} of its own: the glue cannot be appended`);
}
const glue = readFileSync(join(ROOT, 'src', 'pagefind-glue.js'), 'utf8');
writeFileSync(script, `${pagefindScript}\n${transformSync(glue, { loader: 'js', minifyWhitespace: true, minifySyntax: true }).code}`);

// Which languages have older statements, for the app (src/search.rs): always
// written, so asking never meets a missing file.
const olderLanguages = Object.keys(counts[1] ?? {}).sort();
writeFileSync(join(out, 'older.json'), `${JSON.stringify({ languages: olderLanguages })}\n`);
if (existsSync(join(out, 'older', 'pagefind-entry.json')) !== hasOlder) fail('the older statements\' index is not where the app looks for it');
const split = hasOlder ? `; ${recent.years.at(-1)}-${recent.years[0]} in pagefind/, the older and undated statements in pagefind/older/${keep ? ' (kept: none of them changed)' : ''}` : '';
console.log(`search-index: ${pages.length} statement pages indexed (${Object.entries(taken).map(([l, n]) => `${l} ${n}`).join(', ')})${split}`);
