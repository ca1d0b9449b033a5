// The site built for a sub-path (KASIPODAQ_BASE_PATH=/portal, as on a
// GitHub-Pages-style host): every page, asset, link, the language switch,
// the contacts file and the offline worker stay under /portal/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appReady, launchChromium } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';
import { LANGS, messages, ROOT } from './lib/locales.mjs';
import { SECTIONS } from './lib/pages.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const BASE = '/portal';
const DIST_PORTAL = process.env.DIST_PORTAL ?? join(ROOT, 'dist-portal');
const SITE_URL = (process.env.KASIPODAQ_SITE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');

let folder;
let server;
let browser;
before(async () => {
  assert.ok(existsSync(DIST_PORTAL), `${DIST_PORTAL}: build it with KASIPODAQ_BASE_PATH=/portal DIST=dist-portal tools/build-release.sh`);
  // The host's top folder holds the site in its `portal` folder.
  folder = mkdtempSync(join(tmpdir(), 'kasipodaq-host-'));
  symlinkSync(resolve(DIST_PORTAL), join(folder, 'portal'));
  server = await startStaticServer({ root: folder, fallback: false });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('built for /portal', () => {
  test('every page answers under /portal/, and its links, assets and canonical stay there', async () => {
    const paths = LANGS.flatMap((lang) =>
      [...SECTIONS.map((section) => section.path), ...statements().map((s) => `statements/${s.slug}/`)]
        .map((path) => `${BASE}/${lang}/${path}`));
    for (const path of [...paths, `${BASE}/`]) {
      const response = await fetch(server.url + path);
      assert.equal(response.status, 200, path);
      const html = await response.text();
      const links = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]);
      assert.ok(links.length > 10, path);
      for (const link of links) assert.ok(link.startsWith(`${BASE}/`), `${path}: ${link}`);
      // the app's script and WebAssembly, held until the page's first view is painted
      assert.ok(html.includes(`<link rel="modulepreload" href="${BASE}/kasipodaq-portal-`), path);
      assert.ok(/<link rel="preload" href="[^"]*_bg\.wasm"/.test(html) && html.includes(`<link rel="preload" href="${BASE}/kasipodaq-portal-`), path);
      if (path !== `${BASE}/`) {
        assert.ok(html.includes(`<link rel="canonical" href="${SITE_URL}${path}">`), path);
      }
    }
    const index = await (await fetch(`${server.url}${BASE}/sitemap.xml`)).text();
    assert.ok(index.includes('<sitemapindex '), index);
    const files = [...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    assert.ok(files.length >= 1 && files.every((file, i) => file === `${SITE_URL}${BASE}/sitemap-${i + 1}.xml`), files.join());
    const sitemaps = await Promise.all(files.map(async (file) => (await fetch(file.replace(SITE_URL, server.url))).text()));
    assert.ok(sitemaps.some((sitemap) => sitemap.includes(`<loc>${SITE_URL}${BASE}/kk/</loc>`)));
    const robots = await (await fetch(`${server.url}${BASE}/robots.txt`)).text();
    assert.ok(robots.includes(`Sitemap: ${SITE_URL}${BASE}/sitemap.xml`));
    const notFound = await (await fetch(`${server.url}${BASE}/404.html`)).text();
    for (const lang of LANGS) assert.ok(notFound.includes(`href="${BASE}/${lang}/"`), lang);
  });

  test('in Chromium: the root picks a language, links and the language switch stay in the app under /portal/', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const errors = [];
    const contactRequests = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('request', (req) => req.url().includes('contacts.json') && contactRequests.push(new URL(req.url()).pathname));
    await page.goto(`${server.url}${BASE}/`);
    await page.waitForURL(`${server.url}${BASE}/ru/`);
    await appReady(page);
    await page.evaluate(() => (window.__same = true));
    await page.locator('.site-nav a', { hasText: messages('ru')['page-statements-nav'] }).click();
    await page.waitForURL(`${server.url}${BASE}/ru/statements/`);
    await page.locator('.language-switcher a[hreflang="kk"]').click();
    await page.waitForURL(`${server.url}${BASE}/kk/statements/`);
    assert.equal(await page.locator('main h1').textContent(), messages('kk')['page-statements-title']);
    await page.locator('.site-nav a', { hasText: messages('kk')['page-contacts-nav'] }).click();
    await page.waitForURL(`${server.url}${BASE}/kk/contacts/`);
    await page.locator('section.hotline[aria-busy="false"] .hotline__label').waitFor();
    assert.equal(await page.evaluate(() => window.__same), true, 'no reload');
    assert.ok(contactRequests.length > 0 && contactRequests.every((p) => p === `${BASE}/contacts.json`), contactRequests.join());
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => new URL(r.scope).pathname));
    assert.equal(scope, `${BASE}/`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
