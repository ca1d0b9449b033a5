// The pages in another browser engine (issue 16, item 7): Debian's Firefox
// ESR, headless, driven by geckodriver (crates.io, installed by
// tools/setup.sh) through the W3C WebDriver HTTP API with fetch, and
// WebDriver BiDi for a script that runs in every page before the page's own.
// That script (PROBE) records what the prerendered HTML shows at
// DOMContentLoaded (before the app's WebAssembly has arrived), every uncaught
// error and unhandled rejection (window error / unhandledrejection), and every
// Content-Security-Policy violation (securitypolicyviolation events); the
// browser's own log (BiDi log.entryAdded: JavaScript errors and console
// errors, CSP reports included) is checked too. For the home page, a
// statement opened at #p2, the archive (and a search) and the contacts page in
// kk, ru and en: the prerendered text is there, the app takes the page over
// (window.kasipodaqReady), and nothing fails; the language switch keeps #p2.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { DIST } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';
import { FIREFOX, findGeckodriver, startFirefox } from './lib/firefox.mjs';
import { documentTitle, LANGS, messages } from './lib/locales.mjs';
import { ARCHIVE_PAGE_SIZE } from './lib/pages.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const GECKODRIVER = findGeckodriver();
const missing = [
  !existsSync(FIREFOX) && `${FIREFOX} (Debian's firefox-esr)`,
  !GECKODRIVER && 'geckodriver (cargo install geckodriver, as tools/setup.sh does)',
].filter(Boolean);
const SKIP = missing.length ? `Firefox ESR cannot be driven here: missing ${missing.join(' and ')}; tools/setup.sh installs both` : false;

/** Installed by BiDi script.addPreloadScript: runs in each new page before any of its scripts. */
const PROBE = `() => {
  const probe = { errors: [], violations: [], prerendered: null };
  Object.defineProperty(window, '__firefoxProbe', { value: probe });
  window.addEventListener('error', (e) =>
    probe.errors.push('uncaught: ' + e.message + ' (' + e.filename + ':' + e.lineno + ')'));
  window.addEventListener('unhandledrejection', (e) =>
    // Firefox's stack does not repeat the message: both.
    probe.errors.push('unhandled rejection: ' + e.reason + (e.reason && e.reason.stack ? ' at ' + e.reason.stack : '')));
  document.addEventListener('securitypolicyviolation', (e) =>
    probe.violations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
  document.addEventListener('DOMContentLoaded', () => {
    const main = document.querySelector('main');
    probe.prerendered = {
      ready: window.kasipodaqReady === true,
      h1: (document.querySelector('main h1') || {}).textContent || null,
      text: main ? main.textContent.replace(/\\s+/g, ' ') : '',
    };
  }, { once: true });
}`;

/** The first words of a paragraph's Markdown as the page shows them. */
const plainStart = (markdown) =>
  markdown.replace(/\[\[[a-z]{2}:(.*?)\]\]/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]/g, '')
    .replace(/\\(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ').trim().split(' ').slice(0, 6).join(' ');

const STATEMENTS = statements();
// A statement written in all three languages, with a second paragraph to open.
const STATEMENT = STATEMENTS.find((s) => s.languages.length === 3 && s.paragraphs.length >= 3);
const OTHER = { kk: 'ru', ru: 'en', en: 'kk' };

describe('Debian\'s Firefox ESR (geckodriver, WebDriver)', { skip: SKIP }, () => {
  let firefox;
  let server;
  const started = Date.now();

  before(async () => {
    server = await startStaticServer({ root: DIST, fallback: false });
    firefox = await startFirefox({ geckodriver: GECKODRIVER });
    await firefox.bidi('script.addPreloadScript', { functionDeclaration: PROBE });
    await firefox.bidi('session.subscribe', { events: ['log.entryAdded'] });
    const caps = firefox.capabilities;
    console.log(`# ${caps.browserName} ${caps.browserVersion} (${FIREFOX}), geckodriver ${caps['moz:geckodriverVersion']} (${GECKODRIVER}), started in ${Date.now() - started} ms`);
  });
  after(async () => {
    await firefox?.close();
    await server?.close();
    console.log(`# the Firefox tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  /** What went wrong in the page since `from` entries of the browser's log: errors, CSP violations, error-level log entries. */
  async function problems(from) {
    const probe = await firefox.execute('return window.__firefoxProbe');
    const logged = firefox.log.slice(from)
      .filter((entry) => entry.level === 'error')
      .map((entry) => `log (${entry.type}): ${entry.text}`);
    return { errors: probe.errors, violations: probe.violations, logged };
  }

  /**
   * Opens `path`, checks the prerendered page (`heading`, and `text` in its
   * main content at DOMContentLoaded), waits for the app to take it over, runs
   * `then`, and checks nothing failed.
   */
  async function visit(path, { heading, text = [], title, then = async () => {} }) {
    const from = firefox.log.length;
    const opened = Date.now();
    await firefox.navigate(server.url + path);
    const prerendered = await firefox.waitFor('const p = window.__firefoxProbe; return p && p.prerendered', { timeout: 10000, what: `${path}: DOMContentLoaded` });
    assert.equal(prerendered.h1, heading, `${path}: the prerendered heading`);
    for (const words of text) assert.ok(prerendered.text.includes(words), `${path}: the prerendered page shows «${words}»`);
    await firefox.waitFor(
      'return window.kasipodaqReady === true && !!document.querySelector(".language-switcher a[aria-current]")',
      { timeout: 20000, what: `${path}: the app takes the page over (window.kasipodaqReady)` });
    const ready = Date.now() - opened;
    assert.equal(await firefox.execute('return document.querySelector(".language-switcher a[aria-current]").getAttribute("hreflang")'), path.split('/')[1]);
    assert.equal(await firefox.execute('return document.querySelector("main h1").textContent'), heading, `${path}: the heading after the takeover`);
    if (title) assert.equal(await firefox.execute('return document.title'), title, `${path}: the title after the takeover`);
    await then();
    assert.deepEqual(await problems(from), { errors: [], violations: [], logged: [] }, path);
    // Warnings do not fail the test, they are shown (once each).
    for (const entry of firefox.log.slice(from).filter((e) => e.level === 'warn')) warnings.add(`${path}: ${entry.text}`);
    if (!prerendered.ready) beforeTakeover += 1;
    return ready;
  }

  test('the probe sees what it must: an uncaught error, an unhandled rejection, a CSP violation, a console error', async () => {
    // A control page on a server of its own, so a probe that saw nothing
    // cannot pass the checks below unnoticed.
    const control = createServer((req, res) => {
      const body = {
        '/': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title>
          <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">
          <script>window.inlineRan = true;</script><script src="/fails.js"></script></head>
          <body><main><h1>Control</h1></main></body></html>`,
        '/fails.js': `console.error('control: console error');
          Promise.reject(new Error('control: rejected'));
          throw new Error('control: thrown');`,
      }[req.url];
      res.writeHead(body ? 200 : 404, { 'content-type': req.url === '/' ? 'text/html; charset=utf-8' : 'text/javascript' }).end(body ?? '');
    });
    await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve));
    try {
      const from = firefox.log.length;
      await firefox.navigate(`http://127.0.0.1:${control.address().port}/`);
      const seen = await firefox.waitFor('const p = window.__firefoxProbe; return p && p.errors.length >= 2 && p.violations.length >= 1 && p', { timeout: 5000, what: 'the control page\'s failures' });
      assert.equal(seen.prerendered.h1, 'Control');
      assert.equal(await firefox.execute('return window.inlineRan === true'), false, 'the inline script was blocked');
      assert.ok(seen.errors.some((e) => e.startsWith('uncaught: ') && e.includes('control: thrown')), seen.errors.join('\n'));
      assert.ok(seen.errors.some((e) => e.startsWith('unhandled rejection: ') && e.includes('control: rejected')), seen.errors.join('\n'));
      assert.ok(seen.violations.some((v) => v.startsWith('script-src')), seen.violations.join('\n'));
      const { logged } = await problems(from);
      assert.ok(logged.some((l) => l.includes('control: console error')), logged.join('\n'));
      assert.ok(logged.some((l) => l.includes('control: thrown')), logged.join('\n'));
      console.log(`# the control page in Firefox's log:\n${logged.map((l) => `#   ${l}`).join('\n')}`);
    } finally {
      await new Promise((resolve) => control.close(resolve));
    }
  });

  const times = [];
  const warnings = new Set();
  let beforeTakeover = 0;

  for (const lang of LANGS) {
    const text = messages(lang);

    test(`${lang}: the home page`, async () => {
      times.push(await visit(`/${lang}/`, {
        heading: text['site-name'],
        text: [STATEMENTS[0].versions[lang].title],
        title: documentTitle(lang, text['site-name']),
      }));
    });

    test(`${lang}: a statement opened at #p2, then the language switch to ${OTHER[lang]} keeps #p2`, async () => {
      const version = STATEMENT.versions[lang];
      const other = OTHER[lang];
      const path = `/${lang}/statements/${STATEMENT.slug}/`;
      times.push(await visit(`${path}#p2`, {
        heading: version.title,
        text: version.paragraphs.slice(0, 3).map(plainStart),
        title: documentTitle(lang, version.title),
        then: async () => {
          await firefox.waitFor('return !!document.querySelector("#p2.is-highlighted")', { what: `${path}#p2 highlighted` });
          const target = `${server.url}/${other}/statements/${STATEMENT.slug}/#p2`;
          assert.equal(await firefox.execute(`return document.querySelector('.language-switcher a[hreflang="${other}"]').href`), target);
          await firefox.click(`.language-switcher a[hreflang="${other}"]`);
          await firefox.waitFor('return location.href === arguments[0] && window.kasipodaqReady === true && document.querySelector("main h1").textContent === arguments[1] && !!document.querySelector("#p2.is-highlighted")',
            { what: `${target}, in ${other}, #p2 highlighted` }, target, STATEMENT.versions[other].title);
          assert.equal(await firefox.url(), target);
          assert.equal(await firefox.execute('return document.documentElement.lang'), other);
          assert.ok((await firefox.execute('return document.querySelector("#p2").textContent')).replace(/\s+/g, ' ')
            .includes(plainStart(STATEMENT.versions[other].paragraphs[1])));
        },
      }));
    });

    test(`${lang}: the archive`, async () => {
      times.push(await visit(`/${lang}/statements/`, {
        heading: text['page-statements-title'],
        text: STATEMENTS.slice(0, 3).map((s) => s.versions[lang].title),
        title: documentTitle(lang, text['page-statements-title']),
        then: async () => {
          const count = await firefox.waitFor('return !document.querySelector("main .texts-loading") && document.querySelectorAll(".statement-card__title a").length',
            { what: 'the archive\'s list' });
          assert.equal(count, Math.min(ARCHIVE_PAGE_SIZE, STATEMENTS.length));
          // A search: Pagefind, and the app's search code split off its
          // WebAssembly (tools/split.mjs), loaded with it.
          const words = { kk: 'Кәсіподақтар күні', ru: 'МАСЛИХАТОВ', en: 'ratify' }[lang];
          await firefox.execute(`const box = document.querySelector('#archive-q'); box.focus(); box.value = ${JSON.stringify(words)};
            box.dispatchEvent(new Event('input', { bubbles: true }));`);
          await firefox.waitFor('return document.querySelectorAll(".statement-card__summary mark").length', { timeout: 20000, what: `the search's results for «${words}»` });
          assert.equal(await firefox.execute('return performance.getEntriesByType("resource").filter((e) => /\\/split\\/[^/]+\\.wasm$/.test(e.name)).length'), 1);
        },
      }));
    });

    test(`${lang}: the contacts page, read from contacts.json`, async () => {
      times.push(await visit(`/${lang}/contacts/`, {
        heading: text['page-contacts-title'],
        text: ['20-10-90'],
        title: documentTitle(lang, text['page-contacts-title']),
        then: async () => {
          await firefox.waitFor('const s = document.querySelector("section.hotline"); return s && s.getAttribute("aria-busy") === "false" && s.textContent.includes("20-10-90")',
            { what: 'the hotline read from contacts.json' });
          assert.equal(await firefox.execute('return document.querySelectorAll("[role=alert]").length'), 0, 'no error banner');
        },
      }));
    });
  }

  test('the times from navigation to the takeover', () => {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`# navigation to window.kasipodaqReady in Firefox: median ${sorted[Math.floor(sorted.length / 2)]} ms, slowest ${sorted.at(-1)} ms (${sorted.length} pages)`);
    console.log(`# the prerendered page was read before the app had started on ${beforeTakeover} of ${times.length} pages`);
    if (warnings.size) console.log(`# Firefox's warnings (not failures):\n${[...warnings].map((w) => `#   ${w}`).join('\n')}`);
    assert.equal(times.length, LANGS.length * 4);
  });
});
