// Where the main thread's time goes while the app takes a prerendered page
// over, at CPU x8 (a V8 CPU profile from the navigation to kasipodaqReady):
// the WebAssembly, its loader, and the browser's DOM calls that create and
// insert nodes, which adopting the page (hydration) would save.
// docs/performance.md, "The first view on any host", reads its figures from it.
//
// Usage: DIST=dist node tests/browser/takeover-profile.mjs [runs per page, 3]
import { startSite } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';

const newest = statements().toSorted((a, b) => String(b.date).localeCompare(String(a.date)))[0].slug;
const pages = ['/kk/', `/en/statements/${newest}/`, '/ru/statements/', '/ru/contacts/'];
const runs = Number(process.argv[2] ?? 3);
// The browser's own functions that make and place nodes, as the profile names them.
const DOM = /^(createElement|createTextNode|createComment|appendChild|insertBefore|setAttribute|cloneNode|add|removeAttribute|append|removeChild|set textContent|set data|set innerHTML|set className)$/;

async function profileOnce(site, path) {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  // The moment the app says it is in charge, without polling (which would
  // itself take the main thread).
  await page.addInitScript(() => {
    let ready = false;
    let done;
    window.kasipodaqReadyAt = new Promise((ok) => { done = ok; });
    Object.defineProperty(window, 'kasipodaqReady', {
      configurable: true,
      get: () => ready,
      set: (value) => { ready = value; done(performance.now()); },
    });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${site.url}${path}`);
  const ready = await page.evaluate(() => window.kasipodaqReadyAt);
  const { profile } = await cdp.send('Profiler.stop');
  await context.close();
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const ms = { ready, wasm: 0, loader: 0, dom: 0 };
  profile.samples.forEach((id, i) => {
    const { functionName, url } = frames.get(id);
    const key = url.endsWith('.wasm') ? 'wasm' : /kasipodaq-portal-[0-9a-f]+\.js$/.test(url) ? 'loader' : DOM.test(functionName) ? 'dom' : null;
    if (key) ms[key] += profile.timeDeltas[i] / 1000;
  });
  return ms;
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
const site = await startSite();
console.log('page | ready ms | WebAssembly ms | its loader ms | DOM calls ms (medians of', runs, 'runs, CPU x8)');
for (const path of pages) {
  const all = [];
  for (let run = 0; run < runs; run += 1) all.push(await profileOnce(site, path));
  const row = ['ready', 'wasm', 'loader', 'dom'].map((key) => Math.round(median(all.map((ms) => ms[key]))));
  console.log(`${path} | ${row.join(' | ')} | DOM calls in each run: ${all.map((ms) => Math.round(ms.dom)).join(', ')}`);
}
await site.close();
