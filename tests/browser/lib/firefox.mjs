// Debian's Firefox ESR driven by geckodriver (installed from crates.io by
// tools/setup.sh) through the W3C WebDriver HTTP API, with fetch, and
// WebDriver BiDi (over lib/websocket.mjs) for what the HTTP API cannot do:
// a script that runs in every page before the page's own, and the browser's
// log (JavaScript errors and console errors).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { openWebSocket } from './websocket.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** geckodriver on the PATH or in Cargo's bin folder (where `cargo install` puts it), or null. */
export function findGeckodriver() {
  if (process.env.GECKODRIVER) return existsSync(process.env.GECKODRIVER) ? process.env.GECKODRIVER : null;
  const folders = [...(process.env.PATH ?? '').split(delimiter), join(process.env.CARGO_HOME ?? join(process.env.HOME ?? '/root', '.cargo'), 'bin')];
  return folders.map((folder) => join(folder, 'geckodriver')).find((path) => path && existsSync(path)) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The element key of W3C WebDriver's element references. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * Starts geckodriver on a free port and opens one headless Firefox session
 * with a fresh profile of its own (a temporary folder, removed by `close()`).
 * Resolves to a small client: `navigate`, `url`, `execute`, `click`, `waitFor`,
 * the BiDi `bidi(method, params)` and the BiDi `log` entries seen so far.
 */
export async function startFirefox({ geckodriver = findGeckodriver(), prefs = {} } = {}) {
  const port = await freePort();
  const websocketPort = await freePort();
  const profile = await mkdtemp(join(tmpdir(), 'kasipodaq-firefox-'));
  const output = [];
  const driver = spawn(geckodriver, ['--host', '127.0.0.1', '--port', String(port), '--websocket-port', String(websocketPort)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  driver.stdout.on('data', (d) => output.push(String(d)));
  driver.stderr.on('data', (d) => output.push(String(d)));
  const exited = new Promise((resolve) => driver.on('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  let socket;
  let sessionId;

  async function stop() {
    socket?.close();
    if (sessionId) await fetch(`${base}/session/${sessionId}`, { method: 'DELETE' }).catch(() => {});
    if (driver.exitCode === null) {
      driver.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (driver.exitCode === null) driver.kill('SIGKILL');
    }
    await rm(profile, { recursive: true, force: true });
  }

  async function call(method, path, body) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  try {
    for (let tries = 0; ; tries += 1) {
      const ready = await fetch(`${base}/status`).then((r) => r.json()).then((r) => r.value?.ready).catch(() => false);
      if (ready) break;
      if (driver.exitCode !== null || tries > 100) throw new Error(`geckodriver did not start:\n${output.join('')}`);
      await sleep(100);
    }
    const session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          webSocketUrl: true,
          pageLoadStrategy: 'normal',
          'moz:firefoxOptions': {
            binary: FIREFOX,
            args: ['-headless', '-profile', profile],
            prefs: {
              // Nothing but the site under test on the network.
              'app.update.enabled': false,
              'browser.shell.checkDefaultBrowser': false,
              'datareporting.policy.dataSubmissionEnabled': false,
              'network.captive-portal-service.enabled': false,
              'network.connectivity-service.enabled': false,
              ...prefs,
            },
          },
        },
      },
    });
    sessionId = session.sessionId;
    const capabilities = session.capabilities;
    socket = await openWebSocket(capabilities.webSocketUrl);
    const pending = new Map();
    const log = [];
    let nextId = 1;
    socket.onMessage = (text) => {
      const message = JSON.parse(text);
      if (message.type === 'event') {
        if (message.method === 'log.entryAdded') log.push(message.params);
        return;
      }
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.type === 'error') waiting.reject(new Error(`BiDi: ${message.error}: ${message.message}`));
      else waiting.resolve(message.result);
    };
    const bidi = (method, params = {}) => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
    const s = `/session/${sessionId}`;
    const client = {
      capabilities,
      log,
      bidi,
      navigate: (url) => call('POST', `${s}/url`, { url }),
      url: () => call('GET', `${s}/url`),
      /** Runs `script` (a function's body; `arguments` are `args`) in the page. */
      execute: (script, ...args) => call('POST', `${s}/execute/sync`, { script, args }),
      async click(selector) {
        const element = await call('POST', `${s}/element`, { using: 'css selector', value: selector });
        if (!element?.[ELEMENT]) throw new Error(`no element reference for ${selector}: ${JSON.stringify(element)}`);
        await call('POST', `${s}/element/${element[ELEMENT]}/click`, {});
      },
      /** Polls `script` until it returns a truthy value (returned), or fails after `timeout` ms. */
      async waitFor(script, { timeout = 20000, what = script } = {}, ...args) {
        const end = Date.now() + timeout;
        let last;
        for (;;) {
          try {
            last = await call('POST', `${s}/execute/sync`, { script, args });
            if (last) return last;
          } catch (err) {
            last = err.message; // a page still navigating
          }
          if (Date.now() > end) throw new Error(`not within ${timeout} ms: ${what} (last: ${JSON.stringify(last)})`);
          await sleep(100);
        }
      },
      close: stop,
    };
    return client;
  } catch (err) {
    await stop();
    throw err;
  }
}
