/**
 * The neutral shape every file format is read into: sheets of rows of plain cell values. Nothing after
 * the reader knows whether the data came from an .xlsx workbook or a CSV file.
 */

/** One cell as the spreadsheet shows it; formulas are already replaced by their saved result. */
export type Cell = string | number | boolean | Date | null;

/** Something the reader noticed about one cell (0-based row and column in `SheetGrid.rows`). */
export interface CellNote {
  row: number;
  column: number;
  message: string;
}

export interface SheetGrid {
  name: string;
  /** Row `i` is spreadsheet row `i + 1`: leading empty rows are kept so the numbers match what Excel shows. */
  rows: Cell[][];
  /** The sheet is hidden in the workbook; it is still offered, as auditors sometimes keep the matrix there. */
  hidden: boolean;
  notes: CellNote[];
  /** Why this sheet cannot be imported (too many rows); `rows` is then empty. */
  refusal: string | null;
}

/** The largest file Fieldwork reads. A control matrix of a few hundred rows is well under 1 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** The most rows imported from one sheet (up to its last non-empty row). */
export const MAX_SHEET_ROWS = 20_000;

/** What one read accepts: a control matrix is small; a population can have a million rows. */
export interface ReadLimits {
  maxFileBytes: number;
  maxSheetRows: number;
  /** Says what to keep when the file is too large, e.g. "only the control matrix". */
  keepHint: string;
}
export const CONTROL_MATRIX_LIMITS: ReadLimits = {
  maxFileBytes: MAX_FILE_BYTES,
  maxSheetRows: MAX_SHEET_ROWS,
  keepHint: 'save only the control matrix',
};

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A calendar date as `YYYY-MM-DD`. Spreadsheet dates carry no time zone; exceljs gives them as UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The cell as text, the way an auditor would read it: trimmed, Windows line breaks made plain. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.replace(/\r\n?/gu, '\n').trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDate(cell);
  return String(cell);
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return cellText(cell) === '';
}

export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every((cell) => isBlankCell(cell));
}

/** Drops blank rows at the end and blank cells at the end of each row. */
export function trimGrid(rows: Cell[][]): Cell[][] {
  const trimmed = rows.map((row) => {
    let end = row.length;
    while (end > 0 && isBlankCell(row[end - 1])) end -= 1;
    return end === row.length ? row : row.slice(0, end);
  });
  let last = trimmed.length;
  while (last > 0 && trimmed[last - 1]?.length === 0) last -= 1;
  return trimmed.slice(0, last);
}

/** The refusal for a sheet with too many rows, or null. */
export function sheetSizeRefusal(name: string, rowCount: number, maxRows = MAX_SHEET_ROWS): string | null {
  if (rowCount <= maxRows) return null;
  return (
    `Sheet "${name}" has ${rowCount.toLocaleString('en-US')} rows; Fieldwork imports at most ` +
    `${maxRows.toLocaleString('en-US')} rows from one sheet. Delete the rows you do not need, ` +
    'or split the sheet, and try again.'
  );
}
