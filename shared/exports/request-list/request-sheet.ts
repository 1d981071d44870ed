/**
 * The Requests sheet: a title block with plain instructions, then the request table. The client fills in
 * the yellow columns; everything else is the auditor's and comes back only as a reported edit.
 */
import type { Cell, DataValidation, Workbook, Worksheet } from 'exceljs';
import { toXlsxText } from '../xlsx-text';
import { COLUMNS, type ColumnSpec } from './columns';
import { isoToDateCell, MIN_DATE, MAX_DATE } from './dates';
import { STATUS_LABEL_LIST } from './status';
import { DATE_FORMAT, FILLS, FONTS, GRID, TEXT_FORMAT } from './styles';
import { OVERDUE_WORD, type RowValues } from './values';

export const REQUEST_SHEET = 'Requests';
/** Formatted, validated rows below the requests, for rows the client adds while working in the file. */
export const SPARE_ROWS = 200;

export interface TitleLine {
  readonly text: string;
  readonly style?: 'title' | 'strong';
}

export interface RequestSheetContent {
  readonly titleLines: readonly TitleLine[];
  readonly rows: readonly RowValues[];
  /** Page footer texts, left and centre (plain; `&` is escaped here). */
  readonly footer: { readonly left: string; readonly centre: string };
}

const columnLetter = (index: number): string => String.fromCharCode(64 + index); // 14 columns: A–N
const columnIndex = (key: ColumnSpec['key']): number => COLUMNS.findIndex((c) => c.key === key) + 1;
const LAST_COLUMN = columnLetter(COLUMNS.length);

function writeTitleBlock(sheet: Worksheet, lines: readonly TitleLine[]): void {
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = toXlsxText(line.text);
    if (line.style) cell.font = FONTS[line.style];
  });
}

function writeHeader(sheet: Worksheet, rowNumber: number): void {
  COLUMNS.forEach((spec, i) => {
    const cell = sheet.getCell(rowNumber, i + 1);
    cell.value = spec.header;
    cell.font = FONTS.header;
    cell.fill = spec.clientNote ? FILLS.clientHeader : FILLS.header;
    cell.border = GRID;
    cell.alignment = { vertical: 'middle', wrapText: true };
    if (spec.clientNote) cell.note = spec.clientNote;
  });
}

function formatCell(cell: Cell, spec: ColumnSpec): void {
  cell.numFmt = spec.kind === 'date' ? DATE_FORMAT : TEXT_FORMAT;
  cell.alignment = { vertical: 'top', wrapText: spec.wrap === true };
}

function writeRequestRow(sheet: Worksheet, rowNumber: number, values: RowValues): void {
  const overdue = values.overdue === OVERDUE_WORD;
  COLUMNS.forEach((spec, i) => {
    const cell = sheet.getCell(rowNumber, i + 1);
    const text = values[spec.key];
    // Blank stays blank (no empty-string cell); dates are real date cells at UTC midnight.
    if (text !== '') cell.value = spec.kind === 'date' ? isoToDateCell(text) : toXlsxText(text);
    formatCell(cell, spec);
    cell.border = GRID;
    if (spec.clientNote) cell.fill = FILLS.client;
    else if (overdue) cell.fill = FILLS.overdue;
    if (overdue && spec.key === 'overdue') cell.font = FONTS.overdue;
  });
  sheet.getRow(rowNumber).height = rowHeight(values);
}

const LINE_HEIGHT_POINTS = 15;
const MAX_LINES = 20;

/**
 * A row tall enough for its wrapped text. Spreadsheet programs do not all grow rows to fit wrapped text on
 * opening (LibreOffice keeps the default height, so long descriptions spill over the rows below): the
 * height is estimated from each wrapped column's width in characters and the text's own line breaks.
 */
export function rowHeight(values: RowValues): number {
  let lines = 1;
  for (const spec of COLUMNS) {
    if (!spec.wrap) continue;
    const perLine = Math.max(8, Math.floor(spec.width * 1.1));
    const text = values[spec.key];
    const needed = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  }
  return Math.min(MAX_LINES, lines) * LINE_HEIGHT_POINTS;
}

/** The client's columns keep their formats below the list, so a row typed there reads back the same. */
function formatSpareRows(sheet: Worksheet, from: number, to: number): void {
  const specs = COLUMNS.filter((c) => c.clientNote || c.key === 'number');
  for (let r = from; r <= to; r += 1) {
    for (const spec of specs) formatCell(sheet.getCell(r, columnIndex(spec.key)), spec);
  }
}

const STATUS_VALIDATION: DataValidation = {
  type: 'list',
  allowBlank: true,
  formulae: [`"${STATUS_LABEL_LIST.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Status',
  error: `Choose a status from the list: ${STATUS_LABEL_LIST.join(', ')}.`,
};

const DATE_VALIDATION: DataValidation = {
  type: 'date',
  operator: 'between',
  allowBlank: true,
  formulae: [isoToDateCell(MIN_DATE), isoToDateCell(MAX_DATE)],
  showInputMessage: true,
  promptTitle: 'Date provided',
  prompt: 'The date you provided the item, e.g. 2026-03-31.',
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Date provided',
  error: 'Enter a date as year-month-day, e.g. 2026-03-31.',
};

/** exceljs keeps range validations in a model its type declarations leave out. */
interface RangeValidations {
  readonly dataValidations: { add(range: string, validation: DataValidation): unknown };
}
const hasRangeValidations = (sheet: Worksheet): sheet is Worksheet & RangeValidations =>
  'dataValidations' in sheet;

/**
 * One validation per column range. Set cell by cell, exceljs would merge the cells into ranges sorted as
 * text (L100 before L12) and write overlapping ranges, which Excel reports as damage.
 */
function validate(
  sheet: Worksheet,
  key: ColumnSpec['key'],
  from: number,
  to: number,
  rule: DataValidation,
): void {
  const col = columnIndex(key);
  if (!hasRangeValidations(sheet)) throw new Error('exceljs without range validations');
  sheet.dataValidations.add(`${columnLetter(col)}${from}:${columnLetter(col)}${to}`, rule);
}

function addValidations(sheet: Worksheet, from: number, to: number): void {
  validate(sheet, 'status', from, to, STATUS_VALIDATION);
  validate(sheet, 'receivedOn', from, to, DATE_VALIDATION);
}

/**
 * Page footers use `&` for codes, so a literal one is doubled; Excel refuses a footer over 255 characters,
 * which two parts of 55 characters cannot reach even if every one is an `&`.
 */
const footerText = (text: string): string => text.replace(/\s+/g, ' ').slice(0, 55).replace(/&/g, '&&');

function setUpView(
  sheet: Worksheet,
  headerRow: number,
  lastRow: number,
  footer: RequestSheetContent['footer'],
): void {
  // The cursor starts on the first Status cell: where the client's work begins.
  const status = columnLetter(columnIndex('status'));
  sheet.views = [
    {
      state: 'frozen',
      xSplit: 1,
      ySplit: headerRow,
      topLeftCell: `B${headerRow + 1}`,
      activeCell: `${status}${headerRow + 1}`,
    },
  ];
  sheet.autoFilter = `A${headerRow}:${LAST_COLUMN}${lastRow}`;
  sheet.pageSetup = {
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    oddFooter: `&L${footerText(footer.left)}&C${footerText(footer.centre)}&RPage &P of &N`,
  };
}

/** Adds the Requests sheet; returns the number of its header row. */
export function addRequestSheet(workbook: Workbook, content: RequestSheetContent): number {
  const sheet = workbook.addWorksheet(REQUEST_SHEET);
  COLUMNS.forEach((spec, i) => {
    sheet.getColumn(i + 1).width = spec.width;
  });
  writeTitleBlock(sheet, content.titleLines);
  const headerRow = content.titleLines.length + 2;
  writeHeader(sheet, headerRow);
  content.rows.forEach((values, i) => writeRequestRow(sheet, headerRow + 1 + i, values));
  const lastRow = headerRow + content.rows.length;
  formatSpareRows(sheet, lastRow + 1, lastRow + SPARE_ROWS);
  addValidations(sheet, headerRow + 1, lastRow + SPARE_ROWS);
  setUpView(sheet, headerRow, lastRow, content.footer);
  return headerRow;
}
