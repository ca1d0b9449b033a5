// The messages as the build compiled them (locales/{lang}/*.ftl through the
// build's Fluent compiler, read from the build's manifest: lib/manifest.mjs),
// so the browser tests compare against the same texts the app shows.
import { basename } from 'node:path';
import { manifestOf, ROOT } from './manifest.mjs';

export { ROOT };
export const LANGS = ['kk', 'ru', 'en'];

/** Whether a site path is one of the app's messages files (`/texts/messages-{lang}-{hash}.json`, written by build.rs). */
export const isMessagesPath = (path) => /^\/texts\/messages-(kk|ru|en)-[A-Za-z0-9_-]{43}\.json$/.test(path);

/** The compiled messages of `lang`, by id (from the build under test). */
function compiled(lang) {
  return manifestOf(basename(process.env.DIST ?? 'dist')).messages[lang];
}

const isPlain = (pieces) => pieces.every((piece) => typeof piece === 'string');

/** Messages without variables, by id. */
export function messages(lang) {
  return Object.fromEntries(Object.entries(compiled(lang)).filter(([, pieces]) => isPlain(pieces)).map(([id, pieces]) => [id, pieces.join('')]));
}

/** The document title the app builds from a page title, by the `document-title` pattern. */
export function documentTitle(lang, pageTitle) {
  return format(lang, 'document-title', { page: pageTitle });
}

/**
 * A compiled pattern with `args`: variables as given, a selection by the
 * exact number, else its plural category (`Intl.PluralRules`, as the app
 * does with the browser's), else the string, else the default variant.
 */
function resolve(lang, pieces, args) {
  return pieces.map((piece) => {
    if (typeof piece === 'string') return piece;
    if ('var' in piece) {
      if (!(piece.var in args)) throw new Error(`no argument $${piece.var}`);
      return String(args[piece.var]);
    }
    const value = args[piece.select];
    const category = typeof value === 'number' ? new Intl.PluralRules(lang).select(value) : String(value);
    const chosen = piece.variants.find((v) => typeof value === 'number' && v.key === value)
      ?? piece.variants.find((v) => v.key === category)
      ?? piece.variants[piece.default];
    return resolve(lang, chosen.pieces, args);
  }).join('');
}

/**
 * The message `id` in `lang` with `args`, as the app formats it: e.g.
 * `format('ru', 'contacts-count', { count: 5 })` → "5 штабов".
 */
export function format(lang, id, args = {}) {
  const all = compiled(lang);
  if (!(id in all)) throw new Error(`no message ${id} in ${lang}`);
  return resolve(lang, all[id], args);
}

/**
 * A RegExp matching the message `id` in `lang` whatever the values of the
 * variables named in `free` (e.g. `{ age: true }` for "Updated … ago."),
 * with `args` for the others.
 */
export function messagePattern(lang, id, free, args = {}) {
  // Each free argument becomes a mark no translation holds (a private-use
  // character around its number), then a group that takes any text.
  const marks = Object.fromEntries(Object.keys(free).map((name, i) => [name, `\uE000${i}\uE000`]));
  const text = format(lang, id, { ...args, ...marks });
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\uE000\d+\uE000/g, '(.+)');
  return new RegExp(`^${escaped}$`);
}
