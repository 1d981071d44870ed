/**
 * Writes one table sheet: a bold, filled header row frozen at the top, one row per record, an autofilter
 * over the table, column widths from the content (capped, long text wrapped), rows tall enough for their
 * wrapped text, and a landscape page that fits the width and repeats the header row.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { columnLetter, dateCell, dateTimeCell, displayWidth, linkCell, textCell } from './cells';
import type { Column, ColumnKind, Tone } from './columns';
import type { Pace } from './pace';
import type { EvidenceSheetName } from './types';
import { cellStyle, HEADER_STYLE } from './styles';

export interface TableSpec<R> {
  readonly name: EvidenceSheetName;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  /** A tone for the whole row (an item with an exception), shown lightly on every cell. */
  readonly rowTone?: (row: R) => Tone | null;
  /** Columns kept in view when scrolling right; 1 (the reference column) unless said otherwise. */
  readonly frozenColumns?: number;
}

/** What every page of the printed workbook says at its foot. */
export interface PageFooter {
  readonly left: string;
  readonly centre: string;
}

/** The row a table's records start on (the header is row 1). */
export const FIRST_ROW = 2;

const LINE_HEIGHT = 15;
const MAX_LINES = 15;

const MAX_WIDTHS: Record<ColumnKind, number> = {
  text: 36,
  long: 60,
  code: 54,
  date: 12,
  datetime: 17,
  number: 14,
  percent: 12,
  link: 30,
  mark: 8,
};

/** Kinds whose text wraps (and so can make a row taller). */
const WRAPPED: ReadonlySet<ColumnKind> = new Set(['text', 'long', 'code', 'link']);

interface Prepared {
  value: CellValue;
  tone: Tone | null;
  /** A link column's cell that is plain text. */
  plain?: boolean;
}

function prepare<R>(column: Column<R>, row: R): Prepared {
  const tone = column.tone?.(row) ?? null;
  switch (column.kind) {
    case 'text':
    case 'long':
    case 'code':
      return { value: textCell(column.value(row)), tone };
    case 'date':
      return { value: dateCell(column.value(row)), tone };
    case 'datetime':
      return { value: dateTimeCell(column.value(row)), tone };
    case 'number':
    case 'percent': {
      const n = column.value(row);
      return { value: typeof n === 'number' && Number.isFinite(n) ? n : null, tone };
    }
    case 'link': {
      const target = column.value(row);
      if (typeof target === 'string') return { value: textCell(target), tone, plain: true };
      return { value: target ? linkCell(target) : null, tone };
    }
    case 'mark': {
      const m = column.value(row);
      if (!m) return { value: null, tone };
      const markTone: Tone | null =
        m.outcome === 'exception' ? 'bad' : m.outcome === 'na' ? 'muted' : m.outcome ? null : 'warn';
      return { value: textCell(m.symbol), tone: tone ?? markTone };
    }
  }
}

/** The text a cell shows, for measuring. */
function shownText(value: CellValue, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'date') return '0000-00-00';
  if (kind === 'datetime') return '0000-00-00 00:00';
  if (kind === 'percent') return '100.00%';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/** The widest line of `text`, counted no further than `limit`. */
function widestLine(text: string, limit: number): number {
  if (!text.includes('\n')) return displayWidth(text, limit);
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line, limit));
  return widest;
}

/**
 * Lines `text` wraps to in a column `width` characters wide, wrapping at spaces as spreadsheet programs
 * do; `perChar` is how many characters fit in one unit of column width (bold text is wider).
 */
export function linesIn(text: string, width: number, perChar = 1.1): number {
  const perLine = Math.max(4, Math.floor(width * perChar));
  // Most cells are one short line: no need to lay out their words.
  if (text.length * 2 <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      const w = displayWidth(word, perLine * MAX_LINES);
      if (used > 0 && used + 1 + w <= perLine) used += 1 + w;
      else if (used === 0 && w <= perLine) used = w;
      else {
        // The word starts a new line; a word longer than a line breaks across lines.
        const extra = Math.max(1, Math.ceil(w / perLine)) - (used === 0 ? 1 : 0);
        lines += extra;
        used = w % perLine || perLine;
      }
    }
    if (lines >= MAX_LINES) return MAX_LINES;
  }
  return lines;
}

/** A header may wrap at its spaces, so its longest word sets the least width. */
function minWidth(column: { header: string; minWidth?: number | undefined }): number {
  const word = Math.max(...column.header.split(/\s+/u).map((w) => w.length));
  return column.minWidth ?? Math.min(16, Math.max(6, word + 2));
}

/** Hashes are set in a small monospaced font: 64 characters take about 52 units of width. */
const CODE_SCALE = 0.8;

/** Characters per unit of column width: more in the small monospaced font of hashes. */
const perChar = (kind: ColumnKind): number => (kind === 'code' ? 1.1 / CODE_SCALE : 1.1);

function columnWidths<R>(columns: readonly Column<R>[], rows: readonly Prepared[][]): number[] {
  return columns.map((column, c) => {
    const max = column.maxWidth ?? MAX_WIDTHS[column.kind];
    const scale = column.kind === 'code' ? CODE_SCALE : 1;
    const limit = max / scale;
    let widest = 0;
    for (const row of rows) {
      const cell = row[c];
      if (cell && cell.value !== null) {
        widest = Math.max(widest, widestLine(shownText(cell.value, column.kind), limit));
      }
      if (widest >= limit) break;
    }
    return Math.max(minWidth(column), Math.min(max, Math.ceil(widest * scale) + 2));
  });
}

function writeHeader<R>(sheet: Worksheet, columns: readonly Column<R>[], widths: readonly number[]): void {
  const row = sheet.getRow(1);
  let lines = 1;
  columns.forEach((column, c) => {
    const cell = row.getCell(c + 1);
    cell.value = column.header;
    cell.style = HEADER_STYLE;
    lines = Math.max(lines, linesIn(column.header, widths[c] ?? 10, 0.95));
  });
  row.height = Math.max(20, lines * LINE_HEIGHT);
}

async function writeRows<R>(
  sheet: Worksheet,
  spec: TableSpec<R>,
  prepared: readonly Prepared[][],
  widths: readonly number[],
  pace: Pace,
): Promise<void> {
  for (const [r, record] of spec.rows.entries()) {
    const values = prepared[r] ?? [];
    const rowTone = spec.rowTone?.(record) ?? null;
    const row = sheet.getRow(FIRST_ROW + r);
    let lines = 1;
    spec.columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const p = values[c];
      if (p && p.value !== null) {
        cell.value = p.value;
        if (WRAPPED.has(column.kind)) {
          lines = Math.max(
            lines,
            linesIn(shownText(p.value, column.kind), widths[c] ?? 10, perChar(column.kind)),
          );
        }
      }
      cell.style = cellStyle(p?.plain ? 'text' : column.kind, p?.tone ?? null, rowTone);
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT;
    await pace.step(0.5);
  }
}

/**
 * Page footers use `&` for codes, so a literal one is doubled; Excel refuses a footer over 255 characters,
 * which two parts of 60 characters cannot reach even if every one is an `&`.
 */
const footerText = (text: string): string => text.replace(/\s+/gu, ' ').slice(0, 60).replace(/&/gu, '&&');

/** Column width a landscape page holds before the print gets too small to read (about half size). */
const PAGE_WIDTH = 300;

/**
 * Landscape, fit to the page width (a very wide sheet to as many pages across as keep it readable), the
 * header rows repeated on every page, numbered pages.
 */
export function setUpPage(sheet: Worksheet, headerRows: number, footer: PageFooter, totalWidth = 0): void {
  sheet.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: Math.max(1, Math.ceil(totalWidth / PAGE_WIDTH)),
    fitToHeight: 0,
    printTitlesRow: `1:${headerRows}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    oddFooter: `&L${footerText(footer.left)}&C${footerText(footer.centre)}&RPage &P of &N`,
  };
}

/** Adds the sheet for `spec`: header, rows, widths, frozen header, autofilter and page setup. */
export async function addTableSheet<R>(
  workbook: Workbook,
  spec: TableSpec<R>,
  footer: PageFooter,
  pace: Pace,
): Promise<Worksheet> {
  pace.check();
  const frozen = spec.frozenColumns ?? 1;
  const sheet = workbook.addWorksheet(spec.name, {
    views: [
      {
        state: 'frozen',
        xSplit: frozen,
        ySplit: 1,
        topLeftCell: `${columnLetter(frozen + 1)}${FIRST_ROW}`,
        activeCell: `A${FIRST_ROW}`,
      },
    ],
  });
  const prepared: Prepared[][] = [];
  for (const row of spec.rows) {
    prepared.push(spec.columns.map((column) => prepare(column, row)));
    await pace.step(0.5);
  }
  const widths = columnWidths(spec.columns, prepared);
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  writeHeader(sheet, spec.columns, widths);
  await writeRows(sheet, spec, prepared, widths, pace);
  const lastColumn = columnLetter(spec.columns.length);
  sheet.autoFilter = `A1:${lastColumn}${Math.max(1, spec.rows.length + 1)}`;
  setUpPage(
    sheet,
    1,
    footer,
    widths.reduce((sum, w) => sum + w, 0),
  );
  return sheet;
}

/** Where a table's `index`-th record (0-based) ends up: for links from other sheets. */
export const tableRow = (index: number): number => FIRST_ROW + index;
