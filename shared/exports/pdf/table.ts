/**
 * Tables: columns share the text width by their relative weights; the bold, shaded header row repeats at the
 * top of every page the table continues on; group rows span the table; a row moves to the next page when it
 * does not fit, and is split between lines only when it is taller than a page.
 */
import type { PreparedBlock } from './blocks';
import type { PdfBlock, Run, TableColumn } from './model';
import {
  drawRowPart,
  placeRow,
  rowHeight,
  rowLead,
  rowLineCount,
  type RowBreaks,
  type RowSpec,
} from './rows';
import type { Typesetter } from './text';
import { BODY, COLOR, SIZE, SPACE, type Color } from './theme';

type TableBlock = Extract<PdfBlock, { kind: 'table' }>;

/** Rows between progress reports (and chances to cancel). */
const TICK_ROWS = 25;

/** A table up to this tall is kept on one page (a short table split over two pages reads badly). */
const KEEP_WHOLE = 200;

interface Column {
  x: number;
  width: number;
}

/** Column positions: widths in proportion to the weights, the last one ending exactly at the margin. */
export function columnLayout(columns: readonly TableColumn[]): Column[] {
  const weights = columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let x = BODY.left;
  return weights.map((w, i) => {
    const width = i === weights.length - 1 ? BODY.right - x : (BODY.width * w) / total;
    const column = { x, width };
    x += width;
    return column;
  });
}

export function prepareTable(block: TableBlock, ts: Typesetter): PreparedBlock {
  const size = block.size === 'small' ? SIZE.tableSmall : SIZE.table;
  const lineHeight = size * 1.35;
  const columns = columnLayout(block.columns);
  const cellRow = (
    cells: readonly Run[][],
    style: { bold?: boolean; color: Color; fill?: Color },
  ): RowSpec => ({
    cells: columns.map((col, i) => ({
      x: col.x,
      width: col.width,
      lines: ts.wrap(cells[i] ?? [], col.width - 2 * SPACE.cellX, { size, bold: style.bold ?? false }),
      size,
      color: style.color,
      padX: SPACE.cellX,
    })),
    style: {
      lineHeight,
      padY: SPACE.cellY,
      fill: style.fill,
      border: 'grid',
      borderColor: COLOR.rule,
      borderWidth: 0.5,
    },
  });
  const header = cellRow(
    block.columns.map((c) => [{ text: c.header }]),
    { bold: true, color: COLOR.text, fill: COLOR.shade },
  );
  const rows: RowSpec[] = block.rows.map((row) => {
    if (row.kind === 'group') {
      return {
        cells: [
          {
            x: BODY.left,
            width: BODY.width,
            lines: ts.wrap(row.runs, BODY.width - 2 * SPACE.cellX, { size, bold: true }),
            size,
            color: COLOR.text,
            padX: SPACE.cellX,
          },
        ],
        style: {
          lineHeight,
          padY: SPACE.cellY,
          fill: COLOR.shadeLight,
          border: 'grid',
          borderColor: COLOR.rule,
          borderWidth: 0.5,
        },
      };
    }
    const tone = row.tone;
    return cellRow(row.cells, {
      color: tone === 'muted' ? COLOR.grey : COLOR.text,
      ...(tone === 'exception' ? { fill: COLOR.tint } : {}),
    });
  });
  const captionSize = SIZE.body;
  const captionLineHeight = captionSize * 1.35;
  const caption = block.caption
    ? ts.wrap([{ text: block.caption }], BODY.width, { size: captionSize, bold: true })
    : [];
  const captionHeight = caption.length > 0 ? caption.length * captionLineHeight + 4 : 0;
  const headerHeight = rowHeight(header);
  const wholeHeight = rows.reduce((h, row) => h + rowHeight(row), captionHeight + headerHeight);
  const lead = (capacity: number) =>
    wholeHeight <= KEEP_WHOLE
      ? wholeHeight
      : captionHeight + headerHeight + firstRowLead(rows, headerHeight, capacity);
  return {
    lead: lead(BODY.bottom - BODY.top),
    async place(p) {
      const { flow } = p;
      if (!flow.fresh && !flow.fits(lead(flow.capacity))) flow.newPage();
      for (const line of caption) flow.line(line, BODY.left, captionSize, captionLineHeight, COLOR.text);
      if (caption.length > 0) flow.skip(4);
      const drawHeader = () => drawRowPart(flow, header, 0, rowLineCount(header));
      drawHeader();
      const breaks: RowBreaks = {
        capacity: flow.capacity - headerHeight,
        continueOnNewPage: () => {
          flow.newPage();
          drawHeader();
          flow.markFresh();
        },
        keepTogether: true,
        minFirst: 2,
        minLast: 1,
      };
      for (let i = 0; i < rows.length; i += 1) {
        const row = rows[i];
        if (!row) continue;
        if (block.rows[i]?.kind === 'group') {
          // A group row stays with the row under it: with all of it when that row moves whole (rows that
          // fit on a page are kept together), else with its first lines.
          const next = rows[i + 1];
          const nextNeed = next ? (rowHeight(next) <= breaks.capacity ? rowHeight(next) : rowLead(next)) : 0;
          const need = rowHeight(row) + nextNeed;
          if (!flow.fresh && !flow.fits(need)) breaks.continueOnNewPage();
        }
        placeRow(flow, row, breaks);
        if (i % TICK_ROWS === TICK_ROWS - 1) await p.tick(TICK_ROWS);
      }
      await p.tick(rows.length % TICK_ROWS);
      flow.skip(SPACE.afterTable);
    },
  };
}

/**
 * How much of the first row must fit under the header: all of it when it fits on a page (it would move
 * whole and leave the header alone), else its first two lines.
 */
function firstRowLead(rows: readonly RowSpec[], headerHeight: number, capacity: number): number {
  const first = rows[0];
  if (!first) return 0;
  return rowHeight(first) <= capacity - headerHeight ? rowHeight(first) : rowLead(first);
}
