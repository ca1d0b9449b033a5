// The site behind nginx with the documented configuration (deploy/nginx.conf):
// every page, the not-found page, cache and security headers, compression
// and types, and the app running under its Content-Security-Policy.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect as tlsConnect } from 'node:tls';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { appReady, DIST, launchChromium } from './lib/browser.mjs';
import { statements } from './lib/content.mjs';
import { LANGS, messages } from './lib/locales.mjs';
import { startNginx } from './lib/nginx.mjs';
import { SECTIONS } from './lib/pages.mjs';

const PAGES = LANGS.flatMap((lang) => [
  ...SECTIONS.map((section) => section.path), ...statements().map((s) => `statements/${s.slug}/`),
].map((path) => `/${lang}/${path}`));

const SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=31536000',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
  'referrer-policy': 'strict-origin-when-cross-origin',
};

// The recipe runs with a self-signed certificate made by the test.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

let nginx;
before(async () => {
  nginx = await startNginx(DIST, { tls: true });
});
after(async () => {
  await nginx?.close();
});

function assertSecurityHeaders(response, what) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.equal(response.headers.get(name), value, `${what}: ${name}`);
  }
}

describe('nginx with deploy/nginx.conf', () => {
  test('every page: 200, HTML in UTF-8, revalidated on each visit, with the security headers', async () => {
    for (const path of [...PAGES, '/']) {
      const response = await fetch(nginx.url + path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8', path);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
      assertSecurityHeaders(response, path);
    }
  });

  test('an unknown path: the not-found page in three languages, status 404, same headers', async () => {
    const response = await fetch(`${nginx.url}/no-such-page/`);
    assert.equal(response.status, 404);
    const html = await response.text();
    for (const lang of LANGS) assert.ok(html.includes(messages(lang)['not-found-title']), lang);
    assertSecurityHeaders(response, '404');
  });

  test('HTTPS only: plain HTTP is sent to the same address over HTTPS, TLS below 1.2 is refused, HSTS is sent', async () => {
    for (const path of ['/', '/ru/statements/?q=профсоюз', '/no-such-page/']) {
      const response = await fetch(nginx.httpUrl + path, { redirect: 'manual' });
      assert.equal(response.status, 301, path);
      const location = new URL(response.headers.get('location'));
      assert.equal(location.protocol, 'https:', path);
      assert.equal(location.hostname, '127.0.0.1', path);
      assert.equal(location.pathname + location.search, new URL(nginx.httpUrl + path).pathname + new URL(nginx.httpUrl + path).search, path);
    }
    const port = Number(new URL(nginx.url).port);
    const handshake = (options) => new Promise((ok) => {
      const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false, ...options }, () => {
        const protocol = socket.getProtocol();
        socket.end();
        ok(protocol);
      });
      socket.on('error', () => ok(null));
    });
    assert.equal(await handshake({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }), null, 'TLS 1.0 and 1.1 refused');
    assert.equal(await handshake({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' }), 'TLSv1.2');
    assert.equal(await handshake({ minVersion: 'TLSv1.3' }), 'TLSv1.3');
    const response = await fetch(`${nginx.url}/en/`);
    assert.equal(response.status, 200);
    assertSecurityHeaders(response, 'over HTTPS');
  });

  test('a page without its trailing slash is redirected to it', async () => {
    const response = await fetch(`${nginx.url}/en/platform`, { redirect: 'manual' });
    assert.equal(response.status, 301);
    assert.match(response.headers.get('location'), /\/en\/platform\/$/);
  });

  test('hashed files: cached for a year, right types, compressed', async () => {
    const html = await (await fetch(`${nginx.url}/en/`)).text();
    const assets = [...html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*["'](\/[^"']+-[0-9a-f]{1,16}(?:_bg)?\.(?:js|wasm|css))["']/g)]
      .map((m) => m[1]);
    const types = { js: 'application/javascript', wasm: 'application/wasm', css: 'text/css' };
    const seen = new Set(assets.map((a) => a.split('.').pop()));
    assert.deepEqual([...seen].sort(), ['css', 'js', 'wasm'], assets.join(' '));
    assert.ok(assets.some((a) => /^\/page-[0-9a-f]+\.js$/.test(a)), `the page's own script among them: ${assets.join(' ')}`);
    for (const asset of new Set(assets)) {
      const response = await fetch(nginx.url + asset, { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(response.status, 200, asset);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', asset);
      assert.ok(response.headers.get('content-type').startsWith(types[asset.split('.').pop()]), `${asset}: ${response.headers.get('content-type')}`);
      assertSecurityHeaders(response, asset);
      assert.equal(response.headers.get('content-encoding'), 'gzip', asset);
    }
  });

  test('browsers that accept brotli get the build\'s brotli copy; gzip ones its gzip copy', async () => {
    const slug = statements()[0].slug;
    const html = await (await fetch(`${nginx.url}/en/statements/${slug}/`)).text();
    const files = [
      '/en/statements/' + slug + '/',
      ...[...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["'](\/[^"']+\.(?:js|wasm|css|json))["']/g)].map((m) => m[1]),
    ];
    assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.startsWith('/texts/')), files.join(' '));
    for (const file of new Set(files)) {
      const onDisk = join(DIST, file.endsWith('/') ? `${file}index.html` : file);
      for (const [accept, encoding, suffix] of [['br, gzip', 'br', '.br'], ['gzip', 'gzip', '.gz']]) {
        const response = await fetch(nginx.url + file, { headers: { 'Accept-Encoding': accept } });
        assert.equal(response.status, 200, file);
        assert.equal(response.headers.get('content-encoding'), encoding, `${file} ${accept}`);
        assert.equal(Number(response.headers.get('content-length')), statSync(onDisk + suffix).size, `${file} ${accept}`);
        // a cache in front must not hand this form to a client that did not ask for it
        assert.match(response.headers.get('vary') ?? '', /Accept-Encoding/i, `${file} ${accept}`);
        assertSecurityHeaders(response, file);
      }
    }
    // Never a compressed copy of the contacts file, which staff replace by hand.
    assert.equal(existsSync(join(DIST, 'contacts.json.br')) || existsSync(join(DIST, 'contacts.json.gz')), false);
  });

  test('a statement\'s texts file cached for a year, its headers file revalidated like the page; JSON, compressed', async () => {
    const slug = statements()[0].slug;
    const html = await (await fetch(`${nginx.url}/en/statements/${slug}/`)).text();
    const texts = html.match(/<link rel="preload" href="(\/texts\/[^/"]+\.json)" as="fetch"/)?.[1];
    const headers = html.match(/<link rel="preload" href="(\/texts\/headers\/[^/"]+\.json)" as="fetch"/)?.[1];
    assert.ok(texts && headers, 'the statement page preloads its texts and its headers');
    for (const file of [texts, headers]) {
      const response = await fetch(nginx.url + file, { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), file === texts ? 'public, max-age=31536000, immutable' : 'no-cache', file);
      assert.ok(response.headers.get('content-type').startsWith('application/json'));
      assert.equal(response.headers.get('content-encoding'), 'gzip');
      const json = await response.json();
      assert.equal(file === texts ? json.slug : json.statement.slug, slug);
    }
  });

  test('a hash shorter than 16 digits (Trunk drops leading zeros) is still cached for a year, and both search indexes\' pieces', async () => {
    // The CI's build once had a 15-digit hash and the first pattern missed it.
    const root = mkdtempSync(join(tmpdir(), 'kasipodaq-hashes-'));
    const names = {
      'kasipodaq-portal-3a0c9e51f2b7d4.js': 'public, max-age=31536000, immutable',
      'kasipodaq-portal-3a0c9e51f2b7d4_bg.wasm': 'public, max-age=31536000, immutable',
      'main-9f1e2d3c4b5a697.css': 'public, max-age=31536000, immutable',
      // a texts file: the SHA-256 of its content in base64url, which may hold '-' and '_'
      'texts/a-statement--N6Z9rjQjoC_i2Z3RSeIbP5YkOaU7xpstRtvTQUjCjc.json': 'public, max-age=31536000, immutable',
      'texts/a-statement-0123456789abcdef.json': 'no-cache',
      // a page's headers file keeps its name from release to release, like the page
      'texts/headers/home.json': 'no-cache',
      'favicon-e0efda314838e11c.svg': 'public, max-age=31536000, immutable',
      'sw.js': 'no-cache',
      'contacts.json': 'no-cache',
      // the search's indexes: the newest statements' and the older ones' (tools/search-index.mjs)
      'pagefind/pagefind.en_583a903727.pf_meta': 'public, max-age=31536000, immutable',
      'pagefind/fragment/kk_5d3b97d.pf_fragment': 'public, max-age=31536000, immutable',
      'pagefind/older/pagefind.ru_39645b5f5c.pf_meta': 'public, max-age=31536000, immutable',
      'pagefind/older/index/en_eb35c83.pf_index': 'public, max-age=31536000, immutable',
      'pagefind/older/pagefind-entry.json': 'no-cache',
      'pagefind/wasm.en.pagefind': 'no-cache',
    };
    for (const folder of ['texts/headers', 'pagefind/fragment', 'pagefind/older/index']) mkdirSync(join(root, folder), { recursive: true });
    for (const name of Object.keys(names)) writeFileSync(join(root, name), 'x');
    const server = await startNginx(root);
    try {
      for (const [name, expected] of Object.entries(names)) {
        const response = await fetch(`${server.url}/${name}`);
        assert.equal(response.status, 200, name);
        assert.equal(response.headers.get('cache-control'), expected, name);
      }
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the feeds, the sitemap, the service worker and the contacts file are never cached stale', async () => {
    const expected = {
      '/en/feed.xml': 'application/atom+xml',
      '/sitemap.xml': 'text/xml',
      '/robots.txt': 'text/plain',
      '/sw.js': 'application/javascript',
      '/contacts.json': 'application/json',
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await fetch(nginx.url + path);
      assert.equal(response.status, 200, path);
      assert.ok(response.headers.get('content-type').startsWith(type), `${path}: ${response.headers.get('content-type')}`);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
    }
  });

  test('the open data, its schemas and the feeds may be read from any site; pages may not', async () => {
    const slug = statements()[0].slug;
    for (const path of [`/data/statements/${slug}.json`, '/data/statements/index.json', '/statement.schema.json',
      '/statements-index.schema.json', '/ru/feed.xml']) {
      const response = await fetch(nginx.url + path, { headers: { Origin: 'https://newsroom.example', 'Accept-Encoding': 'br' } });
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
      assert.equal(response.headers.get('cache-control'), 'no-cache', `${path}: an address that stays, so revalidated`);
      assertSecurityHeaders(response, path);
    }
    for (const path of [`/en/statements/${slug}/`, '/contacts.json', '/sw.js']) {
      const response = await fetch(nginx.url + path, { headers: { Origin: 'https://newsroom.example' } });
      assert.equal(response.headers.get('access-control-allow-origin'), null, path);
    }
  });

  test('a contacts.json replaced on the server shows after one reload, even with old .br/.gz copies beside it', async () => {
    // The release as uploaded (linked, but for its own contacts.json), with
    // compressed copies of the old file left beside it, as an older release
    // or an upload tool may leave them: staff replace only contacts.json.
    const root = mkdtempSync(join(tmpdir(), 'kasipodaq-contacts-'));
    for (const name of readdirSync(DIST)) {
      if (!name.startsWith('contacts.json')) symlinkSync(join(DIST, name), join(root, name));
    }
    const original = readFileSync(join(DIST, 'contacts.json'));
    writeFileSync(join(root, 'contacts.json'), original);
    writeFileSync(join(root, 'contacts.json.br'), brotliCompressSync(original));
    writeFileSync(join(root, 'contacts.json.gz'), gzipSync(original));
    const server = await startNginx(root, { tls: true });
    const browser = await launchChromium({ args: ['--ignore-certificate-errors'] });
    try {
      const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
      const errors = [];
      page.on('pageerror', (err) => errors.push(String(err)));
      const names = () => page.locator('.hq__name').evaluateAll((els) => els.map((el) => el.textContent.trim()).sort());
      const data = JSON.parse(original);
      const before = data.headquarters.map((hq) => hq.name.en).sort();
      let answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/contacts.json');
      await page.goto(`${server.url}/en/contacts/`);
      await appReady(page);
      assert.equal((await answered).status(), 200);
      assert.deepEqual(await names(), before);

      // Another valid file, of another length (nginx's ETag is its time and size).
      data.updated_at = '2026-12-05T09:30:00+05:00';
      data.headquarters[0].name.en = 'Republican headquarters, renamed on the server';
      const replaced = JSON.stringify(data, null, 2);
      writeFileSync(join(root, 'contacts.json'), replaced);
      const response = await fetch(`${server.url}/contacts.json`, { headers: { 'Accept-Encoding': 'br, gzip' } });
      assert.notEqual(response.headers.get('content-encoding'), 'br', 'never the old brotli copy');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.equal(await response.text(), replaced);

      answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/contacts.json');
      await page.reload();
      await appReady(page);
      assert.equal((await answered).status(), 200, 'the changed file is sent, not "not modified"');
      const after = data.headquarters.map((hq) => hq.name.en).sort();
      await page.locator('.hq__name', { hasText: data.headquarters[0].name.en }).waitFor({ timeout: 10000 });
      assert.deepEqual(await names(), after);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('in Chromium: a statement loads, the app takes over, no CSP violation, no console error', async () => {
    // The test's own certificate: the browser is told to accept it, service
    // worker included (a context option does not reach the worker's fetches).
    const browser = await launchChromium({ args: ['--ignore-certificate-errors'] });
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(String(err)));
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    });
    const statement = statements()[0];
    await page.goto(`${nginx.url}/ru/statements/${statement.slug}/`);
    await appReady(page);
    assert.equal(await page.locator('main h1').textContent(), statement.versions.ru.title);
    await page.goto(`${nginx.url}/ru/contacts/`);
    await appReady(page);
    await page.locator('section.hotline[aria-busy="false"] .hotline__label').waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    await browser.close();
  });
});
