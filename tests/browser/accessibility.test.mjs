// Accessibility of the built site in a real browser: axe-core's WCAG 2.x A
// and AA rules on every page of every language and in the states a reader
// meets (a filtered archive, a highlighted paragraph, the contacts' error
// banner, the not-found page); the keyboard path through each kind of page,
// with a visible focus indicator of 3:1 contrast on every stop and focus on
// the heading after a route change; and reflow at 320 px and at 200 % zoom
// without horizontal scrolling.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { appReady, DIST, openPage, startSite } from './lib/browser.mjs';
import { startContactsEndpoint } from './lib/contacts-endpoint.mjs';
import { rich, TEST_HOTLINE } from './lib/contacts-fixtures.mjs';
import { statements } from './lib/content.mjs';
import { LANGS, messages } from './lib/locales.mjs';
import { archiveViews, pages, SECTIONS } from './lib/pages.mjs';
import { startStaticServer } from './lib/static-server.mjs';

/** axe-core's browser build, as package-lock.json pins it. */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const STATEMENTS = statements();
const LONG_STATEMENT = STATEMENTS.find((s) => s.paragraphs.length >= 4).slug;
const BANNER = 'div.contacts-error[role="alert"]';

let site;
before(async () => {
  // No fallback: every page is a real file and an unknown path gets 404.html
  // with status 404, as on the production hosts.
  site = await startSite({ fallback: false });
});
after(async () => {
  await site?.close();
});

// ---- axe ----------------------------------------------------------------

/**
 * A page for axe. `page.addScriptTag({ path })` puts axe's text into an
 * inline <script>, which the pages' Content-Security-Policy (script-src
 * 'self' and the loader's hash) refuses; so the contexts that inject axe,
 * and only those, bypass the policy (`bypassCSP`). It changes nothing else
 * the app does, and the policy itself is checked, without bypass, by
 * static-site.test.mjs.
 */
const openAxePage = (options = {}) => openPage(site, { ...options, bypassCSP: true });

/** axe's WCAG A/AA violations on the page as it is now, after the app has taken it over. */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((values) => window.axe.run(document, {
    runOnly: { type: 'tag', values },
    resultTypes: ['violations'],
  }), WCAG_TAGS);
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
  }));
}

/** Every violation found on `where`, one line per rule, its first targets under it. */
function report(where, violations) {
  return violations.map((v) => [
    `${where}: ${v.id} (${v.impact}) ${v.help} [${v.nodes.length} element(s)] ${v.helpUrl}`,
    ...v.nodes.slice(0, 3).map((n) => `    ${n.target}  ${n.html.slice(0, 160)}\n      ${(n.summary ?? '').replace(/\n\s*/g, ' / ')}`),
  ].join('\n')).join('\n');
}

/** Runs axe on each state in turn and fails once, at the end, with every violation of every state. */
async function expectNoViolations(page, states) {
  const found = [];
  for (const { where, open } of states) {
    await open();
    const violations = await axeViolations(page);
    if (violations.length) found.push(report(where, violations));
  }
  assert.equal(found.length, 0, `axe found WCAG A/AA violations:\n${found.join('\n')}`);
}


/** Visits of `list` (from pages()) for expectNoViolations: each opened and taken over by the app. */
function visits(page, list, suffix = '') {
  return list.map(({ path, kind }) => ({
    where: path + suffix,
    async open() {
      await page.goto(site.url + path);
      await appReady(page);
      // the contacts page settles its first answer
      if (kind === 'contacts') await page.locator('section.hotline[aria-busy="false"]').waitFor();
    },
  }));
}

describe('axe-core (WCAG 2.0/2.1/2.2 A and AA): no violation', () => {
  test('on every page of every language, after the app has taken it over', async () => {
    const all = pages();
    assert.equal(all.length, 3 * (SECTIONS.length + archiveViews().length + STATEMENTS.length));
    const { context, page, errors } = await openAxePage();
    await expectNoViolations(page, visits(page, all));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on every kk page at 320 px wide (the small-screen layout: target sizes, wrapped header)', async () => {
    const { context, page, errors } = await openAxePage({ viewport: { width: 320, height: 640 } });
    await expectNoViolations(page, visits(page, pages().filter((p) => p.lang === 'kk'), ' at 320 px'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on the archive filtered by year and by a search with no result', async () => {
    const { context, page, errors } = await openAxePage();
    await expectNoViolations(page, [
      {
        where: '/en/statements/?year=2019',
        async open() {
          await page.goto(`${site.url}/en/statements/?year=2019`);
          await appReady(page);
          await page.waitForFunction(() => document.querySelector('.archive-browse a[aria-current="page"][href$="/2019/"]') !== null
            && document.querySelector('.archive-count a') !== null);
          const dated2019 = STATEMENTS.filter((s) => s.date?.startsWith('2019')).length;
          assert.equal(await page.locator('.statement-card').count(), dated2019);
        },
      },
      {
        where: '/en/statements/?q=zzqxj',
        async open() {
          await page.goto(`${site.url}/en/statements/?q=zzqxj`);
          await appReady(page);
          await page.waitForFunction(() => document.querySelector('#archive-q').value === 'zzqxj'
            && document.querySelectorAll('.statement-card').length === 0);
        },
      },
      {
        where: '/kk/statements/?q=zzqxj (typed)',
        async open() {
          await page.goto(`${site.url}/kk/statements/`);
          await appReady(page);
          await page.locator('#archive-q').fill('zzqxj');
          await page.waitForFunction(() => document.querySelectorAll('.statement-card').length === 0);
        },
      },
    ]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a statement with a highlighted paragraph (#p2)', async () => {
    const { context, page, errors } = await openAxePage();
    await expectNoViolations(page, LANGS.map((lang) => ({
      where: `/${lang}/statements/${LONG_STATEMENT}/#p2`,
      async open() {
        await page.goto(`${site.url}/${lang}/statements/${LONG_STATEMENT}/#p2`);
        await appReady(page);
        await page.locator('#p2.is-highlighted').waitFor();
        await page.waitForTimeout(400); // any highlight transition has ended: contrast is read on final colours
      },
    })));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on the not-found page (404.html) in each language', async () => {
    const { context, page, errors } = await openAxePage();
    await expectNoViolations(page, [
      ...LANGS.map((lang) => `/${lang}/no-such-page/`),
      '/de/platform/',
    ].map((path) => ({
      where: path,
      async open() {
        const response = await page.goto(site.url + path);
        assert.equal(response.status(), 404, path);
        await appReady(page);
        await page.locator('main h1').waitFor();
      },
    })));
    // the 404 answer itself is logged by Chromium as a failed resource
    assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
    await context.close();
  });

  test('on the contacts page with its error banner (endpoint unreachable)', async () => {
    // an address where nothing listens any more, as contacts.test.mjs does
    const dead = await startContactsEndpoint();
    const deadUrl = dead.url;
    await dead.close();
    const server = await startStaticServer({ root: DIST, fallback: false, contactsEndpoint: deadUrl });
    const { context, page } = await openAxePage();
    try {
      await expectNoViolations(page, ['en', 'kk'].map((lang, i) => ({
        where: `/${lang}/contacts/ with ${BANNER}`,
        async open() {
          if (i === 0) {
            await page.goto(`${server.url}/en/contacts/`);
            await appReady(page);
            await page.locator(BANNER).waitFor({ timeout: 15000 });
          } else {
            // the banner follows a language switch without a new wait
            await page.locator(`.language-switcher a[hreflang="${lang}"]`).click();
            await page.waitForFunction((l) => document.documentElement.lang === l, lang);
            await page.locator(BANNER).waitFor();
          }
        },
      })));
    } finally {
      await context.close();
      await server.close();
    }
  });
});

// ---- keyboard -----------------------------------------------------------

/**
 * In the page: every element that Tab must reach, in DOM order (links,
 * buttons, inputs, selects, anything with tabindex >= 0), rendered and not
 * disabled or inert. Kept as `window.__tabbable` for `focusedStop`.
 */
function listTabbable() {
  const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [contenteditable="true"], [contenteditable=""], [tabindex]';
  const regionOf = (el) => {
    if (el.matches('.skip-link')) return 'skip';
    if (el.closest('.language-switcher')) return 'languages';
    if (el.closest('.site-nav')) return 'navigation';
    if (el.closest('.site-header')) return 'header';
    if (el.closest('main')) return 'main';
    if (el.closest('footer')) return 'footer';
    return 'other';
  };
  const label = (el) => {
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    const id = el.id ? `#${el.id}` : '';
    const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
    return `${el.tagName.toLowerCase()}${id}${cls}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''} "${name}"`;
  };
  window.__a11yLabel = label;
  const all = [...document.querySelectorAll(selector)].filter((el) =>
    el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]')
    && el.checkVisibility({ visibilityProperty: true }));
  window.__tabbable = all;
  return {
    stops: all.map((el) => ({ label: label(el), region: regionOf(el) })),
    positiveTabindex: all.filter((el) => el.tabIndex > 0).map(label),
  };
}

/**
 * In the page: where focus is now, and how it shows. `contrast` is the
 * outline's contrast ratio with what lies just outside it (the best of its
 * four sides in the viewport): WCAG 1.4.11 asks 3:1 of a focus indicator
 * against its adjacent colours.
 */
function focusedStop() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { index: -1, label: 'body' };
  const style = getComputedStyle(el);
  const rgba = (color) => {
    const [r, g, b, a = 1] = color.match(/[\d.]+/g).map(Number);
    return { r, g, b, a };
  };
  const outlineColor = rgba(style.outlineColor);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && outlineColor.a > 0;
  const shadow = style.boxShadow !== 'none';
  const rect = el.getBoundingClientRect();
  let contrast = null;
  if (outline) {
    const luminance = ({ r, g, b }) => [r, g, b]
      .map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (x, y) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((a, b) => b - a);
      return (hi + 0.05) / (lo + 0.05);
    };
    // the first painted background under a point, the focused element aside
    const backgroundAt = (x, y) => {
      for (const under of document.elementsFromPoint(x, y)) {
        if (el.contains(under)) continue;
        const color = rgba(getComputedStyle(under).backgroundColor);
        if (color.a > 0) return color;
      }
      return rgba(getComputedStyle(document.documentElement).backgroundColor);
    };
    const out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 1;
    const sides = [
      [rect.left - out, rect.top + rect.height / 2], [rect.right + out, rect.top + rect.height / 2],
      [rect.left + rect.width / 2, rect.top - out], [rect.left + rect.width / 2, rect.bottom + out],
    ].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    if (sides.length) contrast = Math.max(...sides.map(([x, y]) => ratio(outlineColor, backgroundAt(x, y))));
  }
  return {
    index: window.__tabbable.indexOf(el),
    label: window.__a11yLabel(el),
    focusVisible: el.matches(':focus-visible'),
    indicator: outline || shadow,
    contrast,
    style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} offset ${style.outlineOffset}; box-shadow: ${style.boxShadow}`,
    inView: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
      && rect.top < innerHeight && rect.left < innerWidth,
  };
}

const MAX_TABS = 200;

/**
 * Tabs from the top of the page once through it; fails with every stop out
 * of order and every stop without a visible focus indicator. Returns the
 * stops, and the focus outlines below 3:1 against their surroundings.
 */
async function walk(page, where) {
  const { stops, positiveTabindex } = await page.evaluate(listTabbable);
  assert.deepEqual(positiveTabindex, [], `${where}: tabindex > 0 breaks the DOM order`);
  // The page's frame: the skip link, the site name, the three languages, the
  // five sections; then the page's own controls; then the footer's.
  const regions = stops.map((s) => s.region);
  assert.deepEqual(regions.slice(0, 10), ['skip', 'header', 'languages', 'languages', 'languages', ...Array(5).fill('navigation')],
    `${where}: ${stops.slice(0, 10).map((s) => s.label).join(', ')}`);
  assert.deepEqual(regions.slice(10), [...regions.slice(10)].sort((a, b) => ['main', 'footer'].indexOf(a) - ['main', 'footer'].indexOf(b)), where);
  assert.ok(!regions.includes('other'), `${where}: focusable outside header, main and footer: ${stops.filter((s) => s.region === 'other').map((s) => s.label)}`);

  // a fresh page: nothing focused yet, so the first Tab starts at the top
  const reached = [];
  const problems = [];
  const lowContrast = [];
  for (let tab = 0; tab < MAX_TABS; tab += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(focusedStop);
    if (stop.index === -1 && stop.label === 'body') break; // past the last stop
    if (reached.length && stop.index === 0) break; // wrapped around
    reached.push(stop.index >= 0 ? stop.index : `not expected: ${stop.label}`);
    if (!stop.focusVisible) problems.push(`${stop.label}: not :focus-visible after Tab`);
    if (!stop.indicator) problems.push(`${stop.label}: no visible focus indicator (${stop.style})`);
    if (!stop.inView) problems.push(`${stop.label}: not scrolled into view when focused`);
    if (stop.contrast !== null && stop.contrast < 3) {
      lowContrast.push(`${where} ${stop.label}: focus outline ${stop.contrast.toFixed(2)}:1 against what surrounds it (${stop.style})`);
    }
    if (stop.index === stops.length - 1) break;
  }
  const expected = stops.map((_, i) => i);
  const show = (seq) => seq.map((i) => (typeof i === 'number' ? `${i} ${stops[i].label}` : i)).join('\n  ');
  assert.deepEqual(reached, expected, `${where}: Tab order\nreached:\n  ${show(reached)}\nexpected:\n  ${show(expected)}`);
  assert.deepEqual(problems, [], `${where}: focus indicator`);
  return { stops, lowContrast };
}

describe('keyboard: Tab reaches every control in order, with a visible focus indicator', () => {
  const cases = [
    ['en', '', 'home'],
    ['kk', '', 'home'],
    ['en', 'statements/', 'archive'],
    ['en', `statements/${LONG_STATEMENT}/`, 'statement'],
    ['en', 'platform/', 'platform'],
    ['en', 'union-day/', 'union-day'],
    ['en', 'contacts/', 'contacts'],
    ['en', 'accessibility/', 'accessibility'],
    ['en', 'no-such-page/', 'not-found'],
  ];
  /** The low-contrast focus outlines each walk met, by page, for the test after the walks. */
  const lowContrast = new Map();
  for (const [lang, path, kind] of cases) {
    test(`${kind} (${lang})`, async () => {
      // Reduced motion: the page's smooth scrolling would still be on its
      // way to the focused element when it is looked at.
      const { context, page, errors } = await openPage(site, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
      await page.goto(`${site.url}/${lang}/${path}`);
      await appReady(page);
      if (kind === 'contacts') await page.locator('section.hotline[aria-busy="false"]').waitFor();
      const walked = await walk(page, `/${lang}/${path}`);
      console.log(`# /${lang}/${path}: ${walked.stops.length} Tab stops in order, each with a focus indicator`);
      lowContrast.set(`/${lang}/${path}`, walked.lowContrast);
      if (kind !== 'not-found') assert.deepEqual(errors, []); // not-found: Chromium logs the 404 itself
      await context.close();
    });
  }

  test('every focus outline met above has 3:1 contrast against its surroundings (WCAG 1.4.11)', (t) => {
    if (lowContrast.size < cases.length) {
      t.skip(`only ${lowContrast.size} of ${cases.length} walks ran`);
      return;
    }
    const found = [...new Set([...lowContrast.values()].flat().map((line) => line.replace(/^\S+ /, '')))];
    const where = [...lowContrast].filter(([, lines]) => lines.length).map(([page]) => page);
    assert.deepEqual(found, [], `on ${where.join(', ')}`);
  });

  test('after a route change (a click in the navigation or on a statement), focus is on the new page\'s h1', async () => {
    const { context, page, errors } = await openPage(site);
    await page.goto(`${site.url}/en/union-day/`);
    await appReady(page);
    const text = messages('en');
    const targets = [
      ['/en/statements/', text['page-statements-title']],
      ['/en/platform/', text['page-platform-title']],
      ['/en/contacts/', text['page-contacts-title']],
      ['/en/', text['site-name']],
      ['/en/union-day/', text['page-union-day-title']],
    ];
    for (const [href, title] of targets) {
      await page.locator(`.site-nav a[href="${href}"]`).click();
      await page.waitForURL(site.url + href);
      await page.waitForFunction((t) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === t, title, { timeout: 5000 })
        .catch(async () => assert.fail(`${href}: focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`));
      // the next Tab goes on from the heading into the page
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.querySelector('main h1').compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING),
        `${href}: Tab after the heading goes to ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`);
    }
    // from the archive into a statement
    await page.locator('.site-nav a[href="/en/statements/"]').click();
    await page.waitForURL(`${site.url}/en/statements/`);
    await page.locator(`.statement-card a[href="/en/statements/${LONG_STATEMENT}/"]`).click();
    await page.waitForURL(`${site.url}/en/statements/${LONG_STATEMENT}/`);
    await page.waitForFunction(() => document.activeElement?.matches('main h1'), null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => document.activeElement.textContent),
      STATEMENTS.find((s) => s.slug === LONG_STATEMENT).versions.en.title);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('contacts with every level, two regions and every field (test data from another origin)', () => {
  // The shipped contacts.json has one headquarters; a full file adds the
  // region list, levels, mail and website links.
  let endpoint;
  let server;
  before(async () => {
    endpoint = await startContactsEndpoint({ data: rich(), allowOrigin: () => server?.url ?? 'null' });
    server = await startStaticServer({ root: DIST, fallback: false, contactsEndpoint: endpoint.url });
  });
  after(async () => {
    await server?.close();
    await endpoint?.close();
  });
  const shown = async (page) => {
    await appReady(page);
    await page.locator(`section.hotline[aria-busy="false"] .hotline__phone > a[href="tel:${TEST_HOTLINE.phone.replace(/\s/g, '')}"]`).waitFor();
    await page.locator('select#contacts-region').waitFor();
  };

  test('axe: no violation in kk, ru and en, and with a region chosen', async () => {
    const { context, page, errors } = await openAxePage();
    await expectNoViolations(page, [
      ...LANGS.map((lang) => ({
        where: `/${lang}/contacts/ (full test file)`,
        async open() {
          await page.goto(`${server.url}/${lang}/contacts/`);
          await shown(page);
        },
      })),
      {
        where: '/en/contacts/ (full test file), one region chosen',
        async open() {
          await page.locator('select#contacts-region').selectOption({ index: 1 });
          await page.waitForFunction(() => document.querySelector('select#contacts-region').selectedIndex === 1);
        },
      },
    ]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('keyboard: Tab reaches every link and the region list in order, with a focus indicator', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}/en/contacts/`);
    await shown(page);
    const { stops } = await walk(page, '/en/contacts/ (full test file)');
    assert.ok(stops.some((s) => s.label.startsWith('select#contacts-region')), stops.map((s) => s.label).join('\n'));
    console.log(`# /en/contacts/ (full test file): ${stops.length} Tab stops in order, each with a focus indicator`);
    await context.close();
  });
});

// ---- reflow -------------------------------------------------------------

/**
 * In the page: its width and the viewport's, and what sticks out on the
 * right (the innermost boxes, and the elements whose text runs past the
 * edge), to say what to fix.
 */
function overflow() {
  const past = (rect) => rect.width > 0 && rect.right > innerWidth + 0.5;
  const name = (el) => {
    const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`;
  };
  const culprits = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    if (past(el.getBoundingClientRect()) && el.checkVisibility()
      && ![...el.children].some((child) => past(child.getBoundingClientRect()))) {
      culprits.add(`${name(el)} (right edge ${Math.round(el.getBoundingClientRect().right)})`);
    }
  }
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (past(rect) && node.parentElement.checkVisibility()) {
      culprits.add(`text of ${name(node.parentElement)} (right edge ${Math.round(rect.right)}) "${node.textContent.trim().slice(0, 40)}"`);
    }
  }
  return { width: document.documentElement.scrollWidth, innerWidth, culprits: [...culprits].slice(0, 6) };
}

describe('reflow in kk (the longest words): no horizontal scrolling', () => {
  const kkPages = [...pages().filter((p) => p.lang === 'kk').map((p) => p.path), '/kk/no-such-page/'];
  // Browser zoom at 200 % halves the CSS pixels of the window: a 1280 px
  // wide window shows a 640 CSS px viewport (media queries and rem see the
  // same), at twice the device pixels. A 640 px viewport with
  // deviceScaleFactor 2 is that, layout for layout. 320 px is WCAG 1.4.10's
  // reflow width (1280 px at 400 %).
  const views = [
    ['320 px', { viewport: { width: 320, height: 640 } }],
    ['200 % zoom (1280 px window)', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
  ];
  for (const [name, options] of views) {
    test(`at ${name}, on every kk page`, async () => {
      const { context, page } = await openPage(site, options);
      const wide = [];
      for (const path of kkPages) {
        await page.goto(site.url + path);
        await appReady(page);
        if (path.endsWith('/contacts/')) await page.locator('section.hotline[aria-busy="false"]').waitFor();
        const found = await page.evaluate(overflow);
        if (found.width > found.innerWidth) wide.push(`${path}: ${found.width} px wide in ${found.innerWidth}: ${found.culprits.join('; ')}`);
      }
      assert.deepEqual(wide, []);
      await context.close();
    });
  }

  test('at 320 px, the archive\'s filters and a statement\'s share buttons fit', async () => {
    const { context, page } = await openPage(site, { viewport: { width: 320, height: 640 } });
    for (const [path, selector] of [['/kk/statements/2019/', '.archive-filters'], ['/kk/statements/2019/', '.archive-browse'], [`/kk/statements/${LONG_STATEMENT}/#p2`, '.statement__share']]) {
      await page.goto(site.url + path);
      await appReady(page);
      const box = await page.locator(selector).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 320, `${path} ${selector}: ${JSON.stringify(box)}`);
      const found = await page.evaluate(overflow);
      assert.ok(found.width <= found.innerWidth, `${path}: ${JSON.stringify(found)}`);
    }
    await context.close();
  });
});
