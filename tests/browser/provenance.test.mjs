// Provenance, history, former addresses and open data (issue 14): what a
// journalist checks before quoting a statement.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appReady, DIST, openPage, startSite } from './lib/browser.mjs';
import { format, LANGS, messages, ROOT } from './lib/locales.mjs';
import { statements } from './lib/content.mjs';

let site;
before(async () => {
  site = await startSite({ fallback: true });
});
after(async () => {
  await site?.close();
});

const ALMATY = '2019-10-14-trade-union-day-almaty';
const ALMATY_BEFORE = '2019-10-10-trade-union-day-almaty';
const ALMATY_ORIGINAL = 'https://kasipodaq.kz/2019/10/14/synonym-of-justice-and-the-fight-for-the-rights-of-workers/';
const CONGRESS = '2020-09-02-xxvi-congress-address-of-the-president';
const CONGRESS_BEFORE = 'xxvi-congress-address-of-the-president';
// The day of first publication in each language, as the page writes dates.
const OCTOBER_14 = { kk: '2019 жылғы 14 қазан', ru: '14 октября 2019 г.', en: '14 October 2019' };
const ON_PORTAL = {
  kk: 'жарияланды: 2026 жылғы 23 қараша · жаңартылды: 2026 жылғы 4 желтоқсан',
  ru: 'опубликовано 23 ноября 2026 г. · обновлено 4 декабря 2026 г.',
  en: 'published 23 November 2026 · updated 4 December 2026',
};

describe('a statement names its first publication, its portal dates and its changes', () => {
  for (const lang of LANGS) {
    test(`the Almaty report in ${lang}`, async () => {
      const { context, page, errors } = await openPage(site);
      await page.goto(`${site.url}/${lang}/statements/${ALMATY}/`);
      await appReady(page);
      const m = messages(lang);
      assert.equal(await page.locator('.statement__date time').textContent(), OCTOBER_14[lang]);
      assert.equal(await page.locator('.statement__dated-by').textContent(), m['statement-dated-by-publication']);
      const original = page.locator('.statement__facts a[rel="external"]');
      assert.equal(await original.getAttribute('href'), ALMATY_ORIGINAL);
      assert.equal(await original.textContent(), `kasipodaq.kz, ${OCTOBER_14[lang]}`);
      assert.equal(await page.locator('.statement__on-portal').textContent(), ON_PORTAL[lang]);
      const history = page.locator('.statement__history li');
      // en: wording, date, first publication; ru and kk: translation and wording
      assert.equal(await history.count(), 7);
      const lines = await history.allTextContents();
      assert.ok(lines.includes(`${{ kk: '2026 жылғы 4 желтоқсан', ru: '4 декабря 2026 г.', en: '4 December 2026' }[lang]} — ${m['history-version-ru']}: ${m['change-translation-corrected']}`), lines.join('\n'));
      assert.equal(await page.locator('.statement__history h2').textContent(), m['statement-history']);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the lines follow a language switch', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/en/statements/${ALMATY}/`);
    await appReady(page);
    await page.locator('.language-switcher a[hreflang="ru"]').click();
    await page.waitForURL(`**/ru/statements/${ALMATY}/`);
    await page.locator('.statement__on-portal', { hasText: ON_PORTAL.ru }).waitFor();
    assert.equal(await page.locator('.statement__history h2').textContent(), messages('ru')['statement-history']);
    await context.close();
  });

  test('a statement not found on kasipodaq.kz names no first publication, and lists each of its changes', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/en/statements/2019-06-12-general-council-congratulates-president/`);
    await appReady(page);
    assert.equal(await page.locator('.statement__facts a[rel="external"]').count(), 0, 'not found on kasipodaq.kz');
    assert.equal(await page.locator('.statement__dated-by').count(), 0);
    assert.equal(await page.locator('.statement__history li').count(), 2, 'its Kazakh translation and its editor\'s note');
    await context.close();
  });
});

describe('an address a statement had before sends the reader on', () => {
  for (const [before, now] of [[ALMATY_BEFORE, ALMATY], [CONGRESS_BEFORE, CONGRESS]]) {
    test(`${before} → ${now}, keeping the paragraph`, async () => {
      const { context, page } = await openPage(site);
      await page.goto(`${site.url}/ru/statements/${before}/#p3`);
      await page.waitForURL(`${site.url}/ru/statements/${now}/#p3`);
      await appReady(page);
      await page.locator('#p3.is-highlighted').waitFor();
      await context.close();
    });
  }

  test('without JavaScript: a link, a canonical address, and no index', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.request.get(`${site.url}/kk/statements/${ALMATY_BEFORE}/`);
    const html = await response.text();
    assert.ok(html.includes('<meta name="robots" content="noindex">'));
    assert.match(html, new RegExp(`<link rel="canonical" href="[^"]*/kk/statements/${ALMATY}/">`));
    await page.setContent(html);
    const link = page.locator('body a');
    assert.equal(await link.getAttribute('href'), `/kk/statements/${ALMATY}/`);
    assert.ok((await page.locator('body p').textContent()).startsWith(messages('kk')['statement-moved']));
    await context.close();
  });

  test('the old addresses are in no sitemap; a feed entry keeps the id it was first published under', () => {
    const sitemap = readFileSync(join(DIST, 'sitemap-1.xml'), 'utf8');
    assert.ok(!sitemap.includes(`/statements/${ALMATY_BEFORE}/`));
    assert.ok(sitemap.includes(`/statements/${ALMATY}/`));
    const feed = readFileSync(join(DIST, 'en/feed.xml'), 'utf8');
    const entry = feed.split('<entry>').find((e) => e.includes(`/en/statements/${ALMATY}/"`));
    assert.match(entry, new RegExp(`<id>[^<]*/en/statements/${ALMATY_BEFORE}/</id>`));
  });
});

describe('open data', () => {
  const all = statements();

  test('every statement page links its JSON, which holds every version, its provenance and history', async () => {
    const { context, page } = await openPage(site);
    for (const statement of all) {
      await page.goto(`${site.url}/en/statements/${statement.slug}/`);
      const href = await page.locator('link[rel="alternate"][type="application/json"]').getAttribute('href');
      assert.equal(href, `/data/statements/${statement.slug}.json`);
      const response = await page.request.get(`${site.url}${href}`);
      assert.equal(response.status(), 200);
      const data = await response.json();
      assert.equal(data.slug, statement.slug);
      for (const lang of LANGS) {
        assert.equal(data.versions[lang].title, statement.versions[lang].title);
        assert.equal(data.versions[lang].paragraphs.length, statement.versions[lang].paragraphs.length);
        assert.equal(data.versions[lang].translated_by, lang === statement.sourceLanguage ? null : 'portal');
      }
      assert.equal(data.record.published, '2026-11-23');
      assert.equal(data.terms_of_reuse, null, 'none stated by the federation yet, none invented');
    }
    const almaty = await (await page.request.get(`${site.url}/data/statements/${ALMATY}.json`)).json();
    assert.equal(almaty.record.original.url, ALMATY_ORIGINAL);
    assert.equal(almaty.record.dated_by_publication, true);
    assert.deepEqual(almaty.record.formerly, [ALMATY_BEFORE]);
    assert.equal(almaty.updated, '2026-12-04');
    const p1 = almaty.versions.ru.paragraphs[0];
    assert.ok(p1.html.startsWith('<p>') && !p1.text.includes('<'), p1.text);
    await context.close();
  });

  test('the index lists every statement, newest first, with the addresses of its data and pages', async () => {
    const index = JSON.parse(readFileSync(join(DIST, 'data/statements/index.json'), 'utf8'));
    assert.equal(index.count, all.length);
    assert.equal(index.pages, 1);
    assert.equal(index.next, null);
    assert.deepEqual(index.statements.map((s) => s.slug), all.map((s) => s.slug));
    assert.match(index.statements[0].data, /\/data\/statements\/[a-z0-9-]+\.json$/);
    for (const schema of ['statement.schema.json', 'statements-index.schema.json']) {
      assert.ok(existsSync(join(DIST, schema)), schema);
      assert.equal(JSON.parse(readFileSync(join(DIST, schema), 'utf8')).$schema, 'https://json-schema.org/draft/2020-12/schema');
    }
  });
});

describe('a citation that can be quoted', () => {
  const DIST_ARCHIVE = process.env.DIST_ARCHIVE ?? join(ROOT, 'dist-archive');
  const CONTENT_ARCHIVE = process.env.CONTENT_ARCHIVE ?? join(ROOT, 'target/archive-300');
  let archive;
  let archived;
  before(async () => {
    archive = await startSite({ root: DIST_ARCHIVE, fallback: false });
    archived = statements(CONTENT_ARCHIVE);
  });
  after(async () => {
    await archive?.close();
  });

  const formatDate = (lang, iso) => {
    const [year, month, day] = iso.split('-').map(Number);
    return format(lang, 'date-long', { day, month: format(lang, `month-${month}`), year });
  };
  const today = () => new Date(Date.now() + 5 * 3600e3).toISOString().slice(0, 10);
  const expected = (lang, s, n, origin) => {
    const v = s.versions[lang];
    // A page not yet translated cites the source text it shows.
    const textLang = s.languages.includes(lang) ? lang : s.sourceLanguage;
    const main = format(lang, 'statement-citation', {
      issuer: v.issuer,
      title: lang === 'en' ? v.title.replaceAll('“', '‘').replaceAll('”', '’') : v.title,
      translated: textLang === s.sourceLanguage ? '' : format(lang, `citation-translated-from-${s.sourceLanguage}`),
      date: v.date ? formatDate(lang, v.date) : format(lang, 'citation-no-date'),
      version: format(lang, `history-version-${textLang}`),
      paragraph: n ? format(lang, 'citation-paragraph', { n }) : '',
      url: `${origin}/${lang}/statements/${s.slug}/${n ? `#p${n}` : ''}`,
    });
    return `${main} ${format(lang, 'statement-citation-accessed', { date: formatDate(lang, today()) })}`;
  };

  for (const lang of LANGS) {
    test(`${lang}: the source text, a translation, an undated statement and one not yet translated, with and without a paragraph`, async () => {
      const long = (s) => s.versions[lang].paragraphs.length >= 2;
      const own = (s) => s.languages.includes(lang);
      const cases = {
        source: archived.find((s) => s.sourceLanguage === lang && s.date && long(s)),
        translation: archived.find((s) => s.sourceLanguage !== lang && own(s) && s.date && long(s)),
        undated: archived.find((s) => !s.date && own(s) && long(s)),
        untranslated: archived.find((s) => !own(s) && long(s)),
      };
      const { context, page } = await openPage(archive);
      for (const [kind, s] of Object.entries(cases)) {
        assert.ok(s, `the generated archive has a ${kind} statement in ${lang}`);
        for (const n of [null, 2]) {
          await page.goto(`${archive.url}/${lang}/statements/${s.slug}/${n ? `#p${n}` : ''}`);
          await appReady(page);
          const citation = (await page.locator('.citation').textContent()).trim();
          assert.equal(citation, expected(lang, s, n, archive.url), `${kind}, paragraph ${n}`);
          if (kind === 'translation') assert.ok(citation.includes(format(lang, `citation-translated-from-${s.sourceLanguage}`)));
          if (kind === 'undated') assert.ok(citation.includes(format(lang, 'citation-no-date')));
        }
      }
      await context.close();
    });
  }

  test('English quotes a title with quotation marks in it with single ones', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/en/statements/${CONGRESS}/`);
    await appReady(page);
    const citation = await page.locator('.citation').textContent();
    assert.ok(citation.includes('“Kasym-Jomart Tokayev: ‘Today'), citation);
    assert.ok(!citation.includes('"Today'), citation);
    await context.close();
  });
});

describe('share on phones', () => {
  const almaty = () => statements().find((s) => s.slug === ALMATY);

  test('where the browser has a share sheet, the button opens it with the title and the address, nothing added', async () => {
    const { context, page, errors } = await openPage(site);
    await page.addInitScript(() => {
      window.shared = [];
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        // A reader who closes the sheet: the promise is rejected.
        value: (data) => { window.shared.push({ ...data }); return Promise.reject(new DOMException('closed', 'AbortError')); },
      });
    });
    await page.goto(`${site.url}/ru/statements/${ALMATY}/#p3`);
    await appReady(page);
    const button = page.locator('.share-button');
    assert.equal(await button.textContent(), messages('ru')['statement-share-button']);
    await button.click();
    await page.waitForFunction(() => window.shared.length === 1);
    assert.deepEqual(await page.evaluate(() => window.shared), [
      { title: almaty().versions.ru.title, url: `${site.url}/ru/statements/${ALMATY}/#p3` },
    ]);
    assert.deepEqual(errors, [], 'a closed sheet is no error');
    await context.close();
  });

  test('where it has none, no share button: the link is copied instead', async () => {
    const { context, page } = await openPage(site);
    await page.addInitScript(() => { delete Navigator.prototype.share; });
    await page.goto(`${site.url}/en/statements/${ALMATY}/`);
    await appReady(page);
    assert.equal(await page.evaluate(() => 'share' in navigator), false);
    assert.equal(await page.locator('.share-button').count(), 0);
    assert.equal(await page.locator('.statement__share-buttons button').textContent(), messages('en')['statement-copy-link']);
    await context.close();
  });
});

describe('context notices', () => {
  // The notices as content/pages/contexts.toml gives them.
  const notices = {};
  let current;
  for (const line of readFileSync(join(ROOT, 'content/pages/contexts.toml'), 'utf8').split('\n')) {
    const table = /^\[([a-z0-9-]+)\]$/.exec(line);
    if (table) notices[(current = table[1])] = {};
    const text = /^(kk|ru|en) = (".*")$/.exec(line);
    if (text && current) notices[current][text[1]] = JSON.parse(text[2]);
  }
  const HQ = '2019-05-12-republican-headquarters-opened';

  for (const lang of LANGS) {
    test(`${lang}: on the statement, on the Platform section built from it, in its link preview and open data`, async () => {
      const { context, page } = await openPage(site);
      const notice = notices['presidential-election-2019'][lang];
      await page.goto(`${site.url}/${lang}/statements/${HQ}/`);
      await appReady(page);
      assert.equal(await page.locator('.statement__facts dd.context-note').textContent(), notice);
      // summary, whose translation it is, and the context where it fits in 300 characters
      const hq = statements().find((s) => s.slug === HQ);
      let expected = hq.versions[lang].summary;
      if (lang !== hq.sourceLanguage) expected += ` ${messages(lang)[`translated-from-${hq.sourceLanguage}`]}`;
      const withContext = `${expected} ${messages(lang)['statement-context-preview']} ${notice}`;
      if ([...withContext].length <= 300) expected = withContext;
      assert.equal(await page.locator('meta[property="og:description"]').getAttribute('content'), expected);
      await page.goto(`${site.url}/${lang}/platform/`);
      await appReady(page);
      const section = page.locator('section.points', { has: page.locator(`.points__from a[href="/${lang}/statements/${HQ}/"]`) });
      assert.equal(await section.locator('.context-note').textContent(), `${messages(lang)['statement-context']} ${notice}`);
      await context.close();
    });
  }

  test('in the open data, with its id', () => {
    const data = JSON.parse(readFileSync(join(DIST, `data/statements/${HQ}.json`), 'utf8'));
    assert.deepEqual(data.record.context, { id: 'presidential-election-2019', notice: notices['presidential-election-2019'] });
    const appeal = JSON.parse(readFileSync(join(DIST, 'data/statements/2023-01-27-appeal-on-mazhilis-and-maslikhat-elections.json'), 'utf8'));
    assert.equal(appeal.record.context.id, 'elections-2023');
    const almaty = JSON.parse(readFileSync(join(DIST, `data/statements/${ALMATY}.json`), 'utf8'));
    assert.equal(almaty.record.context, null);
  });
});

describe('a translation is marked as ours on the cards too', () => {
  for (const lang of LANGS) {
    test(`${lang}: the archive's cards`, async () => {
      const { context, page } = await openPage(site);
      await page.goto(`${site.url}/${lang}/statements/`);
      await appReady(page);
      for (const s of statements()) {
        const card = page.locator('.statement-card', { has: page.locator(`a[href="/${lang}/statements/${s.slug}/"]`) });
        const marks = await card.locator('.statement-card__translated').allTextContents();
        assert.deepEqual(marks, lang === s.sourceLanguage ? [] : [messages(lang)['card-translated']], s.slug);
      }
      await context.close();
    });
  }
});
