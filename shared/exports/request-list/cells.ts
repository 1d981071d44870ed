/** Cell values as text, whatever Excel or LibreOffice stored: rich text, links, formulas (their cached result). */
import type { CellValue } from 'exceljs';
import { dateCellToIso, serialToIso } from './dates';

type Scalar = string | number | boolean | Date;

/** The value a cell shows: a formula's cached result, a link's text, rich text joined. */
function scalarOf(value: CellValue): Scalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? null : scalarOf(value.result);
  // A formula without a cached result (never calculated): nothing to read.
  return null;
}

/**
 * The text of a cell. Date cells become `YYYY-MM-DD`; in a date column a bare number is read as the date
 * serial it is (a date cell whose format was cleared).
 */
export function cellText(value: CellValue, kind: 'text' | 'date' = 'text'): string {
  const scalar = scalarOf(value);
  if (scalar === null) return '';
  if (scalar instanceof Date) return dateCellToIso(scalar);
  if (typeof scalar === 'number') return (kind === 'date' ? serialToIso(scalar) : null) ?? String(scalar);
  if (typeof scalar === 'boolean') return scalar ? 'TRUE' : 'FALSE';
  return scalar;
}
