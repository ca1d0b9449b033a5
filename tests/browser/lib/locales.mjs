// Reads the simple one-line messages of locales/{lang}/*.ftl, so the browser
// tests compare against the same texts the app shows, not a second copy.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const LANGS = ['kk', 'ru', 'en'];

function patterns(lang) {
  const dir = join(ROOT, 'locales', lang);
  const out = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const m = /^([a-z][a-z0-9-]*) = (.+)$/.exec(line);
      if (m) out[m[1]] = m[2].trim();
    }
  }
  return out;
}

/** Messages without placeables, by id. */
export function messages(lang) {
  return Object.fromEntries(Object.entries(patterns(lang)).filter(([, text]) => !text.includes('{')));
}

/** The document title the app builds from a page title, by the `document-title` pattern. */
export function documentTitle(lang, pageTitle) {
  const plain = messages(lang);
  return patterns(lang)['document-title']
    .replace('{ $page }', pageTitle)
    .replace(/\{ ([a-z-]+) \}/g, (_, id) => plain[id]);
}
