// Live headquarters contacts (issue 4): the contacts page, the hotline in the
// footer and on the home page, the saved copy, refreshes and failures, against
// the release build. The contacts file comes from dist/contacts.json, or from
// a test server on another origin (lib/contacts-endpoint.mjs) that the served
// pages are pointed at through their endpoint meta tag.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appReady, DIST, openPage, startSite } from './lib/browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { startContactsEndpoint } from './lib/contacts-endpoint.mjs';
import { format, LANGS, messagePattern, messages, ROOT } from './lib/locales.mjs';
import {
  basic, historical, hostile, HOSTILE_ADDRESS, HOSTILE_NAME, many, REGIONS, rich, TEST_HOTLINE, TEST_PERIOD, updatedAt,
} from './lib/contacts-fixtures.mjs';

let endpoint;
let site; // the build, reading the contacts from `endpoint`
let siteDefault; // the build as it ships, reading its own /contacts.json
before(async () => {
  endpoint = await startContactsEndpoint({ data: basic(1), allowOrigin: () => site?.url ?? 'null' });
  site = await startSite({ contactsEndpoint: endpoint.url });
  siteDefault = await startSite();
});
after(async () => {
  await site?.close();
  await siteDefault?.close();
  await endpoint?.close();
});
beforeEach(() => endpoint.reset(basic(1)));

// ---- what the page shows -------------------------------------------------

const HOTLINE = 'section.hotline';
/** The number of a current hotline, as a link (international form). */
const HOTLINE_NUMBER = 'section.hotline .hotline__phone > a';
/** What the number is; for a number of the past, the number and its period too. */
const HOTLINE_LABEL = 'section.hotline .hotline__label';
const STATUS = 'p.contacts-status';
const BANNER = 'div.contacts-error[role="alert"]';
const CARD_NAMES = 'section.hq-level li.hq .hq__name';

/** `tel:+` and the digits of a number in international form (`+7 …`). */
const telHref = (phone) => `tel:+${phone.replace(/\D/g, '')}`;

/** A text of the file as a page in `lang` shows it: [language, text]. */
function pick(text, lang) {
  for (const candidate of [lang, 'ru', 'kk', 'en']) {
    if (text[candidate]) return [candidate, text[candidate]];
  }
  return [null, null];
}

const contactsUrl = (s, lang) => `${s.url}/${lang}/contacts/`;

/** Console errors and warnings, page errors and failed requests of `page`. */
function watch(page) {
  const log = { errors: [], warnings: [], failed: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(msg.text());
    if (msg.type() === 'warning') log.warnings.push(msg.text());
  });
  page.on('pageerror', (err) => log.errors.push(String(err)));
  page.on('request', (req) => log.requests.push(`${req.method()} ${req.url()}`));
  page.on('requestfailed', (req) => log.failed.push({ url: req.url(), error: req.failure()?.errorText }));
  return log;
}

/** Retries `check` (which throws until it holds) for up to `timeout` ms. */
async function eventually(check, { timeout = 5000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((ok) => setTimeout(ok, interval));
    }
  }
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * The page's clock forward a second at a time until `done()` (at most
 * `ms`), with a moment of real time after each second: it stops once the
 * app has made the request the test waits for, so that request is answered
 * (over the network, in real time) with the clock where it was. One jump
 * of 90 s went on past the request's 10-s timeout while it was still on its
 * way whenever the page's 30-s check fell early in the jump, and the
 * retries made requests the test did not expect.
 */
async function advanceUntil(page, done, ms) {
  for (let run = 0; run < ms && !done(); run += 1000) {
    await page.clock.runFor(1000);
    await sleep(20);
  }
  assert.ok(done(), `not within ${ms / 1000} s on the page's clock`);
}

/**
 * Waits until the app has taken the prerendered page over (whose contacts
 * are the copy built into the site) and shows contacts, not the loading
 * placeholder.
 */
async function contactsShown(page, timeout = 15000) {
  await page.waitForFunction(() => window.kasipodaqReady === true, null, { timeout });
  await page.locator(`${HOTLINE}[aria-busy="false"] :is(.hotline__phone > *, .hotline__label)`).first().waitFor({ timeout });
}

const texts = (page, selector) => page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent.trim()));
const cardNames = (page) => texts(page, CARD_NAMES);
const bannerText = (page) => page.locator(`${BANNER} p`).textContent();

/**
 * Chooses a region the way a person does with the keyboard (arrow keys on
 * the focused list), so the options count as picked by the user, not by a
 * script.
 */
async function chooseRegion(page, label) {
  const select = page.locator('select#contacts-region');
  const labels = await select.locator('option').evaluateAll((os) => os.map((o) => o.textContent));
  const target = labels.indexOf(label);
  assert.ok(target >= 0, `no region ${label} in ${labels.join(', ')}`);
  await select.focus();
  for (let at = await select.evaluate((s) => s.selectedIndex); at !== target; at += at < target ? 1 : -1) {
    await page.keyboard.press(at < target ? 'ArrowDown' : 'ArrowUp');
  }
  assert.equal(await select.evaluate((s) => s.selectedOptions[0].textContent), label);
}

async function switchLanguage(page, lang) {
  await page.locator(`.language-switcher a[hreflang="${lang}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * A first visit that got the data of `basic(1)` from the endpoint, so the
 * browser holds a saved copy; returns its context for the next visit. With
 * `clock`, the context's timers are Playwright's, installed before it.
 */
async function contextWithSavedCopy(lang = 'en', { clock = false } = {}) {
  const opened = await openPage(site);
  if (clock) await opened.context.clock.install();
  await opened.page.goto(contactsUrl(site, lang));
  await contactsShown(opened.page);
  // The copy built into the site is on screen until the endpoint answers.
  const name = basic(1).headquarters[0].name[lang];
  await opened.page.locator(CARD_NAMES).filter({ hasText: name }).first().waitFor();
  assert.deepEqual(await cardNames(opened.page), [name]);
  assert.ok(await opened.page.evaluate(() => localStorage.getItem('kasipodaq.contacts.body')), 'a saved copy');
  await opened.page.close();
  return opened.context;
}

/**
 * A page in `lang` on the contacts page, with a good copy saved by an earlier
 * visit and the endpoint then answering with `behaviour`: the saved copy is
 * on screen at once. Returns the context, the page and its log.
 */
async function pageWithSavedCopy(lang, behaviour, { clock = false } = {}) {
  const context = await contextWithSavedCopy(lang, { clock });
  endpoint.always(behaviour);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(contactsUrl(site, lang));
  await contactsShown(page, 2000);
  return { context, page, log };
}

/** The banner as the app words it: the failure, then what is on screen instead. */
const expectedBanner = (lang, failureId, shownId, args = {}) => `${format(lang, failureId, args)} ${messages(lang)[shownId]}`;

// ---- the file that ships with the site -----------------------------------

/** "2019 … campaign — this number may no longer be in service.": the period, then the message. */
const historicalLine = (period, lang, id) => `${pick(period, lang)[1]} — ${messages(lang)[id]}`;

/** The label paragraph of a hotline of the past: its label, the number, its period. */
const pastHotline = (hotline, lang) =>
  `${pick(hotline.label, lang)[1]}: ${hotline.phone}. ${historicalLine(hotline.historical, lang, 'contacts-historical-number')}`;

describe('the contacts file that ships with the site (dist/contacts.json)', () => {
  for (const lang of LANGS) {
    test(`/${lang}/contacts/ shows the 2019 number as history, as text, and no page shows it as the hotline`, async () => {
      const shipped = JSON.parse(readFileSync(join(DIST, 'contacts.json'), 'utf8'));
      const { context, page, errors, requests } = await openPage(siteDefault);
      await page.goto(contactsUrl(siteDefault, lang));
      await appReady(page);
      await contactsShown(page);
      const text = messages(lang);
      assert.equal(await page.locator('meta[name="kasipodaq-contacts-endpoint"]').getAttribute('content'), '/contacts.json');
      assert.ok(requests.includes(`${siteDefault.url}/contacts.json`), 'the file was read from the site itself');

      // seed 000: the 2019 call centre's number, without a city code: not
      // today's hotline, and not a link (from a mobile it would ring nowhere)
      assert.ok(shipped.hotline.historical, 'the shipped hotline is marked historical');
      assert.equal(await page.locator(`${HOTLINE} h2`).textContent(), text['contacts-hotline']);
      assert.equal(await page.locator(`${HOTLINE} .hotline__phone`).textContent(), text['contacts-no-hotline']);
      assert.equal(await page.locator(HOTLINE_LABEL).textContent(), pastHotline(shipped.hotline, lang));
      assert.equal(await page.locator(`${HOTLINE_LABEL} span`, { hasText: shipped.hotline.phone }).count(), 1);
      assert.equal(await page.locator('a[href^="tel:"]').count(), 0);

      // "Updated … ago."
      assert.match(await page.locator(STATUS).textContent(), messagePattern(lang, 'contacts-updated', { age: true }));

      // the Republican headquarters of 2019, marked as such, with no phone
      const republican = shipped.headquarters.find((hq) => hq.level === 'republican');
      const section = page.locator('section.hq-level').first();
      assert.equal(await section.locator('h2').textContent(), text['contacts-level-republican']);
      assert.ok((await texts(page, `section.hq-level li.hq .hq__name`)).includes(pick(republican.name, lang)[1]));
      assert.equal(await section.locator('li.hq dt').first().textContent(), text['contacts-period']);
      assert.equal(await section.locator('li.hq dd').first().textContent(),
        historicalLine(republican.historical, lang, 'contacts-historical-headquarters'));
      assert.equal(await section.locator('li.hq dt', { hasText: text['contacts-phones'] }).count(), 0);
      assert.equal(await page.locator('p.contacts-count').textContent(),
        format(lang, 'contacts-count', { count: shipped.headquarters.length }));
      assert.equal(await page.locator(BANNER).count(), 0);

      // neither the footer nor the home page offers it as the hotline
      assert.equal(await page.locator('footer .hotline-line').count(), 0);
      await page.locator(`.site-nav a[href="/${lang}/"]`).click();
      await page.waitForURL(`${siteDefault.url}/${lang}/`);
      await appReady(page);
      assert.equal(await page.locator('.hotline-line, a[href^="tel:"]').count(), 0);
      assert.equal(await page.locator(`.home-hotline a[href="/${lang}/contacts/"]`).textContent(), text['home-all-contacts']);
      assert.ok(!(await page.locator('body').textContent()).includes(shipped.hotline.phone));

      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

// ---- a file with everything in it ----------------------------------------

/**
 * With filters that match nothing: the no-match text and its button, which
 * clears both filters, in the list and in the form.
 */
async function noMatchThenShowAll(page) {
  const en = messages('en');
  const empty = page.locator('.contacts-empty');
  await empty.waitFor();
  assert.equal(await page.locator('section.hq-level').count(), 0);
  assert.ok((await empty.textContent()).startsWith(en['contacts-no-match']), await empty.textContent());
  const showAll = empty.locator('button');
  assert.equal(await showAll.textContent(), en['contacts-show-all']);
  await showAll.click();
  await eventually(async () => assert.equal((await cardNames(page)).length, 5));
  assert.equal(await page.locator('.contacts-empty').count(), 0);
  assert.equal(await page.locator('p.contacts-count').textContent(), format('en', 'contacts-count', { count: 5 }));
  assert.equal(await page.locator('input#contacts-city').inputValue(), '');
  const region = page.locator('select#contacts-region');
  assert.deepEqual([await region.inputValue(), await region.evaluate((s) => s.selectedOptions[0].textContent)],
    ['', en['contacts-all-regions']], 'the region list shows "All regions" again');
}

describe('a file with every level, two regions and every field (endpoint on another origin)', () => {
  test('sections in order, regions sorted, links, and fallback texts marked with their language', async () => {
    endpoint.reset(rich());
    const data = rich();
    const { context, page, errors } = await openPage(site);
    for (const lang of LANGS) {
      const text = messages(lang);
      await page.goto(contactsUrl(site, lang));
      await appReady(page);
      await contactsShown(page);
      assert.equal(await page.locator(HOTLINE_NUMBER).getAttribute('href'), telHref(TEST_HOTLINE.phone), lang);
      assert.equal(await page.locator('p.contacts-count').textContent(), format(lang, 'contacts-count', { count: 5 }));

      // one section per level, in this order
      assert.deepEqual(await texts(page, 'section.hq-level > h2'),
        ['republican', 'regional', 'city', 'district'].map((level) => text[`contacts-level-${level}`]), lang);
      // regions in alphabetical order, though the file lists Pavlodar first
      const regional = page.locator('section.hq-level').nth(1);
      assert.deepEqual(await regional.locator('h3').evaluateAll((hs) => hs.map((h) => h.textContent)),
        [REGIONS.akmola[lang], REGIONS.pavlodar[lang]], lang);
      assert.deepEqual(await regional.locator('.hq__name').evaluateAll((hs) => hs.map((h) => h.textContent)),
        ['test-regional-akmola', 'test-regional-pavlodar'].map((id) => data.headquarters.find((hq) => hq.id === id).name[lang]));

      // the entry with every field: labels in order, dial and mail links
      const full = data.headquarters.find((hq) => hq.id === 'test-republican');
      const card = page.locator('section.hq-level').first().locator('li.hq');
      assert.equal(await card.locator('.hq__name').textContent(), full.name[lang]);
      assert.deepEqual(await card.locator('dl.hq__fields > dt').evaluateAll((dts) => dts.map((dt) => dt.textContent)),
        ['city', 'address', 'phones', 'email', 'hours', 'head', 'website'].map((f) => text[`contacts-${f}`]), lang);
      // a link for the number in international form, text for the domestic 8 …
      assert.deepEqual(await card.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent])),
        [[telHref(full.phones[0]), full.phones[0]]]);
      assert.equal(await card.locator('dd', { hasText: full.phones[1] }).textContent(), full.phones.join(', '));
      assert.deepEqual(await card.locator('a[href^="mailto:"]').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent])),
        [[`mailto:${full.email}`, full.email]]);
      assert.equal(await card.locator(`a[href="${full.website}"]`).textContent(), full.website);
      const fields = await card.locator('dl.hq__fields > dd').evaluateAll((dds) => dds.map((dd) => dd.textContent));
      const head = fields[5];
      assert.ok(head.startsWith(full.head.name[lang]) && head.endsWith(full.head.role[lang]), fields.join(' | '));
      assert.equal(await card.locator('.hq__note').textContent(), full.note[lang]);

      // a text missing in this language: the fallback, marked with its language
      const pavlodar = page.locator('li.hq', { hasText: data.headquarters[1].name[lang] });
      const hours = pavlodar.locator('dd span[lang]');
      if (lang === 'ru') {
        assert.equal(await pavlodar.locator('dd span[lang]').count(), 0, 'Russian text on the Russian page carries no lang');
      } else {
        assert.equal(await hours.getAttribute('lang'), 'ru', lang);
        assert.equal(await hours.textContent(), 'Пн–Пт 9:00–18:00 (тест)');
      }
      const cityCard = page.locator('section.hq-level').nth(2).locator('li.hq');
      const cityHq = data.headquarters.find((hq) => hq.id === 'test-city-nur-sultan');
      const [nameLang, name] = pick(cityHq.name, lang);
      assert.equal(await cityCard.locator('.hq__name').textContent(), name);
      assert.equal(await cityCard.locator('.hq__name span').getAttribute('lang'), nameLang === lang ? null : nameLang, lang);
      assert.equal(await cityCard.locator('dd span').getAttribute('lang'), lang === 'kk' ? null : 'kk', lang);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('region filter, city search (any case, Kazakh or Russian letters), no match and "show all"', async () => {
    endpoint.reset(rich());
    const data = rich();
    const nameOf = (id) => data.headquarters.find((hq) => hq.id === id).name.en;
    const { context, page, errors } = await openPage(site);
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page);
    const en = messages('en');
    const region = page.locator('form.contacts-filters select#contacts-region');
    const city = page.locator('form.contacts-filters input#contacts-city');
    assert.deepEqual(await region.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent])),
      [['', en['contacts-all-regions']], [REGIONS.akmola.en, REGIONS.akmola.en], [REGIONS.pavlodar.en, REGIONS.pavlodar.en]]);

    await chooseRegion(page, REGIONS.pavlodar.en);
    await eventually(async () => assert.deepEqual(await cardNames(page),
      [nameOf('test-regional-pavlodar'), nameOf('test-district-ekibastuz')]));
    assert.equal(await page.locator('p.contacts-count').textContent(), format('en', 'contacts-count', { count: 2 }));

    await city.fill('EKIBASTUZ');
    await eventually(async () => assert.deepEqual(await cardNames(page), [nameOf('test-district-ekibastuz')]));

    // a region and a place that do not go together
    await chooseRegion(page, REGIONS.akmola.en);
    await noMatchThenShowAll(page);

    // the city is only in Kazakh («Нұр-Сұлтан»); typed in Russian letters, lower case
    await city.fill('нур');
    await eventually(async () => assert.deepEqual(await cardNames(page), [nameOf('test-city-nur-sultan')]));
    // and the other way: Kazakh letters find a city written the Russian way («Экибастуз»)
    await city.fill('Экібастұз');
    await eventually(async () => assert.deepEqual(await cardNames(page), [nameOf('test-district-ekibastuz')]));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('"show all" resets the region list also after the visitor went back to "All regions" once', async () => {
    endpoint.reset(rich());
    const { context, page, errors } = await openPage(site);
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page);
    await chooseRegion(page, REGIONS.akmola.en);
    await chooseRegion(page, messages('en')['contacts-all-regions']);
    await chooseRegion(page, REGIONS.akmola.en);
    await eventually(async () => assert.equal((await cardNames(page)).length, 1));
    await page.locator('input#contacts-city').fill('Pavlodar');
    await noMatchThenShowAll(page);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a language switch keeps the chosen region and the typed place', async () => {
    endpoint.reset(rich());
    const data = rich();
    const { context, page, errors } = await openPage(site);
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page);
    const region = page.locator('select#contacts-region');
    await chooseRegion(page, REGIONS.pavlodar.en);
    await page.locator('input#contacts-city').fill('Pavlodar');
    await eventually(async () => assert.equal((await cardNames(page)).length, 1));

    await switchLanguage(page, 'ru');
    assert.equal(await region.evaluate((s) => s.selectedOptions[0].textContent), REGIONS.pavlodar.ru);
    assert.equal(await page.locator('input#contacts-city').inputValue(), 'Pavlodar');
    assert.deepEqual(await cardNames(page), [data.headquarters.find((hq) => hq.id === 'test-regional-pavlodar').name.ru]);
    assert.equal(await page.locator('p.contacts-count').textContent(), format('ru', 'contacts-count', { count: 1 }));

    await switchLanguage(page, 'kk');
    assert.equal(await region.evaluate((s) => s.selectedOptions[0].textContent), REGIONS.pavlodar.kk);
    assert.deepEqual(await cardNames(page), [data.headquarters.find((hq) => hq.id === 'test-regional-pavlodar').name.kk]);
    assert.equal(endpoint.gets().length, 1, 'a language switch asks nothing');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// ---- hostile data ---------------------------------------------------------

describe('a file of 2,000 headquarters', () => {
  const MORE = 'button.contacts-more';
  test('is read and shown 50 at a time: "show more" adds 50 and keeps the focus, a filter starts again from the first', async () => {
    endpoint.setData(many(2000));
    const { context, page, errors } = await openPage(site);
    await page.goto(contactsUrl(site, 'ru'));
    await contactsShown(page);
    await page.locator('p.contacts-count').filter({ hasText: '2000' }).waitFor();
    assert.equal(await page.locator('p.contacts-count').textContent(), format('ru', 'contacts-count', { count: 2000 }));
    assert.equal((await cardNames(page)).length, 50);
    assert.equal(await page.locator(MORE).textContent(), format('ru', 'contacts-show-more', { left: 1950 }));
    await page.locator(MORE).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal((await cardNames(page)).length, 100));
    assert.equal(await page.locator(MORE).textContent(), format('ru', 'contacts-show-more', { left: 1900 }));
    assert.ok(await page.locator(MORE).evaluate((b) => b === document.activeElement), 'the button keeps the focus');
    // The first cards stay in the file's grouped order: the Republican one first.
    assert.equal((await cardNames(page))[0], 'Тестовый штаб № 0');
    // A city typed: only the headquarters whose city has it.
    await page.locator('#contacts-city').fill('Тестград 1999');
    await eventually(async () => assert.deepEqual(await cardNames(page), ['Тестовый штаб № 1999']));
    assert.ok(await page.locator(MORE).isHidden(), 'nothing more to show');
    await page.locator('#contacts-city').fill('');
    await eventually(async () => assert.equal((await cardNames(page)).length, 50), { timeout: 5000 });
    await switchLanguage(page, 'kk');
    assert.equal(await page.locator(MORE).textContent(), format('kk', 'contacts-show-more', { left: 1950 }));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a file of more than 3,000 is refused with its own message; the saved copy stays', async () => {
    const context = await contextWithSavedCopy('en');
    endpoint.setData(many(3001));
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page, 2000);
    await page.locator(BANNER).waitFor({ timeout: 5000 });
    assert.equal(await bannerText(page), expectedBanner('en', 'contacts-error-too-many', 'contacts-showing-saved', { max: 3000 }));
    assert.ok(log.warnings.some((w) => w.includes('refused-too-many-headquarters')), log.warnings.join('\n'));
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.en]);
    await switchLanguage(page, 'kk');
    assert.equal(await bannerText(page), expectedBanner('kk', 'contacts-error-too-many', 'contacts-showing-saved', { max: 3000 }));
    await context.close();
  });
});

describe('hostile data in the file', () => {
  test('markup shows as text and runs nothing; a javascript: website drops its entry and says so', async () => {
    endpoint.reset(hostile());
    const { context, page, errors } = await openPage(site);
    for (const lang of ['en', 'ru']) {
      await page.goto(contactsUrl(site, lang));
      await contactsShown(page);
      assert.deepEqual(await cardNames(page), [HOSTILE_NAME]);
      assert.equal(await page.locator('li.hq dd').first().textContent(), HOSTILE_ADDRESS);
      assert.equal(await page.locator(`${HOTLINE} .hotline__label`).textContent(), HOSTILE_ADDRESS);
      assert.equal(await page.locator('main script, main img, footer script, footer img, [onerror]').count(), 0);
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      // one of two entries left out, and the page says so
      assert.equal(await page.locator('section.hq-level').count(), 1);
      const status = await page.locator(STATUS).textContent();
      assert.ok(status.includes(format(lang, 'contacts-dropped', { count: 1 })), status);
    }
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// ---- numbers and headquarters of the past ---------------------------------

describe('a hotline and a headquarters marked historical', () => {
  test('the contacts page marks them with their period; footer and home page show no hotline; tel: only for +7 numbers', async () => {
    endpoint.reset(historical());
    const data = historical();
    const { context, page, errors } = await openPage(site);
    for (const lang of ['en', 'kk']) {
      const text = messages(lang);
      await page.goto(contactsUrl(site, lang));
      await contactsShown(page);
      await eventually(async () => assert.deepEqual(await cardNames(page),
        data.headquarters.map((hq) => hq.name[lang])));

      // the hotline box: no current hotline, then the old number with its label and period
      assert.equal(await page.locator(`${HOTLINE} .hotline__phone`).textContent(), text['contacts-no-hotline']);
      assert.equal(await page.locator(HOTLINE_LABEL).textContent(),
        `${data.hotline.label[lang]}: ${data.hotline.phone}. ${TEST_PERIOD[lang]} — ${text['contacts-historical-number']}`);

      // the past headquarters: its period only in Russian, marked lang="ru"
      const past = page.locator('li.hq').filter({ hasText: data.headquarters[0].name[lang] });
      assert.deepEqual(await past.locator('dt').allTextContents(), [text['contacts-period'], text['contacts-phones']]);
      assert.equal(await past.locator('dd').first().textContent(), `${TEST_PERIOD.ru} — ${text['contacts-historical-headquarters']}`);
      assert.equal(await past.locator('dd span[lang="ru"]').textContent(), TEST_PERIOD.ru);
      const current = page.locator('li.hq').filter({ hasText: data.headquarters[1].name[lang] });
      assert.deepEqual(await current.locator('dt').allTextContents(), [text['contacts-phones']]);

      // tel: links only for numbers in international form; local ones are text
      assert.deepEqual(await page.locator('main a[href^="tel:"]').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent])),
        [['tel:+77000000003', data.hotline.phone], ['tel:+77000000006', '+7 700 000 00 06']]);
      assert.equal(await past.locator('dd').last().textContent(), '00-00-04');
      assert.equal(await current.locator('dd').textContent(), '00-00-05, +7 700 000 00 06');

      // no hotline in the footer, nor on the home page
      assert.equal(await page.locator('footer .hotline-line').count(), 0);
      await page.locator(`.site-nav a[href="/${lang}/"]`).click();
      await page.waitForURL(`${site.url}/${lang}/`);
      assert.equal(await page.locator('.hotline-line').count(), 0);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('with no current hotline the home page leaves no empty space where it would be', async () => {
    endpoint.reset(historical());
    const { context, page, errors } = await openPage(site);
    await page.goto(`${site.url}/en/`);
    await appReady(page);
    await eventually(async () => assert.equal(await page.locator('.home-hotline .hotline-line').count(), 0));
    const box = await page.locator('.home-hotline').boundingBox();
    const link = await page.locator('.home-hotline p').boundingBox();
    assert.ok(box.height - link.height < 24, `the block is ${box.height} px for a ${link.height} px line`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a current hotline given as a local number is in the footer and on the home page as text, not a link', async () => {
    const data = basic(1);
    data.hotline = { phone: '00-00-07' };
    endpoint.reset(data);
    const { context, page, errors } = await openPage(site);
    await page.goto(`${site.url}/ru/`);
    await appReady(page);
    const line = page.locator('.home-hotline .hotline-line');
    await eventually(async () => assert.equal(await line.textContent(), `${messages('ru')['contacts-hotline']}: 00-00-07`));
    assert.equal(await line.locator('span').textContent(), '00-00-07');
    assert.equal(await page.locator('footer .hotline-line > span').textContent(), '00-00-07');
    assert.equal(await page.locator('a[href^="tel:"]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a broken historical mark drops the hotline and the entry: nothing shown as current, and the page says so', async () => {
    const data = historical();
    data.hotline.historical = { ru: 2019 };
    data.headquarters[0].historical = true;
    endpoint.reset(data);
    const { context, page, errors } = await openPage(site);
    await page.goto(contactsUrl(site, 'en'));
    await appReady(page);
    await eventually(async () => assert.deepEqual(await cardNames(page), [data.headquarters[1].name.en]));
    assert.equal(await page.locator(`${HOTLINE} .hotline__phone`).textContent(), messages('en')['contacts-no-hotline']);
    assert.equal(await page.locator(HOTLINE_LABEL).count(), 0);
    assert.equal(await page.locator('footer .hotline-line').count(), 0);
    const status = await page.locator(STATUS).textContent();
    assert.ok(status.includes(format('en', 'contacts-dropped', { count: 1 })), status);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// ---- the saved copy and conditional requests -----------------------------

/** Records when the contacts page's hotline number first appears (ms since navigation start). */
function recordHotlineTime() {
  const mark = () => {
    if (window.__hotlineAt === undefined && document.querySelector('section.hotline .hotline__phone > a')) {
      window.__hotlineAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
}

describe('the saved copy', () => {
  test('a second visit shows the contacts at once from the saved copy while a slow endpoint answers', async () => {
    const { context, page } = await openPage(site);
    await context.addInitScript(recordHotlineTime);

    // cold: nothing saved, the endpoint answers at once
    let started = Date.now();
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page);
    const coldWall = Date.now() - started;
    const cold = await page.evaluate(() => window.__hotlineAt);
    await page.close();

    // warm: the saved copy, the endpoint taking 3 s
    endpoint.always({ kind: 'delay', ms: 3000 });
    const warmPage = await context.newPage();
    started = Date.now();
    await warmPage.goto(contactsUrl(site, 'en'));
    await contactsShown(warmPage, 2500);
    const warmWall = Date.now() - started;
    const warm = await warmPage.evaluate(() => window.__hotlineAt);
    const gets = endpoint.gets();
    assert.equal(gets.length, 2);
    assert.equal(gets[1].finished, false, 'the contacts are on screen before the endpoint has answered');
    assert.deepEqual(await cardNames(warmPage), [basic(1).headquarters[0].name.en]);
    assert.equal(await warmPage.locator(`${HOTLINE} .hotline__label`).textContent(), TEST_HOTLINE.label.en);
    assert.ok(warm < 2500, `warm: ${warm} ms`);
    console.log(`hotline visible after navigation start: cold ${cold.toFixed(0)} ms (wall ${coldWall} ms), `
      + `warm with a 3 s endpoint ${warm.toFixed(0)} ms (wall ${warmWall} ms)`);

    // the slow answer (unchanged data) changes nothing on screen
    await eventually(() => assert.equal(endpoint.gets()[1].finished, true), { timeout: 5000 });
    assert.deepEqual(await cardNames(warmPage), [basic(1).headquarters[0].name.en]);
    assert.equal(await warmPage.locator(BANNER).count(), 0);
    await context.close();
  });

  test('the next request asks with If-None-Match and If-Modified-Since, gets 304, and the data stays', async () => {
    const { context, page, errors } = await openPage(site);
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page);
    const [first] = endpoint.gets();
    assert.equal(first.status, 200);
    assert.equal(first.headers['if-none-match'], undefined);
    assert.equal(first.headers.origin, site.url);
    assert.equal(await page.evaluate(() => localStorage.getItem('kasipodaq.contacts.etag')), endpoint.etag);
    assert.equal(await page.evaluate(() => localStorage.getItem('kasipodaq.contacts.source')), endpoint.url);

    await page.reload();
    await appReady(page);
    const gets = await endpoint.waitForGets(2);
    await eventually(() => assert.equal(gets[1].status, 304));
    assert.equal(gets[1].headers['if-none-match'], endpoint.etag);
    assert.equal(gets[1].headers['if-modified-since'], endpoint.lastModified);
    // the browser asked first whether it may send those headers (CORS preflight)
    const preflight = endpoint.requests.find((r) => r.method === 'OPTIONS');
    assert.ok(preflight, 'an OPTIONS preflight');
    assert.match(preflight.headers['access-control-request-headers'], /if-none-match/);
    await page.waitForTimeout(200);
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.en]);
    assert.equal(await page.locator(HOTLINE_NUMBER).textContent(), TEST_HOTLINE.phone);
    assert.equal(await page.locator(BANNER).count(), 0);
    assert.equal(endpoint.gets().length, 2);

    // without the saved copy, the browser's own HTTP cache is not asked
    // either (cache: no-store): a plain request, a full answer
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await contactsShown(page);
    const third = (await endpoint.waitForGets(3))[2];
    assert.equal(third.headers['if-none-match'], undefined);
    assert.equal(third.headers['if-modified-since'], undefined);
    assert.equal(third.status, 200);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a saved copy that fails today\'s checks is dropped, and its validators are not sent: no 304 for data the page refuses', async () => {
    const { context, page, errors } = await openPage(site);
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page);
    await endpoint.waitForGets(1);
    // The saved body turned into one this release refuses (as a copy saved by
    // an older, looser release would be), its validators still the server's.
    await page.evaluate(() => localStorage.setItem('kasipodaq.contacts.body', '{"schema_version": 2}'));
    await page.reload();
    await contactsShown(page);
    const second = (await endpoint.waitForGets(2))[1];
    assert.equal(second.headers['if-none-match'], undefined, 'a 304 would leave the page without the data');
    assert.equal(second.headers['if-modified-since'], undefined);
    assert.equal(second.status, 200);
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.en]);
    assert.notEqual(await page.evaluate(() => localStorage.getItem('kasipodaq.contacts.body')), '{"schema_version": 2}');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a copy saved from another address is not shown', async () => {
    endpoint.always({ kind: 'delay', ms: 1000 });
    const { context, page } = await openPage(site);
    await context.addInitScript((body) => {
      localStorage.setItem('kasipodaq.contacts.body', body);
      localStorage.setItem('kasipodaq.contacts.source', 'https://old.example.org/contacts.json');
    }, JSON.stringify(basic(9)));
    await page.goto(contactsUrl(site, 'en'));
    await appReady(page);
    // not the other address's copy: the copy published with the site, until the answer
    const builtIn = JSON.parse(readFileSync(join(ROOT, 'public', 'contacts.json'), 'utf8'));
    assert.deepEqual(await cardNames(page), builtIn.headquarters.map((hq) => hq.name.en));
    await eventually(async () => assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.en]), { timeout: 10000 });
    await context.close();
  });
});

// ---- refreshes while the page is open ------------------------------------

describe('data changing while the contacts page is open', () => {
  test('every 5 minutes, on visibilitychange and on online (not within 30 s), the new data appears without reload', async () => {
    const { context, page, errors } = await openPage(site);
    await page.clock.install();
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    const name = (version) => basic(version).headquarters[0].name.en;
    // the copy published with the site may be on screen a moment longer
    await eventually(async () => assert.deepEqual(await cardNames(page), [name(1)]));

    endpoint.setData(basic(2));
    await page.clock.runFor(4 * 60_000);
    await sleep(300);
    assert.equal(endpoint.gets().length, 1, 'no refresh before 5 minutes');
    await advanceUntil(page, () => endpoint.gets().length > 1, 90_000);
    await eventually(async () => assert.deepEqual(await cardNames(page), [name(2)]));
    assert.equal(endpoint.gets().length, 2);

    // online, too soon after the last answer: nothing
    endpoint.setData(basic(3));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await sleep(300);
    assert.equal(endpoint.gets().length, 2, 'no refresh within 30 s of the last answer');

    // the tab shown again, 31 s later
    await page.clock.runFor(31_000);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await eventually(async () => assert.deepEqual(await cardNames(page), [name(3)]));
    assert.equal(endpoint.gets().length, 3);

    // the network back, 31 s later
    endpoint.setData(basic(4));
    await page.clock.runFor(31_000);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await eventually(async () => assert.deepEqual(await cardNames(page), [name(4)]));
    assert.equal(endpoint.gets().length, 4);

    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    assert.equal(await page.locator(BANNER).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('when the contacts page asks again', () => {
  test('arriving on the page asks only when the last answer is at least 30 s old', async () => {
    const { context, page, errors } = await openPage(site);
    await page.clock.install();
    await page.goto(`${site.url}/en/`); // the app asks once at start, on any page
    await page.locator('.home-hotline .hotline-line > a').waitFor();
    // The prerendered page already shows the hotline: wait for the app's own
    // request to arrive (asserting at once raced it, and its late arrival
    // then counted in the next test).
    assert.equal((await endpoint.waitForGets(1)).length, 1);
    endpoint.setData(basic(2));

    await page.locator('.site-nav a[href="/en/contacts/"]').click();
    await contactsShown(page);
    await sleep(300);
    assert.equal(endpoint.gets().length, 1, 'the answer of a moment ago is fresh enough');
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.en]);

    await page.locator('.site-nav a[href="/en/"]').click();
    await page.clock.runFor(31_000);
    await page.locator('.site-nav a[href="/en/contacts/"]').click();
    await eventually(async () => assert.deepEqual(await cardNames(page), [basic(2).headquarters[0].name.en]));
    assert.equal(endpoint.gets().length, 2);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the 5-minute refresh waits while the tab is hidden; showing the tab asks at once', async () => {
    const { context, page, errors } = await openPage(site);
    await page.clock.install();
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page);
    endpoint.setData(basic(2));
    const setHidden = (hidden) => page.evaluate((h) => {
      if (h) {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      } else {
        delete document.hidden;
        delete document.visibilityState;
      }
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, hidden);

    await setHidden(true);
    await page.clock.runFor(10 * 60_000);
    await sleep(300);
    assert.equal(endpoint.gets().length, 1, 'no request while the tab is hidden');
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.en]);

    await setHidden(false);
    await eventually(async () => assert.deepEqual(await cardNames(page), [basic(2).headquarters[0].name.en]));
    assert.equal(endpoint.gets().length, 2);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// ---- failures ---------------------------------------------------------------

describe('failures, with a saved copy on screen', () => {
  test('500: three attempts, the status message, the data kept; Retry brings the new data once the server is fixed', async () => {
    const { context, page, log } = await pageWithSavedCopy('en', { kind: 'status', status: 500 });
    const banner = page.locator(BANNER);
    await banner.waitFor({ timeout: 15000 });
    assert.equal(endpoint.gets().length, 1 + 3, 'three attempts');
    assert.equal(await bannerText(page), expectedBanner('en', 'contacts-error-status', 'contacts-showing-saved', { status: 500 }));
    assert.ok(log.warnings.some((w) => w.includes('http-500')), log.warnings.join('\n'));
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.en]);
    assert.equal(await page.locator(HOTLINE_NUMBER).textContent(), TEST_HOTLINE.phone);
    const retry = banner.locator('button');
    assert.equal(await retry.textContent(), messages('en')['contacts-retry']);

    await switchLanguage(page, 'kk');
    assert.equal(await bannerText(page), expectedBanner('kk', 'contacts-error-status', 'contacts-showing-saved', { status: 500 }));
    assert.equal(await retry.textContent(), messages('kk')['contacts-retry']);
    assert.equal(endpoint.gets().length, 4, 'a language switch asks nothing');

    // the server is fixed (and slow enough to see the button wait)
    endpoint.setData(basic(2));
    endpoint.always({ kind: 'delay', ms: 800 });
    await retry.click();
    await eventually(async () => {
      assert.equal(await retry.textContent(), messages('kk')['contacts-checking']);
      assert.equal(await retry.isDisabled(), true);
    }, { timeout: 700, interval: 20 });
    await banner.waitFor({ state: 'detached', timeout: 5000 });
    assert.deepEqual(await cardNames(page), [basic(2).headquarters[0].name.kk]);
    assert.equal(endpoint.gets().length, 5);
    await context.close();
  });

  test('dropped connection: three attempts, the network message', async () => {
    const { context, page, log } = await pageWithSavedCopy('ru', { kind: 'drop' });
    await page.locator(BANNER).waitFor({ timeout: 15000 });
    // Chromium itself may send a GET again on a fresh connection when a
    // reused one closes without an answer; the page made three requests.
    assert.equal(log.requests.filter((r) => r === `GET ${endpoint.url}`).length, 3, log.requests.join('\n'));
    assert.equal(log.failed.length, 3);
    assert.ok(endpoint.gets().length >= 1 + 3);
    assert.equal(await bannerText(page), expectedBanner('ru', 'contacts-error-network', 'contacts-showing-saved'));
    assert.ok(log.warnings.some((w) => w.endsWith(': network')), log.warnings.join('\n'));
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.ru]);
    await switchLanguage(page, 'en');
    assert.equal(await bannerText(page), expectedBanner('en', 'contacts-error-network', 'contacts-showing-saved'));
    await context.close();
  });

  test('malformed JSON: refused at the first answer, no retry', async () => {
    const { context, page, log } = await pageWithSavedCopy('kk', { kind: 'malformed' });
    await page.locator(BANNER).waitFor({ timeout: 5000 });
    assert.equal(await bannerText(page), expectedBanner('kk', 'contacts-error-refused', 'contacts-showing-saved'));
    assert.ok(log.warnings.some((w) => w.includes('refused-not-json')), log.warnings.join('\n'));
    await sleep(1500); // past the first retry delay
    assert.equal(endpoint.gets().length, 1 + 1, 'exactly one request');
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.kk]);
    // the saved copy is still the good one
    assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('kasipodaq.contacts.body'))).headquarters[0].id, 'test-republican');
    await switchLanguage(page, 'ru');
    assert.equal(await bannerText(page), expectedBanner('ru', 'contacts-error-refused', 'contacts-showing-saved'));
    await context.close();
  });

  test('a file dated years ahead (a mistyped year) is refused with its own message; the saved copy stays', async () => {
    const context = await contextWithSavedCopy('ru');
    endpoint.setData({ ...basic(2), updated_at: updatedAt(-36 * 365 * 24 * 60) });
    endpoint.always({ kind: 'ok' });
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(contactsUrl(site, 'ru'));
    await contactsShown(page, 2000);
    await page.locator(BANNER).waitFor({ timeout: 5000 });
    assert.equal(await bannerText(page), expectedBanner('ru', 'contacts-error-future', 'contacts-showing-saved'));
    assert.ok(log.warnings.some((w) => w.includes('refused-updated-at-in-future')), log.warnings.join('\n'));
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.ru]);
    await context.close();
  });

  test('404: the status message at the first answer, no retry', async () => {
    const { context, page, log } = await pageWithSavedCopy('ru', { kind: 'status', status: 404 });
    await page.locator(BANNER).waitFor({ timeout: 5000 });
    assert.equal(await bannerText(page), expectedBanner('ru', 'contacts-error-status', 'contacts-showing-saved', { status: 404 }));
    assert.ok(log.warnings.some((w) => w.includes('http-404')), log.warnings.join('\n'));
    await sleep(1500);
    assert.equal(endpoint.gets().length, 1 + 1, 'exactly one request');
    assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.ru]);
    await context.close();
  });

  for (const contentLength of [true, false]) {
    test(`a body over 6 MB ${contentLength ? 'with' : 'without'} Content-Length is refused, without retry, before it has all arrived`, async () => {
      const context = await contextWithSavedCopy('en');
      // valid JSON, the new data padded with spaces: only its size is wrong;
      // 7 MB sent 64 KB every 15 ms, so reading it all would take 1.7 s
      endpoint.setData(basic(2));
      endpoint.always({ kind: 'oversized', bytes: 7 * 1024 * 1024, contentLength, chunkMs: 15 });
      const page = await context.newPage();
      const log = watch(page);
      await page.goto(contactsUrl(site, 'en'));
      await contactsShown(page, 2000);
      await page.locator(BANNER).waitFor({ timeout: 5000 });
      assert.equal(await bannerText(page), expectedBanner('en', 'contacts-error-refused', 'contacts-showing-saved'));
      assert.ok(log.warnings.some((w) => w.includes('refused-too-large')), log.warnings.join('\n'));
      // the app gave up (at the header, or past 6 MB of the stream) and
      // the connection closed before the server could send it all
      await eventually(() => assert.equal(endpoint.gets()[1].aborted, true, 'the download was cut'), { timeout: 1000 });
      await sleep(1500);
      assert.equal(endpoint.gets().length, 1 + 1, 'exactly one request');
      assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.en]);
      await context.close();
    });
  }

  for (const [what, behaviour] of [
    ['no answer within 10 s', { kind: 'hang' }],
    ['headers at once, then a body that stalls past 10 s', { kind: 'trickle', ms: 600_000, chunks: 10 }],
  ]) {
    test(`${what}: the timeout message after three attempts (page.clock, no real wait)`, async () => {
      const { context, page, log } = await pageWithSavedCopy('en', behaviour, { clock: true });
      const banner = page.locator(BANNER);
      // Move the page's clock in small steps (the requests themselves are real).
      let advanced = 0;
      while ((await banner.count()) === 0) {
        assert.ok(advanced < 60_000, `no banner after ${advanced} ms of page time`);
        await page.clock.runFor(250);
        advanced += 250;
        await sleep(10);
      }
      assert.equal(await bannerText(page), expectedBanner('en', 'contacts-error-timeout', 'contacts-showing-saved'));
      assert.ok(log.warnings.some((w) => w.endsWith(': timeout')), log.warnings.join('\n'));
      const attempts = endpoint.gets().slice(1);
      assert.equal(attempts.length, 3);
      await eventually(() => assert.deepEqual(attempts.map((r) => r.aborted), [true, true, true]));
      // 10 s + 1 s + 10 s + 4 s + 10 s of page time (some of it flowed by itself)
      assert.ok(advanced >= 30_000 && advanced < 40_000, `banner after ${advanced} ms of page time`);
      assert.deepEqual(await cardNames(page), [basic(1).headquarters[0].name.en]);
      await switchLanguage(page, 'ru');
      assert.equal(await bannerText(page), expectedBanner('ru', 'contacts-error-timeout', 'contacts-showing-saved'));
      await context.close();
    });
  }
});

describe('no saved copy and no endpoint', () => {
  test('the first visit shows the copy built into the site at once, and says so when the endpoint fails', async () => {
    // an address where nothing listens any more
    const dead = await startContactsEndpoint();
    const deadUrl = dead.url;
    await dead.close();
    const server = await startStaticServer({ root: DIST, fallback: true, contactsEndpoint: deadUrl });
    const builtIn = JSON.parse(readFileSync(join(ROOT, 'public', 'contacts.json'), 'utf8'));
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const log = watch(page);
    try {
      await page.goto(`${server.url}/en/contacts/`);
      await appReady(page);
      // while the attempts run, the copy published with the site is on
      // screen at once (as the prerendered page showed it), without a banner
      assert.equal(await page.locator(HOTLINE).getAttribute('aria-busy'), 'false');
      assert.equal(await page.locator(HOTLINE_LABEL).textContent(), pastHotline(builtIn.hotline, 'en'));
      assert.equal(await page.locator(BANNER).count(), 0);
      await page.locator(BANNER).waitFor({ timeout: 15000 });
      await contactsShown(page, 1000);
      assert.equal(await bannerText(page), expectedBanner('en', 'contacts-error-network', 'contacts-showing-built-in'));
      assert.equal(await page.locator(HOTLINE_LABEL).textContent(), pastHotline(builtIn.hotline, 'en'));
      assert.deepEqual(await cardNames(page), builtIn.headquarters.map((hq) => pick(hq.name, 'en')[1]));
      assert.equal(log.failed.filter((f) => f.url === deadUrl).length, 3, JSON.stringify(log.failed));
      assert.equal(await page.evaluate(() => localStorage.getItem('kasipodaq.contacts.body')), null, 'the built-in copy is not saved');
      await switchLanguage(page, 'kk');
      assert.equal(await bannerText(page), expectedBanner('kk', 'contacts-error-network', 'contacts-showing-built-in'));
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('leaving the contacts page', () => {
  test('aborts a refresh in flight when contacts are on screen, and nothing is retried', async () => {
    endpoint.reset(basic(1));
    const context = await contextWithSavedCopy('en');
    const before = endpoint.gets().length;
    endpoint.always({ kind: 'delay', ms: 5000 });
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(contactsUrl(site, 'en'));
    await contactsShown(page);
    const get = (await endpoint.waitForGets(before + 1))[before];
    assert.equal(get.finished, false);

    await page.locator('.site-nav a[href="/en/"]').click();
    await page.waitForURL(`${site.url}/en/`);
    await eventually(() => assert.equal(get.aborted, true, 'the server saw the client go'), { timeout: 3000 });
    await eventually(() => assert.deepEqual(log.failed, [{ url: endpoint.url, error: 'net::ERR_ABORTED' }]), { timeout: 3000 });
    await sleep(1500);
    assert.equal(endpoint.gets().length, before + 1, 'no retry after leaving');
    // the saved hotline stays in the footer
    assert.equal(await page.locator('footer .hotline-line > a').textContent(), basic(1).hotline.phone);
    assert.deepEqual(log.errors, []);

    // back on the page (more than 30 s after the last answer), it asks again
    endpoint.always({ kind: 'ok' });
    await page.locator('.site-nav a[href="/en/contacts/"]').click();
    await contactsShown(page);
    await endpoint.waitForGets(before + 2);
    assert.equal(await page.locator(BANNER).count(), 0);
    await context.close();
  });

  test('keeps the first request of a visit with only the published copy: the footer still gets the new hotline', async () => {
    endpoint.reset(basic(1));
    endpoint.always({ kind: 'delay', ms: 1500 });
    const { context, page, errors } = await openPage(site);
    await page.goto(contactsUrl(site, 'en'));
    await appReady(page);
    const before = endpoint.gets().length;
    await page.locator('.site-nav a[href="/en/"]').click();
    await page.waitForURL(`${site.url}/en/`);
    await eventually(
      async () => assert.equal(await page.locator('footer .hotline-line > a').textContent(), basic(1).hotline.phone),
      { timeout: 10000 },
    );
    assert.equal(await page.locator('.home-hotline .hotline-line > a').textContent(), basic(1).hotline.phone);
    assert.ok(endpoint.gets().every((get) => !get.aborted), 'nothing aborted');
    assert.equal(endpoint.gets().length, before, 'no second request');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
