/**
 * Values as cells: every string a text cell escaped with `toXlsxText` (a typed `=1+1` stays text, never a
 * formula), ISO dates as date cells at UTC midnight, timestamps as date-times, links to other sheets.
 */
import type { CellValue } from 'exceljs';
import { attributeLetter } from '../../domain/fieldwork';
import { isoToDateCell } from '../request-list/dates';
import { toXlsxText } from '../xlsx-text';
import type { InternalLink } from './columns';

/** Excel refuses a cell longer than this (and asks to repair the file). */
export const MAX_CELL_TEXT = 32_767;
const CLIPPED_NOTE = ' … [shortened: the full text is in Fieldwork]';

/** `value` cut to what a cell can hold, saying so when it was cut. */
export function clip(value: string): string {
  if (value.length <= MAX_CELL_TEXT) return value;
  return value.slice(0, MAX_CELL_TEXT - CLIPPED_NOTE.length) + CLIPPED_NOTE;
}

/** A text cell's value, or null (an empty cell) for no text. */
export function textCell(value: string | null | undefined): string | null {
  return value ? toXlsxText(clip(value)) : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** A date cell for a `YYYY-MM-DD` date; anything else (never stored, but imported data may hold it) as text. */
export function dateCell(iso: string | null | undefined): Date | string | null {
  if (!iso) return null;
  return ISO_DATE.test(iso) ? isoToDateCell(iso) : textCell(iso);
}

/** A date-time cell for an ISO timestamp; spreadsheets have no time zones, so it shows UTC. */
export function dateTimeCell(iso: string | null | undefined): Date | string | null {
  if (!iso) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? textCell(iso) : at;
}

/** The column letters of a 1-based column number: 1 → A, 27 → AA. */
export const columnLetter = (column: number): string => attributeLetter(column - 1);

/** A sheet name as a reference needs it: quoted, with its own apostrophes doubled. */
export const sheetReference = (sheet: string): string => `'${sheet.replace(/'/gu, "''")}'`;

/** The in-workbook address of a cell, e.g. `'Tests'!A12`. */
export const cellAddress = (sheet: string, row: number, column = 1): string =>
  `${sheetReference(sheet)}!${columnLetter(column)}${row}`;

/**
 * A link to another sheet, as exceljs takes it (`#` marks a place in this workbook). `links.ts` turns it
 * into the location-only hyperlink Excel itself writes when the file is saved.
 */
export function linkCell(target: InternalLink): CellValue {
  return {
    text: toXlsxText(clip(target.text)),
    hyperlink: `#${cellAddress(target.sheet, target.row, target.column)}`,
  };
}

const isWide = (code: number): boolean =>
  (code >= 0x1100 && code <= 0x115f) ||
  (code >= 0x2e80 && code <= 0xa4cf) ||
  (code >= 0xac00 && code <= 0xd7a3) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xff60) ||
  (code >= 0xffe0 && code <= 0xffe6) ||
  code >= 0x1f000;

/**
 * How wide `line` shows, in characters of the column-width unit: CJK and emoji take two. Stops counting
 * past `limit`, which is all a column width or a line count needs.
 */
export function displayWidth(line: string, limit = Infinity): number {
  let width = 0;
  for (let i = 0; i < line.length && width <= limit; i += 1) {
    const code = line.codePointAt(i) ?? 0;
    if (code > 0xffff) i += 1;
    width += code >= 0x1100 && isWide(code) ? 2 : 1;
  }
  return width;
}
