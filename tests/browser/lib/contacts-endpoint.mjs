// A contacts file server for the browser tests, on 127.0.0.1 (another origin
// than the site, so the documented CORS setup is exercised too). The test
// sets the data and how the next requests are answered, and reads back every
// request it got.
//
//   const endpoint = await startContactsEndpoint({ data });
//   endpoint.next({ kind: 'status', status: 500 }, 3);   // the next 3 GETs
//   endpoint.always({ kind: 'delay', ms: 3000 });        // every GET after those
//   endpoint.gets()                                      // the GETs so far
//
// Behaviours (GET only; OPTIONS preflights are always answered with 204):
//   { kind: 'ok' }                      the data, or 304 if If-None-Match is its ETag
//   { kind: 'delay', ms }               the same, after `ms` before the headers
//   { kind: 'trickle', ms, chunks = 10 } headers at once, the body in chunks over `ms`
//   { kind: 'hang' }                    never answers (until the client gives up)
//   { kind: 'status', status }          that status, with a short text body
//   { kind: 'drop' }                    closes the connection without an answer
//   { kind: 'malformed' }               200 with a cut-off JSON body
//   { kind: 'oversized', bytes = 7 * 1024 * 1024, contentLength = true, chunkMs }
//                                       200 with the data padded by spaces to
//                                       `bytes` (valid JSON, too big), with or
//                                       without a Content-Length header; with
//                                       `chunkMs`, one 64 KB chunk every `chunkMs`
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';

export const PATH = '/contacts.json';

function etagOf(body) {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
}

export async function startContactsEndpoint({ data, allowOrigin = '*' } = {}) {
  const state = {
    body: '',
    etag: '',
    lastModified: '',
    queue: [],
    fallback: { kind: 'ok' },
    requests: [],
    timers: new Set(),
  };

  function setData(value) {
    state.body = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    state.etag = etagOf(state.body);
    // Whole seconds, as HTTP dates have them; never the same as the last one.
    const now = Math.max(Math.floor(Date.now() / 1000) * 1000, (Date.parse(state.lastModified) || 0) + 1000);
    state.lastModified = new Date(now).toUTCString();
  }
  if (data !== undefined) setData(data);

  const origin = () => (typeof allowOrigin === 'function' ? allowOrigin() : allowOrigin);
  const cors = () => ({
    'Access-Control-Allow-Origin': origin(),
    'Access-Control-Expose-Headers': 'ETag, Last-Modified',
    'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
    'Access-Control-Max-Age': '0',
    Vary: 'Origin',
  });

  const later = (ms, fn) => {
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      fn();
    }, ms);
    state.timers.add(timer);
    return timer;
  };

  const server = createServer((req, res) => {
    const pathname = new URL(req.url, 'http://127.0.0.1').pathname;
    const record = {
      method: req.method,
      path: pathname,
      headers: { ...req.headers },
      at: Date.now(),
      behaviour: null,
      status: null,
      finished: false,
      aborted: false,
      closedAt: null,
    };
    state.requests.push(record);
    const pending = new Set();
    res.on('finish', () => {
      record.finished = true;
    });
    res.on('close', () => {
      record.closedAt = Date.now();
      // The connection went before the whole answer was sent: the client
      // gave up (or we dropped it on purpose, see `drop`).
      if (!res.writableFinished && record.behaviour?.kind !== 'drop') record.aborted = true;
      for (const timer of pending) {
        clearTimeout(timer);
        state.timers.delete(timer);
      }
    });
    const wait = (ms, fn) => pending.add(later(ms, fn));
    const send = (status, headers, body) => {
      if (res.destroyed) return;
      record.status = status;
      res.writeHead(status, { ...cors(), ...headers });
      res.end(body);
    };

    if (req.method === 'OPTIONS') {
      send(204, { 'Access-Control-Allow-Methods': 'GET, HEAD', 'Content-Length': '0' });
      return;
    }
    if (pathname !== PATH || (req.method !== 'GET' && req.method !== 'HEAD')) {
      send(404, { 'Content-Type': 'text/plain' }, 'not found');
      return;
    }

    const behaviour = state.queue.length > 0 ? state.queue.shift() : state.fallback;
    record.behaviour = behaviour;
    // What this request gets is the data as it is when the request arrives.
    const { body, etag, lastModified } = state;
    const fileHeaders = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-cache',
      ETag: etag,
      'Last-Modified': lastModified,
    };
    const answerOk = () => {
      if (req.headers['if-none-match'] === etag) {
        send(304, { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache' });
      } else {
        send(200, { ...fileHeaders, 'Content-Length': Buffer.byteLength(body) }, body);
      }
    };

    switch (behaviour.kind) {
      case 'ok':
        answerOk();
        break;
      case 'delay':
        wait(behaviour.ms, answerOk);
        break;
      case 'trickle': {
        const bytes = Buffer.from(body);
        const chunks = behaviour.chunks ?? 10;
        const size = Math.ceil(bytes.length / chunks);
        record.status = 200;
        res.writeHead(200, { ...cors(), ...fileHeaders, 'Content-Length': bytes.length });
        for (let i = 0; i < chunks; i += 1) {
          wait((behaviour.ms * (i + 1)) / chunks, () => {
            if (res.destroyed) return;
            const piece = bytes.subarray(i * size, (i + 1) * size);
            if (i === chunks - 1) res.end(piece);
            else res.write(piece);
          });
        }
        break;
      }
      case 'hang':
        break;
      case 'status':
        send(behaviour.status, { 'Content-Type': 'text/plain; charset=utf-8' }, `test error ${behaviour.status}`);
        break;
      case 'drop':
        req.socket.destroy();
        break;
      case 'malformed': {
        const cut = '{"schema_version": 1, "updated_at": "2026-11-23T10:00:00+05:00", "headquarters": [{"id": "test-hq", ';
        send(200, { ...fileHeaders, ETag: etagOf(cut) }, cut);
        break;
      }
      case 'oversized': {
        const size = behaviour.bytes ?? 7 * 1024 * 1024;
        const padded = Buffer.from(body + ' '.repeat(Math.max(0, size - Buffer.byteLength(body))));
        const headers = { ...fileHeaders, ETag: etagOf(padded) };
        // Without Content-Length the answer is chunked: the size shows only
        // while the body streams in.
        if (behaviour.contentLength !== false) headers['Content-Length'] = padded.length;
        record.status = 200;
        res.writeHead(200, { ...cors(), ...headers });
        const step = 64 * 1024;
        const pieces = [];
        for (let at = 0; at < padded.length; at += step) pieces.push(padded.subarray(at, at + step));
        if (!behaviour.chunkMs) {
          for (const piece of pieces) res.write(piece);
          res.end();
        } else {
          pieces.forEach((piece, i) => wait(behaviour.chunkMs * i, () => {
            if (res.destroyed) return;
            if (i === pieces.length - 1) res.end(piece);
            else res.write(piece);
          }));
        }
        break;
      }
      default:
        throw new Error(`unknown behaviour ${JSON.stringify(behaviour)}`);
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  const origin_ = `http://127.0.0.1:${port}`;

  return {
    origin: origin_,
    /** The file's address, for the site's meta tag. */
    url: `${origin_}${PATH}`,
    setData,
    get data() {
      return JSON.parse(state.body);
    },
    get etag() {
      return state.etag;
    },
    get lastModified() {
      return state.lastModified;
    },
    /** The next `times` GETs get `behaviour`. */
    next(behaviour, times = 1) {
      for (let i = 0; i < times; i += 1) state.queue.push(behaviour);
    },
    /** Every GET after the queued ones gets `behaviour`. */
    always(behaviour) {
      state.fallback = behaviour;
    },
    /** Every request so far (OPTIONS preflights included). */
    get requests() {
      return state.requests;
    },
    /** The GET requests so far. */
    gets() {
      return state.requests.filter((r) => r.method === 'GET');
    },
    /** Resolves once `count` GETs have arrived. */
    async waitForGets(count, { timeout = 15000 } = {}) {
      const end = Date.now() + timeout;
      while (this.gets().length < count) {
        if (Date.now() > end) throw new Error(`expected ${count} GET requests, got ${this.gets().length}`);
        await new Promise((ok) => setTimeout(ok, 20));
      }
      return this.gets();
    },
    /** Back to answering every request with `data`, nothing queued or recorded. */
    reset(data) {
      state.queue = [];
      state.fallback = { kind: 'ok' };
      state.requests = [];
      if (data !== undefined) setData(data);
    },
    close() {
      for (const timer of state.timers) clearTimeout(timer);
      state.timers.clear();
      server.closeAllConnections();
      return new Promise((ok) => server.close(ok));
    },
  };
}
