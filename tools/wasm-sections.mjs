// Reads a WebAssembly module's sections. Custom sections (names for
// debuggers, the tools that made it, features) never change what the module
// does, yet Trunk's wasm-bindgen step leaves some in the file every reader
// downloads: tools/minify.mjs takes them out, tools/size-check.mjs checks.

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
