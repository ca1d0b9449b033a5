// A file of the build replaced by new bytes, with its integrity hash in
// index.html (which every prerendered page copies) replaced too
// (tools/split.mjs, tools/minify.mjs).
import { createHash } from 'node:crypto';

/** The Subresource Integrity value of `bytes`, as Trunk writes it. */
export const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * `index` with the hash of `before` (the file `name` as it is) replaced by
 * that of `after`. The old hash must be in index.html exactly once: a stale
 * hash would make the browser refuse the file, and the app would never start.
 */
export function swapIntegrity(index, name, before, after) {
  const old = integrity(before);
  const uses = index.split(old).length - 1;
  if (uses !== 1) throw new Error(`${name}'s integrity hash is in index.html ${uses} times, not once`);
  return index.replace(old, integrity(after));
}
