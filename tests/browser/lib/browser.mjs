// Debian's Chromium, driven by playwright-core (never a downloaded browser),
// and the built site served from 127.0.0.1 by our own static server.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { startStaticServer } from './static-server.mjs';
import { ROOT } from './locales.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

export const DIST = process.env.DIST ?? join(ROOT, 'dist');

/** Debian's Chromium, or the one `CHROMIUM` names. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium({ args = [] } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...args],
  });
}

/**
 * Starts the server and the browser; `close()` stops both. With
 * `contactsEndpoint`, the served pages read the contacts from that address
 * (see `startStaticServer`).
 */
export async function startSite({ fallback = true, contactsEndpoint, root = DIST } = {}) {
  const server = await startStaticServer({ root, fallback, contactsEndpoint });
  const browser = await launchChromium();
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh page in its own context that records console errors, page errors and
 * requests. `options` go to `browser.newContext` (e.g. `locale`).
 */
export async function openPage(site, options = {}) {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => requests.push(req.url()));
  return { context, page, errors, requests };
}

/**
 * Waits until the app has taken the page over. The prerendered HTML already
 * shows the shell, so the sign is the app's own: it sets
 * `window.kasipodaqReady` once it has mounted (on a statement's page, after
 * the statement's texts have arrived).
 */
export async function appReady(page) {
  await page.waitForFunction(() => window.kasipodaqReady === true, null, { timeout: 15000 });
  await page.waitForSelector('.language-switcher a[aria-current]', { timeout: 15000 });
  // The other languages' messages, fetched right after the takeover: a test
  // counting requests from here on sees only its own.
  await page.waitForFunction(() => window.kasipodaqLanguages === true, null, { timeout: 15000 });
}

/**
 * Waits until `predicate(arg)`, run in the page, resolves to a truthy value.
 * (`page.waitForFunction` does not wait for a promise: any async predicate
 * passes at once.)
 */
export async function waitInPage(page, predicate, arg, { timeout = 15000 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(predicate, arg).catch(() => undefined);
    if (value) return value;
    if (Date.now() > until) throw new Error(`waitInPage: not true within ${timeout} ms: ${predicate}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Waits until the offline worker keeps a path starting with each of `prefixes`. */
export function waitKept(page, prefixes) {
  return waitInPage(page, async (wanted) => {
    const name = (await caches.keys()).find((n) => n.endsWith('-kept'));
    if (!name) return false;
    const kept = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
    return wanted.every((prefix) => kept.some((path) => path.startsWith(prefix)));
  }, prefixes);
}
