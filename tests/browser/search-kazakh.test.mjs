// Kazakh inflected forms are found by the archive's search (issue 13):
// a fixed list of forms from our own texts (lib/kazakh-recall.json), each
// typed into the Kazakh archive's search box, must find the statements that
// hold the same word only in other forms, for at least nine forms in ten.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appReady, DIST, openPage, startSite } from './lib/browser.mjs';
import { messages, ROOT } from './lib/locales.mjs';
import { listed } from './lib/pages.mjs';

const LIST = JSON.parse(readFileSync(new URL('./lib/kazakh-recall.json', import.meta.url), 'utf8')).forms;
// The floor: the share of the list's forms that find all their statements.
const RECALL_MIN = 0.9;

// The search's own rule for matching text (kasipodaq_core::archive::normalize).
const words = (text) => text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{Alphabetic}\p{N}]+/gu, ' ').trim().split(' ');

let site;
before(async () => {
  site = await startSite({ fallback: true });
});
after(async () => {
  await site?.close();
});

describe('Kazakh word forms', () => {
  test('the list is ours: at least 100 forms from our Kazakh texts, none on the pages it must find', () => {
    assert.ok(LIST.length >= 100, `${LIST.length}`);
    const ours = new Set();
    const content = join(ROOT, 'content');
    for (const dir of readdirSync(content, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const file = dir.name === 'pages' ? null : join(content, dir.name, 'kk.md');
      if (file) words(readFileSync(file, 'utf8')).forEach((w) => ours.add(w));
    }
    for (const name of readdirSync(join(content, 'pages'))) {
      const toml = readFileSync(join(content, 'pages', name), 'utf8');
      for (const [, kk] of toml.matchAll(/\bkk = ("(?:[^"\\]|\\.)*")/g)) words(JSON.parse(kk)).forEach((w) => ours.add(w));
    }
    const pageWords = new Map();
    for (const { form, statements } of LIST) {
      assert.ok(ours.has(form), `${form} is not in our Kazakh texts`);
      assert.ok(statements.length > 0, form);
      for (const slug of statements) {
        if (!pageWords.has(slug)) pageWords.set(slug, words(readFileSync(join(DIST, 'kk/statements', slug, 'index.html'), 'utf8')));
        assert.ok(!pageWords.get(slug).some((w) => w.startsWith(form)), `${form} is on ${slug}'s page as it is`);
      }
    }
  });

  test('at least 90 % of the list\'s forms find every statement that holds their word', async () => {
    const { context, page, errors } = await openPage(site);
    await page.goto(`${site.url}/kk/statements/`);
    await appReady(page);
    const box = page.locator('#archive-q');
    const searching = messages('kk')['archive-searching'];
    const missed = [];
    for (const { form, statements } of LIST) {
      // The list without a search (no link to clear it), then the results of
      // this form: the status has the clear link and no longer says searching.
      await box.fill('');
      await page.waitForFunction(() => !document.querySelector('.archive-count a'));
      await box.fill(form);
      await page.waitForFunction(
        (text) => {
          const status = document.querySelector('.archive-count');
          return status?.querySelector('a') && !status.textContent.includes(text);
        },
        searching,
      );
      const found = (await listed(page)).map((href) => href.split('#')[0]);
      const lost = statements.filter((slug) => !found.includes(`/kk/statements/${slug}/`));
      if (lost.length) missed.push(`${form} (${lost.join(', ')})`);
    }
    const recall = (LIST.length - missed.length) / LIST.length;
    console.log(`Kazakh recall: ${LIST.length - missed.length} of ${LIST.length} forms (${(100 * recall).toFixed(1)} %)`);
    if (missed.length) console.log(`not found: ${missed.join('; ')}`);
    assert.ok(recall >= RECALL_MIN, `${(100 * recall).toFixed(1)} % of the forms found`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a Russian quote pasted on the Kazakh page is still found, as Russian', async () => {
    const { context, page } = await openPage(site);
    await page.goto(`${site.url}/kk/statements/`);
    await appReady(page);
    await page.locator('#archive-q').fill('депутатов Мажилиса Парламента');
    await page.locator('.statement-card').first().waitFor();
    const found = await listed(page);
    assert.ok(found[0].startsWith('/ru/statements/2023-01-27-appeal-on-mazhilis-and-maslikhat-elections/'), `${found}`);
    assert.equal(await page.locator('.statement-card__lang').first().textContent(), messages('kk')['search-found-in-ru']);
    await context.close();
  });
});
