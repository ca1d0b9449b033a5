// Every prerendered page of every language, from the same sources the build
// reads (locales/ and content/), for the tests that visit them all.
import { statements } from './content.mjs';
import { documentTitle, format, LANGS, messages } from './locales.mjs';

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

/** How many statements one archive page lists (kasipodaq_core::urls::ARCHIVE_PAGE_SIZE). */
export const ARCHIVE_PAGE_SIZE = 50;

/**
 * Every archive view the build writes besides the first page of the whole
 * archive (which is a section): each page of the whole archive, of each
 * year, each kind and each kind within a year that has statements, as
 * { year, kind, page, path } with the path under /{lang}/.
 */
export function archiveViews(STATEMENTS = statements()) {
  const counts = new Map();
  const add = (year, kind) => {
    const key = `${year ?? ''}|${kind ?? ''}`;
    counts.set(key, { year, kind, count: (counts.get(key)?.count ?? 0) + 1 });
  };
  for (const s of STATEMENTS) {
    const year = s.date ? Number(s.date.slice(0, 4)) : undefined;
    add(undefined, undefined);
    add(undefined, s.kind);
    if (year) {
      add(year, undefined);
      add(year, s.kind);
    }
  }
  const views = [];
  for (const { year, kind, count } of counts.values()) {
    for (let page = 1; page <= Math.max(1, Math.ceil(count / ARCHIVE_PAGE_SIZE)); page += 1) {
      if (!year && !kind && page === 1) continue;
      const path = `statements/${year ? `${year}/` : ''}${kind ? `kind/${kind}/` : ''}${page > 1 ? `page/${page}/` : ''}`;
      views.push({ year, kind, page, path });
    }
  }
  return views.sort((a, b) => a.path.localeCompare(b.path));
}

/** The heading (and title) of an archive view in `lang`: "Statements, 2019, Letter, page 2". */
export function archiveHeading(lang, { year, kind, page }) {
  const text = messages(lang);
  const parts = [text['page-statements-title']];
  if (year) parts.push(String(year));
  if (kind) parts.push(text[`kind-${kind}`]);
  if (page > 1) parts.push(format(lang, 'archive-page', { page }));
  return parts.join(', ');
}

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
    for (const view of archiveViews(STATEMENTS)) {
      const heading = archiveHeading(lang, view);
      all.push({ lang, kind: 'statements', path: `/${lang}/${view.path}`, title: documentTitle(lang, heading), heading });
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

/** The statements an archive page lists, once its headers file is read
 * (after a move, the list says it is loading until then). */
export async function listed(page) {
  await page.waitForFunction(() => !document.querySelector('main .texts-loading'));
  return page.locator('.statement-card__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}
