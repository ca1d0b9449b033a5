// The app's code each page downloads, from a release's files: what every
// page loads (the WebAssembly and JavaScript at the top of the build folder:
// the app, its loader, the page's script and the offline worker) and, for a
// page whose code is split off (src/page_code.rs), the files of its split
// point, as tools/split.mjs listed them in target/split-points/. Read by
// tools/size-check.mjs (which enforces the budgets on each page) and
// tests/browser/bench.mjs (which reports them).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A file's sizes: raw, gzip -9, brotli -q 11. */
export function measure(dist, name) {
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
}

/**
 * The pages by the split points they load: every other page (platform, Trade
 * Union Day, accessibility, not found) loads what the home page does.
 */
export const PAGES = [
  { page: 'home, platform, Trade Union Day, accessibility', points: [] },
  { page: 'the archive', points: ['archive'] },
  { page: 'a statement', points: ['statement'] },
  { page: 'contacts', points: ['contacts'] },
];

/**
 * The code of each page of the build in `dist`, each file measured once:
 * `shared` (every page's files), `pages` (each with its own files, `own`,
 * and the totals). Throws when the build split its code but left no list of it.
 */
export function codeByPage(dist) {
  const shared = readdirSync(dist).filter((f) => /\.(wasm|js)$/.test(f)).sort().map((name) => measure(dist, name));
  const listPath = join(root, 'target/split-points', `${basename(resolve(dist))}.json`);
  const split = existsSync(join(dist, 'split'));
  if (split && !existsSync(listPath)) throw new Error(`${dist} has split code but ${listPath} is missing: build with tools/build-release.sh`);
  const points = split ? JSON.parse(readFileSync(listPath, 'utf8')) : {};
  const sizes = new Map();
  const sized = (name) => {
    if (!sizes.has(name)) sizes.set(name, measure(dist, name));
    return sizes.get(name);
  };
  const total = (files, key) => files.reduce((sum, file) => sum + file[key], 0);
  const of = ({ page, points: names }) => {
    const own = [...new Set(names.flatMap((point) => points[point] ?? []))].map(sized);
    const files = [...shared, ...own];
    return { page, own, raw: total(files, 'raw'), gzip: total(files, 'gzip'), brotli: total(files, 'brotli') };
  };
  for (const { points: names } of PAGES) {
    for (const point of names) if (split && !points[point]) throw new Error(`${listPath} has no split point ${point}`);
  }
  return { shared, pages: PAGES.map(of), splitPoints: points };
}
