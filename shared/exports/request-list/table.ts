/**
 * Finding the request table in a sheet by its header names, wherever it starts (the client may insert rows
 * above it) and in whatever column order, and reading its rows as text.
 */
import type { Worksheet } from 'exceljs';
import { cellText } from './cells';
import { columnForHeader, columnKind, type ColumnKey } from './columns';

/** How far down a header row is looked for. */
const HEADER_SCAN_ROWS = 100;

export interface SheetTable {
  readonly sheet: Worksheet;
  readonly headerRow: number;
  /** Column number of each known column present; added columns are not listed. */
  readonly columns: ReadonlyMap<ColumnKey, number>;
}

export interface TableRow {
  /** As Excel numbers it. */
  readonly row: number;
  readonly text: Readonly<Partial<Record<ColumnKey, string>>>;
  /** Any cell of the row holds something, in a known column or not. */
  readonly hasContent: boolean;
}

function headerColumns(sheet: Worksheet, rowNumber: number): Map<ColumnKey, number> {
  const columns = new Map<ColumnKey, number>();
  sheet.findRow(rowNumber)?.eachCell((cell, col) => {
    const key = columnForHeader(cellText(cell.value));
    if (key && !columns.has(key)) columns.set(key, col);
  });
  return columns;
}

/** The table whose header row names the request number and at least one other known column. */
export function findTable(sheet: Worksheet): SheetTable | null {
  const last = Math.min(sheet.rowCount, HEADER_SCAN_ROWS);
  for (let headerRow = 1; headerRow <= last; headerRow += 1) {
    const columns = headerColumns(sheet, headerRow);
    if (columns.has('number') && columns.size >= 2) return { sheet, headerRow, columns };
  }
  return null;
}

function readRow(table: SheetTable, rowNumber: number): TableRow | null {
  const row = table.sheet.findRow(rowNumber);
  if (!row) return null;
  const text: Partial<Record<ColumnKey, string>> = {};
  for (const [key, col] of table.columns) text[key] = cellText(row.getCell(col).value, columnKind(key));
  let hasContent = false;
  row.eachCell((cell) => {
    hasContent ||= cellText(cell.value).trim() !== '';
  });
  return { row: rowNumber, text, hasContent };
}

/** The rows below the header that hold anything; blank rows (and spare formatted rows) are left out. */
export function readTableRows(table: SheetTable): TableRow[] {
  const rows: TableRow[] = [];
  for (let r = table.headerRow + 1; r <= table.sheet.rowCount; r += 1) {
    const row = readRow(table, r);
    if (row?.hasContent) rows.push(row);
  }
  return rows;
}
