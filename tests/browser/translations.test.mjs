// Statements published before their translations, and translations behind
// their source (issue 15): read in a release of a generated archive, which has
// both (tools/gen-archive.mjs), as readers and search engines see them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appReady, openPage, startSite } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';
import { format, LANGS, ROOT } from './lib/locales.mjs';

const DIST_ARCHIVE = process.env.DIST_ARCHIVE ?? join(ROOT, 'dist-archive');
const CONTENT_ARCHIVE = process.env.CONTENT_ARCHIVE ?? join(ROOT, 'target/archive-300');
// How the page writes 2026-12-01, the day gen-archive corrects a source.
const DECEMBER_1 = { kk: '2026 жылғы 1 желтоқсан', ru: '1 декабря 2026 г.', en: '1 December 2026' };

let site;
let all;
let partial;
let missing;
let stale;
before(async () => {
  assert.ok(existsSync(DIST_ARCHIVE) && existsSync(CONTENT_ARCHIVE), 'build dist-archive first (see archive-scale.test.mjs)');
  all = statements(CONTENT_ARCHIVE);
  partial = all.find((s) => s.languages.length < 3 && s.date);
  assert.ok(partial, 'the generated archive has a statement not yet translated into every language');
  missing = LANGS.find((lang) => !partial.languages.includes(lang));
  stale = all.find((s) => /\[\[changes\]\]\ndate = "2026-12-01"/.test(
    readFileSync(join(CONTENT_ARCHIVE, s.slug, `${s.sourceLanguage}.md`), 'utf8')) && s.slug !== partial.slug);
  assert.ok(stale, 'the generated archive has a corrected source');
  site = await startSite({ root: DIST_ARCHIVE, fallback: false });
});
after(async () => {
  await site?.close();
});

const html = (path) => readFileSync(join(DIST_ARCHIVE, path, 'index.html'), 'utf8');
const untranslated = (lang, source) => format(lang, 'statement-untranslated', { source });

describe('a statement published before its translation', () => {
  for (const lang of LANGS) {
    test(`a page in ${lang} shows the source text under a notice in ${lang}`, async () => {
      const untranslatedHere = all.find((s) => !s.languages.includes(lang));
      assert.ok(untranslatedHere, `the generated archive has a statement not yet in ${lang}`);
      const source = untranslatedHere.sourceLanguage;
      const { context, page, errors } = await openPage(site);
      await page.goto(`${site.url}/${lang}/statements/${untranslatedHere.slug}/`);
      await appReady(page);
      assert.equal(await page.locator('.origin-note').textContent(), untranslated(lang, source));
      assert.equal(await page.locator('.statement__text').getAttribute('lang'), source);
      assert.equal(await page.locator('.statement h1').textContent(), untranslatedHere.versions[source].title);
      assert.equal(await page.locator('html').getAttribute('lang'), lang, 'the page itself stays in its language');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the language switch goes between the source text and its place in another language, keeping #pN', async () => {
    const source = partial.sourceLanguage;
    const { context, page, errors } = await openPage(site);
    await page.goto(`${site.url}/${missing}/statements/${partial.slug}/#p1`);
    await appReady(page);
    assert.equal(await page.locator('.origin-note').textContent(), untranslated(missing, source));
    assert.equal(await page.locator('.statement__text').getAttribute('lang'), source);
    assert.equal(await page.locator('.statement h1').getAttribute('lang'), source);
    assert.equal(await page.locator('.statement h1').textContent(), partial.versions[source].title);
    const first = await page.locator('#p1 .para__text').textContent();
    assert.ok(partial.versions[source].paragraphs[0].includes(first.trim().slice(0, 40)), first);
    // The languages it exists in have their own text and no notice.
    await page.locator(`.language-switcher a[hreflang="${source}"]`).click();
    await page.waitForURL(`**/${source}/statements/${partial.slug}/#p1`);
    assert.equal(await page.locator('.statement__text').getAttribute('lang'), null);
    assert.equal(await page.locator('.statement h1').textContent(), partial.versions[source].title);
    assert.notEqual(await page.locator('.origin-note').first().textContent(), untranslated(source, source));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('without the app, the prerendered page says the same, and search engines are told not to index it', () => {
    const source = partial.sourceLanguage;
    const page = html(`${missing}/statements/${partial.slug}`);
    assert.ok(page.includes(untranslated(missing, source).replace(/&/g, '&amp;')), 'the notice');
    // (A failed match would print the whole page: test, then say what is missing.)
    const has = (pattern, what) => assert.ok(pattern.test(page), what);
    has(new RegExp(`<div lang="${source}" class="statement__text">`), 'the text\'s lang');
    has(/<meta name="robots" content="noindex">/, 'noindex');
    // Its canonical page is the source text's; only real versions are alternates.
    has(new RegExp(`<link rel="canonical" href="[^"]*/${source}/statements/${partial.slug}/">`), 'canonical');
    const alternates = [...page.matchAll(/<link rel="alternate" hreflang="([a-z-]+)"/g)].map((m) => m[1]);
    assert.deepEqual(alternates, [...partial.languages, 'x-default']);
    // Not in the search index of that language: not marked for it.
    assert.ok(!page.includes('data-pagefind-body'));
    for (const lang of partial.languages) {
      const own = html(`${lang}/statements/${partial.slug}`);
      assert.ok(!own.includes('name="robots"'), `${lang} is indexed`);
      assert.ok(own.includes('data-pagefind-body'), `${lang} is searched`);
    }
  });

  test('the sitemap, the open data and the archive list know which versions exist', () => {
    const sitemap = readFileSync(join(DIST_ARCHIVE, 'sitemap-1.xml'), 'utf8');
    for (const lang of LANGS) {
      const listed = sitemap.includes(`/${lang}/statements/${partial.slug}/</loc>`);
      assert.equal(listed, partial.languages.includes(lang), `${lang} in the sitemap`);
    }
    const data = JSON.parse(readFileSync(join(DIST_ARCHIVE, 'data/statements', `${partial.slug}.json`), 'utf8'));
    assert.deepEqual(data.languages, partial.languages);
    // (A JSON object's keys in the order serde_json writes them: sorted.)
    assert.deepEqual(Object.keys(data.versions), [...partial.languages].sort());
    assert.deepEqual(Object.keys(data.pages), [...partial.languages].sort());
    // The year's list in the missing language shows the title in its own language.
    const year = html(`${missing}/statements/${partial.date.slice(0, 4)}`);
    const card = new RegExp(`<p lang="${partial.sourceLanguage}" class="statement-card__title"><a href="[^"]*/${missing}/statements/${partial.slug}/"`);
    assert.ok(card.test(year), 'the card\'s title has the source\'s lang');
  });
});

describe('a statement scheduled for later', () => {
  test('has no page, no open data, no place in the archive\'s lists, the sitemap, the feeds or the search', () => {
    const later = statements(CONTENT_ARCHIVE, { scheduled: true });
    assert.ok(later.length >= 1, 'the generated archive schedules some');
    const everywhere = (dir) => readdirSync(dir, { recursive: true })
      .filter((name) => /\.(json|xml|html)$/.test(name))
      .map((name) => readFileSync(join(dir, name), 'utf8'));
    const files = [
      ...everywhere(join(DIST_ARCHIVE, 'texts')),
      ...everywhere(join(DIST_ARCHIVE, 'data')),
      ...LANGS.map((lang) => readFileSync(join(DIST_ARCHIVE, lang, 'feed.xml'), 'utf8')),
      readFileSync(join(DIST_ARCHIVE, 'sitemap-1.xml'), 'utf8'),
      html('en/statements'),
    ];
    for (const statement of later) {
      for (const lang of LANGS) {
        assert.ok(!existsSync(join(DIST_ARCHIVE, lang, 'statements', statement.slug)), `${lang} page of ${statement.slug}`);
      }
      assert.ok(!files.some((text) => text.includes(statement.slug)), `${statement.slug} is named somewhere`);
    }
  });
});

describe('a translation made before its source changed', () => {
  for (const lang of LANGS) {
    test(`in ${lang}`, async () => {
      const { context, page, errors } = await openPage(site);
      await page.goto(`${site.url}/${lang}/statements/${stale.slug}/`);
      await appReady(page);
      const notes = await page.locator('.origin-note').allTextContents();
      const notice = format(lang, 'statement-stale', { source: stale.sourceLanguage, date: DECEMBER_1[lang] });
      assert.equal(notes.includes(notice), lang !== stale.sourceLanguage, notes.join('\n'));
      const data = JSON.parse(readFileSync(join(DIST_ARCHIVE, 'data/statements', `${stale.slug}.json`), 'utf8'));
      assert.equal(data.versions[lang].behind_source_since, lang === stale.sourceLanguage ? null : '2026-12-01');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
