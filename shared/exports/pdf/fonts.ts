/**
 * The embedded fonts: upstream fontkit 2 behind a small adapter for pdf-lib, glyph coverage for choosing a
 * font per character, and cached measuring with the very font objects pdf-lib draws with.
 *
 * Why an adapter: pdf-lib was written against fontkit 1 (`subset.encodeStream()`); fontkit 2 has
 * `subset.encode()`, and the `@pdf-lib/fontkit` fork writes subsets whose glyphs render blank. The adapter
 * also replaces fontkit's shaping (`layout`) with a plain code point → glyph lookup: pdf-lib ignores the
 * positions shaping computes anyway, shaping costs ~100 µs a word, and Latin and CJK text need none of it. So
 * what we measure is exactly what is drawn: one glyph per character at its advance width.
 */
import { create, type Font, type Glyph, type Subset } from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { PdfFonts } from './model';

export type FaceKey = keyof PdfFonts;
export const FACE_KEYS: readonly FaceKey[] = ['regular', 'bold', 'italic', 'boldItalic', 'cjk'];

/**
 * PostScript names with a subset tag (six capital letters and `+`), as PDF readers expect for subsets. Fixed
 * tags keep the output reproducible.
 */
const SUBSET_NAMES: Record<FaceKey, string> = {
  regular: 'FWREGU',
  bold: 'FWBOLD',
  italic: 'FWITAL',
  boldItalic: 'FWBDIT',
  cjk: 'FWCJKR',
};

/** One font file: coverage and widths, cached (a report measures the same words thousands of times). */
export class Face {
  private readonly glyphs = new Map<number, Glyph>();
  private readonly widths = new Map<string, number>();
  private readonly scale: number;

  constructor(
    readonly key: FaceKey,
    readonly font: Font,
  ) {
    this.scale = 1 / font.unitsPerEm;
  }

  has(codePoint: number): boolean {
    return this.glyph(codePoint).id !== 0;
  }

  glyph(codePoint: number): Glyph {
    let glyph = this.glyphs.get(codePoint);
    if (!glyph) {
      glyph = this.font.glyphForCodePoint(codePoint);
      this.glyphs.set(codePoint, glyph);
    }
    return glyph;
  }

  /** Advance width of `text` at size 1 (multiply by the font size). */
  width(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = 0;
      for (const ch of text) width += this.glyph(ch.codePointAt(0) ?? 0).advanceWidth;
      width *= this.scale;
      this.widths.set(text, width);
    }
    return width;
  }

  /** Height of capital letters at size 1 (for centring the watermark). */
  get capHeight(): number {
    return (this.font.capHeight || this.font.ascent * 0.7) * this.scale;
  }

  /** What pdf-lib's `font.layout(text)` returns through the adapter: one glyph per code point. */
  layout(text: string): { glyphs: Glyph[] } {
    return { glyphs: Array.from(text, (ch) => this.glyph(ch.codePointAt(0) ?? 0)) };
  }
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** The five faces of a report and their PDF fonts, embedded (as subsets) on first use. */
export class FontSet {
  readonly faces: Record<FaceKey, Face>;
  private readonly byBytes = new Map<Uint8Array, Font>();
  private readonly embedded = new Map<FaceKey, Promise<PDFFont>>();

  constructor(private readonly files: PdfFonts) {
    const open = (key: FaceKey): Face => {
      const font = create(files[key]);
      const face = new Face(key, font);
      patchForPdfLib(font, face);
      this.byBytes.set(files[key], font);
      return face;
    };
    this.faces = {
      regular: open('regular'),
      bold: open('bold'),
      italic: open('italic'),
      boldItalic: open('boldItalic'),
      cjk: open('cjk'),
    };
  }

  /** Lets pdf-lib open our fonts: it gets back the same patched fontkit objects we measure with. */
  register(doc: PDFDocument): void {
    const adapter = {
      create: (data: Uint8Array) => {
        const known = this.byBytes.get(data);
        if (known) return known;
        const font = create(data);
        patchForPdfLib(font, new Face('regular', font));
        return font;
      },
    };
    // pdf-lib types its own copy of the fontkit 1 API; the patched fontkit 2 font provides what it calls.
    doc.registerFontkit(adapter as unknown as Fontkit);
  }

  /** The PDF font for a face, embedded as a subset the first time a page uses it. */
  pdfFont(doc: PDFDocument, key: FaceKey): Promise<PDFFont> {
    let font = this.embedded.get(key);
    if (!font) {
      const name = `${SUBSET_NAMES[key]}+${this.faces[key].font.postscriptName || 'NotoSans'}`;
      font = doc.embedFont(this.files[key], { subset: true, customName: name });
      this.embedded.set(key, font);
    }
    return font;
  }
}

/** Gives a fontkit 2 font the two things pdf-lib 1.17 calls: a cheap `layout` and `subset.encodeStream()`. */
function patchForPdfLib(font: Font, face: Face): void {
  const createSubset = font.createSubset.bind(font);
  Object.assign(font, {
    layout: (text: string) => face.layout(text),
    createSubset: () => Object.assign(createSubset(), { encodeStream }),
  });
}

type Listener = (value?: unknown) => void;

/**
 * A stand-in for fontkit 1's stream: pdf-lib attaches `data`, `end` and `error` listeners, then waits. The
 * bytes are delivered on the next microtask, after the listeners are in place.
 */
function encodeStream(this: Subset) {
  const listeners = new Map<string, Listener>();
  const stream = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return stream;
    },
  };
  void Promise.resolve().then(() => {
    try {
      const bytes = this.encode();
      listeners.get('data')?.(bytes);
      listeners.get('end')?.();
    } catch (error) {
      listeners.get('error')?.(error);
    }
  });
  return stream;
}
