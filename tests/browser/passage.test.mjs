// Links to a passage (issue 14, item 7): a browser's "copy link to
// highlight" (`#:~:text=…`) opened cold keeps its mark on the words after
// the app takes the page over, and selecting words in a paragraph offers a
// link to them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openPage, startSite } from './lib/browser.mjs';
import { LANGS, messages } from './lib/locales.mjs';
import { statements } from './lib/content.mjs';

let site;
before(async () => {
  site = await startSite({ fallback: true });
});
after(async () => {
  await site?.close();
});

// The statement with the most paragraphs: its third is below the fold on a phone.
const statement = statements().toSorted((a, b) => b.versions.en.paragraphs.length - a.versions.en.paragraphs.length)[0];

// The stylesheet marks a linked passage (`::target-text`) in the accent colour, #ffd23f.
const MARK = [0xff, 0xd2, 0x3f];

/** How many pixels of the visible page are painted in the passage mark's colour. */
async function markedPixels(page, decoder) {
  const png = (await page.screenshot()).toString('base64');
  return decoder.evaluate(async ([png, [r, g, b]]) => {
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let marked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) <= 2 && Math.abs(data[i + 1] - g) <= 2 && Math.abs(data[i + 2] - b) <= 2) marked += 1;
    }
    return marked;
  }, [png, MARK]);
}

async function waitMarked(page, decoder, { timeout = 5000 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const marked = await markedPixels(page, decoder);
    if (marked > 200 || Date.now() > until) return marked;
    await page.waitForTimeout(100);
  }
}

/** A paragraph's text as the prerendered page shows it, words separated by single spaces. */
async function paragraphText(lang, n) {
  const { context, page } = await openPage(site, { javaScriptEnabled: false });
  await page.goto(`${site.url}/${lang}/statements/${statement.slug}/`);
  const text = await page.locator(`#p${n} .para__text`).textContent();
  await context.close();
  return text.replace(/\s+/g, ' ').trim();
}

/** `text=` as the Text Fragments spec wants it: `-`, `,` and `&` escaped too. */
const directivePart = (words) => encodeURIComponent(words).replace(/-/g, '%2D');

describe('a link to a passage', () => {
  for (const lang of LANGS) {
    test(`${lang}: opened cold, the browser's mark on the words survives the takeover`, async () => {
      const words = (await paragraphText(lang, 3)).split(' ').slice(2, 7).join(' ');
      const { context, page, errors } = await openPage(site, { viewport: { width: 400, height: 700 } });
      const decoder = await context.newPage();
      // Hold the app back until the browser has marked the words on the prerendered page.
      let release;
      const held = new Promise((ok) => { release = ok; });
      await page.route(/\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${site.url}/${lang}/statements/${statement.slug}/#:~:text=${directivePart(words)}`);
      const before = await waitMarked(page, decoder);
      assert.ok(before > 200, `the browser marks "${words}" on the prerendered page (${before} px)`);
      release();
      await appReady(page);
      // Two frames for the takeover's paint.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const afterTakeover = await markedPixels(page, decoder);
      assert.ok(afterTakeover > before * 0.8, `marked after the takeover: ${afterTakeover} px (before: ${before})`);
      // and the words are in view
      const inView = await page.evaluate(() => {
        const r = document.querySelector('#p3').getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      });
      assert.ok(inView, 'paragraph 3 is in view');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('a page opened without a passage has nothing in the mark colour', async () => {
    const { context, page } = await openPage(site, { viewport: { width: 400, height: 700 } });
    const decoder = await context.newPage();
    await page.goto(`${site.url}/en/statements/${statement.slug}/`);
    await appReady(page);
    await page.locator('#p3').scrollIntoViewIfNeeded();
    assert.equal(await markedPixels(page, decoder), 0);
    await context.close();
  });
});

/** Selects, in paragraph `n`'s first text node, from inside word `from` to inside word `to` (counted from 0). */
function selectWithin(page, n, from, to) {
  return page.evaluate(([n, from, to]) => {
    const walker = document.createTreeWalker(document.querySelector(`#p${n} .para__text`), NodeFilter.SHOW_TEXT);
    const node = walker.nextNode();
    const words = [...node.data.matchAll(/\S+/g)];
    const range = document.createRange();
    range.setStart(node, words[from].index + 1);
    range.setEnd(node, words[to].index + words[to][0].length - 1);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return words.map((w) => w[0]);
  }, [n, from, to]);
}

describe('selecting words offers a link to them', () => {
  for (const lang of LANGS) {
    test(`${lang}: the link names the whole words, opens on them marked, and highlights their paragraph`, async () => {
      const { context, page, errors } = await openPage(site, { viewport: { width: 400, height: 700 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      await page.goto(`${site.url}/${lang}/statements/${statement.slug}/`);
      await appReady(page);
      const offer = page.getByRole('button', { name: messages(lang)['statement-copy-passage-link'], exact: true });
      assert.equal(await offer.count(), 0, 'nothing offered before a selection');

      const words = await selectWithin(page, 3, 2, 5);
      await offer.click();
      await page.waitForFunction(() => document.querySelector('.passage-link .copy__status')?.textContent.length > 0);
      assert.equal(await page.locator('.passage-link .copy__status').textContent(), messages(lang)['statement-passage-link-copied']);
      const link = await page.evaluate(() => navigator.clipboard.readText());
      const expected = `${site.url}/${lang}/statements/${statement.slug}/#p3:~:text=`
        + `${directivePart(words.slice(0, 2).join(' '))}-,${directivePart(words.slice(2, 6).join(' '))}`;
      assert.equal(link, expected);
      // the press kept the selection
      assert.ok(await page.evaluate(() => !getSelection().isCollapsed));

      // a selection across two paragraphs, or none, offers nothing
      await page.evaluate(() => {
        const range = document.createRange();
        range.setStart(document.querySelector('#p2 .para__text'), 0);
        range.setEnd(document.querySelector('#p3 .para__text'), 1);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      });
      await offer.waitFor({ state: 'detached' });
      await selectWithin(page, 3, 2, 5);
      await offer.waitFor();
      await page.evaluate(() => getSelection().removeAllRanges());
      await offer.waitFor({ state: 'detached' });
      assert.deepEqual(errors, []);

      // the link, opened cold: the words marked, their paragraph highlighted and cited
      const reader = await openPage(site, { viewport: { width: 400, height: 700 } });
      const readerDecoder = await reader.context.newPage();
      await reader.page.goto(link);
      await appReady(reader.page);
      await reader.page.waitForFunction(() => document.querySelector('#p3').classList.contains('is-highlighted'));
      const marked = await waitMarked(reader.page, readerDecoder);
      assert.ok(marked > 200, `the words are marked (${marked} px)`);
      assert.ok((await reader.page.locator('.citation').textContent()).includes(`/${lang}/statements/${statement.slug}/#p3`));
      await reader.context.close();
      await context.close();
    });
  }
});


/** `page` at `path`, the app held back until the returned function is called. */
async function openHeld(path) {
  const opened = await openPage(site, { viewport: { width: 400, height: 700 } });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await opened.page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await opened.page.goto(`${site.url}${path}`);
  return { ...opened, release };
}

describe('what the reader did before the app took the page over (issue 17, item 2)', () => {
  for (const lang of LANGS) {
    test(`${lang}: words selected in a paragraph stay selected`, async () => {
      const { context, page, errors, release } = await openHeld(`/${lang}/statements/${statement.slug}/`);
      const words = await selectWithin(page, 3, 2, 5);
      const selected = await page.evaluate(() => getSelection().toString());
      assert.ok(words.length > 5 && selected.length > 10, selected);
      release();
      await appReady(page);
      assert.equal(await page.evaluate(() => getSelection().toString()), selected);
      // …inside the app's own paragraph, which offers a link to them
      assert.ok(await page.evaluate(() => getSelection().anchorNode.parentElement.closest('#p3') !== null));
      await page.getByRole('button', { name: messages(lang)['statement-copy-passage-link'], exact: true }).waitFor();
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  // The title and the page's other texts are built anew by the app (only the
  // paragraphs' text nodes are adopted): the selection is found again by its
  // element's text and its place in it.
  test('a selection from the title into the first paragraph stays selected, words for words', async () => {
    const { context, page, errors, release } = await openHeld(`/en/statements/${statement.slug}/`);
    const selected = await page.evaluate(() => {
      const title = document.querySelector('main h1').firstChild;
      const first = document.createTreeWalker(document.querySelector('#p1 .para__text'), NodeFilter.SHOW_TEXT).nextNode();
      getSelection().setBaseAndExtent(title, 3, first, 12);
      return getSelection().toString();
    });
    assert.ok(selected.length > 20, selected);
    release();
    await appReady(page);
    const after = await page.evaluate(() => ({
      text: getSelection().toString(),
      from: getSelection().anchorNode.parentElement.closest('h1') !== null,
      to: getSelection().focusNode.parentElement.closest('#p1') !== null,
    }));
    assert.deepEqual(after, { text: selected, from: true, to: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  // The app builds its fields from the address, not from what was typed in
  // the prerendered page's.
  test('words typed in the archive\'s search box stay, with the focus and the caret, and the app searches them', async () => {
    const { context, page, errors, release } = await openHeld('/en/statements/');
    await page.locator('#archive-q').click();
    await page.keyboard.type('ratify');
    await page.keyboard.press('ArrowLeft');
    release();
    await appReady(page);
    const after = await page.evaluate(() => {
      const box = document.activeElement;
      return { id: box.id, value: box.value, caret: [box.selectionStart, box.selectionEnd] };
    });
    assert.deepEqual(after, { id: 'archive-q', value: 'ratify', caret: [5, 5] });
    await page.waitForURL(`${site.url}/en/statements/?q=ratify`);
    // results, not the list: they link to the paragraph found
    await page.locator('.statement-card__title a[href*="#p"]').first().waitFor();
    // and typing goes on where the caret was
    await page.keyboard.type('s');
    await page.waitForURL(`${site.url}/en/statements/?q=ratifsy`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the link a keyboard reader had reached keeps the focus', async () => {
    const { context, page, errors, release } = await openHeld(`/en/statements/${statement.slug}/`);
    // Tab to the third link of the page.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ tag: document.activeElement.tagName, href: document.activeElement.getAttribute('href'), text: document.activeElement.textContent }));
    assert.equal(focused.tag, 'A');
    release();
    await appReady(page);
    const after = await page.evaluate(() => ({
      tag: document.activeElement.tagName, href: document.activeElement.getAttribute('href'), text: document.activeElement.textContent, visible: document.activeElement.matches(':focus-visible'),
    }));
    assert.deepEqual(after, { ...focused, visible: true });
    // and Tab goes on from there
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement.tagName);
    assert.notEqual(next, 'BODY');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
