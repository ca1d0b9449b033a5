// The performance benchmark of the built portal (issue 6): sizes, the bytes of
// a statement's first view, Lighthouse on twelve pages each against the same
// page as plain HTML on two hosts (nginx with the documented configuration,
// deploy/nginx.conf: the build's brotli/gzip copies, real cache headers; and a
// host that sends the files as they are, like object storage without a CDN),
// the language switch and the archive search, each measured in Debian's
// Chromium.
//
// Usage: node tests/browser/bench.mjs <dist-folder> [--check]
//
// Prints the report, writes bench-report/report.md and bench-report/report.json
// in the repository root, and with --check exits non-zero with the list of
// every breached budget (BUDGETS below).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { throttling as LIGHTHOUSE_THROTTLING } from 'lighthouse/core/config/constants.js';
import { appReady, CHROMIUM, CHROMIUM_ARGS, launchChromium } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';
import { LANGS, ROOT } from './lib/locales.mjs';
import { median } from './lib/median.mjs';
// Reported only: tools/size-check.mjs enforces the size budgets.
import { BUDGET_BROTLI_KB as SIZE_BUDGET_BROTLI_KB, BUDGET_GZIP_KB as SIZE_BUDGET_GZIP_KB } from '../../tools/size-budgets.mjs';
import { startNginx } from './lib/nginx.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { startContactsEndpoint } from './lib/contacts-endpoint.mjs';
import { many } from './lib/contacts-fixtures.mjs';
import { pages, SECTIONS } from './lib/pages.mjs';

/** The targets of issues 6 and 17 (Lighthouse figures are the medians of LIGHTHOUSE_RUNS runs). */
const TARGETS = {
  performance: 98, // Lighthouse score, at least, on each portal page on both hosts (issue 17)
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
  cls: 0.02, // Lighthouse CLS, at most, on each portal page
  lcpRatio: 1.2, // Lighthouse LCP of a portal page / the same page as plain HTML on the same host, at most (issue 17)
  slowPhoneTbtMs: 200, // Lighthouse TBT at SLOW_PHONE_CPU, at most, on each portal page behind nginx (issue 17)
  switchMedianMs: 16, // language switch, click to the painted switched page, median, at most
  switchRequests: 0, // requests made by the 20 switches
  // What 16 ms (one frame at 60 Hz) asks of the app, in terms that do not
  // depend on when the machine's next frame happens to come:
  switchNextFrameAtLeast: 19, // of the 20 switches, painted in the very next frame after the click
  switchAppWorkMedianMs: 8, // click to the app's last change to the page, median, at most (half a frame)
  // The archive's search (issue 13), under the mobile network of Lighthouse's
  // docs (150 ms round trip, 1.6 Mbit/s down):
  searchBeforeFocusRequests: 0, // requests for the search before the reader focuses the box
  searchFirstKB: 150, // transferred before the first results, at most
  searchFirstRequests: 8, // requests before the first results, at most
  searchFirstMs: 1500, // first keystroke to the first results shown, at most
  searchLaterKB: 20, // transferred for each later query, at most
  archivePageKB: 30, // an archive page's HTML as sent (brotli), at any N
  // The contacts page with 2,000 headquarters (issue 16): the page answers
  // input within this, at most: its longest task while it loads and shows
  // them, each keystroke of the city filter, and "show more", to the painted frame.
  contactsInputMs: 100,
};
/**
 * What --check enforces: every target, Lighthouse's at the calibrated CPU
 * slowdown (cpuSlowdownFor), except the language switch's time from the
 * click to the painted frame, held at 60 ms. That time is the app's work
 * (3-4 ms here, enforced at 8) plus Chromium's wait for its next frame and
 * its own style, layout and paint; a click that changes one word on the
 * same page (the "floor" in the report) measures 11.8-12.7 ms (median) here on a quiet
 * machine and more on a busy one, so 16 ms would fail on noise. The
 * next-frame rule is what "within one frame" can ask of the app.
 */
const BUDGETS = { ...TARGETS, switchMedianMs: 60 };
const LIGHTHOUSE_RUNS = 3;
/** A phone about three years old (issue 17): Lighthouse's CPU slowdown for TBT, not calibrated. */
const SLOW_PHONE_CPU = 8;
const SLOW_PHONE_AUDITS = ['long-tasks'];
/** What every run reports and the performance score is made of (a run asked for these only is a third shorter). */
const METRIC_AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'metrics', 'network-requests'];
const SWITCHES = 20;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
};
const NO_MATCH = 'zzqxj';

const args = process.argv.slice(2);
const check = args.includes('--check');
// A build of a generated archive (tools/gen-archive.mjs) and its content
// folder: the same measurements at that N beside N = 5 (issue 13).
const valueOf = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const archiveArg = valueOf('--archive');
const archiveContentArg = valueOf('--archive-content');
const positional = args.filter((a, i) => !a.startsWith('--') && !['--archive', '--archive-content'].includes(args[i - 1]));
const distArg = positional[0];
const known = ['--check', '--archive', '--archive-content'];
if (!distArg || positional.length > 1 || args.some((a) => a.startsWith('--') && !known.includes(a)) || !archiveArg !== !archiveContentArg) {
  console.error('usage: node tests/browser/bench.mjs <dist-folder> [--archive <dist-folder> --archive-content <content-folder>] [--check]');
  process.exit(2);
}
const DIST = resolve(distArg);
const ARCHIVE = archiveArg && resolve(archiveArg);
const ARCHIVE_CONTENT = archiveContentArg && resolve(archiveContentArg);
const OUT = join(ROOT, 'bench-report');
const started = Date.now();
const phases = {};

const log = (line) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
async function phase(name, run) {
  const t = Date.now();
  log(`${name}…`);
  const result = await run();
  phases[name] = (Date.now() - t) / 1000;
  return result;
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (v) => (v == null ? '–' : Math.round(v).toString());

/** A Markdown table whose columns are padded, so it reads as well in a terminal. */
function table(headers, rows, right = headers.map((_, i) => i > 0)) {
  const cells = [headers, ...rows].map((row) => row.map((c) => String(c ?? '–')));
  const width = headers.map((_, i) => Math.max(3, ...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((c, i) => (right[i] ? c.padStart(width[i]) : c.padEnd(width[i]))).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

// ------------------------------------------------------- the app is ready

/**
 * lib/browser.mjs `appReady` waits for the app's own sign,
 * `window.kasipodaqReady`. A build from before that sign (its WebAssembly and
 * JavaScript never mention it) is waited for by the earlier sign instead:
 * Trunk's loader sets `window.wasmBindings` once the app has mounted.
 */
let hasReadySign = true;
async function ready(page) {
  if (hasReadySign) return appReady(page);
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 15000 });
  await page.waitForSelector('.language-switcher a[aria-current]', { timeout: 15000 });
}

/** Follows a page's requests (those its offline worker answers included), to wait for its network to be quiet. */
function trackRequests(page) {
  const t = { inFlight: new Set(), started: 0, last: Date.now(), all: [] };
  page.on('request', (r) => {
    t.inFlight.add(r);
    t.started += 1;
    t.all.push(r);
    t.last = Date.now();
  });
  const done = (r) => {
    t.inFlight.delete(r);
    t.last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return t;
}
async function networkQuiet(page, tracker, quietMs = 500) {
  const end = Date.now() + 15000;
  while ((tracker.inFlight.size > 0 || Date.now() - tracker.last < quietMs) && Date.now() < end) await page.waitForTimeout(50);
}

/** Waits (10 s at most) until the offline worker is installed, i.e. has precached its files. */
function workerInstalled(page) {
  return page.evaluate(() => Promise.race([
    navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => true) : false,
    new Promise((ok) => setTimeout(() => ok(false), 10000)),
  ]));
}

/** Opens `path` in a new context, waits for the app, its fetches and the offline worker's install. */
async function openReady(browser, base, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const tracker = trackRequests(page);
  await page.goto(base + path);
  await ready(page);
  await workerInstalled(page);
  await networkQuiet(page, tracker);
  return { context, page, tracker };
}

// ---------------------------------------------------------------- sizes

function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => `/${relative(dir, join(d.parentPath ?? d.path, d.name)).split('\\').join('/')}`);
}
const pageFile = (path) => (path.endsWith('/') ? `${path}index.html` : path);

function measureSizes() {
  // The same files and total as tools/size-check.mjs: every .wasm and .js at
  // the top of dist/ (the app's loader and the offline worker), and the CSS.
  const assets = readdirSync(DIST)
    .filter((f) => /\.(wasm|js|css)$/.test(f))
    .sort()
    .map((name) => ({ name, kind: name.split('.').pop(), ...compressed(readFileSync(join(DIST, name))) }));
  const code = assets.filter((a) => a.kind === 'wasm' || a.kind === 'js');
  const sum = (list, key) => list.reduce((s, a) => s + a[key], 0);
  const codeTotal = { raw: sum(code, 'raw'), gzip: sum(code, 'gzip'), brotli: sum(code, 'brotli') };

  const all = pages();
  const known = new Set(all.map((p) => pageFile(p.path)));
  const missing = all.filter((p) => !existsSync(join(DIST, pageFile(p.path)))).map((p) => p.path);
  const htmlPages = all
    .filter((p) => existsSync(join(DIST, pageFile(p.path))))
    .map((p) => ({ lang: p.lang, kind: p.kind, path: p.path, ...compressed(readFileSync(join(DIST, pageFile(p.path)))) }));
  // Pages outside the languages (the language choice on /, the not-found
  // page) and any page the build wrote that lib/pages.mjs does not know.
  const otherHtml = htmlFiles(DIST)
    .filter((f) => !known.has(f))
    .sort()
    .map((path) => ({ path, ...compressed(readFileSync(join(DIST, path))) }));
  // Data the app fetches (the texts files), in builds
  // that have it; not the build's .br/.gz copies of them.
  const textsDir = join(DIST, 'texts');
  const data = existsSync(textsDir)
    ? readdirSync(textsDir).filter((name) => name.endsWith('.json')).sort().map((name) => ({ name: `texts/${name}`, ...compressed(readFileSync(join(textsDir, name))) }))
    : [];
  return { assets, codeTotal, htmlPages, otherHtml, missingPages: missing, data };
}

// ---------------------------------------------- the plain-HTML copy of dist/

/**
 * A copy of dist/ whose pages have no script: every <script> removed, and the
 * preloads of what only the scripts use (the .js, the .wasm, and in builds
 * that have them the statements' .json texts). Each page's brotli and gzip
 * copies are written again from the plain page: nginx sends those copies
 * (brotli_static), so stale ones would serve the portal under the plain name.
 */
function plainCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'kasipodaq-plain-'));
  cpSync(DIST, dir, { recursive: true });
  for (const file of htmlFiles(dir)) {
    const path = join(dir, file);
    const plain = withoutScripts(readFileSync(path, 'utf8'));
    if (loadsScript(plain)) throw new Error(`plain copy: ${file} still loads a script`);
    writeFileSync(path, plain);
    if (existsSync(`${path}.br`)) writeFileSync(`${path}.br`, brotliCompressSync(Buffer.from(plain)));
    if (existsSync(`${path}.gz`)) writeFileSync(`${path}.gz`, gzipSync(Buffer.from(plain)));
  }
  return dir;
}

function withoutScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*>/gi, (tag) =>
      /\brel=["']?(modulepreload|preload)\b/i.test(tag) && /\bhref=["'][^"']*\.(js|wasm|json)["']/i.test(tag) ? '' : tag);
}

function loadsScript(html) {
  return /<script\b/i.test(html) || /\.wasm["']/.test(html) || /modulepreload/.test(html);
}

/**
 * What the plain server really sends for a page, in each encoding a browser
 * asks for (fetch decodes it): no script, or the comparison is void.
 */
async function assertPlainServed(base, path) {
  for (const encoding of ['br', 'gzip', 'identity']) {
    const response = await fetch(base + path, { headers: { 'Accept-Encoding': encoding } });
    const html = await response.text();
    if (!response.ok || loadsScript(html) || !/<h1\b/.test(html)) {
      throw new Error(`plain HTML server: ${path} (Accept-Encoding: ${encoding}) is not the plain page (HTTP ${response.status}, content-encoding ${response.headers.get('content-encoding')})`);
    }
  }
}

// ------------------------------------------------ first view of a statement

/**
 * Loads a statement with an empty cache (a new browser context) and sums the
 * encoded bytes of every response the page received: CDP
 * Network.loadingFinished encodedDataLength (body as sent, gzip from nginx,
 * plus the response headers). Counted until the app has taken over and the
 * page's network has been quiet for a second. The offline worker then
 * precaches the site: reported apart (it is not needed to show the page),
 * from Playwright's request sizes (response headers + encoded body) of the
 * worker's requests, which Chromium reports without the worker script's own
 * body.
 */
async function firstView(browser, base, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  let inFlight = 0;
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!requests.has(e.requestId)) inFlight += 1;
    requests.set(e.requestId, { url: e.request.url, bytes: 0 });
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { status: e.response.status, encoding: e.response.headers['content-encoding'] ?? '' });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
    inFlight -= 1;
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.failed = e.errorText;
    inFlight -= 1;
    lastActivity = Date.now();
  });
  const worker = [];
  context.on('requestfinished', (request) => {
    if (request.serviceWorker()) {
      // a file from the HTTP cache reports a body of minus its headers: 0 in all
      worker.push(request.sizes().then((s) => ({ url: request.url(), bytes: Math.max(0, s.responseHeadersSize + s.responseBodySize) })));
    }
  });
  await page.goto(base + path, { waitUntil: 'load' });
  await ready(page);
  while (inFlight > 0 || Date.now() - lastActivity < 1000) await page.waitForTimeout(100);
  const pageRequests = [...requests.values()].map((r) => ({ ...r, url: r.url.replace(base, '') }));
  await workerInstalled(page);
  await page.waitForTimeout(500);
  const workerRequests = (await Promise.all(worker)).map((r) => ({ ...r, url: r.url.replace(base, '') }));
  await context.close();
  return {
    path,
    bytes: pageRequests.reduce((s, r) => s + r.bytes, 0),
    requests: pageRequests,
    workerBytes: workerRequests.reduce((s, r) => s + r.bytes, 0),
    workerRequests: workerRequests.length,
  };
}

// --------------------------------------------- timing in the page (no throttling)

/**
 * Installed once the app is ready. A capturing `click` / `input` listener on
 * window runs before the app's own handlers and notes performance.now() as
 * the start. From there a loop notes the time right after each frame is
 * painted: requestAnimationFrame runs just before the frame's style, layout
 * and paint; a MessageChannel message posted from it is delivered as the next
 * task, i.e. once that rendering step is done, so its time approximates "this
 * frame has been painted" (the compositor may still be presenting it). A
 * MutationObserver on the whole document and wrappers around
 * history.pushState/replaceState note the time of the app's last change to
 * the page or its address. The measured time is start → the first frame
 * painted after the last change, i.e. the first frame that shows the result;
 * it is read once three more frames have passed without a change.
 */
function instrument(settleMs) {
  const b = (window.__bench = { armed: null, sample: null, lastChange: 0, lastNav: 0 });
  // When the app has done what the action asks (the page's CSP forbids
  // passing these in as strings to evaluate).
  b.done = {
    switched: (lang) => document.documentElement.lang === lang && b.lastNav > b.sample.start
      && document.querySelector('.language-switcher a[aria-current]')?.getAttribute('hreflang') === lang,
    searched: (value) => document.querySelector('#archive-q').value === value && b.lastNav > b.sample.start,
    cardsShown: (count) => document.querySelectorAll('li.hq').length === count && b.lastChange > b.sample.start,
    floorClicked: (count) => document.getElementById('bench-floor')?.textContent === count,
  };
  new MutationObserver(() => {
    b.lastChange = performance.now();
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name];
    history[name] = function (...args) {
      b.lastNav = b.lastChange = performance.now();
      return original.apply(this, args);
    };
  }
  const start = (event) => {
    if (b.armed !== event.type) return;
    b.armed = null;
    const sample = (b.sample = { start: performance.now(), frames: [], stop: false });
    const frame = () => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        sample.frames.push(performance.now());
        // As long as `timed` may wait: a change late in that time still gets its still frames.
        if (!sample.stop && performance.now() - sample.start < settleMs) frame();
      };
      channel.port2.postMessage(null);
    });
    frame();
  };
  addEventListener('click', start, true);
  addEventListener('input', start, true);
}

/** How long `timed` waits for the page to show an action's result, and its frames are noted. */
const SETTLE_TIMEOUT_MS = 10000;

/**
 * Arms the listener for `type`, runs `act`, and returns the sample once
 * `__bench.done[done](arg)` holds in the page, every request made meanwhile
 * has finished, and the page has been still for four frames.
 */
async function timed(page, tracker, type, act, done, doneArg) {
  await page.evaluate((t) => {
    window.__bench.armed = t;
    window.__bench.sample = null;
  }, type);
  const before = tracker.started;
  await act();
  const settled = () => page.waitForFunction(({ done, arg }) => {
    const b = window.__bench;
    const s = b.sample;
    if (!s || !b.done[done](arg)) return false;
    const changedAt = Math.max(b.lastChange, s.start);
    const after = s.frames.filter((t) => t > changedAt);
    if (after.length < 4) return false;
    return {
      painted: after[0] - s.start,
      // wall-clock times, to place the requests seen from outside
      startEpoch: performance.timeOrigin + s.start,
      paintedEpoch: performance.timeOrigin + after[0],
      firstFrame: s.frames[0] - s.start,
      lastChange: b.lastChange > s.start ? b.lastChange - s.start : null,
    };
  }, { done, arg: doneArg }, { polling: 25, timeout: SETTLE_TIMEOUT_MS });
  const what = `${done} ${JSON.stringify(doneArg)}`;
  // On a timeout, what was missing: the app's state, its address change, or still frames.
  const wait = () => settled().catch(async (error) => {
    const state = await page.evaluate(({ done, arg }) => {
      const b = window.__bench;
      const s = b.sample;
      if (!s) return 'no sample: the action was not heard';
      const ms = (t) => (t > s.start ? `${Math.round(t - s.start)} ms` : 'before the action');
      return `done: ${b.done[done](arg)}, last change ${ms(b.lastChange)}, last address change ${ms(b.lastNav)}, `
        + `${s.frames.length} frames, the last at ${ms(s.frames.at(-1) ?? 0)}`;
    }, { done, arg: doneArg }).catch(() => 'the page could not be read');
    throw new Error(`${what} at ${page.url()}: the page did not show it within ${SETTLE_TIMEOUT_MS / 1000} s (${error.message.split('\n')[0]}); ${state}; requests in flight: ${[...tracker.inFlight].map((r) => r.url()).join(', ') || 'none'}`);
  });
  let result = await (await wait()).jsonValue();
  while (tracker.inFlight.size > 0) {
    await networkQuiet(page, tracker, 0);
    result = await (await wait()).jsonValue();
  }
  await page.evaluate(() => {
    window.__bench.sample.stop = true;
  });
  return { ...result, requests: tracker.all.slice(before) };
}

/**
 * Requests are watched from before the click to 300 ms after the switched
 * page was painted, and placed by their start time (`request.timing()`, wall
 * clock, against the page's performance.timeOrigin + the sample's times).
 * Every request counts against the budget: the tab's icon is in the page,
 * so not even Chromium's own check of it at a change of address makes one.
 */
async function languageSwitches(browser, base, slug) {
  // Ready, its fetches done and the offline worker installed, so nothing of the load is timed.
  const { context, page, tracker } = await openReady(browser, base, `/en/statements/${slug}/`);
  await page.evaluate(instrument, SETTLE_TIMEOUT_MS);
  let watching = false;
  const seen = [];
  page.on('request', (r) => watching && seen.push({ request: r, noted: Date.now() }));

  // The floor of this measure on this machine: a click that changes one
  // word of the page (a button added for it, outside the app), timed the
  // same way as the switches.
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'bench-floor';
    button.type = 'button';
    button.textContent = '0';
    Object.assign(button.style, { position: 'fixed', left: '0', bottom: '0' });
    button.addEventListener('click', () => {
      button.textContent = String(Number(button.textContent) + 1);
    });
    document.body.append(button);
  });
  const floor = [];
  for (let i = 1; i <= SWITCHES; i += 1) {
    floor.push(await timed(page, tracker, 'click', () => page.click('#bench-floor'), 'floorClicked', String(i)));
  }
  await page.evaluate(() => document.getElementById('bench-floor').remove());

  const samples = [];
  const requests = [];
  let current = 'en';
  for (let i = 0; i < SWITCHES; i += 1) {
    const target = LANGS[(LANGS.indexOf(current) + 1) % LANGS.length];
    const link = page.locator(`.language-switcher a[hreflang="${target}"]`);
    await link.waitFor();
    watching = true;
    const sample = await timed(page, tracker, 'click', () => link.click(), 'switched', target);
    await page.waitForTimeout(300);
    watching = false;
    for (const { request, noted } of seen.splice(0)) {
      const started = request.timing().startTime;
      const at = started > 0 ? started : noted;
      const response = await request.response().catch(() => null);
      requests.push({
        switch: i + 1,
        url: request.url().replace(base, ''),
        msAfterClick: at - sample.startEpoch,
        beforePaint: at <= sample.paintedEpoch,
        fromServiceWorker: response?.fromServiceWorker() ?? false,
      });
    }
    const url = new URL(page.url());
    if (!url.pathname.startsWith(`/${target}/statements/${slug}/`)) throw new Error(`language switch to ${target} went to ${url.pathname}`);
    samples.push({ from: current, to: target, ...sample, requests: undefined });
    current = target;
  }
  await context.close();
  return {
    page: `/{lang}/statements/${slug}/`,
    samples,
    medianMs: median(samples.map((s) => s.painted)),
    maxMs: Math.max(...samples.map((s) => s.painted)),
    medianLastChangeMs: median(samples.map((s) => s.lastChange)),
    medianFirstFrameMs: median(samples.map((s) => s.firstFrame)),
    nextFrame: samples.filter((s) => s.firstFrame === s.painted).length,
    floor: { medianMs: median(floor.map((s) => s.painted)), maxMs: Math.max(...floor.map((s) => s.painted)), samples: floor.map((s) => s.painted) },
    requests,
  };
}

/**
 * Per language, from content/: the longest word of the newest statement's
 * title; the longest word of the oldest statement's text that the newest
 * statement does not have (so it matches only some); a word that matches
 * nothing.
 */
function searchQueries(content) {
  const all = statements(content);
  const words = (text) => text.match(/\p{L}+/gu) ?? [];
  const longest = (list) => list.reduce((a, w) => (w.length > a.length ? w : a), '');
  return Object.fromEntries(LANGS.map((lang) => {
    const newest = all[0].versions[lang];
    const inNewest = new Set(words([newest.title, ...newest.paragraphs].join(' ')).map((w) => w.toLowerCase()));
    const oldest = all[all.length - 1].versions[lang];
    const other = longest(words(oldest.paragraphs.join(' ')).filter((w) => !inNewest.has(w.toLowerCase())));
    return [lang, [longest(words(newest.title)), other, NO_MATCH]];
  }));
}

async function archiveSearch(browser, base) {
  const results = [];
  const queries = searchQueries();
  for (const lang of LANGS) {
    // Ready, and whatever the archive fetches when it opens has arrived.
    const { context, page, tracker } = await openReady(browser, base, `/${lang}/statements/`);
    await page.evaluate(instrument, SETTLE_TIMEOUT_MS);
    const icon = await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.href ?? null);
    const box = page.locator('#archive-q');
    const shown = () => page.locator('.statement-card').count();
    const total = await shown();
    for (const query of queries[lang]) {
      await box.click();
      const samples = [];
      let typed = '';
      for (const ch of query) {
        typed += ch;
        samples.push(await timed(page, tracker, 'input', () => page.keyboard.type(ch), 'searched', typed));
      }
      const url = new URL(page.url());
      if (url.searchParams.get('q') !== query) throw new Error(`search ${JSON.stringify(query)}: the address says q=${url.searchParams.get('q')}`);
      const found = await shown();
      if (query === NO_MATCH && found !== 0) throw new Error(`search ${query}: ${found} statements shown`);
      results.push({
        lang,
        query,
        keystrokes: samples.length,
        found,
        total,
        medianMs: median(samples.map((s) => s.painted)),
        maxMs: Math.max(...samples.map((s) => s.painted)),
        samples: samples.map((s) => s.painted),
        // Chromium's icon check follows each change of the address (see languageSwitches)
        iconChecks: samples.flatMap((s) => s.requests).filter((r) => r.url() === icon && r.resourceType() === 'other').length,
        requests: samples.flatMap((s) => s.requests).filter((r) => !(r.url() === icon && r.resourceType() === 'other')).map((r) => r.url().replace(base, '')),
      });
      // clear the box (not timed) and wait for the full list
      await timed(page, tracker, 'input', () => box.fill(''), 'searched', '');
    }
    await context.close();
  }
  return results;
}

/** The contacts file at scale (issue 16): how many headquarters, and the city typed into the filter. */
const MANY_HEADQUARTERS = 2000;
const MANY_CITY_QUERY = 'Testgrad 1999';

/** In the page, from its start: each main-thread task over 50 ms, in `window.__longTasks`. */
function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ at: e.startTime, ms: e.duration }))))
    .observe({ type: 'longtask', buffered: true });
}

/**
 * The contacts page reading a file of MANY_HEADQUARTERS headquarters (every
 * field filled, `many` in lib/contacts-fixtures.mjs) from an endpoint, in
 * Chromium without throttling: the longest main-thread task from the
 * navigation until the list has been on screen for a second (an input
 * waits at most that long), then each keystroke of a city typed into the
 * filter and a click on "show more", timed to the painted frame.
 */
async function contactsAtScale(browser) {
  const data = many(MANY_HEADQUARTERS);
  let siteUrl = 'null';
  const endpoint = await startContactsEndpoint({ data, allowOrigin: () => siteUrl });
  const server = await startStaticServer({ root: DIST, contactsEndpoint: endpoint.url });
  siteUrl = server.url;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const tracker = trackRequests(page);
    await page.addInitScript(recordLongTasks);
    const started = Date.now();
    await page.goto(`${server.url}/en/contacts/`);
    await page.waitForFunction((n) => document.querySelector('p.contacts-count')?.textContent.includes(String(n)), MANY_HEADQUARTERS, { timeout: 20000 });
    const shownMs = Date.now() - started;
    await page.waitForTimeout(1000);
    const longTasks = await page.evaluate(() => window.__longTasks);
    const bytes = Buffer.byteLength(JSON.stringify(data));
    await page.evaluate(instrument, SETTLE_TIMEOUT_MS);
    const box = page.locator('#contacts-city');
    await box.click();
    const keystrokes = [];
    let typed = '';
    for (const ch of MANY_CITY_QUERY) {
      typed += ch;
      const words = typed.toLowerCase().split(' ').filter(Boolean);
      const matching = Array.from({ length: MANY_HEADQUARTERS }, (_, i) => `testgrad ${i}`).filter((city) => words.every((w) => city.includes(w))).length;
      keystrokes.push((await timed(page, tracker, 'input', () => page.keyboard.type(ch), 'cardsShown', Math.min(50, matching))).painted);
    }
    await timed(page, tracker, 'input', () => box.fill(''), 'cardsShown', 50);
    const more = await timed(page, tracker, 'click', () => page.locator('button.contacts-more').click(), 'cardsShown', 100);
    const saved = await page.evaluate(() => (localStorage.getItem('kasipodaq.contacts.body') ?? '').length);
    await page.close();
    // The next visit starts from the copy the first one saved.
    const again = await context.newPage();
    await again.addInitScript(recordLongTasks);
    await again.goto(`${server.url}/en/contacts/`);
    await again.waitForFunction(() => window.kasipodaqReady === true, null, { timeout: 20000 });
    await again.waitForFunction((n) => document.querySelector('p.contacts-count')?.textContent.includes(String(n)), MANY_HEADQUARTERS, { timeout: 20000 });
    await again.waitForTimeout(1000);
    const savedLongTasks = await again.evaluate(() => window.__longTasks);
    await context.close();
    const longestOf = (tasks) => tasks.reduce((a, b) => Math.max(a, b.ms), 0);
    const longest = longestOf(longTasks);
    log(`contacts, ${MANY_HEADQUARTERS} headquarters (${kb(bytes)} KB): shown after ${shownMs} ms, longest task ${longest.toFixed(0)} ms, keystroke max ${Math.max(...keystrokes).toFixed(1)} ms, show more ${more.painted.toFixed(1)} ms; next visit from the saved copy (${saved ? 'saved' : 'NOT saved'}): longest task ${longestOf(savedLongTasks).toFixed(0)} ms`);
    return {
      headquarters: MANY_HEADQUARTERS, bytes, shownMs, longTasks, longestTaskMs: longest, query: MANY_CITY_QUERY, keystrokes,
      keystrokeMaxMs: Math.max(...keystrokes), showMoreMs: more.painted, savedCopy: saved > 0, savedLongTasks, savedLongestTaskMs: longestOf(savedLongTasks),
    };
  } finally {
    await server.close();
    await endpoint.close();
  }
}

/** The contacts-at-scale figures held to the input budget. */
const CONTACTS_TIMED = ['longestTaskMs', 'keystrokeMaxMs', 'showMoreMs', 'savedLongestTaskMs'];

/** Whether one of the contacts-at-scale figures is over `budget` ms. */
function contactsOver(c, budget) {
  return CONTACTS_TIMED.some((key) => !(c[key] <= budget));
}

/**
 * Three contacts-at-scale runs as one: each timed figure the median of the
 * three, every run's figures kept in `runs`; the rest from the first run.
 */
function contactsMedian(runs) {
  const out = { ...runs[0], runs: runs.map((r) => Object.fromEntries(CONTACTS_TIMED.map((key) => [key, r[key]]))) };
  for (const key of CONTACTS_TIMED) out[key] = median(runs.map((r) => r[key]));
  out.savedCopy = runs.every((r) => r.savedCopy);
  return out;
}

/** The network of the issue's search targets: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SEARCH_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };

/**
 * The archive's search as a reader on a mobile network meets it, per
 * language: what it fetched before the box was focused (nothing, the
 * target), then the first query typed right after focusing: the time from
 * the first keystroke to the first results on screen, and the bytes and
 * requests until then; then each later keystroke's bytes. Bytes are those
 * transferred (compressed, headers included) under /pagefind/ and the app's
 * search code under /split/ (tools/split.mjs): the search's budget.
 */
async function searchOnMobileNetwork(browser, base, content) {
  const results = [];
  const queries = searchQueries(content);
  for (const lang of LANGS) {
    const { context, page } = await openReady(browser, base, `/${lang}/statements/`);
    const fetched = [];
    // Requests under way, to wait until a query's reads are all done before
    // the next keystroke: each keystroke is then charged with what it asked for.
    const pending = new Set();
    let lastDone = Date.now();
    const isSearch = (request) => /\/(pagefind|split)\//.test(request.url());
    context.on('request', (request) => { if (isSearch(request)) pending.add(request); });
    context.on('requestfailed', (request) => { pending.delete(request); lastDone = Date.now(); });
    context.on('requestfinished', (request) => {
      if (isSearch(request)) {
        pending.delete(request);
        lastDone = Date.now();
        fetched.push(request.sizes().then((s) => ({ url: request.url().replace(base, ''), bytes: s.responseHeadersSize + s.responseBodySize, at: Date.now() })));
      }
    });
    const settled = async () => {
      while (pending.size > 0 || Date.now() - lastDone < 400) await page.waitForTimeout(50);
    };
    await page.waitForTimeout(300);
    const beforeFocus = (await Promise.all(fetched)).length;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SEARCH_NETWORK);
    const query = queries[lang][1];
    const shown = () => page.waitForFunction((q) => document.querySelector('#archive-q').value === q
      && document.querySelector('.statement-card') !== null, query.slice(0, 1), { polling: 'raf', timeout: 20000 });
    await page.locator('#archive-q').focus();
    const start = Date.now();
    await page.keyboard.type(query[0]);
    await shown().catch(() => {});
    const firstMs = Date.now() - start;
    const first = (await Promise.all(fetched)).filter((r) => r.at <= Date.now());
    // A large archive's older statements are searched after the first
    // results show (src/search.rs): until the results say they are in.
    await page.waitForFunction(() => document.querySelector('.archive-older') === null, null, { polling: 'raf', timeout: 30000 }).catch(() => {});
    const allMs = Date.now() - start;
    const withOlder = (await Promise.all(fetched)).filter((r) => r.at <= Date.now());
    // the rest of the first query's results, read after the first ones show
    await settled();
    const later = [];
    for (let i = 1; i < query.length; i += 1) {
      const count = fetched.length;
      await page.keyboard.type(query[i]);
      await page.waitForFunction((q) => document.querySelector('#archive-q').value === q, query.slice(0, i + 1));
      await page.waitForTimeout(100);
      await settled();
      const these = (await Promise.all(fetched.slice(count)));
      later.push(these.reduce((sum, r) => sum + r.bytes, 0));
    }
    results.push({
      lang,
      query,
      beforeFocus,
      firstMs,
      firstRequests: first.length,
      firstKB: first.reduce((sum, r) => sum + r.bytes, 0) / 1024,
      allMs,
      allRequests: withOlder.length,
      allKB: withOlder.reduce((sum, r) => sum + r.bytes, 0) / 1024,
      laterMaxKB: Math.max(0, ...later) / 1024,
      files: first.map((r) => r.url),
    });
    await context.close();
  }
  return results;
}

// ------------------------------------------- the same measurements at a generated N

/** Files and bytes under `dir`, the precompressed copies apart. */
function distFiles(dir) {
  const out = { files: 0, bytes: 0, compressedBytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(join(entry.parentPath, entry.name)).size;
    if (/\.(br|gz)$/.test(entry.name)) out.compressedBytes += size;
    else {
      out.files += 1;
      out.bytes += size;
    }
  }
  return out;
}

/** The app's code files (WebAssembly and its loader): names and brotli sizes. */
function appCode(dir) {
  const files = readdirSync(dir).filter((f) => /\.(wasm|js)$/.test(f) && f !== 'sw.js');
  return {
    files: files.toSorted(),
    brotliKB: files.reduce((sum, f) => sum + compressed(readFileSync(join(dir, f))).brotli, 0) / 1024,
  };
}

/** The build's stages as tools/build-release.sh kept them, if it did. */
function buildStages(dir) {
  const path = join(ROOT, 'target', 'build-stages', `${relative(resolve(dir, '..'), dir)}.txt`);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : null;
}

/**
 * The archive at N = 5 (our content) and at the generated N, side by side in
 * one run, both behind nginx: the app's code, the first view of the archive
 * page and of the newest statement (bytes, requests), the search on a mobile
 * network, the build's stages, the files written.
 */
async function archiveAtScale(browser, small) {
  const large = await startNginx(ARCHIVE);
  try {
    const sides = [
      { n: statements().length, dist: DIST, content: undefined, url: small.url },
      { n: statements(ARCHIVE_CONTENT).length, dist: ARCHIVE, content: ARCHIVE_CONTENT, url: large.url },
    ];
    const out = [];
    for (const side of sides) {
      const newest = statements(side.content)[0];
      const archivePage = await firstView(browser, side.url, '/en/statements/');
      const statementPage = await firstView(browser, side.url, `/en/statements/${newest.slug}/`);
      const html = archivePage.requests.find((r) => r.url === '/en/statements/');
      const search = await searchOnMobileNetwork(browser, side.url, side.content);
      out.push({
        n: side.n,
        code: appCode(side.dist),
        archivePage: { bytes: archivePage.bytes, requests: archivePage.requests.length, htmlBytes: html?.bytes ?? null },
        statementPage: { bytes: statementPage.bytes, requests: statementPage.requests.length },
        search,
        build: buildStages(side.dist),
        dist: distFiles(side.dist),
      });
      log(`N = ${side.n}: archive page ${kb(archivePage.bytes)} KB in ${archivePage.requests.length} requests, search first results ${search.map((q) => q.firstMs).join('/')} ms, later keystroke max ${search.map((q) => q.laterMaxKB.toFixed(1)).join('/')} KB`);
    }
    return out;
  } finally {
    await large.close();
  }
}

// ---------------------------------------------------------------- Lighthouse

/** Lighthouse in its defaults (mobile, simulated throttling), driving Debian's Chromium with CHROMIUM_ARGS; a fresh browser per run. */
/**
 * Lighthouse's CPU slowdown for this machine, from its benchmark index, as
 * Lighthouse's docs/throttling.md ("Calibrating the CPU slowdown") advises:
 * the default (4x) is meant for a high-end desktop, index 1500-2000, and
 * moves it into the mid-tier mobile class. A machine in that class gets
 * the default; a slower one a proportionally smaller slowdown (index 1000:
 * 2.7x; the docs suggest 2x, range 1-5, for a low-end desktop), a faster
 * one a larger. So the scores are those of the same phone whatever machine
 * runs the check.
 */
const REFERENCE_BENCHMARK_INDEX = { low: 1500, high: 2000 };
function cpuSlowdownFor(benchmarkIndex) {
  const standard = LIGHTHOUSE_THROTTLING.mobileSlow4G.cpuSlowdownMultiplier;
  const { low, high } = REFERENCE_BENCHMARK_INDEX;
  if (benchmarkIndex < low) return Math.max(1, (standard * benchmarkIndex) / low);
  if (benchmarkIndex > high) return (standard * benchmarkIndex) / high;
  return standard;
}

/**
 * The budget of the switch's own work on this machine: the same for a
 * machine of the reference class or faster, proportionally more on a
 * slower one (it is CPU time; the wait for a frame is not).
 */
function appWorkBudgetFor(benchmarkIndex, budget = BUDGETS.switchAppWorkMedianMs) {
  return budget * Math.max(1, REFERENCE_BENCHMARK_INDEX.low / benchmarkIndex);
}

/**
 * The machine's benchmark index as Lighthouse measures it at the start of
 * each run (in its own fresh browser, which is what its table of machine
 * classes describes): the median of CALIBRATION_RUNS runs on `url` at the
 * default slowdown, performance only.
 */
const CALIBRATION_RUNS = 3;
async function benchmarkIndex(url) {
  const values = [];
  for (let i = 0; i < CALIBRATION_RUNS; i += 1) {
    const lhr = await lighthouseRun(url, LIGHTHOUSE_THROTTLING.mobileSlow4G.cpuSlowdownMultiplier, ['performance'], [], { fresh: true });
    values.push(lhr.environment.benchmarkIndex);
  }
  return { values, median: median(values) };
}

const lighthouseFlags = (cpuSlowdownMultiplier, categories, extraAudits) => ({
  output: 'json',
  logLevel: 'error',
  ...(categories ? { onlyCategories: categories } : { onlyAudits: [...METRIC_AUDITS, ...extraAudits] }),
  throttling: { ...LIGHTHOUSE_THROTTLING.mobileSlow4G, cpuSlowdownMultiplier },
  // The full-page screenshot only illustrates the HTML report; no score uses it.
  disableFullPageScreenshot: true,
});

function checkedResult(result, cpuSlowdownMultiplier) {
  const lhr = result?.lhr;
  if (!lhr || lhr.runtimeError) throw new Error(lhr?.runtimeError?.message ?? 'no result');
  if (lhr.configSettings.throttling.cpuSlowdownMultiplier !== cpuSlowdownMultiplier) throw new Error(`Lighthouse ran with a CPU slowdown of ${lhr.configSettings.throttling.cpuSlowdownMultiplier}, not ${cpuSlowdownMultiplier}`);
  return lhr;
}

/**
 * `categories`, or with `null` the metrics only (METRIC_AUDITS, and
 * `extraAudits`). With `alsoAt` (a slowdown, and its audits), the same load
 * is also simulated at that slowdown, as `lhr.alsoAt`: in simulated
 * throttling Lighthouse loads the page at full speed and only its model is
 * slowed, so the load a separate run would make adds nothing but time.
 */
async function lighthouseRun(url, cpuSlowdownMultiplier, categories = CATEGORIES, extraAudits = [], { fresh = false, alsoAt = null } = {}) {
  for (let attempt = 1; ; attempt += 1) {
    const chrome = fresh ? await launchForLighthouse() : (lighthouseChrome ??= await launchForLighthouse());
    const saved = alsoAt ? mkdtempSync(join(tmpdir(), 'kasipodaq-lighthouse-')) : null;
    try {
      const flags = lighthouseFlags(cpuSlowdownMultiplier, categories, extraAudits);
      const lhr = checkedResult(await lighthouse(url, { ...flags, port: chrome.port, ...(saved ? { gatherMode: saved, auditMode: saved } : {}) }), cpuSlowdownMultiplier);
      if (alsoAt) lhr.alsoAt = await simulateAgain(url, saved, alsoAt);
      return lhr;
    } catch (error) {
      // Once more in a browser of its own.
      if (!fresh) await closeLighthouseChromium();
      if (attempt >= 2) throw error;
      log(`Lighthouse failed on ${url} (${error.message}); once more`);
    } finally {
      if (fresh) await chrome.kill();
      if (saved) rmSync(saved, { recursive: true, force: true });
    }
  }
}

/**
 * The audits of a saved load (`saved`) at another CPU slowdown. Lighthouse
 * refuses artifacts gathered with other settings than the audit's; the only
 * differences here are the slowdown and the audits asked for, which the
 * gathering does not use (it never throttles the CPU).
 */
async function simulateAgain(url, saved, { cpuSlowdownMultiplier, audits }) {
  const again = lighthouseFlags(cpuSlowdownMultiplier, null, audits);
  const file = join(saved, 'artifacts.json');
  const artifacts = JSON.parse(readFileSync(file, 'utf8'));
  artifacts.settings = { ...artifacts.settings, throttling: again.throttling, onlyCategories: null, onlyAudits: again.onlyAudits };
  writeFileSync(file, JSON.stringify(artifacts));
  return checkedResult(await lighthouse(url, { ...again, auditMode: saved }), cpuSlowdownMultiplier);
}

function launchForLighthouse() {
  return chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
}

/**
 * The Chromium the Lighthouse runs share until closeLighthouseChromium():
 * a browser launched for each run made the bench minutes longer, and
 * Lighthouse empties the origin's caches, storage and offline worker before
 * each run anyway (docs/performance.md, "How it is measured").
 */
let lighthouseChrome = null;

async function closeLighthouseChromium() {
  const chrome = lighthouseChrome;
  lighthouseChrome = null;
  await chrome?.kill();
}

function itemSummary(item) {
  const parts = [];
  if (item.node) parts.push(`${item.node.selector ?? ''} ${item.node.snippet ?? ''}`.trim());
  if (item.node?.explanation) parts.push(item.node.explanation.replace(/\s+/g, ' '));
  if (item.url) parts.push(item.url);
  for (const key of ['duration', 'total', 'wastedMs', 'timing']) {
    if (typeof item[key] === 'number') parts.push(`${key} ${Math.round(item[key])} ms`);
  }
  if (item.phase) parts.push(item.phase);
  if (item.groupLabel) parts.push(item.groupLabel);
  if (typeof item.totalBytes === 'number') parts.push(`${kb(item.totalBytes)} KB`);
  return parts.join(' — ');
}

function auditSummary(lhr, id) {
  const audit = lhr.audits[id];
  if (!audit) return null;
  const items = (audit.details?.type === 'list' ? audit.details.items.flatMap((d) => d.items ?? []) : audit.details?.items ?? [])
    .slice(0, 6)
    .map(itemSummary)
    .filter(Boolean);
  return { id, title: audit.title, score: audit.score, displayValue: audit.displayValue ?? '', items };
}

/** The audits that cost points in a category (weight > 0, score < 1), and for performance what made the metrics slow. */
function failingAudits(lhr, category) {
  const refs = lhr.categories[category].auditRefs.filter((r) => r.weight > 0);
  const failing = refs
    .map((r) => lhr.audits[r.id])
    .filter((a) => a && a.score !== null && a.score < 1)
    .map((a) => ({ ...auditSummary(lhr, a.id), weighted: true }));
  if (category === 'performance') {
    for (const id of ['long-tasks', 'bootup-time', 'mainthread-work-breakdown', 'largest-contentful-paint-element', 'render-blocking-insight']) {
      const summary = auditSummary(lhr, id);
      if (summary) failing.push({ ...summary, weighted: false });
    }
  }
  return failing;
}

function summarize(runs) {
  // A category over the runs that measured it (accessibility, best practices and SEO: the first).
  const scores = Object.fromEntries(CATEGORIES.filter((c) => runs[0].categories[c]).map((c) => [c, median(runs.filter((r) => r.categories[c]).map((r) => Math.round(r.categories[c].score * 100)))]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, median(runs.map((r) => r.audits[id].numericValue))]));
  return { scores, metrics };
}

/** The pages Lighthouse measures, in each language: issue 17's four. */
function lighthousePages(slug) {
  return LANGS.flatMap((lang) => [
    { lang, kind: 'home', path: `/${lang}/` },
    { lang, kind: 'statement', path: `/${lang}/statements/${slug}/` },
    { lang, kind: 'archive', path: `/${lang}/statements/` },
    { lang, kind: 'contacts', path: `/${lang}/contacts/` },
  ]);
}

/**
 * Every page as the portal and as plain HTML on each host. The portal behind
 * nginx is measured in all four categories in its first run; every other run
 * in the metrics only (the performance score is made of them; accessibility,
 * best practices and SEO depend neither on the host nor on the run's timing,
 * and a full run takes longer).
 */
async function lighthouseAll(hosts, slug, cpuSlowdownMultiplier, slowPhoneLoads) {
  const targets = [];
  for (const host of hosts) {
    for (const page of lighthousePages(slug)) {
      for (const variant of ['portal', 'plain HTML']) {
        targets.push({ ...page, host: host.name, variant, base: variant === 'portal' ? host.url : host.plainUrl, full: variant === 'portal' && host === hosts[0], runs: [] });
      }
    }
  }
  // The portal behind the first host is also simulated on a slow phone (slowPhone).
  const alsoAt = { cpuSlowdownMultiplier: SLOW_PHONE_CPU, audits: SLOW_PHONE_AUDITS };
  // Run after run over all pages, so a slow spell of the machine touches every page alike.
  for (let run = 1; run <= LIGHTHOUSE_RUNS; run += 1) {
    for (const t of targets) {
      const slow = t.full ? { alsoAt } : {};
      const lhr = await lighthouseRun(t.base + t.path, cpuSlowdownMultiplier, t.full && run === 1 ? CATEGORIES : null, t.full ? SLOW_PHONE_AUDITS : [], slow);
      if (lhr.alsoAt) slowPhoneLoads.set(t.path, [...(slowPhoneLoads.get(t.path) ?? []), lhr.alsoAt]);
      lhr.loadAverage = loadavg()[0];
      t.runs.push(lhr);
      const s = summarize([lhr]);
      log(`Lighthouse ${run}/${LIGHTHOUSE_RUNS} ${t.host.padEnd(6)} ${t.variant.padEnd(10)} ${t.path}: ${Object.values(s.scores).join('/')} LCP ${ms(s.metrics.lcp)} ms TBT ${ms(s.metrics.tbt)} ms`);
    }
    // A new browser for each pass, so none grows old over hundreds of runs.
    await closeLighthouseChromium();
  }
  return targets.map((t) => {
    const { scores, metrics } = summarize(t.runs);
    // the audits behind a portal page's score under budget, from a run with the median score
    const failing = {};
    for (const c of Object.keys(scores)) {
      if (t.variant === 'portal' && scores[c] < BUDGETS[c]) {
        const run = t.runs.find((r) => r.categories[c] && Math.round(r.categories[c].score * 100) === Math.round(scores[c])) ?? t.runs[0];
        failing[c] = failingAudits(run, c);
      }
    }
    return {
      lang: t.lang,
      kind: t.kind,
      host: t.host,
      variant: t.variant,
      path: t.path,
      scores,
      metrics,
      runs: t.runs.map((r) => ({
        scores: Object.fromEntries(Object.keys(scores).filter((c) => r.categories[c]).map((c) => [c, Math.round(r.categories[c].score * 100)])),
        metrics: Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, r.audits[id].numericValue])),
        observed: {
          fcp: r.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint ?? null,
          lcp: r.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint ?? null,
        },
        benchmarkIndex: r.environment.benchmarkIndex,
        documentBytes: documentBytes(r),
        loadAverage: r.loadAverage,
        warnings: r.runWarnings,
      })),
      failing,
      lighthouseVersion: t.runs[0].lighthouseVersion,
    };
  });
}

/** The bytes of the page itself, headers included, as the run's network requests give them. */
function documentBytes(lhr) {
  return lhr.audits['network-requests']?.details?.items?.find((item) => item.resourceType === 'Document')?.transferSize ?? null;
}

/**
 * The round trips a response of `bytes` takes once its request is sent, as
 * Lighthouse's simulation counts them (lantern's TCPConnection): ten
 * segments of 1,460 bytes in the first, the window doubling after each, up
 * to what the throttled bandwidth carries in one round trip.
 */
function roundTrips(bytes) {
  const { rttMs, throughputKbps } = LIGHTHOUSE_THROTTLING.mobileSlow4G;
  const segment = 1460;
  const most = Math.floor((throughputKbps * 1024 / 8) * (rttMs / 1000) / segment);
  let window = Math.min(10, most);
  let carried = window * segment;
  let trips = 1;
  while (carried < bytes) {
    window = Math.min(most, window * 2);
    carried += window * segment;
    trips += 1;
  }
  return trips;
}

/**
 * LCP of each portal page against its plain twin on the same host
 * (medians), and the round trips each one's HTML takes: what the app adds to
 * a page must not cost it one where the host compresses nothing.
 */
function lcpComparison(lighthouse) {
  return lighthouse.filter((p) => p.variant === 'portal').map((portal) => {
    const plain = lighthouse.find((p) => p.variant === 'plain HTML' && p.host === portal.host && p.path === portal.path);
    const bytes = (page) => {
      if (!page.runs.every((r) => r.documentBytes > 0)) throw new Error(`${page.path} (${page.host}, ${page.variant}): a run without the page's own request`);
      return Math.max(...page.runs.map((r) => r.documentBytes));
    };
    const html = { portal: bytes(portal), plain: bytes(plain) };
    return {
      host: portal.host, path: portal.path, portal: { scores: portal.scores, metrics: portal.metrics }, plain: { scores: plain.scores, metrics: plain.metrics }, lcpRatio: portal.metrics.lcp / plain.metrics.lcp,
      html: { ...html, portalRoundTrips: roundTrips(html.portal), plainRoundTrips: roundTrips(html.plain) },
    };
  });
}

/**
 * Each portal page behind nginx at SLOW_PHONE_CPU: TBT, and the longest
 * main-thread task of the load, which includes the app's takeover
 * (Lighthouse's `long-tasks` audit, simulated at that slowdown). Three runs a
 * page, the loads of the Lighthouse phase simulated again at this slowdown
 * (`slowPhoneLoads`), and the run with the median TBT counts; eight (the
 * upper median, five new loads) when that median is over the budget: single
 * runs at this slowdown vary by more than the budget's margin
 * (docs/performance.md has the runs), so one run passed or failed a page by
 * chance, and so did five, three of them in a row on a busy moment. Every
 * run's TBT is reported.
 */
async function slowPhone(base, slug, slowPhoneLoads) {
  const out = [];
  const summary = (page, lhr) => {
    const tasks = (lhr.audits['long-tasks']?.details?.items ?? []).map((i) => ({ url: i.url, ms: i.duration }));
    const longest = tasks.reduce((a, b) => (b.ms > (a?.ms ?? 0) ? b : a), null);
    return { ...page, performance: Math.round(lhr.categories.performance.score * 100), tbt: lhr.audits['total-blocking-time'].numericValue, lcp: lhr.audits['largest-contentful-paint'].numericValue, longTasks: tasks.length, longest };
  };
  const measure = async (page) => summary(page, await lighthouseRun(base + page.path, SLOW_PHONE_CPU, null, SLOW_PHONE_AUDITS));
  const middle = (runs) => [...runs].sort((a, b) => a.tbt - b.tbt)[Math.floor(runs.length / 2)];
  for (const page of lighthousePages(slug)) {
    const runs = (slowPhoneLoads.get(page.path) ?? []).map((lhr) => summary(page, lhr));
    while (runs.length < LIGHTHOUSE_RUNS) runs.push(await measure(page));
    if (!(middle(runs).tbt <= BUDGETS.slowPhoneTbtMs)) for (let more = 0; more < 5; more += 1) runs.push(await measure(page));
    const result = { ...middle(runs), runs: runs.map((r) => r.tbt) };
    const { longest } = result;
    log(`Lighthouse ×${SLOW_PHONE_CPU} ${page.path}: TBT ${runs.map((r) => ms(r.tbt)).join(', ')} ms, longest task ${longest ? `${ms(longest.ms)} ms (${longest.url})` : 'none over 50 ms'}`);
    out.push(result);
  }
  return out;
}

// ---------------------------------------------------------------- budgets

function breaches(report) {
  const out = [];
  for (const p of report.lighthouse.filter((x) => x.variant === 'portal')) {
    for (const c of Object.keys(p.scores)) {
      if (!(p.scores[c] >= BUDGETS[c])) {
        const audits = (p.failing[c] ?? []).filter((a) => a.weighted).map((a) => a.id);
        out.push(`Lighthouse ${c} ${p.scores[c]} < ${BUDGETS[c]} on ${p.path} (${p.host})${audits.length ? ` (${audits.join(', ')})` : ''}`);
      }
    }
    if (!(p.metrics.cls <= BUDGETS.cls)) out.push(`CLS ${p.metrics.cls.toFixed(3)} > ${BUDGETS.cls} on ${p.path} (${p.host})`);
  }
  for (const c of report.comparison) {
    // Exact, where the ratio is not: a round trip the app's bytes cost a page
    // is 900 / 750 ms, the ratio's very limit, which its few ms either side
    // pass or fail by chance.
    if (!(c.html.portalRoundTrips <= c.html.plainRoundTrips)) out.push(`the app's ${c.html.portal - c.html.plain} bytes in ${c.path} (${c.host}) cost its HTML a round trip: ${c.html.portal} bytes with the headers take ${c.html.portalRoundTrips}, the plain page's ${c.html.plain} take ${c.html.plainRoundTrips}`);
    // To the hundredth, as reported: Lighthouse's LCP moves in steps of one
    // simulated round trip (750, 900, 1050 ms), each a few ms either side, so
    // 902 / 751 is the 1.2 of 900 / 750.
    if (!(Math.round(c.lcpRatio * 100) / 100 <= BUDGETS.lcpRatio)) out.push(`LCP ${ms(c.portal.metrics.lcp)} ms is ${c.lcpRatio.toFixed(2)}× the plain page's ${ms(c.plain.metrics.lcp)} ms on ${c.path} (${c.host}), over ${BUDGETS.lcpRatio}×`);
  }
  for (const p of report.slowPhone) {
    if (!(p.tbt <= BUDGETS.slowPhoneTbtMs)) out.push(`TBT ${ms(p.tbt)} ms at CPU ×${SLOW_PHONE_CPU} on ${p.path} > ${BUDGETS.slowPhoneTbtMs} ms`);
  }
  const s = report.languageSwitch;
  if (!(s.medianMs <= BUDGETS.switchMedianMs)) out.push(`language switch median ${s.medianMs.toFixed(1)} ms > ${BUDGETS.switchMedianMs} ms`);
  if (!(s.nextFrame >= BUDGETS.switchNextFrameAtLeast)) out.push(`language switch painted in the very next frame in ${s.nextFrame} of ${s.samples.length} switches, fewer than ${BUDGETS.switchNextFrameAtLeast}`);
  const appWork = report.calibration.appWorkBudgetMs;
  if (!(s.medianLastChangeMs <= appWork)) out.push(`language switch: the app's last change ${s.medianLastChangeMs.toFixed(1)} ms after the click (median) > ${appWork.toFixed(1)} ms`);
  const searchBreaches = (results, where) => {
    for (const q of results) {
      const at = `search (${q.lang}${where})`;
      if (q.beforeFocus > BUDGETS.searchBeforeFocusRequests) out.push(`${at}: ${q.beforeFocus} request(s) before the box was focused`);
      if (!(q.firstKB <= BUDGETS.searchFirstKB)) out.push(`${at}: ${q.firstKB.toFixed(1)} KB before the first results > ${BUDGETS.searchFirstKB} KB`);
      if (!(q.firstRequests <= BUDGETS.searchFirstRequests)) out.push(`${at}: ${q.firstRequests} requests before the first results > ${BUDGETS.searchFirstRequests}`);
      if (!(q.firstMs <= BUDGETS.searchFirstMs)) out.push(`${at}: first results ${q.firstMs} ms after the first keystroke > ${BUDGETS.searchFirstMs} ms`);
      if (!(q.laterMaxKB <= BUDGETS.searchLaterKB)) out.push(`${at}: a later keystroke fetched ${q.laterMaxKB.toFixed(1)} KB > ${BUDGETS.searchLaterKB} KB`);
    }
  };
  searchBreaches(report.searchMobile ?? [], '');
  if (report.archiveAtScale) {
    const [small, large] = report.archiveAtScale;
    searchBreaches(large.search, `, N = ${large.n}`);
    if (large.code.files.join() !== small.code.files.join()) out.push(`the app's code differs between N = ${small.n} and N = ${large.n}: ${small.code.files.join(', ')} / ${large.code.files.join(', ')}`);
    for (const side of report.archiveAtScale) {
      if (!(side.archivePage.htmlBytes <= BUDGETS.archivePageKB * 1024)) out.push(`the archive page at N = ${side.n}: ${kb(side.archivePage.htmlBytes)} KB transferred > ${BUDGETS.archivePageKB} KB`);
    }
  }
  const c = report.contactsAtScale;
  if (c) {
    // CPU time: like the switch's own work, proportionally more on a slower machine.
    const budget = report.calibration.contactsInputBudgetMs;
    if (!(c.longestTaskMs <= budget)) out.push(`contacts with ${c.headquarters} headquarters: a task of ${c.longestTaskMs.toFixed(0)} ms while the page loads > ${budget.toFixed(0)} ms`);
    if (!(c.keystrokeMaxMs <= budget)) out.push(`contacts with ${c.headquarters} headquarters: a keystroke painted after ${c.keystrokeMaxMs.toFixed(0)} ms > ${budget.toFixed(0)} ms`);
    if (!c.savedCopy) out.push(`contacts with ${c.headquarters} headquarters: no copy saved for the next visit`);
    if (!(c.savedLongestTaskMs <= budget)) out.push(`contacts with ${c.headquarters} headquarters: a task of ${c.savedLongestTaskMs.toFixed(0)} ms on the next visit (from the saved copy) > ${budget.toFixed(0)} ms`);
    if (!(c.showMoreMs <= budget)) out.push(`contacts with ${c.headquarters} headquarters: "show more" painted after ${c.showMoreMs.toFixed(0)} ms > ${budget.toFixed(0)} ms`);
  }
  if (s.requests.length > BUDGETS.switchRequests) {
    out.push(`language switch made ${s.requests.length} request(s): ${s.requests.map((r) => `${r.url} (switch ${r.switch}, ${r.msAfterClick.toFixed(0)} ms after the click)`).join(', ')}`);
  }
  return out;
}

/** Issue 6's targets that this run does not reach (reported, not enforced). */
function missedTargets(report) {
  const missed = [];
  const portal = report.lighthouse.filter((x) => x.variant === 'portal');
  for (const c of CATEGORIES) {
    const under = portal.filter((p) => c in p.scores && !(p.scores[c] >= TARGETS[c]));
    if (under.length) missed.push(`${c} < ${TARGETS[c]} on ${under.length} of ${portal.length} pages (${under.map((p) => p.scores[c]).join(', ')})`);
  }
  const s = report.languageSwitch;
  if (!(s.medianMs <= TARGETS.switchMedianMs)) missed.push(`language switch median ${s.medianMs.toFixed(1)} ms (the floor, a click that changes one word: ${s.floor.medianMs.toFixed(1)} ms)`);
  if (!(s.nextFrame >= TARGETS.switchNextFrameAtLeast)) missed.push(`language switch in the next frame ${s.nextFrame} of ${s.samples.length}`);
  if (!(s.medianLastChangeMs <= TARGETS.switchAppWorkMedianMs)) missed.push(`the switch's own work ${s.medianLastChangeMs.toFixed(1)} ms`);
  return missed;
}

// ---------------------------------------------------------------- the report

function markdown(r) {
  const md = [];
  md.push('# Kasipodaq portal: performance benchmark', '');
  const e = r.environment;
  md.push(`${r.date}, \`${r.dist}\`; Chromium ${e.chromium}, Lighthouse ${e.lighthouse}, Node ${e.node}, ${e.cpus} CPU cores; load average (1 min) ${e.loadAverageAtStart.toFixed(1)} at the start, ${e.loadAverageLighthouse.min.toFixed(1)}–${e.loadAverageLighthouse.max.toFixed(1)} during the Lighthouse runs (median ${e.loadAverageLighthouse.median.toFixed(1)}), ${e.loadAverageAtEnd.toFixed(1)} at the end: other work on the machine slows every timing here. KB = 1024 bytes.`, '');

  md.push('## Sizes', '', 'Compressed by the benchmark: gzip -9 and brotli -q 11 (node:zlib), as the build\'s own copies of the app\'s code (tools/precompress.mjs; its other copies are brotli -q 10) that nginx sends (deploy/nginx.conf: brotli to browsers that accept it, Chromium here included, gzip otherwise).', '');
  md.push(table(['file', 'raw KB', 'gzip KB', 'brotli KB'], [
    ...r.sizes.assets.map((a) => [a.name, kb(a.raw), kb(a.gzip), kb(a.brotli)]),
    ['WebAssembly + JavaScript', kb(r.sizes.codeTotal.raw), kb(r.sizes.codeTotal.gzip), kb(r.sizes.codeTotal.brotli)],
  ], [false, true, true, true]), '');
  const gz = r.sizes.codeTotal.gzip / 1024;
  const br = r.sizes.codeTotal.brotli / 1024;
  const against = (size, budget) => (size <= budget ? 'within' : `**over by ${(size - budget).toFixed(1)} KB**`);
  md.push(`WebAssembly + JavaScript: brotli **${br.toFixed(1)} KB** (what deploy/nginx.conf sends; budget ${SIZE_BUDGET_BROTLI_KB} KB: ${against(br, SIZE_BUDGET_BROTLI_KB)}), gzip **${gz.toFixed(1)} KB** (hosts without brotli; budget ${SIZE_BUDGET_GZIP_KB} KB: ${against(gz, SIZE_BUDGET_GZIP_KB)}). Reported here, enforced by tools/size-check.mjs (the same files, sw.js included).`, '');

  md.push('### Pages (HTML), gzip / brotli KB', '');
  const rowKey = (p) => (p.kind === 'statement' ? p.path.split('/').slice(2).join('/') : SECTIONS.find((s) => s.key === p.kind).path || '(home)');
  const rowsByKey = new Map();
  for (const p of r.sizes.htmlPages) {
    const key = rowKey(p);
    if (!rowsByKey.has(key)) rowsByKey.set(key, {});
    rowsByKey.get(key)[p.lang] = p;
  }
  const cell = (p) => (p ? `${kb(p.gzip)} / ${kb(p.brotli)}` : '–');
  const totals = Object.fromEntries(LANGS.map((l) => [l, r.sizes.htmlPages.filter((p) => p.lang === l)]));
  md.push(table(['page (under /{lang}/)', ...LANGS.map((l) => `${l} gzip / br`)], [
    ...[...rowsByKey].map(([key, byLang]) => [key, ...LANGS.map((l) => cell(byLang[l]))]),
    ['all pages of the language', ...LANGS.map((l) => `${kb(totals[l].reduce((s, p) => s + p.gzip, 0))} / ${kb(totals[l].reduce((s, p) => s + p.brotli, 0))}`)],
  ], [false, true, true, true]), '');
  if (r.sizes.data.length) {
    md.push('### Data the app fetches', '');
    const sum = (key) => r.sizes.data.reduce((n, d) => n + d[key], 0);
    md.push(table(['file', 'raw KB', 'gzip KB', 'brotli KB'], [
      ...r.sizes.data.map((d) => [d.name, kb(d.raw), kb(d.gzip), kb(d.brotli)]),
      ['all', kb(sum('raw')), kb(sum('gzip')), kb(sum('brotli'))],
    ], [false, true, true, true]), '');
  }
  if (r.sizes.otherHtml.length) {
    md.push(table(['other page', 'raw KB', 'gzip KB', 'brotli KB'], r.sizes.otherHtml.map((p) => [p.path, kb(p.raw), kb(p.gzip), kb(p.brotli)]), [false, true, true, true]), '');
  }
  if (r.sizes.missingPages.length) md.push(`Not in this build (lib/pages.mjs expects them): ${r.sizes.missingPages.join(', ')}`, '');

  const label = (url, path) => (url === path ? 'HTML'
    : /\.wasm$/.test(url) ? 'WebAssembly' : /\.js$/.test(url) ? 'JS' : /\.css$/.test(url) ? 'CSS' : url.split('/').pop());
  md.push('### First view of a statement', '');
  md.push('One load in Chromium from nginx with an empty cache (new browser context); the sum of CDP `Network.loadingFinished` `encodedDataLength` (bytes on the wire: body as nginx sent it, brotli for Chromium, plus response headers) of every response the page received, until the app had taken over and the network was quiet for 1 s. The offline worker then precaches the site in the background: counted apart from Playwright\'s request sizes (response headers + encoded body; Chromium reports no body size for the worker script itself, and files already in the HTTP cache count 0).', '');
  md.push(table(['page', 'requests', 'transferred KB', 'of which', 'then the offline worker: requests', 'KB'], r.firstView.map((f) => [
    f.path,
    f.requests.length,
    kb(f.bytes),
    f.requests.map((q) => `${label(q.url, f.path)} ${kb(q.bytes)}`).join(', '),
    f.workerRequests,
    kb(f.workerBytes),
  ]), [false, true, true, false, true, true]), '');

  md.push('## Lighthouse', '');
  const cal = r.calibration;
  const slowdown = `CPU ×${cal.cpuSlowdownMultiplier.toFixed(2)}${cal.cpuSlowdownMultiplier === LIGHTHOUSE_THROTTLING.mobileSlow4G.cpuSlowdownMultiplier ? ', its default' : ''}`;
  md.push(`Lighthouse ${r.environment.lighthouse} in mobile mode with simulated throttling (150 ms RTT, 1.6 Mbit/s, ${slowdown}), driving Debian's Chromium, on two hosts: **nginx** with deploy/nginx.conf (brotli copies), and **as-is**, a server that sends each file as it is (no compression), like object storage without a CDN. Each page is measured as the portal and as plain HTML (a copy of dist/ without any script, nor the preloads of the .js/.wasm/.json) on the same host, in the same run. Each performance figure is the median of ${LIGHTHOUSE_RUNS} runs (a browser for each pass over the pages); the portal behind nginx is measured in all four categories in its first run, every other run in the performance metrics only (accessibility, best practices and SEO depend neither on the host nor on the run's timing).`, '');
  md.push(`The CPU slowdown follows the machine's benchmark index, as Lighthouse's docs/throttling.md advises: its default ×4 is meant for a high-end desktop (index ${cal.reference.low}–${cal.reference.high}) and is used there; a slower machine gets a proportionally smaller one, a faster one a larger (\`cpuSlowdownFor\` in bench.mjs). Index before the runs (Lighthouse's own, from ${cal.benchmarkIndex.values.length} runs on the plain-HTML statement): ${Math.round(cal.benchmarkIndex.median)} (${cal.benchmarkIndex.values.map(Math.round).join(', ')}); median index Lighthouse reported during its runs: ${Math.round(r.environment.benchmarkIndex)}.`, '');
  md.push(table(['page', 'host', 'served as', 'perf', 'a11y', 'best pr.', 'seo', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'perf, each run', 'LCP ms, each run'], r.lighthouse.map((p) => [
    p.path, p.host, p.variant, p.scores.performance, p.scores.accessibility, p.scores['best-practices'], p.scores.seo,
    ms(p.metrics.fcp), ms(p.metrics.lcp), ms(p.metrics.tbt), p.metrics.cls.toFixed(3),
    p.runs.map((x) => x.scores.performance).join(' '), p.runs.map((x) => ms(x.metrics.lcp)).join(' '),
  ]), [false, false, false, true, true, true, true, true, true, true, true, true, true]), '');
  md.push('The real (unthrottled) load behind each run, first paint → largest paint, ms: '
    + r.lighthouse.map((p) => `${p.path} (${p.host}${p.variant === 'portal' ? '' : `, ${p.variant}`}) ${p.runs.map((x) => `${ms(x.observed.fcp)}→${ms(x.observed.lcp)}`).join(', ')}`).join('; ')
    + '. Lighthouse simulates LCP from that load: compare each run\'s LCP above with its real paints.', '');

  md.push('### Each page as the portal and as plain HTML, on the same host', '');
  md.push(table(['page', 'host', 'LCP portal ms', 'LCP plain ms', 'LCP portal / plain', 'FCP portal ms', 'FCP plain ms', 'TBT portal ms', 'TBT plain ms', 'perf portal', 'perf plain', 'HTML bytes portal / plain (round trips)'], r.comparison.map((c) => [
    c.path, c.host, ms(c.portal.metrics.lcp), ms(c.plain.metrics.lcp), c.lcpRatio.toFixed(2), ms(c.portal.metrics.fcp), ms(c.plain.metrics.fcp),
    ms(c.portal.metrics.tbt), ms(c.plain.metrics.tbt), c.portal.scores.performance, c.plain.scores.performance,
    `${c.html.portal} / ${c.html.plain} (${c.html.portalRoundTrips} / ${c.html.plainRoundTrips})`,
  ]), [false, false, true, true, true, true, true, true, true, true, true, true]), '');
  md.push(`### A phone about three years old: CPU ×${SLOW_PHONE_CPU} (not calibrated), nginx, three runs a page (the loads of the Lighthouse runs above, simulated again at this slowdown), the one with the median TBT counting (eight, five of them new loads, when that median is over the budget)`, '');
  md.push('The longest task is the longest main-thread task of the load as Lighthouse simulates it at that slowdown (its `long-tasks` audit: tasks over 50 ms), the app\'s takeover included (the run waits for the page to be quiet).', '');
  md.push(table(['page', 'perf', 'LCP ms', 'TBT ms', 'tasks over 50 ms', 'longest task ms', 'its script'], r.slowPhone.map((p) => [
    p.path, p.performance, ms(p.lcp), p.runs?.length > 1 ? `${ms(p.tbt)} (runs: ${p.runs.map(ms).join(', ')})` : ms(p.tbt), p.longTasks, p.longest ? ms(p.longest.ms) : '–', p.longest?.url?.replace(/^https?:\/\/[^/]+/, '') ?? '–',
  ]), [false, true, true, true, true, true, false]), '');

  const failingPages = r.lighthouse.filter((p) => Object.keys(p.failing).length);
  if (failingPages.length) {
    md.push('### What costs the points (pages under a budget; audits from a run with the median score)', '');
    for (const p of failingPages) {
      for (const [c, audits] of Object.entries(p.failing)) {
        md.push(`- **${p.path}** (${p.variant}), ${c} ${p.scores[c]}:`);
        for (const a of audits) {
          md.push(`  - \`${a.id}\` ${a.title}${a.displayValue ? `: ${a.displayValue}` : ''}${a.score !== null ? ` (score ${a.score})` : ''}`);
          for (const item of a.items) md.push(`    - ${item.replace(/\n/g, ' ')}`);
        }
      }
    }
    md.push('');
  }

  const s = r.languageSwitch;
  md.push('## Language switch', '');
  md.push(`${SWITCHES} switches in turn kk → ru → en on ${s.page}, in Chromium without throttling, after the app was ready and the offline worker installed. Timed in the page from a capturing click listener to the first frame painted after the app's last change to the page (rAF, then a MessageChannel message as "after paint"; see \`instrument\` in bench.mjs).`, '');
  md.push(table(['', 'median ms', 'max ms'], [
    ['click → the switched page painted', s.medianMs.toFixed(1), s.maxMs.toFixed(1)],
    ['click → the app\'s last change to the page', s.medianLastChangeMs?.toFixed(1), Math.max(...s.samples.map((x) => x.lastChange ?? 0)).toFixed(1)],
    ['the floor: a click that changes one word, painted', s.floor.medianMs.toFixed(1), s.floor.maxMs.toFixed(1)],
  ], [false, true, true]), '');
  const nextFrame = s.nextFrame;
  md.push(`The floor is ${SWITCHES} clicks on a button added to the same page for the purpose, outside the app, that changes its own one word, timed the same way: what this machine's Chromium takes from a click to its next painted frame when there is almost nothing to do (samples, ms: ${s.floor.samples.map((x) => x.toFixed(1)).join(', ')}).`, '');
  md.push(`In ${nextFrame} of ${s.samples.length} switches the switched page was the very next frame painted after the click (median time to that frame ${s.medianFirstFrameMs.toFixed(1)} ms).`, '');
  md.push(`All samples (ms): ${s.samples.map((x) => x.painted.toFixed(1)).join(', ')}.`, '');
  const list = (qs) => qs.map((q) => `${q.url} (switch ${q.switch}, ${q.msAfterClick.toFixed(0)} ms after the click${q.beforePaint ? ', before the paint' : ''}${q.fromServiceWorker ? ', answered by the offline worker' : ''})`).join(', ');
  md.push(`Requests from the click to 300 ms after the switched page was painted: **${s.requests.length}** (budget ${BUDGETS.switchRequests})${s.requests.length ? `: ${list(s.requests)}` : ''}.`, '');

  md.push('## Archive search on a mobile network', '');
  md.push('Pagefind, loaded when the search box is focused; the first query typed right after, under 150 ms round trip and 1.6 Mbit/s down. Bytes transferred under /pagefind/ and /split/ (the search code of the app), compressed, headers included.', '');
  md.push(table(['lang', 'query', 'requests before focus', 'first keystroke → first results ms', 'requests before first results', 'KB before first results', 'first keystroke → all results ms (KB, requests)', 'largest later keystroke KB'], (r.searchMobile ?? []).map((q) => [
    q.lang, q.query, q.beforeFocus, q.firstMs, q.firstRequests, q.firstKB.toFixed(1), `${q.allMs} (${q.allKB.toFixed(1)}, ${q.allRequests})`, q.laterMaxKB.toFixed(1),
  ])), '');
  md.push('"All results": a large archive\'s older statements are searched once the first results show (tools/search-index.mjs, src/search.rs); with one index they are the first results, read a little later (the question whether there is an older index).', '');
  if (r.archiveAtScale) {
    const sides = r.archiveAtScale;
    const worst = (side, f) => Math.max(...side.search.map(f));
    md.push(`## The archive at N = ${sides.map((x) => x.n.toLocaleString('en')).join(' and ')}`, '');
    md.push(`Both builds behind nginx in the same run; N = ${sides[1].n.toLocaleString('en')} is a generated archive (tools/gen-archive.mjs). First views without throttling; the search as above (150 ms, 1.6 Mbit/s), the worst of the three languages.`, '');
    md.push(table(['', ...sides.map((x) => `N = ${x.n.toLocaleString('en')}`)], [
      ['app code (WebAssembly + loader), brotli KB', ...sides.map((x) => `${x.code.brotliKB.toFixed(1)} (${x.code.files.find((f) => f.endsWith('.wasm'))})`)],
      ['/en/statements/ first view: KB, requests', ...sides.map((x) => `${kb(x.archivePage.bytes)}, ${x.archivePage.requests}`)],
      ['/en/statements/ HTML as sent, KB', ...sides.map((x) => kb(x.archivePage.htmlBytes))],
      ['newest statement first view: KB, requests', ...sides.map((x) => `${kb(x.statementPage.bytes)}, ${x.statementPage.requests}`)],
      ['search: first keystroke → first results, ms', ...sides.map((x) => worst(x, (q) => q.firstMs))],
      ['search: before the first results, KB, requests', ...sides.map((x) => `${worst(x, (q) => q.firstKB).toFixed(1)}, ${worst(x, (q) => q.firstRequests)}`)],
      ['search: first keystroke → all results (older statements included), ms', ...sides.map((x) => worst(x, (q) => q.allMs))],
      ['search: until all results, KB, requests', ...sides.map((x) => `${worst(x, (q) => q.allKB).toFixed(1)}, ${worst(x, (q) => q.allRequests)}`)],
      ['search: largest later keystroke, KB', ...sides.map((x) => worst(x, (q) => q.laterMaxKB).toFixed(1))],
      ['build stages (tools/build-release.sh)', ...sides.map((x) => x.build ?? '—')],
      ['dist: files, MB (+ MB of .br/.gz copies)', ...sides.map((x) => `${x.dist.files.toLocaleString('en')}, ${(x.dist.bytes / 2 ** 20).toFixed(1)} (+ ${(x.dist.compressedBytes / 2 ** 20).toFixed(1)})`)],
    ]), '');
  }
  md.push('## Archive search', '');
  md.push(`On /{lang}/statements/, each query typed one character at a time into the search box (#archive-q); each character is one Pagefind search (over the ${r.search[0]?.total ?? ''} statements of the archive, in three languages), timed from the input event (capturing listener) to the first frame painted after the results and the address were updated and the requests had finished (same method as the language switch). No throttling; the first keystroke includes loading the search.`, '');
  md.push(table(['lang', 'query', 'keystrokes', 'shown at the end', 'median ms', 'max ms', 'requests', 'icon checks'], r.search.map((q) => [
    q.lang, q.query, q.keystrokes, `${q.found} of ${q.total}`, q.medianMs.toFixed(1), q.maxMs.toFixed(1),
    q.requests.length ? `${q.requests.length}: ${[...new Set(q.requests)].join(', ')}` : 0, q.iconChecks,
  ]), [false, false, true, true, true, true, false, true]), '');
  md.push('Requests made while typing (from each input event until its result was painted and the network was quiet), apart from Chromium\'s icon check after each change of the address.', '');
  const c = r.contactsAtScale;
  md.push(`## Contacts at scale: ${c.headquarters} headquarters`, '');
  md.push(`/en/contacts/ reading a file of ${c.headquarters} headquarters with every field filled in three languages (${kb(c.bytes)} KB) from an endpoint, in Chromium without throttling. The page shows them 50 at a time.`, '');
  md.push(table(['', 'ms'], [
    ['navigation → the count of all of them on screen', c.shownMs],
    ['longest main-thread task until a second later (an input waits at most this)', c.longestTaskMs.toFixed(0)],
    [`each keystroke of "${c.query}" in the city filter → painted, max`, c.keystrokeMaxMs.toFixed(1)],
    ['"show more" → 50 more painted', c.showMoreMs.toFixed(1)],
    ['the next visit, from the copy the first one saved: longest task until a second after they are shown', c.savedLongestTaskMs.toFixed(0)],
  ], [false, true]), '');
  if (c.runs) md.push(`The first run had a figure over the budget, so the page was measured twice more and each figure is the median of the three runs: ${c.runs.map((run, i) => `run ${i + 1}: ${CONTACTS_TIMED.map((key) => run[key].toFixed(0)).join(', ')} ms`).join('; ')} (longest task, keystroke, show more, next visit's longest task).`, '');
  md.push(`Tasks over 50 ms while it loads: ${c.longTasks.length ? c.longTasks.map((t) => `${t.ms.toFixed(0)} ms at ${t.at.toFixed(0)} ms`).join(', ') : 'none'}. Keystrokes, ms: ${c.keystrokes.map((k) => k.toFixed(1)).join(', ')}.`, '');

  md.push('## Budgets', '');
  const atLeast = (c) => `${c} ${BUDGETS[c] === 100 ? '= 100' : `≥ ${BUDGETS[c]}`}`;
  const missed = missedTargets(r);
  md.push(`Issues 6 and 17's targets: Lighthouse performance ≥ ${TARGETS.performance} on both hosts, LCP at most ${TARGETS.lcpRatio}× the plain page's on the same host, TBT at most ${TARGETS.slowPhoneTbtMs} ms at CPU ×${SLOW_PHONE_CPU}, accessibility, best practices and SEO = 100, CLS ≤ ${TARGETS.cls}, language switch median ≤ ${TARGETS.switchMedianMs} ms with no request; what one frame asks of the app, in terms that do not depend on when the machine's next frame comes: the switched page in the very next frame in at least ${TARGETS.switchNextFrameAtLeast} of ${SWITCHES} switches, its own work at most ${TARGETS.switchAppWorkMedianMs} ms. ${missed.length ? `Not yet reached: ${missed.join('; ')}.` : 'All reached.'}`, '');
  md.push(`Checked with --check: Lighthouse ${CATEGORIES.map(atLeast).join(', ')} and CLS ≤ ${BUDGETS.cls} on each of the ${r.comparison.length / 2} portal pages (medians, at the calibrated CPU slowdown; performance and CLS on both hosts), LCP at most ${BUDGETS.lcpRatio}× the same page as plain HTML on the same host and its HTML in no more round trips than the plain page's (Lighthouse's model of TCP's slow start), TBT at most ${BUDGETS.slowPhoneTbtMs} ms at CPU ×${SLOW_PHONE_CPU}; language switch: painted in the very next frame after the click in at least ${BUDGETS.switchNextFrameAtLeast} of ${SWITCHES}, the app's last change at most ${r.calibration.appWorkBudgetMs.toFixed(1)} ms after the click (median; ${BUDGETS.switchAppWorkMedianMs} ms on a machine of benchmark index ${REFERENCE_BENCHMARK_INDEX.low} or more, proportionally more below), click to painted frame at most ${BUDGETS.switchMedianMs} ms (median), and ${BUDGETS.switchRequests === 0 ? 'no request' : `at most ${BUDGETS.switchRequests} requests`}; the contacts page with ${MANY_HEADQUARTERS} headquarters: its longest task while it loads (first visit, and the next one from the saved copy), each keystroke of the city filter and "show more" at most ${r.calibration.contactsInputBudgetMs.toFixed(0)} ms (${BUDGETS.contactsInputMs} ms on a machine of benchmark index ${REFERENCE_BENCHMARK_INDEX.low} or more, proportionally more below).`, '');
  md.push(r.breaches.length ? r.breaches.map((b) => `- ✗ ${b}`).join('\n') : '- every budget holds', '');
  md.push('## Run time', '');
  md.push(table(['phase', 's'], [...Object.entries(r.phases).map(([k, v]) => [k, v.toFixed(0)]), ['total', r.totalSeconds.toFixed(0)]], [false, true]), '');
  return md.join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no index.html: not a built site`);
  const newest = statements()[0];
  for (const lang of LANGS) {
    if (!existsSync(join(DIST, lang, 'statements', newest.slug, 'index.html'))) {
      throw new Error(`${DIST} has no /${lang}/statements/${newest.slug}/ (the newest statement in content/)`);
    }
  }
  hasReadySign = readdirSync(DIST)
    .filter((f) => /\.(wasm|js)$/.test(f))
    .some((f) => readFileSync(join(DIST, f)).includes('kasipodaqReady'));
  if (!hasReadySign) log('this build does not set window.kasipodaqReady: waiting for window.wasmBindings instead');
  const require = createRequire(import.meta.url);
  const report = {
    date: new Date().toISOString(),
    dist: DIST,
    environment: { node: process.version, cpus: cpus().length, lighthouse: require('lighthouse/package.json').version, loadAverageAtStart: loadavg()[0] },
    budgets: { ...BUDGETS, sizeBrotliKB: SIZE_BUDGET_BROTLI_KB, sizeGzipKB: SIZE_BUDGET_GZIP_KB },
    targets: TARGETS,
  };
  report.sizes = await phase('sizes', () => measureSizes());
  const plainDir = plainCopy();
  const nginx = await startNginx(DIST);
  const plainNginx = await startNginx(plainDir);
  // A host that sends each file as it is (no compression, no precompressed
  // copies), like object storage without a CDN; its 404.html for a path it
  // does not have.
  const asIs = await startStaticServer({ root: DIST, fallback: false });
  const plainAsIs = await startStaticServer({ root: plainDir, fallback: false });
  try {
    for (const lang of LANGS) {
      for (const server of [plainNginx, plainAsIs]) await assertPlainServed(server.url, `/${lang}/statements/${newest.slug}/`);
    }
    const browser = await launchChromium();
    try {
      report.environment.chromium = browser.version();
      report.firstView = await phase('first view', async () => {
        const out = [];
        for (const lang of LANGS) out.push(await firstView(browser, nginx.url, `/${lang}/statements/${newest.slug}/`));
        return out;
      });
      report.languageSwitch = await phase('language switch', () => languageSwitches(browser, nginx.url, newest.slug));
      report.search = await phase('archive search', () => archiveSearch(browser, nginx.url));
      report.searchMobile = await phase('archive search on a mobile network', () => searchOnMobileNetwork(browser, nginx.url));
      if (ARCHIVE) report.archiveAtScale = await phase('the archive at a generated N', () => archiveAtScale(browser, nginx));
      report.contactsAtScale = await phase('contacts at scale', () => contactsAtScale(browser));
    } finally {
      await browser.close();
    }
    report.calibration = await phase('benchmark index', async () => {
      const index = await benchmarkIndex(`${plainNginx.url}/en/statements/${newest.slug}/`);
      return {
        benchmarkIndex: index, reference: REFERENCE_BENCHMARK_INDEX, cpuSlowdownMultiplier: cpuSlowdownFor(index.median),
        appWorkBudgetMs: appWorkBudgetFor(index.median), contactsInputBudgetMs: appWorkBudgetFor(index.median, BUDGETS.contactsInputMs),
      };
    });
    log(`benchmark index ${Math.round(report.calibration.benchmarkIndex.median)}: Lighthouse CPU slowdown ${report.calibration.cpuSlowdownMultiplier.toFixed(2)}x`);
    // One run's longest task while the page loads varies by more than the
    // budget's margin (docs/performance.md, "Contacts at scale"), so a run
    // over the budget is run twice more and each figure's median counts.
    if (report.contactsAtScale && contactsOver(report.contactsAtScale, report.calibration.contactsInputBudgetMs)) {
      report.contactsAtScale = await phase('contacts at scale, twice more', async () => {
        const again = await launchChromium();
        try {
          return contactsMedian([report.contactsAtScale, await contactsAtScale(again), await contactsAtScale(again)]);
        } finally {
          await again.close();
        }
      });
    }
    const hosts = [
      { name: 'nginx', url: nginx.url, plainUrl: plainNginx.url },
      { name: 'as-is', url: asIs.url, plainUrl: plainAsIs.url },
    ];
    const slowPhoneLoads = new Map();
    report.lighthouse = await phase('Lighthouse', () => lighthouseAll(hosts, newest.slug, report.calibration.cpuSlowdownMultiplier, slowPhoneLoads));
    report.slowPhone = await phase(`Lighthouse at CPU ×${SLOW_PHONE_CPU}`, () => slowPhone(nginx.url, newest.slug, slowPhoneLoads));
    await closeLighthouseChromium();
  } finally {
    await closeLighthouseChromium();
    await nginx.close();
    await plainNginx.close();
    await asIs.close();
    await plainAsIs.close();
    rmSync(plainDir, { recursive: true, force: true });
  }
  report.environment.benchmarkIndex = median(report.lighthouse.flatMap((p) => p.runs.map((r) => r.benchmarkIndex)));
  report.environment.loadAverageAtEnd = loadavg()[0];
  const loads = report.lighthouse.flatMap((p) => p.runs.map((r) => r.loadAverage));
  report.environment.loadAverageLighthouse = { min: Math.min(...loads), median: median(loads), max: Math.max(...loads) };
  report.comparison = lcpComparison(report.lighthouse);
  report.breaches = breaches(report);
  report.missedTargets = missedTargets(report);
  report.phases = phases;
  report.totalSeconds = (Date.now() - started) / 1000;

  const md = markdown(report);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'report.md'), `${md}\n`);
  writeFileSync(join(OUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(md);
  console.log(`\nWritten: ${relative(process.cwd(), join(OUT, 'report.md')) || OUT}, report.json. Total run time ${report.totalSeconds.toFixed(0)} s.`);
  if (check && report.breaches.length) {
    console.error(`\nbench check FAILED, ${report.breaches.length} budget(s) breached:\n${report.breaches.map((b) => `  - ${b}`).join('\n')}`);
    process.exit(1);
  }
  if (check) console.log('bench check ok: every budget holds');
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
