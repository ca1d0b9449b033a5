// The statements' paragraphs travel in a file per statement (/texts/…),
// not in the WebAssembly: how the app fetches them, what a reader sees
// while they come and when they cannot, and the archive's search (Pagefind).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openPage, startSite } from './lib/browser.mjs';
import { isMessagesPath, messages } from './lib/locales.mjs';
import { statements } from './lib/content.mjs';

let site;
before(async () => {
  site = await startSite({ fallback: true });
});
after(async () => {
  await site?.close();
});

const all = statements();
const newest = all[0];
const textsOf = (slug) => `**/texts/${slug}-*.json`;
// A texts file, not a headers file (/texts/headers/…, what a page lists of the archive).
// A statement's or page's texts file (each language's messages are texts files too: below).
const isTexts = (url) => /^\/texts\/[^/]+$/.test(new URL(url).pathname) && !isMessages(url);
const isMessages = (url) => isMessagesPath(new URL(url).pathname);
const isHeaders = (url) => new URL(url).pathname.startsWith('/texts/headers/');
/**
 * Closes a context that routes requests. The offline worker may still be
 * fetching through a route (it caches the texts files after install); drop
 * the routes first so such a handler cannot fail after its test ended.
 */
async function closeRouted(context) {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
}
const paragraphs = (page) => page.locator('.statement__text .para').count();

/** Opens the English archive and follows the link to `statement`. */
async function fromArchive(page, statement) {
  await page.goto(`${site.url}/en/statements/`);
  await appReady(page);
  await page.locator(`.statement-card__title a[href="/en/statements/${statement.slug}/"]`).click();
  await page.locator('main h1').filter({ hasText: statement.versions.en.title }).waitFor();
}

describe('statement texts', () => {
  test('a deep link fetches its texts once (the page preloads them), then switches language without a request', async () => {
    const { context, page, requests, errors } = await openPage(site);
    await page.goto(`${site.url}/kk/statements/${newest.slug}/`);
    await appReady(page);
    const texts = requests.filter(isTexts);
    assert.equal(texts.length, 1, `${texts}`);
    assert.match(texts[0], new RegExp(`/texts/${newest.slug}-[A-Za-z0-9_-]{43}\\.json$`));
    // and its header (title, date, neighbours) once, from its headers file
    const headers = requests.filter(isHeaders);
    assert.equal(headers.length, 1, `${headers}`);
    assert.match(headers[0], new RegExp(`/texts/headers/statement-${newest.slug}\\.json$`));
    assert.equal(await paragraphs(page), newest.versions.kk.paragraphs.length);
    // The page's language's messages came for the takeover, the other two right after it.
    assert.deepEqual(requests.filter(isMessages).map((url) => new URL(url).pathname.split('-')[1]), ['kk', 'ru', 'en']);
    const before = requests.length;
    await page.locator('.language-switcher a[hreflang="en"]').click();
    await page.locator('main h1').filter({ hasText: newest.versions.en.title }).waitFor();
    assert.equal(await paragraphs(page), newest.versions.en.paragraphs.length);
    // Not even the browser's own check of the tab's icon: it is in the page.
    assert.deepEqual(requests.slice(before), [], 'the switch made no request');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('from the archive, a statement fetches its texts when opened; read again, it fetches nothing', async () => {
    const { context, page, requests } = await openPage(site);
    const other = all[1];
    await fromArchive(page, other);
    await page.locator('.statement__text .para').first().waitFor();
    assert.equal(await paragraphs(page), other.versions.en.paragraphs.length);
    assert.equal(requests.filter((url) => url.includes(`/texts/${other.slug}-`)).length, 1);
    await page.goBack();
    await page.locator('.statement-card').first().waitFor();
    await page.locator(`.statement-card__title a[href="/en/statements/${other.slug}/"]`).click();
    await page.locator('.statement__text .para').first().waitFor();
    assert.equal(requests.filter((url) => url.includes(`/texts/${other.slug}-`)).length, 1);
    await context.close();
  });

  test('when the texts cannot come, the reader gets the translated message and Try again brings them', async () => {
    const { context, page } = await openPage(site);
    const other = all[2];
    await context.route(textsOf(other.slug), (route) => route.abort('internetdisconnected'));
    await fromArchive(page, other);
    // Three attempts (after 1 s and 4 s) before the message.
    const failed = page.locator('.texts-failed[role="alert"]');
    await failed.waitFor({ timeout: 15000 });
    assert.equal(await failed.locator('p').textContent(), messages('en')['texts-failed']);
    assert.equal(await paragraphs(page), 0);
    // The header is there all along.
    assert.equal(await page.locator('main h1').textContent(), other.versions.en.title);
    // In Russian the message is Russian.
    await page.locator('.language-switcher a[hreflang="ru"]').click();
    await page.locator('main h1').filter({ hasText: other.versions.ru.title }).waitFor();
    assert.equal(await failed.locator('p').textContent(), messages('ru')['texts-failed']);
    await context.unroute(textsOf(other.slug));
    await failed.locator('button').click();
    await page.locator('.statement__text .para').first().waitFor();
    assert.equal(await paragraphs(page), other.versions.ru.paragraphs.length);
    assert.equal(await failed.count(), 0);
    await closeRouted(context);
  });

  test('a texts file whose content does not match its name is refused, never shown', async () => {
    const { context, page } = await openPage(site);
    const other = all[3];
    await context.route(textsOf(other.slug), async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<p>', '<p><img src=x onerror="window.__ran=1">Altered ');
      await route.fulfill({ response, body });
    });
    await fromArchive(page, other);
    const failed = page.locator('.texts-failed');
    await failed.waitFor();
    assert.equal(await paragraphs(page), 0);
    assert.equal(await page.locator('main').getByText('Altered').count(), 0);
    assert.equal(await page.evaluate(() => window.__ran), undefined);
    await closeRouted(context);
  });

  // The Platform's points and the accessibility statement are HTML from
  // their texts files too, through the same check.
  for (const [name, link, marker] of [['platform', '/en/platform/', '"text":["'], ['accessibility', '/en/accessibility/', '<h2>']]) {
    test(`the ${name} page's texts file altered is refused, never shown`, async () => {
      const { context, page } = await openPage(site);
      await context.route(`**/texts/${name}-*.json`, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(marker, `${marker}<img src=x onerror=window.__ran=1>Altered `);
        await route.fulfill({ response, body });
      });
      await page.goto(`${site.url}/en/`);
      await appReady(page);
      await page.locator(`a[href="${link}"]`).first().click();
      await page.locator('.texts-failed').waitFor();
      assert.equal(await page.locator('main').getByText('Altered').count(), 0);
      assert.equal(await page.evaluate(() => window.__ran), undefined);
      await closeRouted(context);
    });
  }

  test('a move to a statement whose texts file is gone (the site was published again) loads it from the host, once', async () => {
    const { context, page, requests } = await openPage(site);
    const other = all[2];
    let gone = 0;
    // The app's request and its question of the file's status (the browser
    // reports a 404 asked with an integrity hash as a failed check).
    await context.route(textsOf(other.slug), (route) => {
      gone += 1;
      return route.fulfill({ status: 404, body: 'Not found' });
    }, { times: 2 });
    await page.goto(`${site.url}/en/statements/`);
    await appReady(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator(`.statement-card__title a[href="/en/statements/${other.slug}/"]`).click();
    // reloaded: the new page's app fetched its texts again and shows them
    // (the prerendered paragraphs are there before the app starts).
    const fetched = () => requests.filter((url) => url.includes(`/texts/${other.slug}-`)).length;
    for (const until = Date.now() + 15000; fetched() < 2 && Date.now() < until;) await page.waitForTimeout(50);
    await appReady(page);
    assert.equal(await paragraphs(page), other.versions.en.paragraphs.length);
    assert.equal(gone, 2);
    assert.ok(fetched() >= 2, 'fetched again after the reload');
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'loaded from the host');
    assert.equal(new URL(page.url()).pathname, `/en/statements/${other.slug}/`);
    await context.close();
  });

  test('a deep link whose texts cannot come stays the readable prerendered page', async () => {
    const { context, page, errors } = await openPage(site);
    await context.route(textsOf(newest.slug), (route) => route.abort('internetdisconnected'));
    await page.goto(`${site.url}/en/statements/${newest.slug}/`);
    // Past the three attempts (1 s and 4 s apart).
    await page.waitForTimeout(6500);
    assert.equal(await page.evaluate(() => window.kasipodaqReady), undefined, 'the app did not take over');
    assert.equal(await paragraphs(page), newest.versions.en.paragraphs.length);
    assert.ok(await page.locator('#p1').isVisible());
    // The failed fetch is reported by the browser itself; the app adds no error.
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED')), []);
    await closeRouted(context);
  });
});

describe('the archive search (Pagefind)', () => {
  // "ratify" is only in the body of one statement (its summary says "ratification").
  const bodyOnly = 'ratify';
  const expected = '2019-06-12-general-council-congratulates-president';

  test('nothing of the search comes before the reader focuses the box; words of the texts are found', async () => {
    const { context, page, requests } = await openPage(site);
    await page.goto(`${site.url}/en/statements/`);
    await appReady(page);
    await page.waitForTimeout(300);
    assert.deepEqual(requests.filter((url) => url.includes('/pagefind/')), []);
    await page.locator('#archive-q').focus();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/pagefind.js')));
    await page.locator('#archive-q').fill(bodyOnly);
    await page.waitForFunction((n) => document.querySelectorAll('.statement-card').length === n, 1);
    assert.equal(await page.locator('.statement-card__title a').getAttribute('href'), `/en/statements/${expected}/#p8`);
    assert.equal(await page.locator('.statement-card__summary mark').first().textContent(), bodyOnly);
    assert.equal(await page.locator('.archive-partial').count(), 0);
    await context.close();
  });

  test('when the search cannot load, the archive says so in the page\'s language and keeps its links', async () => {
    const { context, page } = await openPage(site);
    await context.route('**/pagefind/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${site.url}/ru/statements/`);
    await appReady(page);
    await page.locator('#archive-q').fill(bodyOnly);
    const note = page.locator('.archive-partial');
    await note.waitFor({ timeout: 15000 });
    assert.equal(await note.textContent(), messages('ru')['archive-search-failed']);
    assert.equal(await note.getAttribute('role'), 'alert');
    assert.equal(await page.locator('.statement-card').count(), 0);
    // the years and kinds still lead on
    assert.ok(await page.locator('.archive-browse a[href="/ru/statements/2019/"]').isVisible());
    await closeRouted(context);
  });
});

describe('the texts of Platform, Union Day and the accessibility statement', () => {
  // Each page's long texts are a texts file too: what the page shows of it.
  const pages = [
    { name: 'platform', shown: '.points h2, .points .point' },
    { name: 'union-day', shown: '.points h2, .points .point' },
    { name: 'accessibility', shown: '.accessibility-statement h2, .accessibility-statement li' },
  ];
  const isFileOf = (name) => (url) => new RegExp(`/texts/${name}-[A-Za-z0-9_-]{43}\\.json$`).test(url);

  for (const { name, shown } of pages) {
    test(`${name}: a deep link fetches its texts once, shows what the static page shows, and switches language without a request`, async () => {
      const plain = await site.browser.newContext({ javaScriptEnabled: false });
      const still = await plain.newPage();
      await still.goto(`${site.url}/kk/${name}/`);
      const prerendered = await still.locator(shown).allTextContents();
      await plain.close();
      assert.ok(prerendered.length >= 5, `${prerendered}`);

      const { context, page, requests, errors } = await openPage(site);
      await page.goto(`${site.url}/kk/${name}/`);
      await appReady(page);
      assert.equal(requests.filter(isFileOf(name)).length, 1, `${requests}`);
      assert.deepEqual(await page.locator(shown).allTextContents(), prerendered);
      const before = requests.length;
      await page.locator('.language-switcher a[hreflang="en"]').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const english = await page.locator(shown).allTextContents();
      assert.equal(english.length, prerendered.length);
      assert.notDeepEqual(english, prerendered);
      assert.deepEqual(requests.slice(before), [], 'the switch made no request');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('opened from a link, a page whose texts cannot come says so in its language, and Try again brings them', async () => {
    const { context, page } = await openPage(site);
    await context.route('**/texts/union-day-*.json', (route) => route.abort('internetdisconnected'));
    await page.goto(`${site.url}/kk/`);
    await appReady(page);
    await page.locator('.site-nav a[href="/kk/union-day/"]').click();
    const failed = page.locator('.texts-failed[role="alert"]');
    await failed.waitFor({ timeout: 15000 });
    assert.equal(await failed.locator('p').textContent(), messages('kk')['texts-failed']);
    // The page's own heading and the countdown are there all along.
    assert.equal(await page.locator('main h1').textContent(), messages('kk')['page-union-day-title']);
    assert.equal(await page.locator('.points').count(), 0);
    await context.unroute('**/texts/union-day-*.json');
    await failed.getByRole('button', { name: messages('kk')['texts-retry'] }).click();
    await page.locator('.points .point').first().waitFor();
    assert.equal(await failed.count(), 0);
    await closeRouted(context);
  });
});
