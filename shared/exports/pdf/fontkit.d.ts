/**
 * The slice of upstream `fontkit` 2.x (which ships no type declarations) that the PDF engine uses: opening a
 * TrueType file, looking up glyphs by code point, and writing a subset.
 */
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly codePoints: number[];
    /** In font units (`unitsPerEm` per em). */
    readonly advanceWidth: number;
  }

  export interface Subset {
    includeGlyph(glyph: number | Glyph): number;
    /** fontkit 2: the subset font file as bytes (fontkit 1 had `encodeStream()`). */
    encode(): Uint8Array;
  }

  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string, features?: unknown): { glyphs: Glyph[] };
    createSubset(): Subset;
  }

  export function create(data: Uint8Array, postscriptName?: string): Font;
}
