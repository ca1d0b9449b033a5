// The accessibility statement (issue 6), as a reader meets it: in each
// language its heading, every text of locales/{lang}/accessibility.ftl in
// order and the link for reports to the federation's own website; the
// footer link of every page; client navigation to it from the footer; the
// language switch on it; and the offline worker keeping it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, DIST, openPage, startSite, waitKept } from './lib/browser.mjs';
import { documentTitle, LANGS, messages, ROOT } from './lib/locales.mjs';
import { pages } from './lib/pages.mjs';

/** The federation's website (content/SOURCES.md): the only address given for reports. */
const FEDERATION_SITE = 'https://kasipodaq.kz/';
const path = (lang) => `/${lang}/accessibility/`;

/**
 * The statement's texts after its lead, in the order of the file (which is
 * the page's order), as the page shows them: the report paragraph ends with
 * the link's text.
 */
function statementTexts(lang) {
  const text = messages(lang);
  const ids = [...readFileSync(join(ROOT, 'locales', lang, 'accessibility.ftl'), 'utf8').matchAll(/^(a11y-[a-z0-9-]+) =/gm)]
    .map((m) => m[1]);
  return ids.map((id) => (id === 'a11y-report-where' ? `${text[id]} kasipodaq.kz` : text[id]));
}

let site;
before(async () => {
  site = await startSite({ fallback: false });
});
after(async () => {
  await site?.close();
});

describe('the accessibility statement', () => {
  for (const lang of LANGS) {
    test(`in ${lang}: its heading, title, description, every text in order, and the report link`, async () => {
      const { context, page, errors } = await openPage(site);
      const text = messages(lang);
      await page.goto(site.url + path(lang));
      await appReady(page);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.locator('main h1').textContent(), text['page-accessibility-title']);
      assert.equal(await page.title(), documentTitle(lang, text['page-accessibility-title']));
      // (the prerendered head's and the app's own, once it has taken the page over)
      const descriptions = await page.locator('meta[name="description"]').evaluateAll((ms) => ms.map((m) => m.content));
      assert.ok(descriptions.length > 0 && descriptions.every((d) => d === text['page-accessibility-description']), descriptions.join(' | '));
      assert.equal(await page.locator('main .lead').textContent(), text['page-accessibility-description']);

      const statement = page.locator('main .accessibility-statement');
      assert.deepEqual(await statement.locator('h2, p, li').allTextContents(), statementTexts(lang));
      assert.equal(await statement.locator('h2').count(), 4);
      assert.equal(await statement.locator('ul').count(), 3);

      // Reports go to the federation's website, the only address we have:
      // no e-mail address or phone number is offered.
      const report = statement.locator(`p a[href="${FEDERATION_SITE}"]`);
      assert.equal(await report.count(), 1);
      assert.equal(await report.textContent(), 'kasipodaq.kz');
      assert.ok(await report.isVisible());
      assert.equal(await statement.locator('a').count(), 1);
      assert.equal(await page.locator('main a[href^="mailto:"], main a[href^="tel:"]').count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the footer of every page links to it in the page\'s language', async () => {
    for (const { lang, path: pagePath } of pages()) {
      const html = await (await fetch(site.url + pagePath)).text();
      const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));
      assert.ok(footer.includes(`<a href="${path(lang)}">${messages(lang)['page-accessibility-title']}</a>`), pagePath);
    }
  });

  test('the footer link opens it without a reload, with focus on its heading', async () => {
    const { context, page, errors } = await openPage(site);
    await page.goto(`${site.url}/ru/platform/`);
    await appReady(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator(`footer a[href="${path('ru')}"]`).click();
    await page.waitForURL(site.url + path('ru'));
    const title = messages('ru')['page-accessibility-title'];
    await page.waitForFunction((t) => document.activeElement?.matches('main h1') && document.activeElement.textContent === t, title, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    assert.equal(await page.title(), documentTitle('ru', title));
    // its body comes from its texts file, after the heading
    await page.locator('main .accessibility-statement h2').first().waitFor();
    assert.deepEqual(await page.locator('main .accessibility-statement').locator('h2, p, li').allTextContents(), statementTexts('ru'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the language switch keeps the reader on it', async () => {
    const { context, page, errors } = await openPage(site);
    await page.goto(site.url + path('en'));
    await appReady(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    for (const lang of ['kk', 'ru', 'en']) {
      await page.locator(`.language-switcher a[hreflang="${lang}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      assert.equal(page.url(), site.url + path(lang));
      assert.equal(await page.locator('main h1').textContent(), messages(lang)['page-accessibility-title']);
      assert.deepEqual(await page.locator('main .accessibility-statement').locator('h2, p, li').allTextContents(), statementTexts(lang));
      assert.equal(await page.locator(`main a[href="${FEDERATION_SITE}"]`).count(), 1);
    }
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the offline worker keeps it in every language once read (it precaches only the home pages)', async () => {
    const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
    for (const lang of LANGS) assert.ok(!worker.includes(`"${path(lang)}"`), lang);
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/en/`);
    await appReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    for (const lang of LANGS) {
      await page.goto(site.url + path(lang));
      await appReady(page);
    }
    await waitKept(page, [...LANGS.map(path), '/texts/accessibility-']);
    await context.close();
  });
});
