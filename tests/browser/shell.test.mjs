// The app shell in a real browser, against the release build (issue 2).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openPage, startSite } from './lib/browser.mjs';
import { documentTitle, LANGS, messages } from './lib/locales.mjs';

let site;
before(async () => {
  site = await startSite({ fallback: true });
});
after(async () => {
  await site?.close();
});

const h1 = (page) => page.locator('main h1').first().textContent();

describe('home page', () => {
  for (const lang of LANGS) {
    test(`renders in ${lang} with no console error`, async () => {
      const { context, page, errors } = await openPage(site);
      await page.goto(`${site.url}/${lang}/`);
      await appReady(page);
      const text = messages(lang);
      assert.equal(await h1(page), text['site-name']);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.title(), documentTitle(lang, text['site-name']));
      assert.equal(await page.locator('main .lead').first().textContent(), text['home-lead']);
      // every section is reachable from the navigation, in this language
      const navHrefs = await page.locator('.site-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(navHrefs, ['', 'statements/', 'platform/', 'union-day/', 'contacts/'].map((p) => `/${lang}/${p}`));
      assert.equal(await page.locator('.site-nav a[aria-current="page"]').getAttribute('href'), `/${lang}/`);
      // the next Trade Union Day is a 10 October
      assert.match(await page.locator('.next-union-day time').getAttribute('datetime'), /^\d{4}-10-10$/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('every route exists and has its own title and description', () => {
  const pages = [
    ['statements/', 'page-statements-title'],
    ['platform/', 'page-platform-title'],
    ['union-day/', 'page-union-day-title'],
    ['contacts/', 'page-contacts-title'],
  ];
  for (const lang of LANGS) {
    test(`in ${lang}`, async () => {
      const { context, page, errors } = await openPage(site);
      const text = messages(lang);
      for (const [path, key] of pages) {
        await page.goto(`${site.url}/${lang}/${path}`);
        await appReady(page);
        assert.equal(await h1(page), text[key], path);
        assert.equal(await page.title(), documentTitle(lang, text[key]), path);
        assert.equal(await page.locator('.site-nav a[aria-current="page"]').getAttribute('href'), `/${lang}/${path}`);
        // One description, the page's own: the app's replaces the prerendered one.
        assert.deepEqual(await descriptions(page), [text[key.replace('-title', '-description')]], path);
      }
      // Also after the app moved to another page and to another language.
      await page.locator(`.site-nav a[href="/${lang}/statements/"]`).click();
      await page.waitForFunction((t) => document.title.startsWith(t), text['page-statements-title']);
      assert.deepEqual(await descriptions(page), [text['page-statements-description']]);
      const other = lang === 'en' ? 'ru' : 'en';
      await page.locator(`.language-switcher a[hreflang="${other}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, other);
      assert.deepEqual(await descriptions(page), [messages(other)['page-statements-description']]);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

/** The content of every `<meta name="description">` of the page. */
function descriptions(page) {
  return page.locator('meta[name="description"]').evaluateAll((metas) => metas.map((m) => m.content));
}

describe('/ picks the language', () => {
  const cases = [
    ['the browser language kk-KZ', { locale: 'kk-KZ' }, null, 'kk'],
    ['the browser language ru-RU', { locale: 'ru-RU' }, null, 'ru'],
    ['English when no browser language is ours', { locale: 'de-DE' }, null, 'en'],
    ['a saved choice over the browser language', { locale: 'kk-KZ' }, 'ru', 'ru'],
    ['the browser language over a broken saved choice', { locale: 'kk-KZ' }, 'xx', 'kk'],
  ];
  for (const [name, options, saved, expected] of cases) {
    test(name, async () => {
      const { context, page } = await openPage(site, options);
      if (saved) {
        await context.addInitScript((value) => localStorage.setItem('kasipodaq.lang', value), saved);
      }
      await page.goto(`${site.url}/`);
      await page.waitForURL(`${site.url}/${expected}/`);
      await appReady(page);
      assert.equal(await page.getAttribute('html', 'lang'), expected);
      assert.equal(await h1(page), messages(expected)['site-name']);
      // the redirect replaced the history entry: "back" leaves the site
      // instead of bouncing through / again
      await page.goBack();
      assert.equal(page.url(), 'about:blank');
      await context.close();
    });
  }
});

describe('language switch', () => {
  test('keeps path, query and fragment, makes no request and no reload, and is saved', async () => {
    const { context, page, errors, requests } = await openPage(site, { locale: 'en-GB' });
    await page.goto(`${site.url}/en/platform/?year=2019#p2`);
    await appReady(page);
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => { window.__sameDocument = true; });
    const before = requests.length;

    await page.locator('.language-switcher a[hreflang="kk"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'kk');

    assert.equal(page.url(), `${site.url}/kk/platform/?year=2019#p2`);
    const kk = messages('kk');
    assert.equal(await h1(page), kk['page-platform-title']);
    assert.equal(await page.title(), documentTitle('kk', kk['page-platform-title']));
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    // None at all: Chromium re-requests a tab icon file after every history
    // navigation, and the icon is in the page instead.
    assert.deepEqual(requests.slice(before), [], 'no network request');
    assert.equal(await page.evaluate(() => localStorage.getItem('kasipodaq.lang')), 'kk');
    assert.equal(await page.locator('.language-switcher a[aria-current]').getAttribute('hreflang'), 'kk');
    // the switcher now offers the same place in the other languages
    assert.equal(await page.locator('.language-switcher a[hreflang="ru"]').getAttribute('href'), '/ru/platform/?year=2019#p2');

    // the next visit to / goes to the saved language
    await page.goto(`${site.url}/`);
    await page.waitForURL(`${site.url}/kk/`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the switcher is a list of links with hreflang, usable by keyboard', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/ru/union-day/`);
    await appReady(page);
    const links = page.locator('.language-switcher li > a');
    assert.equal(await links.count(), 3);
    assert.deepEqual(await links.evaluateAll((as) => as.map((a) => [a.hreflang, a.lang, a.textContent])),
      LANGS.map((lang) => [lang, lang, messages(lang)['language-autonym']]));
    // Tab from the top: the skip link first, then the site name, then the languages
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement.getAttribute('hreflang'))) !== 'en' && guard++ < 10) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/en/union-day/`);
    assert.equal(await h1(page), messages('en')['page-union-day-title']);
    await context.close();
  });

  test('after following a link, focus is on the new page\'s heading', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/en/`);
    await appReady(page);
    await page.locator('.site-nav a[href="/en/union-day/"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/en/union-day/`);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), messages('en')['page-union-day-title']);
    // a language switch keeps focus on the switcher
    await page.locator('.language-switcher a[hreflang="ru"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('hreflang')), 'ru');
    await context.close();
  });

  test('the skip link moves focus to the main content', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/en/`);
    await appReady(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await context.close();
  });
});

describe('deep links and unknown paths', () => {
  test('a reload of a deep link shows the same page', async () => {
    const { context, page, errors } = await openPage(site);
    await page.goto(`${site.url}/ru/union-day/`);
    await appReady(page);
    await page.reload();
    await appReady(page);
    assert.equal(await h1(page), messages('ru')['page-union-day-title']);
    assert.equal(page.url(), `${site.url}/ru/union-day/`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [path, lang] of [['/en/no-such-page/', 'en'], ['/ru/statements/no-such-statement/', 'ru'], ['/kk/platform/extra/', 'kk']]) {
    test(`${path} shows the not-found page in its language`, async () => {
      const { context, page } = await openPage(site);
      await page.goto(site.url + path);
      await appReady(page);
      assert.equal(await h1(page), messages(lang)['not-found-title']);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
      await context.close();
    });
  }

  test('an unknown language shows the not-found page with links to the three languages', async () => {
    const { context, page } = await openPage(site, { locale: 'ru-RU' });
    await page.goto(`${site.url}/de/platform/`);
    await appReady(page);
    // the visitor's own language, as on /
    assert.equal(await h1(page), messages('ru')['not-found-title']);
    const homes = page.locator('.not-found__homes a');
    assert.deepEqual(await homes.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.lang, a.textContent])),
      LANGS.map((lang) => [`/${lang}/`, lang, messages(lang)['not-found-home-link']]));
    assert.equal(await page.locator('meta[name="robots"]').count(), 1);
    await homes.nth(0).click();
    await page.waitForURL(`${site.url}/kk/`);
    assert.equal(await h1(page), messages('kk')['site-name']);
    // The home page is to be indexed: the not-found page's rule left with it.
    await page.waitForFunction(() => !document.querySelector('meta[name="robots"]'));
    assert.deepEqual(await descriptions(page), [messages('kk')['page-home-description']]);
    assert.equal(await page.getAttribute('html', 'lang'), 'kk');
    await context.close();
  });
});

describe('links', () => {
  test('a link to another page moves there without a reload, and back and forward follow', async () => {
    const { context, page, errors } = await openPage(site);
    await page.goto(`${site.url}/en/`);
    await appReady(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    const en = messages('en');
    await page.locator('.site-nav a[href="/en/platform/"]').click();
    await page.waitForURL(`${site.url}/en/platform/`);
    assert.equal(await h1(page), en['page-platform-title']);
    await page.goBack();
    await page.waitForURL(`${site.url}/en/`);
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, en['site-name']);
    await page.goForward();
    await page.waitForURL(`${site.url}/en/platform/`);
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, en['page-platform-title']);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    // A link to the page already shown adds no history entry.
    const entries = await page.evaluate(() => history.length);
    await page.locator('.site-nav a[href="/en/platform/"]').click();
    assert.equal(await page.evaluate(() => history.length), entries);
    // With Ctrl, the browser opens the page in a new tab; this one stays.
    const [opened] = await Promise.all([context.waitForEvent('page'),
      page.locator('.site-nav a[href="/en/contacts/"]').click({ modifiers: ['Control'] })]);
    await opened.waitForLoadState('domcontentloaded');
    assert.equal(opened.url(), `${site.url}/en/contacts/`);
    assert.equal(page.url(), `${site.url}/en/platform/`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a link to a file of the site that is not a page (a feed) is loaded by the browser', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/en/`);
    await appReady(page);
    await page.evaluate(() => {
      window.__sameDocument = true;
      const link = Object.assign(document.createElement('a'), { id: 'feed', href: '/en/feed.xml', textContent: 'feed' });
      document.querySelector('main').append(link);
    });
    await page.locator('#feed').click();
    await page.waitForURL(`${site.url}/en/feed.xml`);
    await page.waitForLoadState('domcontentloaded');
    // A new document (the feed itself), not the app's not-found page under
    // the feed's address.
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined);
    assert.match(await page.evaluate(() => document.contentType), /xml/);
    await context.close();
  });
});

describe("each language's messages", () => {
  // The app carries the messages a page shows in every language only; each
  // language's others are a texts file, the page's before the takeover, the
  // two others right after it.
  const messagesOf = (lang) => `**/texts/messages-${lang}-*.json`;
  /** Holds every request for `lang`'s messages file until the returned function is called. */
  async function hold(context, lang) {
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    await context.route(messagesOf(lang), async (route) => {
      await released;
      await route.continue();
    });
    return release;
  }
  const taken = (page) => page.waitForFunction(() => window.kasipodaqReady === true, null, { timeout: 15000 });

  test('a switch to a language whose messages have not come waits for them, the page and address unchanged', async () => {
    const { context, page, errors } = await openPage(site);
    const release = await hold(context, 'en');
    await page.goto(`${site.url}/kk/platform/?year=2019#p2`);
    await taken(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('.language-switcher a[hreflang="en"]').click();
    await page.waitForTimeout(400);
    assert.equal(page.url(), `${site.url}/kk/platform/?year=2019#p2`);
    assert.equal(await h1(page), messages('kk')['page-platform-title']);
    release();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await h1(page), messages('en')['page-platform-title']);
    assert.equal(page.url(), `${site.url}/en/platform/?year=2019#p2`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a later move wins over a switch still waiting for its messages', async () => {
    const { context, page, errors } = await openPage(site);
    const release = await hold(context, 'ru');
    await page.goto(`${site.url}/kk/`);
    await taken(page);
    await page.locator('.language-switcher a[hreflang="ru"]').click();
    await page.locator('.site-nav a[href="/kk/contacts/"]').click();
    await page.waitForURL(`${site.url}/kk/contacts/`);
    assert.equal(await h1(page), messages('kk')['page-contacts-title']);
    release();
    await page.waitForFunction(() => window.kasipodaqLanguages === true);
    await page.waitForTimeout(200);
    assert.equal(page.url(), `${site.url}/kk/contacts/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'kk');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a switch whose messages the host no longer has (published again since) loads the page from the host, path, query and fragment kept', async () => {
    const { context, page } = await openPage(site);
    await context.route(messagesOf('en'), (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${site.url}/kk/platform/?year=2019#p2`);
    await taken(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('.language-switcher a[hreflang="en"]').click();
    // Without the three attempts (1 s and 4 s apart) meant for a network
    // that fails: the host has said the file is gone.
    await page.waitForURL(`${site.url}/en/platform/?year=2019#p2`, { timeout: 3000 });
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'loaded from the host');
    assert.equal(await h1(page), messages('en')['page-platform-title']);
    await context.close();
  });

  test("a page whose language's messages cannot come stays as written, readable", async () => {
    const { context, page, errors } = await openPage(site);
    await context.route(messagesOf('ru'), (route) => route.abort('internetdisconnected'));
    const warnings = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.goto(`${site.url}/ru/contacts/`);
    await page.waitForFunction(() => document.querySelector('main h1'));
    await page.waitForTimeout(7000); // three attempts, after 1 s and 4 s
    assert.equal(await page.evaluate(() => window.kasipodaqReady), undefined, 'not taken over');
    assert.equal(await h1(page), messages('ru')['page-contacts-title']);
    assert.ok(warnings.some((w) => w.includes('could not be fetched')), `${warnings}`);
    assert.deepEqual(errors.filter((e) => !e.startsWith('Failed to load resource')), []);
    await context.close();
  });
});

describe('small screens', () => {
  for (const lang of LANGS) {
    test(`readable at 320 px in ${lang}: no horizontal scrolling`, async () => {
      const { context, page } = await openPage(site, { viewport: { width: 320, height: 640 } });
      await page.goto(`${site.url}/${lang}/`);
      await appReady(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `page is ${width}px wide`);
      await context.close();
    });
  }
});
