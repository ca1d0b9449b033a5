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
