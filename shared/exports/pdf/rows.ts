/**
 * Rows of side-by-side cells of wrapped lines: table rows, list items, label/value facts, and (one cell)
 * paragraphs and framed boxes. A row that does not fit the rest of the page moves to the next page; a row
 * taller than a whole page is split between lines, each part drawn with its own background and rules, so no
 * text ever leaves its cell or the page.
 */
import type { Flow } from './flow';
import type { Line } from './text';
import { baselineOffset, type Color } from './theme';

export interface CellSpec {
  x: number;
  width: number;
  lines: Line[];
  size: number;
  color: Color;
  /** Horizontal padding inside the cell (the lines start at `x + padX`). */
  padX: number;
}

export interface RowStyle {
  lineHeight: number;
  padY: number;
  fill?: Color;
  /** `grid`: every cell framed; `box`: the row framed; `below`: a rule under the row. */
  border?: 'grid' | 'box' | 'below';
  borderColor?: Color;
  borderWidth?: number;
}

export interface RowSpec {
  cells: CellSpec[];
  style: RowStyle;
}

export interface RowBreaks {
  /** Usable height of a page after `continueOnNewPage` (less a repeated table header). */
  capacity: number;
  /** Starts a new page and draws what repeats on it (a table header); must leave the flow `fresh`. */
  continueOnNewPage: () => void;
  /**
   * Table rows and facts move whole to the next page when they fit on one (split only when taller than a
   * page); paragraphs and list items flow on, split between lines.
   */
  keepTogether: boolean;
  /** Fewest lines left at the foot of a page when a row is split (orphans) and carried over (widows). */
  minFirst: number;
  minLast: number;
}

const EPSILON = 0.01;

export function rowLineCount(row: RowSpec): number {
  let n = 1;
  for (const cell of row.cells) n = Math.max(n, cell.lines.length);
  return n;
}

export function rowHeight(row: RowSpec, lines = rowLineCount(row)): number {
  return 2 * row.style.padY + lines * row.style.lineHeight;
}

/** Height of the start of a row that must stay with what comes before it (a heading, a table header). */
export function rowLead(row: RowSpec, lines = 2): number {
  return rowHeight(row, Math.min(lines, rowLineCount(row)));
}

/** Places a whole row, moving it to the next page or splitting it as described above. */
export function placeRow(flow: Flow, row: RowSpec, breaks: RowBreaks): void {
  const total = rowLineCount(row);
  const { padY, lineHeight } = row.style;
  let from = 0;
  for (;;) {
    const rest = total - from;
    if (flow.fits(rowHeight(row, rest))) {
      drawRowPart(flow, row, from, rest);
      return;
    }
    const wholeFitsNextPage = rowHeight(row, rest) <= breaks.capacity + EPSILON;
    if (!(breaks.keepTogether && wholeFitsNextPage) || flow.fresh) {
      const fit = Math.floor((flow.remaining - 2 * padY + EPSILON) / lineHeight);
      // Keep at least `minLast` lines for the next page, and at least `minFirst` on this one (one line on
      // an empty page, which is always possible, so the loop always advances).
      let take = Math.min(fit, rest - Math.min(breaks.minLast, rest - 1));
      const least = flow.fresh ? 1 : Math.min(breaks.minFirst, rest);
      if (take < least && flow.fresh) take = Math.max(1, Math.min(fit, rest));
      if (take >= least && take > 0) {
        drawRowPart(flow, row, from, take);
        from += take;
      }
    }
    breaks.continueOnNewPage();
  }
}

/** Draws lines `from`..`from + count` of every cell as one row part at the cursor, and moves below it. */
export function drawRowPart(flow: Flow, row: RowSpec, from: number, count: number): void {
  const { style } = row;
  const height = 2 * style.padY + count * style.lineHeight;
  const first = row.cells[0];
  const last = row.cells[row.cells.length - 1];
  if (!first || !last) return;
  const left = first.x;
  const width = last.x + last.width - left;
  const top = flow.y;
  if (style.fill) flow.add({ kind: 'rect', x: left, y: top, w: width, h: height, fill: style.fill });
  const stroke = style.borderColor;
  const strokeWidth = style.borderWidth ?? 0.5;
  if (stroke && style.border === 'grid') {
    for (const cell of row.cells) {
      flow.add({ kind: 'rect', x: cell.x, y: top, w: cell.width, h: height, stroke, width: strokeWidth });
    }
  } else if (stroke && style.border === 'box') {
    flow.add({ kind: 'rect', x: left, y: top, w: width, h: height, stroke, width: strokeWidth });
  } else if (stroke && style.border === 'below') {
    const y = top + height;
    flow.add({ kind: 'line', x1: left, y1: y, x2: left + width, y2: y, color: stroke, width: strokeWidth });
  }
  for (const cell of row.cells) {
    const lines = cell.lines.slice(from, from + count);
    lines.forEach((line, i) => {
      const lineTop = top + style.padY + i * style.lineHeight;
      flow.add({
        kind: 'text',
        x: cell.x + cell.padX,
        baseline: lineTop + baselineOffset(cell.size, style.lineHeight),
        size: cell.size,
        color: cell.color,
        line,
      });
    });
  }
  flow.y = top + height;
}
