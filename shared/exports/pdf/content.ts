/**
 * A laid-out page as a list of drawing operations (top-down coordinates), and their translation into a
 * PDF content stream. Writing the stream ourselves keeps one font resource per face per page (pdf-lib's
 * `drawText` adds a new resource entry on every call) and keeps large reports fast.
 */
import type { FaceKey } from './fonts';
import type { Line } from './text';
import { PAGE, type Color } from './theme';

export type Op =
  | {
      kind: 'text';
      /** Left edge of the line's box and its baseline, top-down. */
      x: number;
      baseline: number;
      size: number;
      color: Color;
      line: Line;
      /** Counter-clockwise rotation in degrees (the watermark). */
      angle?: number;
      /** Drawn through the page's translucent graphics state. */
      translucent?: boolean;
      /** What text extraction reports for this line instead of its glyphs. */
      actualText?: string;
    }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: Color; stroke?: Color; width?: number }
  | {
      kind: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: Color;
      width: number;
      dotted?: boolean;
    };

/** A clickable area (top-down) that jumps to a place in the document. */
export interface LinkArea {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Index of the target page in the whole document, and the top-down position on it. */
  page: number;
  top: number;
}

export interface PageLayout {
  ops: Op[];
  links: LinkArea[];
  /** Whether the running header and footer are printed (not on the cover). */
  running: boolean;
}

/** What the writer needs from the embedded fonts: the resource name and the glyph codes of a text. */
export interface FontResources {
  name(face: FaceKey): string;
  encode(face: FaceKey, text: string): string;
}

/** Name of the translucent graphics state in every page's resources. */
export const TRANSLUCENT = 'GS0';

export function facesOf(ops: readonly Op[]): Set<FaceKey> {
  const faces = new Set<FaceKey>();
  for (const op of ops) if (op.kind === 'text') for (const chunk of op.line.chunks) faces.add(chunk.face);
  return faces;
}

/** The page's content stream (uncompressed text). */
export function contentStream(ops: readonly Op[], fonts: FontResources): string {
  const out: string[] = [];
  for (const op of ops) {
    if (op.kind === 'text') writeText(out, op, fonts);
    else if (op.kind === 'rect') writeRect(out, op);
    else writeLine(out, op);
  }
  return out.join('\n');
}

function writeText(out: string[], op: Extract<Op, { kind: 'text' }>, fonts: FontResources): void {
  if (op.line.chunks.length === 0) return;
  const radians = ((op.angle ?? 0) * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const y = PAGE.height - op.baseline;
  if (op.translucent) out.push(`q /${TRANSLUCENT} gs`);
  const marked = op.actualText !== undefined;
  if (marked) out.push(`/Span << /ActualText ${utf16Hex(op.actualText ?? '')} >> BDC`);
  out.push(`BT ${rgb(op.color)} rg`);
  let face: FaceKey | null = null;
  for (const chunk of op.line.chunks) {
    if (chunk.face !== face) {
      face = chunk.face;
      out.push(`/${fonts.name(face)} ${num(op.size)} Tf`);
    }
    const cx = op.x + chunk.x * cos;
    const cy = y + chunk.x * sin;
    const matrix = op.angle ? `${num(cos, 4)} ${num(sin, 4)} ${num(-sin, 4)} ${num(cos, 4)}` : '1 0 0 1';
    out.push(`${matrix} ${num(cx)} ${num(cy)} Tm ${fonts.encode(face, chunk.text)} Tj`);
  }
  out.push('ET');
  if (marked) out.push('EMC');
  if (op.translucent) out.push('Q');
}

function writeRect(out: string[], op: Extract<Op, { kind: 'rect' }>): void {
  const box = `${num(op.x)} ${num(PAGE.height - op.y - op.h)} ${num(op.w)} ${num(op.h)} re`;
  if (op.fill && op.stroke) {
    out.push(`${rgb(op.fill)} rg ${rgb(op.stroke)} RG ${num(op.width ?? 0.5)} w ${box} B`);
  } else if (op.fill) out.push(`${rgb(op.fill)} rg ${box} f`);
  else if (op.stroke) out.push(`${rgb(op.stroke)} RG ${num(op.width ?? 0.5)} w ${box} S`);
}

function writeLine(out: string[], op: Extract<Op, { kind: 'line' }>): void {
  const style = op.dotted ? '[0 2.5] 0 d 1 J' : '[] 0 d 0 J';
  const path = `${num(op.x1)} ${num(PAGE.height - op.y1)} m ${num(op.x2)} ${num(PAGE.height - op.y2)} l S`;
  out.push(`q ${rgb(op.color)} RG ${num(op.width)} w ${style} ${path} Q`);
}

function rgb(color: Color): string {
  return color.map((c) => num(c, 3)).join(' ');
}

/** A number as PDF writes it: no exponent, at most `digits` decimals, no trailing zeros. */
function num(value: number, digits = 2): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A PDF text string in UTF-16BE with its byte order mark, as a hex string. */
function utf16Hex(text: string): string {
  if (text === '') return '<>';
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}
