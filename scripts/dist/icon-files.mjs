// Writers and readers for the icon containers the installers need, so `npm run icons` (scripts/gen-icons.mjs)
// needs no ImageMagick, png2icns or icotool, and test/unit/dist/icon-files.test.ts can check the committed
// files. Pixels come in as straight (not premultiplied) RGBA, row by row from the top.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** PNG's predictor for byte `i` of a row (filters 0-4: none, sub, up, average, Paeth). */
function predict(filter, row, previous, i) {
  const left = i >= 4 ? row[i - 4] : 0;
  const up = previous[i];
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    default: {
      const upLeft = i >= 4 ? previous[i - 4] : 0;
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
  }
}

/**
 * An 8-bit RGBA PNG. Each row gets the filter with the smallest sum of absolute differences (the usual
 * heuristic), which keeps the committed 1024 px files small.
 */
export function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} RGBA bytes`);
  const stride = width * 4;
  const out = Buffer.alloc((stride + 1) * height);
  const candidates = Array.from({ length: 5 }, () => Buffer.alloc(stride));
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y += 1) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    let best = 0;
    let bestScore = Infinity;
    for (let filter = 0; filter <= 4; filter += 1) {
      const candidate = candidates[filter];
      let score = 0;
      for (let i = 0; i < stride; i += 1) {
        const value = (row[i] - predict(filter, row, previous, i)) & 0xff;
        candidate[i] = value;
        score += value < 128 ? value : 256 - value;
      }
      if (score < bestScore) {
        bestScore = score;
        best = filter;
      }
    }
    out[y * (stride + 1)] = best;
    candidates[best].copy(out, y * (stride + 1) + 1);
    previous = row;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(out, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's IHDR, or null if the bytes are not a PNG. */
export function readPngSize(png) {
  if (
    png.length < 24 ||
    !png.subarray(0, 8).equals(PNG_SIGNATURE) ||
    png.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    return null;
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what encodePng writes) back to pixels, for the tests. */
export function decodePng(png) {
  const size = readPngSize(png);
  if (!size) throw new Error('not a PNG');
  if (png[24] !== 8 || png[25] !== 6 || png[28] !== 0)
    throw new Error('only 8-bit RGBA, non-interlaced PNGs');
  const idat = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = size.width * 4;
  const rgba = Buffer.alloc(stride * size.height);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < size.height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    for (let i = 0; i < stride; i += 1) {
      row[i] = (raw[y * (stride + 1) + 1 + i] + predict(filter, row, previous, i)) & 0xff;
    }
    previous = row;
  }
  return { ...size, rgba };
}

/**
 * A 32-bit DIB for an ICO entry: BITMAPINFOHEADER (height doubled for the AND mask), BGRA rows bottom-up,
 * then the 1-bit AND mask (set where fully transparent) for programs that still read it.
 */
function icoBitmap(size, rgba) {
  const header = Buffer.alloc(40);
  const maskStride = Math.ceil(size / 32) * 4;
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y += 1) {
    const target = size - 1 - y;
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = (target * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
      if (rgba[from + 3] === 0) mask[target * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/**
 * A Windows .ico. Entries below 256 px are stored as 32-bit bitmaps and the 256 px one as PNG: every
 * Windows version, NSIS and resource editors read that combination (PNG entries below 256 px are not read
 * by all of them). `images` is [{ size, rgba, png }].
 */
export function encodeIco(images) {
  const sorted = [...images].sort((a, b) => a.size - b.size);
  const blobs = sorted.map((image) => (image.size >= 256 ? image.png : icoBitmap(image.size, image.rgba)));
  const directory = Buffer.alloc(6 + 16 * sorted.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(sorted.length, 4);
  let offset = directory.length;
  sorted.forEach((image, i) => {
    const entry = 6 + 16 * i;
    directory[entry] = image.size >= 256 ? 0 : image.size; // 0 means 256
    directory[entry + 1] = image.size >= 256 ? 0 : image.size;
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(blobs[i].length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += blobs[i].length;
  });
  return Buffer.concat([directory, ...blobs]);
}

/** The entries of an .ico: declared size, stored format and the real size of the stored image. */
export function parseIco(ico) {
  if (ico.length < 6 || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1)
    throw new Error('not an ICO file');
  const entries = [];
  for (let i = 0; i < ico.readUInt16LE(4); i += 1) {
    const at = 6 + 16 * i;
    const declared = ico[at] || 256;
    const length = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    const data = ico.subarray(offset, offset + length);
    if (data.length !== length) throw new Error(`ICO entry ${i} runs past the end of the file`);
    const png = readPngSize(data);
    entries.push(
      png
        ? { declared, format: 'png', width: png.width, height: png.height }
        : {
            declared,
            format: 'bmp',
            width: data.readInt32LE(4),
            height: data.readInt32LE(8) / 2,
            bits: data.readUInt16LE(14),
          },
    );
  }
  return entries;
}

/**
 * The PackBits-style run-length encoding of is32/il32: each colour channel separately; 0-127 = that many
 * plus one literal bytes follow, 128-255 = the next byte repeated (n - 125) times.
 */
function icnsRle(channel) {
  const out = [];
  let i = 0;
  while (i < channel.length) {
    let run = 1;
    while (i + run < channel.length && run < 130 && channel[i + run] === channel[i]) run += 1;
    if (run >= 3) {
      out.push(run + 125, channel[i]);
      i += run;
      continue;
    }
    const start = i;
    while (i < channel.length && i - start < 128) {
      if (i + 2 < channel.length && channel[i] === channel[i + 1] && channel[i] === channel[i + 2]) break;
      i += 1;
    }
    out.push(i - start - 1, ...channel.subarray(start, i));
  }
  return Buffer.from(out);
}

/** is32/il32 data (RLE RGB) and the matching s8mk/l8mk alpha mask for a 16 or 32 px image. */
export function icnsLegacyPair(size, rgba) {
  const channels = [0, 1, 2].map((c) =>
    Buffer.from(Array.from({ length: size * size }, (_, p) => rgba[p * 4 + c])),
  );
  const mask = Buffer.from(Array.from({ length: size * size }, (_, p) => rgba[p * 4 + 3]));
  return { rgb: Buffer.concat(channels.map(icnsRle)), mask };
}

/** The icns element types written, with the pixel size of each. */
export const ICNS_TYPES = {
  is32: 16, // RLE RGB, with the s8mk mask: what Finder uses for 16 px on non-Retina screens
  s8mk: 16,
  il32: 32, // likewise for 32 px, with l8mk
  l8mk: 32,
  ic11: 32, // PNG, 16 pt @2x
  ic12: 64, // PNG, 32 pt @2x
  ic07: 128,
  ic13: 256, // 128 pt @2x
  ic08: 256,
  ic14: 512, // 256 pt @2x
  ic09: 512,
  ic10: 1024, // 512 pt @2x
};

/** A macOS .icns from [{ type, data }] elements. */
export function encodeIcns(elements) {
  const parts = elements.map(({ type, data }) => {
    if (type.length !== 4) throw new Error(`bad icns type ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** The elements of an .icns: type, byte length and, for PNG elements, the image size. */
export function parseIcns(icns) {
  if (icns.toString('latin1', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) {
    throw new Error('not an icns file (or its length field is wrong)');
  }
  const elements = [];
  for (let offset = 8; offset < icns.length;) {
    const type = icns.toString('latin1', offset, offset + 4);
    const length = icns.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > icns.length) throw new Error(`icns element ${type} has a bad length`);
    const data = icns.subarray(offset + 8, offset + length);
    const png = readPngSize(data);
    elements.push({ type, length: data.length, ...(png ? { png: true, ...png } : { png: false }) });
    offset += length;
  }
  return elements;
}
