// Renders the icon SVGs in assets/ to every file electron-builder needs, so a build needs no image tools:
//
//   assets/icons/NxN.png            Linux icon set, 16-1024 px (linux.icon: icons)
//   assets/icon.ico                 Windows app icon, 16-256 px (win.icon)
//   assets/icon.icns                macOS app icon, 16-1024 px, on Apple's icon grid (mac.icon)
//   assets/document-icon.ico/.icns  the .fieldwork document icon (fileAssociations[].icon)
//
// The *-small.svg variants are drawn for 16-32 px, where the full drawing's detail would blur. Chromium
// (Debian's, through playwright-core) rasterises each SVG at the exact target size on a canvas; the PNG,
// ICO and ICNS containers are written by scripts/dist/icon-files.mjs. The outputs are committed; run
// `npm run icons` after editing an SVG and look at the PNGs before committing.
//
// Usage: node scripts/gen-icons.mjs   (CHROMIUM_PATH if Chromium is not /usr/bin/chromium)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ICNS_TYPES, encodeIco, encodeIcns, encodePng, icnsLegacyPair } from './dist/icon-files.mjs';

const assets = join(import.meta.dirname, '..', 'assets');
const read = (name) => readFileSync(join(assets, name), 'utf8');

/** Largest size the small drawing is used for. */
const SMALL_MAX = 32;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** The inner markup and viewBox of an SVG file, to nest it in another. */
function parts(svg) {
  const open = svg.match(/<svg\b[^>]*>/);
  const viewBox = open?.[0].match(/viewBox="([^"]+)"/)?.[1];
  if (!open || !viewBox) throw new Error('SVG without a viewBox');
  return { viewBox, inner: svg.slice(open.index + open[0].length, svg.lastIndexOf('</svg>')) };
}

/**
 * The macOS version of an app icon: Apple's grid puts the rounded square at 824 of 1024 px with a soft
 * shadow underneath, so it sits in line with other apps in the Dock. The small drawing gets the margin
 * without the shadow, which would only blur at 16-32 px.
 */
function onAppleGrid(svg, { shadow }) {
  const { viewBox, inner } = parts(svg);
  const filter = shadow
    ? '<defs><filter id="fw-mac-shadow" x="-10%" y="-10%" width="120%" height="130%">' +
      '<feDropShadow dx="0" dy="10" stdDeviation="12" flood-color="#000" flood-opacity="0.3"/></filter></defs>'
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024">${filter}` +
    `<g${shadow ? ' filter="url(#fw-mac-shadow)"' : ''}>` +
    `<svg x="100" y="100" width="824" height="824" viewBox="${viewBox}">${inner}</svg></g></svg>`
  );
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage();

/** Straight RGBA pixels of `svg` drawn at size × size. */
async function rasterise(svg, size) {
  const data = await page.evaluate(
    async ({ svg, size }) => {
      const img = new Image(size, size);
      img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.drawImage(img, 0, 0, size, size);
      // Base64 in chunks: a 1024 px image is 4 MB, too much to pass as a list of numbers.
      const bytes = context.getImageData(0, 0, size, size).data;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    },
    { svg, size },
  );
  const rgba = Buffer.from(data, 'base64');
  return { size, rgba, png: encodePng(size, size, rgba) };
}

/** Renders one icon family at `sizes`, the small drawing up to SMALL_MAX px. */
async function family(large, small, sizes) {
  const images = new Map();
  for (const size of sizes) images.set(size, await rasterise(size <= SMALL_MAX ? small : large, size));
  return images;
}

function icns(images) {
  const elements = [];
  for (const [type, size] of Object.entries(ICNS_TYPES)) {
    const image = images.get(size);
    if (type === 'is32' || type === 'il32')
      elements.push({ type, data: icnsLegacyPair(size, image.rgba).rgb });
    else if (type === 's8mk' || type === 'l8mk')
      elements.push({ type, data: icnsLegacyPair(size, image.rgba).mask });
    else elements.push({ type, data: image.png });
  }
  return encodeIcns(elements);
}

const written = [];
const write = (name, bytes) => {
  writeFileSync(join(assets, name), bytes);
  written.push(`${name} (${bytes.length} bytes)`);
};

try {
  const appLarge = read('icon.svg');
  const appSmall = read('icon-small.svg');
  const docLarge = read('document-icon.svg');
  const docSmall = read('document-icon-small.svg');

  const app = await family(appLarge, appSmall, LINUX_SIZES);
  mkdirSync(join(assets, 'icons'), { recursive: true });
  for (const [size, image] of app) write(`icons/${size}x${size}.png`, image.png);
  write('icon.ico', encodeIco(ICO_SIZES.map((s) => app.get(s))));

  // macOS: the retina slot of 16 pt (ic11, 32 px) keeps the small drawing, like the 1x 32 px one.
  const macSizes = [...new Set(Object.values(ICNS_TYPES))];
  const mac = await family(
    onAppleGrid(appLarge, { shadow: true }),
    onAppleGrid(appSmall, { shadow: false }),
    macSizes,
  );
  write('icon.icns', icns(mac));

  // Document icons are page-shaped on every platform (no Apple grid).
  const doc = await family(docLarge, docSmall, [...new Set([...ICO_SIZES, ...macSizes])]);
  write('document-icon.ico', encodeIco(ICO_SIZES.map((s) => doc.get(s))));
  write('document-icon.icns', icns(doc));
} finally {
  await browser.close();
}
console.log(`wrote ${written.length} files in assets/:\n  ${written.join('\n  ')}`);
