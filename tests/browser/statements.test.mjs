// Statements, the archive, the Platform and Union Day pages (issue 3).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openPage, startSite } from './lib/browser.mjs';
import { documentTitle, LANGS, messages } from './lib/locales.mjs';
import { statements } from './lib/content.mjs';
import { listed } from './lib/pages.mjs';

let site;
before(async () => {
  site = await startSite({ fallback: true });
});
after(async () => {
  await site?.close();
});

const all = statements();
// The public address the release was built for (the canonical URLs).
const SITE_URL = (process.env.KASIPODAQ_SITE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');

describe('every statement in every language, from a deep link', () => {
  test('there are five statements', () => assert.equal(all.length, 5));
  for (const statement of all) {
    test(statement.slug, async () => {
      const { context, page, errors } = await openPage(site);
      for (const lang of LANGS) {
        const version = statement.versions[lang];
        await page.goto(`${site.url}/${lang}/statements/${statement.slug}/`);
        await appReady(page);
        assert.equal(await page.locator('main h1').textContent(), version.title, lang);
        assert.equal(await page.title(), documentTitle(lang, version.title), lang);
        assert.equal(await page.locator('.statement__text .para').count(), version.paragraphs.length, lang);
        const ids = await page.locator('.statement__text .para').evaluateAll((ps) => ps.map((p) => p.id));
        assert.deepEqual(ids, version.paragraphs.map((_, i) => `p${i + 1}`));
        // source text or translation, and the way to the source
        const note = await page.locator('.origin-note').textContent();
        if (lang === statement.sourceLanguage) {
          assert.equal(note, messages(lang)['statement-source-text']);
        } else {
          assert.ok(note.startsWith(messages(lang)[`translated-from-${statement.sourceLanguage}`]), note);
          assert.equal(await page.locator('.origin-note a').getAttribute('href'), `/${statement.sourceLanguage}/statements/${statement.slug}/`);
        }
        if (!statement.date) {
          assert.equal(await page.locator('.statement__date').textContent(), messages(lang)['date-not-stated']);
        }
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('dates in the page language', () => {
  test('a statement date is written out in Kazakh, Russian and English', async () => {
    const { context, page } = await openPage(site);
    const slug = '2019-05-12-republican-headquarters-opened';
    for (const [lang, expected] of [['kk', '2019 жылғы 12 мамыр'], ['ru', '12 мая 2019 г.'], ['en', '12 May 2019']]) {
      await page.goto(`${site.url}/${lang}/statements/${slug}/`);
      await appReady(page);
      assert.equal(await page.locator('.statement__date time').textContent(), expected);
      assert.equal(await page.locator('.statement__date time').getAttribute('datetime'), '2019-05-12');
    }
    await context.close();
  });
});

describe('paragraph links', () => {
  test('#pN highlights and scrolls to that paragraph, also after a language switch', async () => {
    const statement = all.find((s) => s.versions.en.paragraphs.length >= 12);
    const { context, page } = await openPage(site, { viewport: { width: 400, height: 700 } });
    await page.goto(`${site.url}/en/statements/${statement.slug}/#p12`);
    await appReady(page);
    const p12 = page.locator('#p12');
    await page.waitForFunction(() => document.querySelector('#p12')?.classList.contains('is-highlighted'));
    assert.equal(await page.locator('.para.is-highlighted').count(), 1);
    await page.waitForFunction(() => {
      const r = document.querySelector('#p12').getBoundingClientRect();
      return r.top >= -1 && r.top < window.innerHeight;
    });

    await page.locator('.language-switcher a[hreflang="ru"]').click();
    await page.waitForURL(`${site.url}/ru/statements/${statement.slug}/#p12`);
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    assert.equal(await p12.getAttribute('class'), 'para is-highlighted');
    const text = (await p12.locator('.para__text').textContent()).trim();
    assert.equal(text.slice(0, 20), statement.versions.ru.paragraphs[11].replace(/[*\\]/g, '').slice(0, 20));
    await page.waitForFunction(() => {
      const r = document.querySelector('#p12').getBoundingClientRect();
      return r.top >= -1 && r.top < window.innerHeight;
    }, null, { timeout: 3000 });

    // the paragraph's own link control moves the highlight
    await page.locator('#p3 .para__link').click();
    await page.waitForURL(/#p3$/);
    assert.equal(await page.locator('.para.is-highlighted').getAttribute('id'), 'p3');
    await context.close();
  });

  test('copy link puts the address of the statement and paragraph on the clipboard', async () => {
    const statement = all[0];
    const { context, page } = await openPage(site);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.goto(`${site.url}/kk/statements/${statement.slug}/#p2`);
    await appReady(page);
    await page.getByRole('button', { name: messages('kk')['statement-copy-link'], exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.copy__status')?.textContent.length > 0);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}/kk/statements/${statement.slug}/#p2`);
    assert.equal(await page.locator('.copy__status').first().textContent(), messages('kk')['statement-link-copied']);
    // the citation names the issuer, the title and the address
    const citation = await page.locator('.citation').textContent();
    assert.ok(citation.includes(statement.versions.kk.title), citation);
    assert.ok(citation.includes(`${site.url}/kk/statements/${statement.slug}/`), citation);
    await context.close();
  });
});

describe('print', () => {
  test('a statement prints as clean text with its address', async () => {
    const statement = all[0];
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/en/statements/${statement.slug}/`);
    await appReady(page);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.statement__share', '.neighbours', '.para__link']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
    }
    assert.equal(await page.locator('.print-url').textContent(), `${site.url}/en/statements/${statement.slug}/`);
    assert.ok(await page.locator('.print-url').isVisible());
    assert.ok(await page.locator('#p1').isVisible());
    await context.close();
  });
});

describe('the archive', () => {
  // The search's own code, split off the main module (tools/split.mjs).
  const split = (url) => /\/split\/[^/]+\.wasm$/.test(new URL(url).pathname);

  const open = async (path) => {
    const handle = await openPage(site);
    await handle.page.goto(site.url + path);
    await appReady(handle.page);
    return handle;
  };

  test('lists every statement newest first', async () => {
    const { context, page } = await open('/en/statements/');
    assert.deepEqual(await listed(page), all.map((s) => `/en/statements/${s.slug}/`));
    await context.close();
  });

  for (const [lang, word, expected] of [
    ['kk', 'Кәсіподақтар күні', '2019-10-14-trade-union-day-almaty'],
    ['ru', 'МАСЛИХАТОВ', '2023-01-27-appeal-on-mazhilis-and-maslikhat-elections'],
    ['en', 'ratify', '2019-06-12-general-council-congratulates-president'],
  ]) {
    test(`finds the ${lang} words “${word}” as they are typed, and keeps them in the URL`, async () => {
      const { context, page } = await open(`/${lang}/statements/`);
      await page.locator('#archive-q').pressSequentially(word, { delay: 10 });
      await page.locator('.statement-card').first().waitFor();
      // each result leads to its statement, at the paragraph that holds the words when they are in the text
      const hrefs = await listed(page);
      assert.ok(hrefs.every((href) => /^\/[a-z]{2}\/statements\/[a-z0-9-]+\/(#p\d+)?$/.test(href)), `${hrefs}`);
      assert.ok(hrefs.some((href) => href.startsWith(`/${lang}/statements/${expected}/`)), `${hrefs}`);
      // each version found once, however fast the words came (the search loads once)
      assert.equal(new Set(hrefs.map((href) => href.split('#')[0])).size, hrefs.length, `${hrefs}`);
      assert.ok((await page.locator('.statement-card__summary mark').count()) >= 1, 'the words found are marked');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), word);
      // the filtered list is a link: reload shows the same
      await page.reload();
      await appReady(page);
      await page.locator('.statement-card').first().waitFor();
      assert.deepEqual(await listed(page), hrefs);
      assert.equal(await page.locator('#archive-q').inputValue(), word);
      await context.close();
    });
  }

  test('year and kind filters narrow the list, each a page of its own', async () => {
    const { context, page } = await open('/ru/statements/');
    // the same search box throughout: moving between views does not rebuild the page
    await page.evaluate(() => { document.querySelector('#archive-q').dataset.mark = 'kept'; });
    await page.locator('.archive-browse a[href="/ru/statements/2019/"]').click();
    await page.waitForURL(`${site.url}/ru/statements/2019/`);
    const in2019 = all.filter((s) => s.date?.startsWith('2019')).map((s) => `/ru/statements/${s.slug}/`);
    assert.deepEqual(await listed(page), in2019);
    assert.equal(await page.locator('main h1').textContent(), `${messages('ru')['page-statements-title']}, 2019`);
    await page.locator('.archive-browse a[href="/ru/statements/2019/kind/letter/"]').click();
    await page.waitForURL(`${site.url}/ru/statements/2019/kind/letter/`);
    const letters2019 = all.filter((s) => s.date?.startsWith('2019') && s.kind === 'letter').map((s) => `/ru/statements/${s.slug}/`);
    assert.deepEqual(await listed(page), letters2019);
    assert.equal(await page.evaluate(() => document.querySelector('#archive-q').dataset.mark), 'kept');
    // the links that drop a choice keep the other one
    assert.equal(await page.locator('.archive-browse a').filter({ hasText: messages('ru')['archive-all-years'] }).getAttribute('href'), '/ru/statements/kind/letter/');
    assert.equal(await page.locator('.archive-browse a').filter({ hasText: messages('ru')['archive-all-kinds'] }).getAttribute('href'), '/ru/statements/2019/');
    // a language switch keeps the filter
    await page.locator('.language-switcher a[hreflang="en"]').click();
    await page.waitForURL(`${site.url}/en/statements/2019/kind/letter/`);
    assert.equal(await page.locator('.statement-card').count(), 1);
    // the archive's older links (?year=, ?kind=) still filter
    await page.goto(`${site.url}/en/statements/?year=2019&kind=letter`);
    await appReady(page);
    assert.deepEqual(await listed(page), letters2019.map((href) => href.replace('/ru/', '/en/')));
    // a search without a match says so
    await page.goto(`${site.url}/en/statements/?q=zzzzqqq`);
    await appReady(page);
    await page.waitForFunction(() => /^No statement/.test(document.querySelector('.archive-count')?.textContent ?? ''));
    assert.equal(await page.locator('.statement-card').count(), 0);
    assert.equal(await page.locator('.archive-count a').textContent(), messages('en')['archive-clear']);
    await page.locator('.archive-count a').click();
    await page.waitForURL(`${site.url}/en/statements/`);
    assert.equal(await page.locator('.statement-card').count(), all.length);
    await context.close();
  });

  test('a search typed within a year stays within it, and ?q= opens with its results', async () => {
    const { context, page } = await open('/en/statements/?q=ratify');
    await page.locator('.statement-card').first().waitFor();
    assert.deepEqual(await listed(page), ['/en/statements/2019-06-12-general-council-congratulates-president/#p8']);
    // the result opens its paragraph, highlighted
    await page.locator('.statement-card__title a').click();
    await page.waitForURL(`${site.url}/en/statements/2019-06-12-general-council-congratulates-president/#p8`);
    await page.locator('#p8.is-highlighted').waitFor();
    await page.goto(`${site.url}/en/statements/?q=ratify`);
    await appReady(page);
    assert.equal(await page.locator('#archive-q').inputValue(), 'ratify');
    await page.goto(`${site.url}/en/statements/2023/`);
    await appReady(page);
    await page.locator('#archive-q').fill('ratify');
    await page.waitForURL(`${site.url}/en/statements/2023/?q=ratify`);
    await page.waitForFunction(() => /^No statement/.test(document.querySelector('.archive-count')?.textContent ?? ''));
    assert.equal(await page.locator('.statement-card').count(), 0);
    await context.close();
  });

  test('a Russian quote pasted on the English page loads the Russian index alone, finds it and marks it as Russian', async () => {
    const { context, page, requests } = await open('/en/statements/');
    const index = (lang) => requests.filter((url) => url.includes(`/pagefind/pagefind.${lang}_`));
    await page.locator('#archive-q').fill('депутатов Мажилиса Парламента');
    await page.locator('.statement-card').first().waitFor();
    const found = await listed(page);
    assert.ok(found[0].startsWith('/ru/statements/2023-01-27-appeal-on-mazhilis-and-maslikhat-elections/'), `${found}`);
    assert.equal(await page.locator('.statement-card__lang').first().textContent(), messages('en')['search-found-in-ru']);
    assert.equal(await page.locator('.statement-card__title a').first().getAttribute('lang'), 'ru');
    // its letters chose the index: the English one was never loaded
    assert.equal(index('ru').length, 1, `${requests}`);
    assert.deepEqual([...index('en'), ...index('kk')], []);
    // an English query then is found in the English statements (merged in,
    // so searched with the Russian index's word rules: the paragraph may
    // differ), not marked
    await page.locator('#archive-q').fill('ratify');
    await page.locator('.statement-card__title a[href^="/en/statements/2019-06-12-general-council-congratulates-president/#p"]').waitFor();
    assert.equal(await page.locator('.statement-card__lang').count(), 0);
    await context.close();
  });

  test('a reader who focuses the search box and pauses has the page\'s own index loaded meanwhile, and nothing before', async () => {
    const { context, page, requests } = await open('/ru/statements/');
    await page.waitForTimeout(1500);
    assert.deepEqual(requests.filter((url) => url.includes('/pagefind/')), [], 'nothing of search before the focus');
    await page.locator('#archive-q').focus();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/pagefind\/pagefind\.ru_[^/]*\.pf_meta/.test(e.name)), null, { timeout: 5000 });
    assert.deepEqual(requests.filter((url) => /\/pagefind\/pagefind\.(kk|en)_/.test(url)), []);
    await context.close();
  });

  test("the search's code comes only with a search, checked by its hash; a file refused is the search's failure, and the page goes on working", async () => {
    const first = await open('/en/statements/');
    await first.page.waitForTimeout(1000);
    assert.deepEqual(first.requests.filter(split), [], 'no page loads the search code before a search');
    await first.page.locator('#archive-q').pressSequentially('ratify', { delay: 10 });
    await first.page.locator('.statement-card').first().waitFor();
    assert.equal(first.requests.filter(split).length, 1, `${first.requests.filter(split)}`);
    assert.deepEqual(first.errors, []);
    await first.context.close();

    // The same file with one byte changed: the browser refuses it (its
    // integrity hash), the search says it failed, and nothing else breaks.
    const { context, page, errors } = await open('/en/statements/');
    await context.route((url) => split(url.href), async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      body[body.length - 1] ^= 1;
      await route.fulfill({ response, body });
    });
    await page.locator('#archive-q').pressSequentially('ratify', { delay: 10 });
    await page.locator('.archive-partial[role="alert"]').filter({ hasText: messages('en')['archive-search-failed'] }).waitFor();
    assert.equal(await page.locator('.statement-card').count(), 0);
    // the browser says why (the hash) in the console; no script error
    assert.ok(errors.some((e) => e.includes('integrity')), `${errors}`);
    assert.ok(errors.every((e) => !e.includes('RuntimeError')), `${errors}`);
    await page.locator('#archive-q').fill('');
    await page.locator('.statement-card').first().waitFor();
    assert.deepEqual(await listed(page), all.map((s) => `/en/statements/${s.slug}/`));
    await context.close();
  });

  // A tab opened before a release, whose first search comes after it: the
  // host no longer has this release's search file (404, also to the check's
  // HEAD). The page loads again from the host, once, and the new release
  // (here the same file, served again) searches the words typed.
  for (const uploaded of [true, false]) test(uploaded
    ? 'when the site was published again since the page was loaded, its first search loads the page again, once, and the new release searches the words typed'
    : 'a search file the host lacks even after that reload (a failed upload) is the search\'s failure, with no second reload', async () => {
    const { context, page, errors } = await open('/en/statements/');
    // Counted at the request for the page, before anything of the page loaded
    // again can ask for the file.
    let loads = 1;
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) loads += 1;
    });
    const asked = [];
    await context.route((url) => split(url.href), async (route) => {
      asked.push(`${route.request().method()} ${loads}`);
      if (uploaded && loads > 1) await route.continue();
      else await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
    });
    await page.locator('#archive-q').pressSequentially('ratify', { delay: 10 });
    if (uploaded) {
      for (let waited = 0; loads < 2 && waited < 15000; waited += 100) await page.waitForTimeout(100);
      await appReady(page);
      // results, not the prerendered list: they link to the paragraph found
      await page.locator('.statement-card__title a[href*="#p"]').first().waitFor();
      assert.equal(loads, 2, 'loaded again once');
      assert.match(page.url(), /\/en\/statements\/\?q=r/);
      assert.equal(await page.locator('#archive-q').inputValue(), new URL(page.url()).searchParams.get('q'));
      assert.equal(await page.locator('.archive-partial[role="alert"]').count(), 0);
    } else {
      await page.locator('.archive-partial[role="alert"]').filter({ hasText: messages('en')['archive-search-failed'] }).waitFor();
      await page.waitForTimeout(1000);
      assert.equal(loads, 2, `one reload, no loop: ${asked}`);
    }
    // the first page asked for the file, then checked with HEAD
    assert.ok(asked.includes('GET 1') && asked.includes('HEAD 1'), `${asked}`);
    assert.ok(errors.every((e) => !e.includes('RuntimeError')), `${errors}`);
    await context.close();
  });

  test('a statement and an archive page come with their headers file; when the site was published again since, the move loads the page from the host', async () => {
    const { context, page, requests, errors } = await open('/en/statements/');
    await page.evaluate(() => { window.sameDocument = true; });
    const statement = all[1];
    // a move within the app: the statement's headers file, no reload
    await page.locator(`.statement-card__title a[href="/en/statements/${statement.slug}/"]`).click();
    await page.locator('main h1').filter({ hasText: statement.versions.en.title }).waitFor();
    assert.equal(await page.evaluate(() => window.sameDocument), true);
    assert.equal(requests.filter((url) => url.endsWith(`/texts/headers/statement-${statement.slug}.json`)).length, 1);
    assert.equal(await page.locator('.neighbours__older a').getAttribute('href'), `/en/statements/${all[2].slug}/`);
    assert.equal(await page.locator('.neighbours__newer a').getAttribute('href'), `/en/statements/${all[0].slug}/`);
    // a release later, this tab's files are gone from the host: the next move
    // reloads the page the reader asked for, which the host answers
    let gone = 0;
    await context.route('**/texts/headers/statement-*.json', (route) => {
      gone += 1;
      return route.fulfill({ status: 404, body: 'Not found' });
    }, { times: 1 });
    await page.locator('.neighbours__older a').click();
    await page.waitForFunction(() => window.kasipodaqReady && !window.sameDocument);
    await page.locator('main h1').filter({ hasText: all[2].versions.en.title }).waitFor();
    assert.equal(gone, 1);
    assert.equal(new URL(page.url()).pathname, `/en/statements/${all[2].slug}/`);
    // the browser reports the missing file; nothing else went wrong
    assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
    await context.close();
  });

  test('without JavaScript: the years and kinds are plain links, and the search is a form', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/kk/statements/`);
    const form = page.locator('form.archive-filters');
    assert.equal(await form.getAttribute('method'), 'get');
    assert.equal(await form.getAttribute('action'), '/kk/statements/');
    assert.equal(await page.locator('#archive-q').getAttribute('name'), 'q');
    assert.equal(await form.locator('button[type="submit"]').textContent(), messages('kk')['archive-search-submit']);
    await page.locator('.archive-browse a[href="/kk/statements/2019/"]').click();
    await page.waitForURL(`${site.url}/kk/statements/2019/`);
    assert.deepEqual(await listed(page), all.filter((s) => s.date?.startsWith('2019')).map((s) => `/kk/statements/${s.slug}/`));
    // within 2019, the kinds of 2019 only; the current year (and all kinds) marked
    assert.deepEqual(await page.locator('.archive-browse a[aria-current="page"]').allTextContents(), ['2019', messages('kk')['archive-all-kinds']]);
    await page.locator('.archive-browse a[href="/kk/statements/2019/kind/letter/"]').click();
    await page.waitForURL(`${site.url}/kk/statements/2019/kind/letter/`);
    assert.deepEqual(await listed(page), all.filter((s) => s.date?.startsWith('2019') && s.kind === 'letter').map((s) => `/kk/statements/${s.slug}/`));
    const kinds = await page.locator('.archive-browse__list').nth(1).locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const kinds2019 = [...new Set(all.filter((s) => s.date?.startsWith('2019')).map((s) => s.kind))];
    assert.equal(kinds.length, 1 + kinds2019.length, `${kinds}`);
    // a view's canonical address is its own
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), `${SITE_URL}/kk/statements/2019/kind/letter/`);
    await context.close();
  });
});

describe('platform and union day', () => {
  test('every platform point links to a paragraph that exists and lands on it', async () => {
    const { context, page, errors } = await openPage(site);
    await page.goto(`${site.url}/en/platform/`);
    await appReady(page);
    const links = await page.locator('.point__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= 12, `${links.length} links`);
    for (const href of links) {
      const [, slug, n] = /^\/en\/statements\/([^/]+)\/#p(\d+)$/.exec(href);
      const statement = all.find((s) => s.slug === slug);
      assert.ok(statement, href);
      assert.ok(Number(n) >= 1 && Number(n) <= statement.paragraphs.length, href);
    }
    // following one lands on the highlighted paragraph
    await page.locator('.point__link').first().click();
    await page.waitForURL(new RegExp(`${links[0].replace(/[/#]/g, '\\$&')}$`));
    const id = links[0].split('#')[1];
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('is-highlighted'), id);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Kazakh names in Russian and English text carry lang="kk"', async () => {
    const { context, page } = await openPage(site);
    for (const lang of ['ru', 'en']) {
      await page.goto(`${site.url}/${lang}/union-day/`);
      await appReady(page);
      const marked = await page.locator('#awards-2019 span[lang="kk"]').allTextContents();
      assert.ok(marked.some((t) => t.includes('Үздік әлеуметтік әріптес')), `${lang}: ${marked}`);
    }
    await page.goto(`${site.url}/ru/statements/2019-10-14-trade-union-day-almaty/`);
    await appReady(page);
    assert.ok((await page.locator('.statement__text span[lang="kk"]').allTextContents()).includes('«Ұстаз»'));
    // the marks themselves never show
    assert.equal(await page.locator('main').evaluate((m) => m.textContent.includes('[[')), false);
    await context.close();
  });

  test('a name in another language carries its own lang', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/en/platform/`);
    await appReady(page);
    assert.equal(await page.locator('#justice-2023 .original').getAttribute('lang'), 'ru');
    await page.goto(`${site.url}/ru/platform/`);
    await appReady(page);
    assert.equal(await page.locator('#justice-2023 .original').count(), 0, 'no repeat on the Russian page');
    await context.close();
  });

  test('Union Day counts the days to the next 10 October in Kazakhstan, in Russian plurals', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/ru/union-day/`);
    await appReady(page);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
    const [y, m, d] = today.split('-').map(Number);
    const now = Date.UTC(y, m - 1, d);
    let next = Date.UTC(y, 9, 10);
    if (next < now) next = Date.UTC(y + 1, 9, 10);
    const days = Math.round((next - now) / 86400000);
    const mod10 = days % 10;
    const mod100 = days % 100;
    const word = mod10 === 1 && mod100 !== 11 ? 'день' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'дня' : 'дней';
    const expected = days === 0 ? 'Сегодня — День профсоюзов.' : days === 1 ? 'Завтра.' : `Через ${days} ${word}.`;
    assert.equal(await page.locator('.next-union-day__countdown').textContent(), expected);
    assert.equal(await page.locator('.next-union-day time').getAttribute('datetime'), new Date(next).toISOString().slice(0, 10));
    assert.ok(await page.locator('#awards-2019 li').count() >= 5);
    await context.close();
  });

  test("the day turns at midnight in Kazakhstan, not at the visitor's midnight", async () => {
    // A reader in New York: 15:00 on 9 October there is already 00:00 on
    // 10 October in Almaty (UTC+5), and 13:59 there is still 9 October.
    for (const [instant, expected, datetime] of [
      ['2026-10-09T19:00:00Z', 'Trade Union Day is today.', '2026-10-10'],
      ['2026-10-09T18:59:00Z', 'Tomorrow.', '2026-10-10'],
      ['2026-10-10T19:00:00Z', 'In 364 days.', '2027-10-10'],
    ]) {
      const { context, page } = await openPage(site, { timezoneId: 'America/New_York' });
      await page.clock.setFixedTime(new Date(instant));
      await page.goto(`${site.url}/en/union-day/`);
      await appReady(page);
      assert.equal(await page.locator('.next-union-day__countdown').textContent(), expected, instant);
      assert.equal(await page.locator('.next-union-day time').getAttribute('datetime'), datetime, instant);
      await context.close();
    }
  });
});
