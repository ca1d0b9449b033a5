// A small static file server for the built site, on 127.0.0.1 only.
// `fallback: true` answers unknown paths with the root index.html (status 200),
// the way the app is served until every page is a real file of its own.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : info.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

export async function startStaticServer({ root, port = 0, fallback = true, log = false } = {}) {
  const base = resolve(root);
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
    res.writeHead(status, {
      'Content-Type': TYPES[extname(found)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
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
    close: () => new Promise((ok) => server.close(ok)),
  };
}
