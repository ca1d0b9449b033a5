// The offline worker (sw.js). The build writes the release's constants before
// this code (kasipodaq_build::site::service_worker): CACHE, KEPT, CODE, EXTRA,
// NOT_FOUND, TEXTS, HEADERS, KEPT_ENTRIES, KEPT_BYTES, SLOW_PAGE_MS, ROOT.
/* global CACHE, KEPT, CODE, EXTRA, NOT_FOUND, TEXTS, HEADERS, KEPT_ENTRIES, KEPT_BYTES, SLOW_PAGE_MS, ROOT */
const FILES = CODE.concat(EXTRA);
const SIZE = 'x-kasipodaq-bytes';
// Where this release notes the caches of earlier ones and the tabs that may use them.
const PREVIOUS = ROOT + 'sw.js?previous';

// The reader's browser asks to save data: nothing beyond the app's code.
const saveData = (request) =>
  (request !== undefined && request.headers.get('Save-Data') === 'on') ||
  Boolean(self.navigator.connection && self.navigator.connection.saveData);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(saveData() ? CODE : FILES)).then(() => self.skipWaiting()));
});

// A new release's worker takes over every tab at once, but a tab opened
// before it still runs the release it loaded: the caches of earlier releases
// stay, noted with the tabs open then, until none of those tabs is left.
self.addEventListener('activate', (event) => {
  const noted = Promise.all([caches.keys(), windows()])
    .then(([names, tabs]) => {
      const older = names.filter((name) => name.startsWith('kasipodaq-') && name !== CACHE && name !== KEPT);
      if (older.length === 0) return;
      if (tabs.length === 0) return Promise.all(older.map((name) => caches.delete(name)));
      const note = JSON.stringify({ caches: older, tabs: tabs.map((tab) => tab.id) });
      return caches.open(CACHE).then((cache) => cache.put(PREVIOUS, new Response(note)));
    })
    .catch(() => {});
  event.waitUntil(noted.then(() => self.clients.claim()));
});

const windows = () => self.clients.matchAll({ type: 'window', includeUncontrolled: true });

// The check under way: one at a time. (It runs on every request: the
// browser may send requests before the note is written, so no answer is final.)
let pruning = null;

// Deletes the earlier releases' caches once no tab open when this worker
// took over remains (a reload is a new tab: it loads this release).
function prune(event) {
  pruning = pruning || (async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(PREVIOUS);
    if (hit) {
      const note = await hit.json();
      const open = (await windows()).map((tab) => tab.id);
      if (note.tabs.some((id) => open.includes(id))) return;
      await Promise.all(note.caches.map((name) => caches.delete(name)));
      await cache.delete(PREVIOUS);
    }
  })().catch(() => {}).then(() => { pruning = null; });
  event.waitUntil(pruning);
}

// One change of the kept entries at a time, so the bounds hold.
let queue = Promise.resolve();

function keep(event, request, key, response) {
  if (!response.ok || response.type !== 'basic' || response.redirected || saveData(request)) return;
  const copy = response.clone();
  const done = queue.then(() => store(key, copy)).catch(() => {});
  queue = done;
  event.waitUntil(done);
}

// Kept with its size, and after the entries kept before it: the cache's
// keys come in the order they were put, so the first ones are the oldest.
async function store(key, response) {
  const body = await response.arrayBuffer();
  if (body.byteLength > KEPT_BYTES) return;
  const headers = new Headers(response.headers);
  headers.delete('content-encoding');
  headers.delete('content-length');
  headers.set(SIZE, String(body.byteLength));
  const cache = await caches.open(KEPT);
  await cache.delete(key);
  await cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers }));
  const keys = await cache.keys();
  const sizes = await Promise.all(keys.map((k) => cache.match(k).then((r) => Number(r && r.headers.get(SIZE)) || 0)));
  let [count, bytes] = [keys.length, sizes.reduce((a, b) => a + b, 0)];
  for (let i = 0; i < keys.length && (count > KEPT_ENTRIES || bytes > KEPT_BYTES); i++) {
    await cache.delete(keys[i]);
    count -= 1;
    bytes -= sizes[i];
  }
}

const cached = (name, key) => caches.open(name).then((cache) => cache.match(key));

// A page as this release keeps it, else as an earlier release still in use does.
const keptPage = (page) =>
  cached(CACHE, page)
    .then((hit) => hit || cached(KEPT, page))
    .then((hit) => hit || caches.match(page))
    .catch(() => undefined);

// The page (or headers file) from the network; from the cache when the
// network fails, answers with a server error, or is silent for SLOW_PAGE_MS
// (the network's answer is still awaited and kept, so the next visit gets
// it); `offline` answers when nothing is kept.
function networkFirst(event, request, page, offline) {
  const network = fetch(request).then((response) => {
    if (!FILES.includes(page)) keep(event, request, page, response);
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  return new Promise((resolve) => {
    let answered = false;
    const answer = (response) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      resolve(response);
    };
    const timer = setTimeout(() => keptPage(page).then((hit) => hit && answer(hit)), SLOW_PAGE_MS);
    network.then(
      (response) => (response.status >= 500 ? keptPage(page).then((hit) => answer(hit || response)) : answer(response)),
      () => keptPage(page).then((hit) => answer(hit || offline())),
    );
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  prune(event);
  if (request.mode === 'navigate') {
    const page = url.pathname.endsWith('/') ? url.pathname : url.pathname + '/';
    event.respondWith(networkFirst(event, request, page, () => cached(CACHE, NOT_FOUND)));
  } else if (url.pathname.startsWith(HEADERS) && url.pathname.endsWith('.json')) {
    // A page's headers file keeps its name from release to release, like the page.
    event.respondWith(networkFirst(event, request, url.pathname, () => Response.error()));
  } else if (FILES.includes(url.pathname)) {
    event.respondWith(cached(CACHE, url.pathname).then((hit) => hit || fetch(request)));
  } else if (url.pathname.startsWith(TEXTS) && url.pathname.endsWith('.json')) {
    // Names change with their content: any release's copy is right.
    event.respondWith(
      caches.match(url.pathname).then((hit) => hit || fetch(request).then((response) => {
        keep(event, request, url.pathname, response);
        return response;
      })),
    );
  } else if (url.pathname.startsWith(ROOT) && /^[^/]+\.(wasm|js|css)$/.test(url.pathname.slice(ROOT.length))) {
    // The code of a tab still on an earlier release.
    event.respondWith(caches.match(url.pathname).then((hit) => hit || fetch(request)));
  }
});
