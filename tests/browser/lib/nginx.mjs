// Runs Debian's nginx with the repository's deploy/nginx.conf (only its
// `listen` and `root` changed) on 127.0.0.1, for the deployment tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
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
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  throw new Error(`nginx did not answer: ${log()}`);
}

export async function startNginx(root) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kasipodaq-nginx-'));
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  const site = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root \/var\/www\/kasipodaq;$/m, `$1root ${resolve(root)};`);
  if (!site.includes(`listen 127.0.0.1:${port}`) || !site.includes(resolve(root))) {
    throw new Error('deploy/nginx.conf no longer has the `listen 80;` and `root /var/www/kasipodaq;` lines the test changes');
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
    } catch {}
    return output + errors;
  };
  await waitForPort(port, child, log);
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    async close() {
      child.kill('SIGQUIT');
      await new Promise((ok) => (child.exitCode !== null ? ok() : child.on('exit', ok)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
