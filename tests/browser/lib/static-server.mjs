// A small static file server for the built site, on 127.0.0.1 only.
// `fallback: true` (the default) answers unknown paths with the root index.html
// (status 200); `fallback: false` answers them as deploy/nginx.conf does, with
// 404.html and status 404.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** The `<meta name="kasipodaq-contacts-endpoint">` tag, whatever its attribute order. */
const ENDPOINT_META = /<meta\b[^>]*\bname=(["'])kasipodaq-contacts-endpoint\1[^>]*>/gi;

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * `html` with the contacts endpoint meta tag pointing at `endpoint`, as a
 * build with KASIPODAQ_CONTACTS_URL writes it, without a build per test.
 */
export function withContactsEndpoint(html, endpoint) {
  const moved = html.replace(ENDPOINT_META, (tag) =>
    /\bcontent=/i.test(tag)
      ? tag.replace(/\bcontent=("[^"]*"|'[^']*')/i, `content="${escapeAttribute(endpoint)}"`)
      : tag.replace(/\s*\/?>$/, ` content="${escapeAttribute(endpoint)}">`));
  // As the prerender does: another server also goes into the
  // Content-Security-Policy's connect-src, or the browser refuses the request.
  let origin;
  try {
    origin = new URL(endpoint).origin;
  } catch {
    return moved; // a path on the site itself: 'self' covers it
  }
  return moved.replace(/connect-src &#39;self&#39;/, `connect-src &#39;self&#39; ${escapeAttribute(origin)}`);
}

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : info.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

/**
 * `contactsEndpoint` (a URL, or a function returning one per request): every
 * served .html file gets it as the content of its contacts endpoint meta tag;
 * the files on disk are not touched. `answer(pathname, req, res, base)`, if
 * given, sees each request first and returns true when it has answered it
 * itself (a slow or failing server). `setRoot(folder)` serves another build
 * from the next request on (a new release published).
 */
export async function startStaticServer({ root, port = 0, fallback = true, log = false, contactsEndpoint, answer } = {}) {
  let base = resolve(root);
  const server = createServer(async (req, res) => {
    let url;
    let pathname;
    try {
      // Prefixing (not resolving) keeps `//x` a path, not a host.
      url = new URL(`http://127.0.0.1${req.url.startsWith('/') ? '' : '/'}${req.url}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (answer && (await answer(pathname, req, res, base))) return;
    const target = normalize(join(base, pathname));
    if (target !== base && !target.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let found = await fileAt(target);
    if (found === 'dir') {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      found = await fileAt(join(target, 'index.html'));
      if (found === 'dir') found = null;
    }
    let status = 200;
    if (!found && fallback) found = join(base, 'index.html');
    if (!found) {
      status = 404;
      found = (await fileAt(join(base, '404.html'))) === join(base, '404.html') ? join(base, '404.html') : null;
    }
    if (log) console.log(`${status} ${req.method} ${url.pathname}`);
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const headers = {
      'Content-Type': TYPES[extname(found)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    };
    if (contactsEndpoint !== undefined && extname(found) === '.html') {
      const endpoint = typeof contactsEndpoint === 'function' ? contactsEndpoint() : contactsEndpoint;
      let html;
      try {
        html = Buffer.from(withContactsEndpoint(await readFile(found, 'utf8'), endpoint));
      } catch {
        // The build is being replaced under us: answer, do not crash.
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('unavailable');
        return;
      }
      res.writeHead(status, { ...headers, 'Content-Length': html.length });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: bound } = server.address();
  return {
    url: `http://127.0.0.1:${bound}`,
    setRoot: (folder) => { base = resolve(folder); },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
