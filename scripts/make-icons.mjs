#!/usr/bin/env node
/**
 * Makes the pages' icons from the one drawing, renderer/public/icon.svg (the app's icon,
 * build/icon.png, drawn as vectors): favicon.ico with 16, 32 and 48 pixel images, rendered by
 * Chromium and packed as PNG images inside the ICO, which every browser in use reads.
 * Run after changing the drawing: `node scripts/make-icons.mjs`; the results are committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions, prepareChromium } from './find-chromium.mjs';
import { root as ROOT } from './paths.mjs';

const SIZES = [16, 32, 48];
const svg = readFileSync(join(ROOT, 'renderer/public/icon.svg'), 'utf8');

/** An ICO file holding PNG images (Windows Vista and later, and all browsers, read these). */
export function icoOf(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

await prepareChromium();
const browser = await chromium.launch(chromiumLaunchOptions());
const images = [];
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body>`);
  images.push({ size, png: await page.screenshot({ omitBackground: true }) });
  await page.close();
}
await browser.close();
writeFileSync(join(ROOT, 'renderer/public/favicon.ico'), icoOf(images));
console.log(`renderer/public/favicon.ico: ${SIZES.join(', ')} px`);
