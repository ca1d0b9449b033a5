// A returning reader's phone compiles the app once. Chromium keeps a
// WebAssembly module's compiled code in its code cache after a visit that ran
// it, and later visits read it instead of compiling the functions again on the
// main thread, which is most of the takeover's time on a first visit
// (docs/performance.md, "The takeover's cost is code run for the first time").
// It does so only for a module a `fetch` brought (a `<link rel="preload">` of
// it kept every visit compiling, with the offline worker or without), and
// only from a host that lets the browser keep the file: the deployment
// recipe's nginx, which sends hashed files as immutable. (Our test server
// sends everything `no-cache`, and there the cache is never written.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { appReady, CHROMIUM, CHROMIUM_ARGS, DIST, launchChromium } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';
import { startNginx } from './lib/nginx.mjs';

let server;
let profile;

before(async () => {
  server = await startNginx(DIST);
  profile = mkdtempSync(join(tmpdir(), 'kasipodaq-profile-'));
});

after(async () => {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
});

/**
 * One visit in a browser of its own on the reader's profile (a new process:
 * nothing compiled is left in memory from the visit before), `linger` ms on
 * the page after the takeover (with `worker`, once the offline worker
 * controls it). Returns the names of the WebAssembly events
 * in Chromium's trace of the visit.
 */
async function visit(path, linger, { worker = false } = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...data.value));
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline,v8.wasm', transferMode: 'ReportEvents' });
    await page.goto(server.url + path);
    await appReady(page);
    if (worker) await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    // The compiled code is written in the background, some seconds after the module ran.
    await sleep(linger);
    await cdp.send('Tracing.end');
    await complete;
    return events.map((event) => event.name).filter((name) => /^(v8\.)?wasm\./.test(name));
  } finally {
    await context.close();
  }
}

const count = (names, name) => names.filter((n) => n === name).length;

test('the third visit reads the compiled app from the code cache and compiles a fraction of it', async () => {
  const path = `/ru/statements/${statements()[0].slug}/`;
  // The first visit installs the offline worker; the second, answered by it,
  // leaves the compiled code in the cache.
  const first = await visit(path, 1000, { worker: true });
  await visit(path, 8000);
  const third = await visit(path, 1000);
  assert.ok(count(first, 'wasm.CompileLazy') > 500, `the first visit compiles the app as it runs: ${count(first, 'wasm.CompileLazy')} functions`);
  assert.equal(count(third, 'v8.wasm.moduleCacheHit'), 1, `the third visit finds the compiled code: ${[...new Set(third)].join(', ')}`);
  assert.equal(count(third, 'v8.wasm.moduleCacheInvalid') + count(third, 'v8.wasm.moduleCacheInvalidDigest'), 0, 'and uses it');
  assert.ok(
    count(third, 'wasm.CompileLazy') < count(first, 'wasm.CompileLazy') / 4,
    `functions compiled: ${count(third, 'wasm.CompileLazy')} on the third visit, ${count(first, 'wasm.CompileLazy')} on the first`,
  );
});

// Not a repeat visit, but the same trace of a first one. V8 decodes and
// instantiates the module in one main-thread task, which a slow phone cannot
// cut short; the app's own start (the executor, reading the address, asking
// for the page's files) waits for the next task instead of making that one
// longer. And the takeover builds the app in steps (app::StagedBuild), none
// of them compiling much of it: a task of a few milliseconds at full speed is
// one Lighthouse's slow-phone model leaves out (docs/performance.md, "The
// takeover's tasks"). On this page the start in the same task compiled 124 of
// the app's functions in it, and the mount with the header in it 477.
test('the app starts in a task after the one that instantiates its WebAssembly, and no step of the takeover compiles much of it', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...data.value));
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline,v8.wasm', transferMode: 'ReportEvents' });
    await page.goto(`${server.url}/ru/statements/${statements()[0].slug}/`);
    await appReady(page);
    await cdp.send('Tracing.end');
    await complete;
    const instantiate = events.find((event) => event.name === 'wasm.SyncInstantiate');
    assert.ok(instantiate, 'the module is instantiated');
    const main = events.filter((event) => event.pid === instantiate.pid && event.tid === instantiate.tid);
    const task = main.find((event) => event.name === 'RunTask' && event.ts <= instantiate.ts && instantiate.ts < event.ts + event.dur);
    const within = (event) => event.ts >= task.ts && event.ts < task.ts + task.dur;
    const compiled = main.filter((event) => event.name === 'wasm.CompileLazy');
    const inTask = compiled.filter(within).length;
    assert.ok(inTask < 70, `functions compiled in the task that instantiates the module: ${inTask}`);
    assert.ok(compiled.length - inTask > 500, `and after it, as the app starts: ${compiled.length - inTask}`);
    const perTask = main
      .filter((event) => event.name === 'RunTask' && event.ts > task.ts)
      .map((step) => compiled.filter((event) => event.ts >= step.ts && event.ts < step.ts + step.dur).length);
    assert.ok(Math.max(...perTask) < 400, `functions compiled in each task after it: ${perTask.filter((n) => n > 0).join(', ')}`);
  } finally {
    await browser.close();
  }
});
