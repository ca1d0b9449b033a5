// Where the main thread's time goes while the app takes a prerendered page
// over, at CPU x8 (a V8 CPU profile from the navigation to kasipodaqReady):
// the WebAssembly, its loader, and the DOM calls that create, fill and insert
// nodes (the browser's functions and the loader's shims that call them),
// which adopting the page (hydration) would save, and the loader's decoding of
// the strings the WebAssembly passes (text, attribute values), of which it
// would save a part.
// docs/performance.md, "The first view on any host", reads its figures from it.
//
// Usage: DIST=dist node tests/browser/takeover-profile.mjs [runs per page, 3]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DIST, startSite } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';
import { median } from './lib/median.mjs';

const newest = statements()[0].slug;
const pages = ['/kk/', `/en/statements/${newest}/`, '/ru/statements/', '/ru/contacts/'];
const runs = Number(process.argv[2] ?? 3);
// The browser's own functions and setters that make and place nodes.
const DOM_CALLS = ['createElement', 'createTextNode', 'createComment', 'appendChild', 'insertBefore', 'setAttribute', 'cloneNode', 'removeAttribute', 'append', 'removeChild'];
const DOM_SETTERS = ['textContent', 'data', 'innerHTML', 'className'];
// As the profile names them (`add` is classList's).
const DOM = new RegExp(`^(${[...DOM_CALLS, 'add', ...DOM_SETTERS.map((name) => `set ${name}`)].join('|')})$`);
// The loader is minified: its shims are told apart by their code, from the
// profile's line and column (which point at a function's parameters).
const loader = readFileSync(join(DIST, readdirSync(DIST).find((name) => /^kasipodaq-portal-[0-9a-f]+\.js$/.test(name))), 'utf8').split('\n');
const codeAt = ({ lineNumber, columnNumber }) => (loader[lineNumber] ?? '').slice(columnNumber, columnNumber + 120);
const DOM_SHIM = new RegExp(`^\\([^)]*\\)\\{(return )?[a-z]\\.(${DOM_CALLS.join('|')})\\(|^\\([^)]*\\)\\{[a-z]\\.(${DOM_SETTERS.join('|')})=`);
const DECODE = /^\([^)]*\)\{return .{0,80}TextDecoder/;

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
  const ms = { ready, wasm: 0, loader: 0, dom: 0, decode: 0 };
  const kindOf = (frame) => {
    if (frame.url.endsWith('.wasm')) return 'wasm';
    if (DOM.test(frame.functionName)) return 'dom';
    if (!/kasipodaq-portal-[0-9a-f]+\.js$/.test(frame.url)) return null;
    const code = codeAt(frame);
    return DOM_SHIM.test(code) ? 'dom' : DECODE.test(code) ? 'decode' : 'loader';
  };
  profile.samples.forEach((id, i) => {
    const key = kindOf(frames.get(id));
    if (key) ms[key] += profile.timeDeltas[i] / 1000;
  });
  return ms;
}

const site = await startSite();
console.log('page | ready ms | WebAssembly ms | the rest of its loader ms | DOM calls ms | string decoding ms (medians of', runs, 'runs, CPU x8)');
for (const path of pages) {
  const all = [];
  for (let run = 0; run < runs; run += 1) all.push(await profileOnce(site, path));
  const row = ['ready', 'wasm', 'loader', 'dom', 'decode'].map((key) => Math.round(median(all.map((ms) => ms[key]))));
  console.log(`${path} | ${row.join(' | ')} | DOM calls in each run: ${all.map((ms) => Math.round(ms.dom)).join(', ')}`);
}
await site.close();
