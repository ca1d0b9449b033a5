// What a build published (target/build-manifest/{build folder}.json, written
// by the prerender: kasipodaq_build::site::build_manifest): the statements as
// the build read them and the messages as it compiled them. The tests expect
// what the build made, read from the build, not from content/ and locales/
// a second way.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const FOLDER = join(ROOT, 'target', 'build-manifest');
const read = new Map();

/** The manifest of the build folder named `name` (e.g. `dist`). */
export function manifestOf(name) {
  const path = join(FOLDER, `${name}.json`);
  if (!existsSync(path)) {
    throw new Error(`${path}: no manifest of ${name}; build it first (tools/build-release.sh, see tools/test.sh)`);
  }
  if (!read.has(path)) read.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return read.get(path);
}

/** The manifest of the newest build made from the content folder `content`. */
export function manifestFrom(content) {
  const wanted = realpathSync(content);
  const names = existsSync(FOLDER) ? readdirSync(FOLDER).filter((name) => name.endsWith('.json')) : [];
  names.sort((a, b) => statSync(join(FOLDER, b)).mtimeMs - statSync(join(FOLDER, a)).mtimeMs);
  for (const name of names) {
    // The content folder is the manifest's first field: read only its start.
    const start = Buffer.alloc(4096);
    const fd = openSync(join(FOLDER, name), 'r');
    const length = readSync(fd, start, 0, start.length, 0);
    closeSync(fd);
    const found = /^\{"content":("(?:[^"\\]|\\.)*")/.exec(start.subarray(0, length).toString('utf8'));
    if (found && existsSync(JSON.parse(found[1])) && realpathSync(JSON.parse(found[1])) === wanted) {
      return manifestOf(basename(name, '.json'));
    }
  }
  throw new Error(`no build of ${content} in ${FOLDER}; build it first (tools/build-release.sh with KASIPODAQ_CONTENT_DIR)`);
}
