// Reads a WebAssembly module's sections. Custom sections (names for
// debuggers, the tools that made it, features) never change what the module
// does, yet Trunk's wasm-bindgen step leaves some in the file every reader
// downloads: tools/minify.mjs takes them out, tools/size-check.mjs checks.
// Also takes named exports out of a module (`withoutExports`, tools/split.mjs).

const leb = (bytes, at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
};

/** Each section as { id, name (custom sections only), start, end } over the whole file. */
export function sections(bytes) {
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || magic.some((b, i) => bytes[i] !== b)) throw new Error('not a WebAssembly module (version 1)');
  const found = [];
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const [size, body] = leb(bytes, at);
    const end = body + size;
    if (end > bytes.length) throw new Error(`section ${id} at byte ${start} runs past the end of the file`);
    let name = null;
    if (id === 0) {
      const [length, text] = leb(bytes, body);
      name = Buffer.from(bytes.subarray(text, text + length)).toString('utf8');
    }
    found.push({ id, name, start, end });
    at = end;
  }
  return found;
}

/** The names of the module's custom sections, in file order. */
export const customSectionNames = (bytes) => sections(bytes).filter((s) => s.id === 0).map((s) => s.name);

/** The module without its custom sections. */
export function withoutCustomSections(bytes) {
  const kept = sections(bytes).filter((s) => s.id !== 0);
  return Buffer.concat([bytes.subarray(0, 8), ...kept.map((s) => bytes.subarray(s.start, s.end))]);
}

const uleb = (value) => {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
};

/** The module with the exports `names` taken out (every one must be there). */
export function withoutExports(bytes, names) {
  const section = sections(bytes).find((s) => s.id === 7);
  if (!section) throw new Error('the module has no export section');
  let [, at] = leb(bytes, section.start + 1);
  let count;
  [count, at] = leb(bytes, at);
  const kept = [];
  const dropped = new Set();
  for (let i = 0; i < count; i++) {
    const start = at;
    const [length, text] = leb(bytes, at);
    const name = Buffer.from(bytes.subarray(text, text + length)).toString('utf8');
    [, at] = leb(bytes, text + length + 1);
    if (names.includes(name)) dropped.add(name);
    else kept.push(bytes.subarray(start, at));
  }
  const missing = names.filter((name) => !dropped.has(name));
  if (missing.length > 0) throw new Error(`no such export: ${missing.join(', ')}`);
  const body = Buffer.concat([uleb(kept.length), ...kept]);
  return Buffer.concat([bytes.subarray(0, section.start), Buffer.from([7]), uleb(body.length), body, bytes.subarray(section.end)]);
}
