// Every prerendered page of every language, from the same sources the build
// reads (locales/ and content/), for the tests that visit them all.
import { statements } from './content.mjs';
import { documentTitle, LANGS, messages } from './locales.mjs';

/**
 * The pages of each language besides the statements: the path under
 * /{lang}/ and the page's key (`page-{key}-title`). The five sections of the
 * navigation, then the accessibility statement (linked from the footer).
 */
export const SECTIONS = [
  { path: '', key: 'home' },
  { path: 'statements/', key: 'statements' },
  { path: 'platform/', key: 'platform' },
  { path: 'union-day/', key: 'union-day' },
  { path: 'contacts/', key: 'contacts' },
  { path: 'accessibility/', key: 'accessibility' },
];

/**
 * Every prerendered page: its language, path, the title its <title> must
 * carry, and its `kind` (a section's key, or `statement`, then with the
 * statement's version in that language as `statement`).
 */
export function pages() {
  const all = [];
  const STATEMENTS = statements();
  for (const lang of LANGS) {
    const text = messages(lang);
    for (const { path, key } of SECTIONS) {
      const pageTitle = key === 'home' ? text['site-name'] : text[`page-${key}-title`];
      all.push({ lang, kind: key, path: `/${lang}/${path}`, title: documentTitle(lang, pageTitle) });
    }
    for (const statement of STATEMENTS) {
      const version = statement.versions[lang];
      all.push({
        lang,
        kind: 'statement',
        path: `/${lang}/statements/${statement.slug}/`,
        title: documentTitle(lang, version.title),
        statement: version,
      });
    }
  }
  return all;
}
