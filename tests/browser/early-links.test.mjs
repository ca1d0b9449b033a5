// Every language link right at any moment (issue 17): a reader who clicks
// another language while the app is still starting keeps the page, its query
// and the paragraph (#pN) they were reading, as after the app has started.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startSite } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';

let site;
before(async () => {
  site = await startSite({ fallback: true });
});
after(async () => {
  await site?.close();
});

describe('a language link clicked at once after the HTML arrives, and later', () => {
  const statement = statements().find((s) => s.paragraphs.length >= 3);
  for (const wait of [0, 50, 200, 1000]) {
    test(`${wait} ms after DOMContentLoaded`, async () => {
      const { context, page, errors } = await openPage(site);
      // A slow phone's start: the app's code arrives late, the page is already there.
      await page.route('**/*_bg.wasm', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.goto(`${site.url}/en/statements/${statement.slug}/?from=feed#p3`, { waitUntil: 'domcontentloaded' });
      if (wait) await page.waitForTimeout(wait);
      await page.locator('.language-switcher a[hreflang="kk"]').click();
      await page.waitForURL(`**/kk/statements/${statement.slug}/?from=feed#p3`, { timeout: 10000 });
      assert.equal(new URL(page.url()).hash, '#p3');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe("the app cannot start (its code refused, as when a release replaces it under the page; a browser without WebAssembly)", () => {
  const statement = statements().find((s) => s.paragraphs.length >= 3);
  const refuse = (pattern) => (page) => page.route(pattern, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const cases = [
    // The warning names the file that failed.
    { what: 'its script answered 404', prepare: refuse(/\/kasipodaq-portal-[0-9a-f]+\.js$/), named: '/kasipodaq-portal-' },
    { what: 'its WebAssembly answered 404', prepare: refuse(/_bg\.wasm$/), named: '/kasipodaq-portal-' },
    {
      // A valid module still (a custom section added at its end), but not the
      // bytes the page's hash names: the starter script's fetch refuses it.
      what: 'its WebAssembly altered',
      prepare: (page) => page.route(/_bg\.wasm$/, async (route) => {
        const original = await (await route.fetch()).body();
        const body = Buffer.concat([original, Buffer.from([0, 4, 1, 0x78, 0x21, 0x21])]);
        await route.fulfill({ status: 200, contentType: 'application/wasm', body });
      }),
      named: '_bg.wasm',
    },
    {
      what: 'a browser without WebAssembly (a locked-down mode)',
      prepare: (page) => page.addInitScript(() => {
        delete window.WebAssembly;
      }),
      named: 'WebAssembly',
    },
  ];
  for (const { what, prepare, named } of cases) {
    test(`${what}: the page stays as written, without a script error, and its language link keeps #p3`, async () => {
      const { context, page } = await openPage(site);
      const scriptErrors = [];
      page.on('pageerror', (err) => scriptErrors.push(String(err)));
      const warnings = [];
      page.on('console', (msg) => msg.type() === 'warning' && warnings.push(msg.text()));
      await prepare(page);
      await page.goto(`${site.url}/en/statements/${statement.slug}/#p3`);
      await waitUntil(() => warnings.some((text) => text.includes(named)), 5000).catch(() => {});
      // Time for an error the starter script let through to surface.
      await page.waitForTimeout(200);
      assert.deepEqual(scriptErrors, []);
      assert.ok(warnings.some((text) => text.includes(named)), `the failure told in the console as a warning: ${warnings.join(' | ')}`);
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal(await page.evaluate(() => window.kasipodaqReady === true), false, 'the app did not start');
      await page.locator('.language-switcher a[hreflang="ru"]').click();
      await page.waitForURL(`**/ru/statements/${statement.slug}/#p3`, { timeout: 10000 });
      await context.close();
    });
  }
});

async function waitUntil(condition, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
