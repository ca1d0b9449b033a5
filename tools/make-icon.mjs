// Draws the tab's icon (32x32: the site's blue square, its yellow K) with
// Debian's Chromium and writes it into index.html as a PNG data URL with a
// palette, the smallest form of its exact pixels. Not SVG: Chromium builds a
// whole SVG document to draw an SVG icon, on the page's main thread, after
// every load and language switch (docs/performance.md, "The tab's icon").
// Run once when the icon changes; index.html is committed.
// Usage: node tools/make-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { launchChromium } from '../tests/browser/lib/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 32;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${SIZE}" height="${SIZE}"><rect width="32" height="32" rx="6" fill="#00587a"/><path d="M8 23V9h4v14zm6-7 6-7h5l-6.5 7L25 23h-5z" fill="#ffd23f"/></svg>`;

const browser = await launchChromium();
const page = await browser.newPage();
const rgba = await page.evaluate(async ({ svg, size }) => {
  const image = new Image();
  image.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, size, size);
  return [...context.getImageData(0, 0, size, size).data];
}, { svg, size: SIZE });
await browser.close();

// Every colour as drawn: the palette holds them all, or the icon is not
// written. The translucent ones first, so the transparency chunk stops
// where the opaque ones begin.
const alpha = (key) => Number(key.split(',')[3]);
const keys = [];
for (let i = 0; i < rgba.length; i += 4) keys.push(rgba.slice(i, i + 4).join(','));
const colours = [...new Set(keys)].sort((a, b) => alpha(a) - alpha(b));
const indices = keys.map((key) => colours.indexOf(key));
if (colours.length > 256) throw new Error(`${colours.length} colours: more than a palette holds`);
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 3, 0, 0, 0], 8); // 8 bits an index, palette, no interlace
const rgb = (key) => key.split(',').slice(0, 3).map(Number);
const rows = [];
for (let y = 0; y < SIZE; y += 1) rows.push(0, ...indices.slice(y * SIZE, (y + 1) * SIZE));
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('PLTE', Buffer.from(colours.flatMap(rgb))),
  chunk('tRNS', Buffer.from(colours.map(alpha).filter((a) => a < 255))),
  chunk('IDAT', deflateSync(Buffer.from(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const file = join(root, 'index.html');
const html = readFileSync(file, 'utf8');
const link = /<link rel="icon" href="[^"]*">/;
if (!link.test(html)) throw new Error('index.html has no <link rel="icon" href="…">');
writeFileSync(file, html.replace(link, `<link rel="icon" href="data:image/png;base64,${png.toString('base64')}">`));
console.log(`index.html: the icon as PNG, ${colours.length} colours, ${png.length} bytes`);
