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

/**
 * Every message of locales/{lang}/*.ftl as its Fluent source value, the
 * multi-line ones (select expressions) included: the first line's text and
 * the indented lines after it.
 */
function sources(lang) {
  const dir = join(ROOT, 'locales', lang);
  const out = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    let id = null;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const start = /^([a-z][a-z0-9-]*) =(.*)$/.exec(line);
      if (start) {
        id = start[1];
        out[id] = start[2].trim();
      } else if (id && /^\s+\S/.test(line)) {
        out[id] += `\n${line.trim()}`;
      } else if (line.trim() !== '') {
        id = null;
      }
    }
  }
  return out;
}

/** The index of the `}` closing the `{` at `open`. */
function closing(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unclosed placeable in ${JSON.stringify(text)}`);
}

/**
 * A small Fluent resolver for the forms our catalogues use: text,
 * `{ $var }`, `{ message-id }`, and `{ $var -> [key] text *[other] text }`
 * with one-line variants (numbers choose by `Intl.PluralRules`, as the app
 * does with the browser's). Anything else throws, so a new form is noticed.
 */
function resolve(lang, pattern, args, all) {
  let out = '';
  let at = 0;
  while (at < pattern.length) {
    const open = pattern.indexOf('{', at);
    if (open < 0) {
      out += pattern.slice(at);
      break;
    }
    out += pattern.slice(at, open);
    const end = closing(pattern, open);
    const inner = pattern.slice(open + 1, end).trim();
    at = end + 1;
    let m;
    if ((m = /^\$([a-zA-Z][\w-]*)$/.exec(inner))) {
      if (!(m[1] in args)) throw new Error(`no argument $${m[1]}`);
      out += String(args[m[1]]);
    } else if ((m = /^([a-z][a-z0-9-]*)$/.exec(inner))) {
      out += resolve(lang, all[m[1]], args, all);
    } else if ((m = /^\$([a-zA-Z][\w-]*)\s*->\s*([\s\S]*)$/.exec(inner))) {
      const value = args[m[1]];
      const variants = [...m[2].matchAll(/^(\*?)\[([^\]]+)\][ \t]*(.*)$/gm)].map(([, star, key, text]) => ({
        isDefault: star === '*', key: key.trim(), text: text.trim(),
      }));
      const category = typeof value === 'number' ? new Intl.PluralRules(lang).select(value) : String(value);
      const chosen = variants.find((v) => typeof value === 'number' && Number(v.key) === value)
        ?? variants.find((v) => v.key === category)
        ?? variants.find((v) => v.isDefault);
      out += resolve(lang, chosen.text, args, all);
    } else {
      throw new Error(`unsupported placeable { ${inner} }`);
    }
  }
  return out.trim();
}

/**
 * The message `id` in `lang` with `args`, as the app formats it: e.g.
 * `format('ru', 'contacts-count', { count: 5 })` → "5 штабов".
 */
export function format(lang, id, args = {}) {
  const all = sources(lang);
  if (!(id in all)) throw new Error(`no message ${id} in ${lang}`);
  return resolve(lang, all[id], args, all);
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
