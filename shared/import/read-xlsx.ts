/**
 * Reads an .xlsx workbook with exceljs into plain grids. exceljs is loaded on first use, so the app
 * does not carry it until someone imports a file.
 */
import type * as ExcelJsModule from 'exceljs';
import type { Cell as ExcelCell, CellValue, Row, Workbook, Worksheet } from 'exceljs';
import { ImportError } from './errors';
import { MAX_SHEET_ROWS, sheetSizeRefusal, trimGrid, type Cell, type CellNote, type SheetGrid } from './grid';

type ExcelModule = typeof ExcelJsModule;

/** exceljs is CommonJS: Node's ESM loader exposes it as `default`, bundlers sometimes as the namespace. */
async function loadExcelJs(): Promise<ExcelModule> {
  const mod: ExcelModule & { default?: ExcelModule } = await import('exceljs');
  return mod.default ?? mod;
}

export const DAMAGED_WORKBOOK =
  'This file is not a spreadsheet Fieldwork can read (the workbook is damaged or incomplete). ' +
  'Open it in Excel, save it again as .xlsx (Excel Workbook), and try again.';

const NO_RESULT_NOTE =
  'the formula in this cell has no saved result, so Fieldwork reads it as empty. Open the file in Excel, ' +
  'save it, and import it again.';

/** Opens the workbook or explains, in plain words, why it cannot be opened. */
async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer (its typings say Buffer); a copy also detaches us from the caller's view.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (cause) {
    throw new ImportError(DAMAGED_WORKBOOK, { cause });
  }
  return workbook;
}

/** The plain value of a cell's content, or `undefined` for a formula that was never calculated. */
function plainValue(value: CellValue): Cell | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return hyperlinkText(value.text);
  if ('error' in value) return value.error;
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? undefined : plainValue(value.result);
  }
  return null;
}

/** A hyperlink's shown text is usually a string, but exceljs gives rich text when it is formatted. */
function hyperlinkText(text: unknown): Cell {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object' && 'richText' in text && Array.isArray(text.richText)) {
    return text.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
  }
  return null;
}

/**
 * Merged cells: exceljs repeats the master's value in every cell of the range. We keep it only where it
 * means something per row: a range one column wide (e.g. one TSC cell merged down beside three controls)
 * fills down; a wider range (a title across A1:F1, a section heading across a row) keeps its value in the
 * first cell only, so it never looks like several header cells or several control fields.
 */
function isRepeatedMergeCell(sheet: Worksheet, cell: ExcelCell): boolean {
  const master = cell.master;
  if (master === cell) return false;
  if (master.col !== cell.col) return true;
  const right = sheet.findCell(Number(master.row), Number(master.col) + 1);
  return right !== undefined && right.master === master;
}

function readRow(sheet: Worksheet, row: Row | undefined, rowIndex: number, notes: CellNote[]): Cell[] {
  const cells: Cell[] = [];
  row?.eachCell({ includeEmpty: false }, (cell, colNumber) => {
    if (isRepeatedMergeCell(sheet, cell)) return;
    const value = plainValue(cell.value);
    if (value === undefined) notes.push({ row: rowIndex, column: colNumber - 1, message: NO_RESULT_NOTE });
    cells[colNumber - 1] = value ?? null;
  });
  return Array.from(cells, (cell) => cell ?? null);
}

function lastRowWithValues(sheet: Worksheet): number {
  let last = 0;
  sheet.eachRow({ includeEmpty: false }, (_row, rowNumber) => {
    last = rowNumber;
  });
  return last;
}

function readSheet(sheet: Worksheet, maxRows: number): SheetGrid {
  const hidden = sheet.state !== 'visible';
  const lastRow = lastRowWithValues(sheet);
  const refusal = sheetSizeRefusal(sheet.name, lastRow, maxRows);
  if (refusal) return { name: sheet.name, rows: [], hidden, notes: [], refusal };
  const notes: CellNote[] = [];
  const rows: Cell[][] = [];
  for (let number = 1; number <= lastRow; number += 1) {
    rows.push(readRow(sheet, sheet.findRow(number), number - 1, notes));
  }
  return { name: sheet.name, rows: trimGrid(rows), hidden, notes, refusal: null };
}

/**
 * Every sheet of an .xlsx workbook that has content, in workbook order (hidden ones flagged).
 * Throws `ImportError` for a damaged file or a workbook without any data.
 */
export async function readXlsx(bytes: Uint8Array, maxRows = MAX_SHEET_ROWS): Promise<SheetGrid[]> {
  const workbook = await openWorkbook(bytes);
  const sheets = workbook.worksheets
    .map((sheet) => readSheet(sheet, maxRows))
    .filter((s) => s.refusal !== null || s.rows.length > 0);
  if (sheets.length === 0) {
    throw new ImportError(
      'This workbook has no data: all of its sheets are empty. Check that you chose the right file.',
    );
  }
  const usable = sheets.filter((s) => s.refusal === null);
  if (usable.length === 0) throw new ImportError(sheets[0]?.refusal ?? 'This workbook cannot be imported.');
  return sheets;
}
