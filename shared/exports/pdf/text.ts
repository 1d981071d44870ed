/**
 * Setting text: choosing a font for every character (Latin face by style, the CJK face as fallback, a
 * visible placeholder when no font has it), and breaking runs into lines that fit a width.
 */
import type { Run } from './model';
import type { FaceKey, FontSet } from './fonts';

/** Text in one font at a horizontal offset from the left edge of its box. */
export interface Chunk {
  face: FaceKey;
  text: string;
  x: number;
}

export interface Line {
  chunks: Chunk[];
  width: number;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextStyle {
  size: number;
  /** Applies to every run (headings); a run's own `bold`/`italic` adds to it. */
  bold?: boolean;
  italic?: boolean;
  align?: Align;
}

interface Piece {
  face: FaceKey;
  text: string;
  width: number;
}

type Token =
  { kind: 'word'; pieces: Piece[]; width: number } | { kind: 'space'; piece: Piece } | { kind: 'break' };

/** Symbols our fonts lack, drawn with a look-alike the fonts have (Noto Sans has no ✗; Noto Sans JP has ✓). */
const SUBSTITUTES: Record<string, string> = {
  '\u2717': '\u00d7', // ✗ → ×
  '\u2718': '\u00d7', // ✘ → ×
  '\u2714': '\u2713', // ✔ → ✓
  '\u2610': '\u25a1', // ☐ → □
};

/** CJK closing punctuation, which must not start a line (it stays with the character before it). */
const CJK_CLOSERS = new Set([...'、。，．・：；？！）］｝」』】〕〉》ー']);

const EPSILON = 0.001;

export class Typesetter {
  /** Characters no font could draw, in order of first appearance. */
  readonly missing = new Set<string>();
  private readonly choices = new Map<string, FaceKey | null>();
  private readonly placeholder: Piece;

  constructor(readonly fonts: FontSet) {
    const square = fonts.faces.cjk.has(0x25a1);
    this.placeholder = square
      ? { face: 'cjk', text: '\u25a1', width: 0 }
      : { face: 'regular', text: '?', width: 0 };
  }

  /** Width of `text` in one face at `size`. */
  width(face: FaceKey, text: string, size: number): number {
    return this.fonts.faces[face].width(text) * size;
  }

  /** Breaks `runs` into lines no wider than `maxWidth`; `\n` forces a break. */
  wrap(runs: readonly Run[], maxWidth: number, style: TextStyle): Line[] {
    const lines = new LineBuilder(maxWidth, style.align ?? 'left');
    for (const token of this.tokenize(runs, style)) {
      if (token.kind === 'break') lines.finish(true);
      else if (token.kind === 'space') lines.space(token.piece);
      else {
        if (!lines.fits(token.width)) lines.finish(false);
        if (!lines.empty || token.width <= maxWidth + EPSILON) {
          lines.add(token.pieces, token.width);
          continue;
        }
        // A word wider than the whole line (a long URL, a file hash): break it between characters.
        for (const piece of token.pieces) {
          for (const ch of piece.text) {
            const w = this.width(piece.face, ch, style.size);
            if (!lines.fits(w)) lines.finish(false);
            lines.add([{ face: piece.face, text: ch, width: w }], w);
          }
        }
      }
    }
    return lines.done();
  }

  /** The longest start of `text` (plus an ellipsis) that fits `maxWidth`, on one line. */
  fit(text: string, maxWidth: number, style: TextStyle): Line {
    const line = this.wrap([{ text: text.replace(/\n/g, ' ') }], Number.POSITIVE_INFINITY, style)[0];
    if (!line || line.width <= maxWidth) return line ?? { chunks: [], width: 0 };
    const chars = [...text.replace(/\n/g, ' ')];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const candidate = this.wrap(
        [{ text: `${chars.slice(0, mid).join('').trimEnd()}\u2026` }],
        Number.POSITIVE_INFINITY,
        style,
      )[0];
      if (candidate && candidate.width <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    const fitted = this.wrap(
      [{ text: `${chars.slice(0, lo).join('').trimEnd()}\u2026` }],
      Number.POSITIVE_INFINITY,
      style,
    )[0];
    return fitted ?? { chunks: [], width: 0 };
  }

  private tokenize(runs: readonly Run[], style: TextStyle): Token[] {
    const tokens: Token[] = [];
    let word: Piece[] = [];
    let wordWidth = 0;
    const flush = () => {
      if (word.length > 0) tokens.push({ kind: 'word', pieces: word, width: wordWidth });
      word = [];
      wordWidth = 0;
    };
    for (const run of runs) {
      const bold = Boolean(style.bold || run.bold);
      const italic = Boolean(style.italic || run.italic);
      const primary: FaceKey = bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
      for (const ch of clean(run.text)) {
        if (ch === '\n') {
          flush();
          tokens.push({ kind: 'break' });
        } else if (ch === ' ') {
          flush();
          tokens.push({ kind: 'space', piece: this.piece(primary, ' ', style.size) });
        } else if (isCjkBreakable(ch)) {
          flush();
          const piece = this.piece(primary, ch, style.size);
          const last = tokens[tokens.length - 1];
          if (CJK_CLOSERS.has(ch) && last?.kind === 'word') {
            appendPiece(last.pieces, piece);
            last.width += piece.width;
          } else tokens.push({ kind: 'word', pieces: [piece], width: piece.width });
        } else {
          const piece = this.piece(primary, ch, style.size);
          appendPiece(word, piece);
          wordWidth += piece.width;
        }
      }
    }
    flush();
    return tokens;
  }

  /** One character in the face that can draw it, or the placeholder. */
  private piece(primary: FaceKey, ch: string, size: number): Piece {
    const face = this.faceFor(primary, ch);
    if (face) return { face, text: ch, width: this.width(face, ch, size) };
    const substitute = SUBSTITUTES[ch];
    if (substitute) {
      const other = this.faceFor(primary, substitute);
      if (other) return { face: other, text: substitute, width: this.width(other, substitute, size) };
    }
    this.missing.add(ch);
    const { face: pf, text } = this.placeholder;
    return { face: pf, text, width: this.width(pf, text, size) };
  }

  private faceFor(primary: FaceKey, ch: string): FaceKey | null {
    const key = primary + ch;
    let face = this.choices.get(key);
    if (face === undefined) {
      const cp = ch.codePointAt(0) ?? 0;
      const { faces } = this.fonts;
      if (faces[primary].has(cp)) face = primary;
      else if (faces.regular.has(cp)) face = 'regular';
      else if (faces.cjk.has(cp)) face = 'cjk';
      else face = null;
      this.choices.set(key, face);
    }
    return face;
  }
}

/** Greedy line filling: words are added while they fit; a space is kept only between words. */
class LineBuilder {
  private readonly lines: Line[] = [];
  private items: Piece[] = [];
  private width = 0;
  private pendingSpace: Piece | null = null;

  constructor(
    private readonly maxWidth: number,
    private readonly align: Align,
  ) {}

  get empty(): boolean {
    return this.items.length === 0;
  }

  /** Whether a word of width `w` still fits on the current line (always true on an empty line). */
  fits(w: number): boolean {
    if (this.empty) return true;
    const gap = this.pendingSpace ? this.pendingSpace.width : 0;
    return this.width + gap + w <= this.maxWidth + EPSILON;
  }

  space(piece: Piece): void {
    if (!this.empty) this.pendingSpace = piece;
  }

  add(pieces: Piece[], w: number): void {
    if (this.pendingSpace && !this.empty) {
      this.items.push(this.pendingSpace);
      this.width += this.pendingSpace.width;
    }
    this.pendingSpace = null;
    this.items.push(...pieces);
    this.width += w;
  }

  finish(last: boolean): void {
    this.lines.push(makeLine(this.items, this.width, this.maxWidth, this.align, last));
    this.items = [];
    this.width = 0;
    this.pendingSpace = null;
  }

  done(): Line[] {
    if (!this.empty) this.finish(true);
    return this.lines;
  }
}

/** Adds a character to a word, extending the last piece when it is in the same face. */
function appendPiece(pieces: Piece[], piece: Piece): void {
  const last = pieces[pieces.length - 1];
  if (last && last.face === piece.face) {
    last.text += piece.text;
    last.width += piece.width;
  } else pieces.push({ ...piece });
}

/**
 * Positions the pieces of one line. Left, centred and right lines merge neighbours in the same face into
 * one chunk (fewer drawing operations); justified lines spread the spaces and draw word by word.
 */
function makeLine(items: Piece[], width: number, maxWidth: number, align: Align, last: boolean): Line {
  while (items.length > 0 && items[items.length - 1]?.text === ' ') width -= items.pop()?.width ?? 0;
  const spaces = items.filter((p) => p.text === ' ').length;
  const justify = align === 'justify' && !last && spaces > 0 && Number.isFinite(maxWidth);
  const extra = justify ? (maxWidth - width) / spaces : 0;
  let x = 0;
  if (Number.isFinite(maxWidth)) {
    if (align === 'center') x = (maxWidth - width) / 2;
    else if (align === 'right') x = maxWidth - width;
  }
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  for (const item of items) {
    if (justify && item.text === ' ') {
      x += item.width + extra;
      current = null;
      continue;
    }
    if (current && current.face === item.face) current.text += item.text;
    else {
      current = { face: item.face, text: item.text, x };
      chunks.push(current);
    }
    x += item.width;
  }
  return { chunks, width: justify ? maxWidth : width };
}

/** NFC text with line endings as `\n`, tabs as spaces, and invisible control characters removed. */
function clean(text: string): string {
  const normalized = text.normalize('NFC');
  let out = '';
  for (let i = 0; i < normalized.length; i += 1) {
    const code = normalized.charCodeAt(i);
    if (code === 13) {
      if (normalized.charCodeAt(i + 1) !== 10) out += '\n';
    } else if (code === 9) out += ' ';
    else if (code === 10 || (code >= 32 && code !== 127 && !(code >= 0x80 && code < 0xa0) && code !== 0xad))
      out += normalized[i];
  }
  return out;
}

/** Characters between which a line may break without a space (Chinese, Japanese, Korean). */
function isCjkBreakable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}
