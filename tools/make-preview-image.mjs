// Draws the link-preview image (public/og-image.png, 1200x630) with Debian's
// Chromium: the federation's name in its three languages on the site's blue.
// Run once when the name or colours change; the PNG is committed.
// Usage: node tools/make-preview-image.mjs
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/browser/lib/browser.mjs';
import { messages } from '../tests/browser/lib/locales.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const names = ['kk', 'ru', 'en'].map((lang) => messages(lang)['site-name']);
const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const html = `<!DOCTYPE html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px;background:#00587a;color:#fff;
  font-family:system-ui,'Noto Sans',Arial,sans-serif;display:flex;flex-direction:column;justify-content:center;gap:28px">
  <div style="width:120px;height:12px;background:#ffd23f"></div>
  <div style="font-size:60px;font-weight:700;line-height:1.15">${escape(names[0])}</div>
  <div style="font-size:36px;line-height:1.25">${escape(names[1])}</div>
  <div style="font-size:36px;line-height:1.25">${escape(names[2])}</div>
</div></body></html>`;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: join(root, 'public', 'og-image.png') });
await browser.close();
console.log('public/og-image.png written');
