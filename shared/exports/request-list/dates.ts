/**
 * Dates as they come back in a client's spreadsheet: real date cells, bare serial numbers, or text typed in
 * ISO or a common form. Everything becomes a calendar date `YYYY-MM-DD`, read in UTC so that no time zone
 * moves a date by a day.
 */
import { isValidIsoDate, MAX_YEAR, MIN_YEAR } from '../../domain/records';

const DAY_MS = 86_400_000;
/** Excel's serial day 0 is 1899-12-30 (the 1900 leap-year bug is folded into that epoch). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The range of dates the app accepts, as the Date provided validation in the file. */
export const MIN_DATE = `${MIN_YEAR}-01-01`;
export const MAX_DATE = `${MAX_YEAR}-12-31`;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DateReading =
  | { readonly ok: true; readonly date: string | null }
  | { readonly ok: false; readonly reason: 'invalid' | 'ambiguous' };

/** A date cell's calendar day. exceljs reads date cells as UTC midnight; a stray sub-second error rounds up. */
export function dateCellToIso(value: Date): string {
  const days = Math.floor((value.getTime() + 1000) / DAY_MS);
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** A bare serial number (a date cell that lost its format), or null when it is no plausible audit date. */
export function serialToIso(serial: number): string | null {
  const iso = dateCellToIso(new Date(EXCEL_EPOCH_MS + serial * DAY_MS));
  return inRange(iso) ? iso : null;
}

/** `YYYY-MM-DD` as the UTC midnight Date that a spreadsheet date cell holds. */
export function isoToDateCell(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function inRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return isValidIsoDate(iso) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** `year` as written: two digits mean this century (`26` is 2026), four are taken as they are. */
function toIso(year: string, month: number, day: number): string | null {
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  const iso = `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return inRange(iso) ? iso : null;
}

const monthNumber = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/u;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-./]+([a-z]{3,9})\.?,?[\s\-./]+(\d{4}|\d{2})$/iu;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?[\s\-./]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-./]+(\d{4})$/iu;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/u;

/**
 * Reads `2026-03-05`, `5 Mar 2026`, `05-Mar-26`, `March 5, 2026`, `5.3.2026` (day first) and `3/5/2026`.
 * Slash dates are read month-first or day-first only when one reading is impossible; `3/5/2026` could be
 * either, so it is `ambiguous` rather than guessed. Blank text is no date.
 */
export function parseDateText(text: string): DateReading {
  const t = text.trim();
  if (t === '') return { ok: true, date: null };
  const date = readIso(t) ?? readNamedMonth(t) ?? readNumeric(t);
  if (date === 'ambiguous') return { ok: false, reason: 'ambiguous' };
  return date ? { ok: true, date } : { ok: false, reason: 'invalid' };
}

function readIso(t: string): string | null {
  const m = ISO.exec(t);
  return m ? toIso(m[1] ?? '', Number(m[2]), Number(m[3])) : null;
}

function readNamedMonth(t: string): string | null {
  const dmy = DAY_MONTH_YEAR.exec(t);
  if (dmy && monthNumber(dmy[2] ?? '') > 0)
    return toIso(dmy[3] ?? '', monthNumber(dmy[2] ?? ''), Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(t);
  if (mdy && monthNumber(mdy[1] ?? '') > 0)
    return toIso(mdy[3] ?? '', monthNumber(mdy[1] ?? ''), Number(mdy[2]));
  return null;
}

function readNumeric(t: string): string | 'ambiguous' | null {
  const m = NUMERIC.exec(t);
  if (!m) return null;
  const [a, sep, b, year] = [Number(m[1]), m[2], Number(m[3]), m[4] ?? ''];
  // Dotted dates (5.3.2026) are written day first wherever they are used.
  if (sep === '.' || a > 12) return toIso(year, b, a);
  if (b > 12 || a === b) return toIso(year, a, b);
  return 'ambiguous';
}
