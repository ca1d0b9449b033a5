#!/usr/bin/env node
// Where the WebAssembly's bytes go: twiggy's item sizes for the app built with
// its function names kept, summed by crate, then the largest items. twiggy
// reads the module; this script only groups what it reports. The module is
// measured before wasm-opt, which the release runs (tools/minify.mjs): it
// would drop the names.
//
// Usage: node tools/wasm-sizes.mjs [TOP]
// Builds `--profile release-names` (the release build, names not stripped) and
// installs twiggy from crates.io the first time (a developer's tool: the test
// command does not need it).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const top = Number(process.argv[2] ?? 30);
const cargoBin = join(process.env.HOME ?? '', '.cargo', 'bin');
const env = { ...process.env, PATH: `${cargoBin}:${process.env.PATH}` };
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: root, env, maxBuffer: 256 * 1024 * 1024, ...options });

if (!existsSync(join(cargoBin, 'twiggy'))) {
  console.error('wasm-sizes: installing twiggy from crates.io (once)');
  run('cargo', ['install', 'twiggy', '--locked', '--version', '~0.8'], { stdio: 'inherit' });
}
run('cargo', ['build', '--quiet', '--profile', 'release-names', '--target', 'wasm32-unknown-unknown',
  '-p', 'kasipodaq-portal'], { stdio: 'inherit' });
// The module as it ships: wasm-bindgen's own output (its glue's exports and
// sections gone), the names still in it.
const out = join(root, 'target/wasm-sizes');
run('wasm-bindgen', ['--target', 'web', '--out-dir', out,
  join(root, 'target/wasm32-unknown-unknown/release-names/kasipodaq-portal.wasm')]);
const items = JSON.parse(run('twiggy', ['top', '-n', '1000000', '-f', 'json',
  join(out, 'kasipodaq-portal_bg.wasm')]).toString());

// Custom sections (debug information) and the names subsection are not
// shipped: the release build strips them.
const shipped = items.filter(({ name }) => !name.startsWith('custom section') && !name.endsWith('subsection'));
const crateOf = (raw) => {
  const name = raw.replace(/\[[0-9a-f]{16}\]/g, '');
  if (name.startsWith('data segment') || name.startsWith('data[')) return '(data)';
  const path = name.match(/^<?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)::/) ??
    name.match(/^<&?(?:mut )?T as ([A-Za-z_][A-Za-z0-9_]*)::/);
  return path ? path[1] : '(other)';
};
const byCrate = new Map();
for (const { name, shallow_size: size } of shipped) {
  const crate = crateOf(name);
  const [bytes, count] = byCrate.get(crate) ?? [0, 0];
  byCrate.set(crate, [bytes + size, count + 1]);
}
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const total = shipped.reduce((sum, { shallow_size: size }) => sum + size, 0);
console.log(`${kb(total)} KB in ${shipped.length} items (as shipped, before compression)\n`);
console.log('by crate (KB, items):');
for (const [crate, [bytes, count]] of [...byCrate].sort((a, b) => b[1][0] - a[1][0]).slice(0, top)) {
  console.log(`${kb(bytes)}  ${String(count).padStart(5)}  ${crate}`);
}
console.log('\nlargest items (bytes):');
for (const { name, shallow_size: size } of shipped.slice(0, top)) {
  console.log(`${String(size).padStart(8)}  ${name.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 150)}`);
}
