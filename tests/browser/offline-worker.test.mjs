// The offline worker on real hosts over time (issue 16, items 3 and 1): a
// page the network holds back comes from the cache and is refreshed behind
// it, a server error is never kept, and a tab of one release keeps reading
// when the host switches to the next one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { appReady, DIST, launchChromium, openPage, waitInPage } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';
import { ROOT } from './lib/locales.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const STATEMENTS = statements();

let site;
// What the server does instead of serving the file, for the test under way.
let answer = null;

before(async () => {
  const server = await startStaticServer({
    root: DIST,
    fallback: false,
    answer: (pathname, req, res, base) => (answer ? answer(pathname, req, res, base) : false),
  });
  const browser = await launchChromium();
  site = { url: server.url, server, browser };
});

after(async () => {
  await site.browser.close();
  await site.server.close();
});

/** Waits until the offline worker controls `page`. */
function controlled(page) {
  return page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
}

/** The text of the copy of `path` the worker keeps (any release), or null. */
function keptCopy(page, path) {
  return page.evaluate(async (path) => {
    const name = (await caches.keys()).find((n) => n.endsWith('-kept'));
    const hit = name && (await (await caches.open(name)).match(path));
    return hit ? hit.text() : null;
  }, path);
}

/** Opens `path` with the worker in control and waits until it keeps the page. */
async function readOnce(page, path) {
  await page.goto(`${site.url}/en/`);
  await appReady(page);
  await controlled(page);
  await page.goto(`${site.url}${path}`);
  await appReady(page);
  await waitInPage(page, async (path) => {
    const name = (await caches.keys()).find((n) => n.endsWith('-kept'));
    return Boolean(name && (await (await caches.open(name)).match(path)));
  }, path);
}

describe('a slow or failing network', () => {
  test('a page the host holds back more than 3 s is shown from the kept copy within 4 s; the late answer then replaces the copy', async () => {
    const { context, page, errors } = await openPage(site);
    const statement = STATEMENTS[1];
    const path = `/en/statements/${statement.slug}/`;
    await readOnce(page, path);
    let held = 0;
    answer = async (pathname, req, res, base) => {
      if (pathname !== path) return false;
      held += 1;
      await sleep(8000);
      const html = readFileSync(join(base, pathname, 'index.html'), 'utf8').replace('</body>', '<!-- refreshed --></body>');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html);
      return true;
    };
    try {
      const started = Date.now();
      const response = await page.reload({ waitUntil: 'commit', timeout: 15000 });
      await page.locator('main h1').filter({ hasText: statement.versions.en.title }).waitFor({ timeout: 15000 });
      const shown = Date.now() - started;
      assert.ok(shown < 4000, `shown after ${shown} ms`);
      assert.ok(response.fromServiceWorker());
      assert.ok(!(await response.text()).includes('<!-- refreshed -->'), 'the kept copy, not the late answer');
      await appReady(page);
      // the held answer arrives and is kept, for the next visit
      await waitInPage(page, async (path) => {
        const name = (await caches.keys()).find((n) => n.endsWith('-kept'));
        const hit = await (await caches.open(name)).match(path);
        return Boolean(hit) && (await hit.text()).includes('<!-- refreshed -->');
      }, path);
      assert.equal(held, 1);
      assert.deepEqual(errors, []);
    } finally {
      answer = null;
      await context.close();
    }
  });

  test('a server error is never kept and never replaces a kept page: the kept copy answers it', async () => {
    const { context, page } = await openPage(site);
    const [statement, other] = [STATEMENTS[2], STATEMENTS[3]];
    const [path, otherPath] = [`/en/statements/${statement.slug}/`, `/en/statements/${other.slug}/`];
    await readOnce(page, path);
    answer = (pathname, req, res) => {
      if (pathname !== path && pathname !== otherPath) return false;
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>Internal Server Error</h1>');
      return true;
    };
    try {
      const response = await page.goto(`${site.url}${path}`);
      assert.equal(response.status(), 200);
      assert.ok(response.fromServiceWorker());
      assert.equal(await page.locator('main h1').textContent(), statement.versions.en.title);
      await appReady(page);
      // a page never kept: the error as the host sent it, and not kept
      const failed = await page.goto(`${site.url}${otherPath}`);
      assert.equal(failed.status(), 500);
      await page.waitForTimeout(500);
      assert.equal(await keptCopy(page, otherPath), null);
      const copy = await keptCopy(page, path);
      assert.ok(copy.includes(statement.versions.en.title) && !copy.includes('Internal Server Error'));
    } finally {
      answer = null;
      await context.close();
    }
  });
});

// The next release: this content with one statement's text changed
// (tools/test.sh builds it), published over DIST while tabs are open.
const DIST_NEXT = process.env.DIST_NEXT ?? join(ROOT, 'dist-next');
const CONTENT_NEXT = process.env.CONTENT_NEXT ?? join(ROOT, 'target', 'content-next');

/**
 * `dist` as a release whose app changed too: a copy with the app's script and
 * WebAssembly under new names (as a new build of the app gets), every page
 * and the worker pointing at them; the files of the old names are gone.
 */
function withAppRenamed(dist) {
  const dir = mkdtempSync(join(tmpdir(), 'kasipodaq-next-app-'));
  cpSync(dist, dir, { recursive: true });
  const renames = readdirSync(dir)
    .filter((name) => /^kasipodaq-portal-[0-9a-f]+(_bg\.wasm|\.js)$/.test(name))
    .map((name) => [name, name.replace(/^(kasipodaq-portal-[0-9a-f]+)/, '$1a')]);
  assert.equal(renames.length, 2, 'the app\'s script and WebAssembly');
  for (const [from, to] of renames) {
    renameSync(join(dir, from), join(dir, to));
    for (const copy of ['.br', '.gz']) rmSync(join(dir, from + copy), { force: true });
  }
  for (const file of readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html') || f === 'sw.js')) {
    let text = readFileSync(join(dir, file), 'utf8');
    for (const [from, to] of renames) text = text.split(from).join(to);
    // the worker's version is a hash of what it precaches, the app's code among it
    if (file === 'sw.js') text = text.replace(/\b(CACHE|KEPT)\s*=\s*"kasipodaq-([A-Za-z0-9]+)/g, '$1="kasipodaq-$2a');
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('a release published under open tabs', () => {
  /** The worker's cache name in a build folder. */
  const cacheOf = (dist) => JSON.parse(/\bCACHE\s*=\s*("[^"]*")/.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))[1]);

  /** Moves within the app of `page` to `href`, as a link of the page would. */
  const move = (page, href) => page.evaluate((href) => {
    const link = Object.assign(document.createElement('a'), { href });
    document.querySelector('main').append(link);
    link.click();
  }, href);

  for (const appChanged of [false, true]) test(`${appChanged ? 'text and app changed' : 'text changed'}: a tab of the previous release moves on within the app onto the new release's pages, keeping #pN, and reads its kept ones when the host cannot be reached`, async () => {
    assert.ok(existsSync(join(DIST_NEXT, 'sw.js')) && existsSync(CONTENT_NEXT),
      `${DIST_NEXT}: see tools/test.sh for how the next release is built`);
    const nextRoot = appChanged ? withAppRenamed(DIST_NEXT) : DIST_NEXT;
    const next = statements(CONTENT_NEXT);
    // the statement whose text the next release changed, and two others
    const changed = STATEMENTS.find((s) => {
      const later = next.find((n) => n.slug === s.slug);
      return later.versions.en.paragraphs.join('\n') !== s.versions.en.paragraphs.join('\n');
    });
    assert.ok(changed, 'the next release changes a statement\'s text');
    const [neighbour, unread] = STATEMENTS.filter((s) => s !== changed);
    const [first, second] = [cacheOf(DIST), cacheOf(nextRoot)];
    // The worker precaches the app and the home pages: a new app is a new
    // worker; a text that is not on the home pages leaves it as it was.
    if (appChanged) assert.notEqual(first, second, 'a new app, a new worker');
    else assert.equal(first, second, 'the same worker');

    const { context, page: tab, errors } = await openPage(site);
    // every document the tab loads (moves within the app load none)
    const loads = [];
    tab.on('load', () => loads.push(tab.url()));
    try {
      // release A: the reader reads the statement the next release changes
      await readOnce(tab, `/en/statements/${changed.slug}/`);
      await waitInPage(tab, (slug) => caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys()))))
        .then((lists) => [`/texts/${slug}-`, `/texts/headers/statement-${slug}.json`].every((file) => lists.flat().some((r) => r.url.includes(file)))),
      changed.slug);
      // then opens another page (a new document: the app holds none of those files, the worker does)
      await tab.goto(`${site.url}/en/statements/${neighbour.slug}/`);
      await appReady(tab);
      await tab.evaluate(() => {
        window.sameDocument = true;
        navigator.serviceWorker.addEventListener('controllerchange', () => { window.newWorker = true; });
      });

      // the host publishes release B; another tab loads it, and a new worker takes over
      site.server.setRoot(nextRoot);
      const other = await context.newPage();
      await other.goto(`${site.url}/en/`);
      await appReady(other);
      if (appChanged) {
        await tab.waitForFunction(() => window.newWorker === true && navigator.serviceWorker.controller.state === 'activated', null, { timeout: 30000 });
        await waitInPage(other, (name) => caches.keys().then((names) => names.includes(name)), second);
        assert.ok((await other.evaluate(() => caches.keys())).includes(first), 'release A\'s caches stay while its tab is open');
      }

      // tab A moves back to the statement: its headers file keeps its name
      // from release to release, so the worker asks the host first, and the
      // tab shows release B's text, with no reload
      const before = loads.length;
      const nextText = next.find((n) => n.slug === changed.slug).versions.en.paragraphs[0];
      await move(tab, `/en/statements/${changed.slug}/#p2`);
      await tab.locator('main h1').filter({ hasText: changed.versions.en.title }).waitFor();
      await tab.locator('#p2 .para__text').waitFor();
      await tab.waitForFunction((start) => document.querySelector('#p1 .para__text')?.textContent.startsWith(start),
        nextText.slice(0, 20), { timeout: 10000 });
      assert.equal(await tab.evaluate(() => window.sameDocument), true, 'no reload');
      assert.equal(new URL(tab.url()).hash, '#p2');
      assert.equal(await tab.locator('.texts-failed').count(), 0);

      // a statement tab A never read: the same, at its paragraph
      await move(tab, `/en/statements/${unread.slug}/#p3`);
      await tab.locator('main h1').filter({ hasText: unread.versions.en.title }).waitFor();
      await tab.locator('#p3 .para__text').waitFor();
      assert.equal(new URL(tab.url()).hash, '#p3');
      assert.equal(await tab.evaluate(() => window.sameDocument), true, 'no reload');

      // the host cannot be reached: tab A moves to the statement it read
      // before, from the worker's kept headers and texts files
      answer = (pathname, req, res) => {
        res.socket.destroy();
        return true;
      };
      await move(tab, `/en/statements/${neighbour.slug}/`);
      await tab.locator('main h1').filter({ hasText: neighbour.versions.en.title }).waitFor();
      await tab.locator('#p1 .para__text').waitFor();
      assert.equal(await tab.locator('.texts-failed').count(), 0);
      answer = null;
      assert.equal(loads.length, before, `no reload: ${loads.slice(before)}`);

      // once no tab of release A is left (both reloaded onto B), a replaced worker's caches go
      await tab.reload();
      await appReady(tab);
      await other.reload();
      await appReady(other);
      if (appChanged) await waitInPage(other, (name) => caches.keys().then((names) => !names.includes(name)), first);
      // the browser reports the files the host no longer has; nothing else went wrong
      assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
    } finally {
      answer = null;
      site.server.setRoot(DIST);
      await context.close();
      if (appChanged) rmSync(nextRoot, { recursive: true, force: true });
    }
  });
});
