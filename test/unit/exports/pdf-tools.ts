/**
 * Reading PDFs back with the programs people and printers rely on: qpdf (structure), poppler's pdftotext,
 * pdffonts, pdfinfo and pdftoppm (text, fonts, metadata and rendered pixels). Each call writes the bytes to
 * a temporary directory and removes it afterwards. Debian packages: qpdf, poppler-utils.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOOLS = ['qpdf', 'pdftotext', 'pdffonts', 'pdftoppm', 'pdfinfo'] as const;

/** True when every tool is on the PATH. */
export const hasPdfTools = TOOLS.every((tool) => !spawnSync(tool, ['-v'], { encoding: 'utf8' }).error);

export const PDF_TOOLS_MISSING =
  'qpdf and poppler-utils are not installed: apt-get install qpdf poppler-utils';

/** Saves the bytes as `in.pdf` in a new temporary directory, runs `run`, then removes the directory. */
function withPdf<T>(bytes: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function exec(tool: string, args: string[], allowStatus: number[] = [0]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (!allowStatus.includes(result.status ?? -1)) {
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return result.stdout + result.stderr;
}

/** `qpdf --check`: `ok` only with no errors and no warnings (exit status 0). */
export function qpdfCheck(bytes: Uint8Array): { ok: boolean; output: string } {
  return withPdf(bytes, (file) => {
    const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  });
}

/** `qpdf --json` limited to one key (e.g. `outlines`). */
export function qpdfJson(bytes: Uint8Array, key: string): unknown {
  return withPdf(bytes, (file) => JSON.parse(exec('qpdf', ['--json', `--json-key=${key}`, file])) as unknown);
}

/**
 * Text as pdftotext extracts it: the whole document, or one page (1-based). `layout` keeps the columns where
 * they are on the page (a table cell's wrapped lines are interleaved with its neighbours'); `raw` follows the
 * drawing order, in which each cell's lines come together (best for finding a sentence that wraps in a cell).
 */
export function pdfText(bytes: Uint8Array, page?: number, mode: 'layout' | 'raw' = 'layout'): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return withPdf(bytes, (file) => exec('pdftotext', [`-${mode}`, ...range, file, '-']));
}

/** The text of every page (index 0 = page 1), from one run of pdftotext (pages end with a form feed). */
export function pdfPageTexts(bytes: Uint8Array): string[] {
  const pages = pdfText(bytes).split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

export interface PdfWord {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points, top-down (`pdftotext -bbox`). */
export function pdfWords(bytes: Uint8Array): PdfWord[] {
  const html = withPdf(bytes, (file) => exec('pdftotext', ['-bbox', file, '-']));
  const words: PdfWord[] = [];
  let page = 0;
  const pattern =
    /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(pattern)) {
    if (match[0] === '<page ') {
      page += 1;
      continue;
    }
    words.push({
      page,
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
      text: decodeEntities(match[5] ?? ''),
    });
  }
  return words;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** `pdffonts`: one row per font. */
export function pdfFonts(bytes: Uint8Array): PdfFontRow[] {
  const out = withPdf(bytes, (file) => exec('pdffonts', [file]));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object id, generation
      const parts = line.trim().split(/\s+/);
      const [uni, sub, emb] = parts.slice(-5, -2).reverse();
      return {
        name: parts[0] ?? '',
        type: parts.slice(1, -6).join(' '),
        embedded: emb === 'yes',
        subset: sub === 'yes',
        unicode: uni === 'yes',
      };
    });
}

/** `pdfinfo`: `Title`, `Author`, `Pages`… */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withPdf(bytes, (file) => exec('pdfinfo', ['-isodates', file]));
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const match = /^([A-Za-z ]+):\s*(.*)$/.exec(line);
    if (match?.[1]) info[match[1]] = match[2] ?? '';
  }
  return info;
}

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black, 255 = white, rows top to bottom. */
  pixels: Uint8Array;
}

/** A region in points, top-down. */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Renders one page (1-based) in grey with pdftoppm, optionally only `region`, at `dpi`. */
export function renderGray(bytes: Uint8Array, page: number, region?: Region, dpi = 72): GrayImage {
  return withPdf(bytes, (file, dir) => {
    const scale = dpi / 72;
    const crop = region
      ? [
          '-x',
          String(Math.floor(region.x * scale)),
          '-y',
          String(Math.floor(region.y * scale)),
          '-W',
          String(Math.ceil(region.w * scale)),
          '-H',
          String(Math.ceil(region.h * scale)),
        ]
      : [];
    const out = join(dir, 'page');
    exec('pdftoppm', [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      ...crop,
      file,
      out,
    ]);
    return parsePgm(readFileSync(`${out}.pgm`));
  });
}

/** Parses a binary PGM (P5) file with 8-bit samples. */
export function parsePgm(data: Uint8Array): GrayImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < data.length && /\s/.test(String.fromCharCode(data[pos] ?? 0))) pos += 1;
      if (data[pos] === 0x23) {
        while (pos < data.length && data[pos] !== 0x0a) pos += 1;
        continue;
      }
      break;
    }
    let text = '';
    while (pos < data.length && !/\s/.test(String.fromCharCode(data[pos] ?? 0))) {
      text += String.fromCharCode(data[pos] ?? 0);
      pos += 1;
    }
    return text;
  };
  if (token() !== 'P5') throw new Error('Not a binary PGM file.');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  if (max > 255) throw new Error('16-bit PGM is not supported.');
  pos += 1; // the single whitespace after the header
  return { width, height, pixels: data.subarray(pos, pos + width * height) };
}

/** Pixels darker than `threshold` (0..255). */
export function inkCount(image: GrayImage, threshold = 128): number {
  let n = 0;
  for (const value of image.pixels) if (value < threshold) n += 1;
  return n;
}

/** Dark pixels in a region of a page (points, top-down), rendered at `dpi`. */
export function inkOfRegion(bytes: Uint8Array, page: number, region: Region, dpi = 144): number {
  return inkCount(renderGray(bytes, page, region, dpi));
}
