// Runs Debian's nginx with the repository's deploy/nginx.conf (only its
// ports, `root` and certificate changed) on 127.0.0.1, for the deployment
// tests and the bench.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './locales.mjs';

export const NGINX = '/usr/sbin/nginx';
export const BROTLI_STATIC = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

async function waitForPort(port, child, log) {
  const end = Date.now() + 10000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${log()}`);
    const open = await new Promise((ok) => {
      const socket = connect(port, '127.0.0.1', () => { socket.end(); ok(true); });
      socket.on('error', () => ok(false));
    });
    if (open) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`nginx did not answer: ${log()}`);
}

/**
 * nginx with deploy/nginx.conf serving `root`. With `tls` (the deployment
 * tests) it runs as written: HTTPS with a self-signed certificate made here,
 * and plain HTTP redirecting to it (`httpUrl`). Without (the bench, which
 * compares against plain HTML on the same server) the HTTPS server listens
 * without TLS and the redirect is left out.
 */
export async function startNginx(root, { tls = false } = {}) {
  const [port, httpPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'kasipodaq-nginx-'));
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  let site = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
  const expected = ['listen 80;', 'listen 443 ssl http2;', 'root /var/www/kasipodaq;',
    'ssl_certificate     /etc/ssl/kasipodaq/fullchain.pem;', 'ssl_certificate_key /etc/ssl/kasipodaq/privkey.pem;'];
  for (const line of expected) {
    if (!site.includes(line)) throw new Error(`deploy/nginx.conf no longer has the line the test changes: ${line}`);
  }
  site = site.replace(/^(\s*)root \/var\/www\/kasipodaq;$/m, `$1root ${resolve(root)};`);
  if (tls) {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    site = site
      .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${httpPort};`)
      .replace(/^(\s*)listen 443 ssl http2;$/m, `$1listen 127.0.0.1:${port} ssl http2;`)
      .replace('/etc/ssl/kasipodaq/fullchain.pem', cert)
      .replace('/etc/ssl/kasipodaq/privkey.pem', key);
  } else {
    site = site
      .replace(/^# Plain HTTP only sends[^\n]*\nserver \{[^}]*\}\n/m, '')
      .replace(/^(\s*)listen 443 ssl http2;$/m, `$1listen 127.0.0.1:${port};`)
      .replace(/^\s*ssl_[a-z_]+ [^\n]*\n/gm, '');
    if (site.includes('listen 80;')) throw new Error('the redirect server block was not found');
  }
  // Debian's package enables the module in /etc/nginx/modules-enabled/;
  // this stand-alone configuration loads it itself.
  const main = `${process.getuid?.() === 0 ? 'user root;\n' : ''}load_module ${BROTLI_STATIC};
worker_processes 1;
error_log ${dir}/error.log;
pid ${dir}/nginx.pid;
daemon off;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`;
  writeFileSync(join(dir, 'nginx.conf'), main);
  let output = '';
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const log = () => {
    let errors = '';
    try {
      errors = readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      // nginx wrote no error log: its output is all there is
    }
    return output + errors;
  };
  await waitForPort(port, child, log);
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    httpUrl: tls ? `http://127.0.0.1:${httpPort}` : undefined,
    log,
    async close() {
      child.kill('SIGQUIT');
      await new Promise((ok) => (child.exitCode !== null ? ok() : child.on('exit', ok)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
