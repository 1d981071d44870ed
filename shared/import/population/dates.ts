/**
 * Reading the dates of a population column: Excel date cells, bare serial numbers, and text in ISO, US,
 * day-month-year or month-name forms, with any time of day dropped. Whether `03/05/2026` is 3 May or
 * March 5 is decided once per column, from the dates in it that can only be read one way.
 */
import { formatDate } from '../../domain/engagement';
import { isValidIsoDate, MAX_YEAR, MIN_YEAR } from '../../domain/records';
import { dateCellToIso, parseDateText, serialToIso } from '../../exports/request-list/dates';
import { cellText, type Cell } from '../grid';
import type { DayOrder } from './types';

export type DateReading =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'blank' }
  | { readonly kind: 'unreadable' };

const BLANK: DateReading = { kind: 'blank' };
const UNREADABLE: DateReading = { kind: 'unreadable' };

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/iu;
const ISO_WITH_TIME = /^(\d{4}-\d{1,2}-\d{1,2})[T\s]\d{1,2}:\d{2}\S*(?:\s.*)?$/u;
const TRAILING_TIME =
  /,?\s+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:z|utc|gmt|[a-z]{3,4}|[+-]\d{2}:?\d{2}))?$/iu;
/** Slash or dash dates that only the column's day order can settle (dotted dates are always day first). */
const NUMERIC = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})$/u;

/** The date part of the text: no weekday before it, no time of day after it (the calendar day as written). */
function datePart(text: string): string {
  const t = text.trim().replace(WEEKDAY, '');
  const iso = ISO_WITH_TIME.exec(t);
  if (iso) return iso[1] ?? t;
  return t.replace(TRAILING_TIME, '');
}

function yearInRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function inRange(iso: string): boolean {
  return isValidIsoDate(iso) && yearInRange(iso);
}

function isoFrom(year: string, month: number, day: number): string | null {
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  const iso = `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return inRange(iso) ? iso : null;
}

function readNumeric(text: string, order: DayOrder): string | null {
  const m = NUMERIC.exec(text);
  if (!m) return null;
  const [first, second, year] = [Number(m[1]), Number(m[3]), m[4] ?? ''];
  return order === 'day-first' ? isoFrom(year, second, first) : isoFrom(year, first, second);
}

/**
 * One cell as a calendar date. Numbers are Excel serials only when `serials` is set: in a column of
 * ticket numbers, 45123 is a ticket, not 16 Jul 2023. Dates outside 1990–2100 are not read.
 */
export function readDateCell(cell: Cell | undefined, order: DayOrder, serials = true): DateReading {
  if (cell === null || cell === undefined) return BLANK;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return UNREADABLE;
    const iso = dateCellToIso(cell); // always a real calendar day; only its year needs checking
    return yearInRange(iso) ? { kind: 'date', date: iso } : UNREADABLE;
  }
  if (typeof cell === 'number') {
    const iso = serials && Number.isFinite(cell) && cell > 0 ? serialToIso(cell) : null;
    return iso ? { kind: 'date', date: iso } : UNREADABLE;
  }
  if (typeof cell === 'boolean') return UNREADABLE;
  const text = datePart(cell);
  if (text === '') return BLANK;
  const reading = parseDateText(text);
  if (reading.ok) return reading.date === null ? BLANK : { kind: 'date', date: reading.date };
  const iso = reading.reason === 'ambiguous' ? readNumeric(text, order) : null;
  return iso ? { kind: 'date', date: iso } : UNREADABLE;
}

/** A value of the column as written, with its spreadsheet row number. */
export interface DateExample {
  row: number;
  text: string;
}

/** What a column's slash dates show about their day order. */
export interface DayOrderEvidence {
  /** The order used; null when the column has no slash dates at all. */
  order: DayOrder | null;
  /** The first date that can only be day first (`25/03/2026`), and the first that can only be month first. */
  dayFirst: DateExample | null;
  monthFirst: DateExample | null;
  /** The first date that could be read either way (`03/05/2026`). */
  ambiguous: DateExample | null;
}

/**
 * The day order of a column's slash dates, from the rows `from` (0-based) onward: day first if any date
 * has a first number above 12, else month first (the US order, also when nothing settles it).
 */
export function detectDayOrder(
  rows: readonly (readonly Cell[])[],
  column: number,
  from: number,
): DayOrderEvidence {
  const evidence: DayOrderEvidence = { order: null, dayFirst: null, monthFirst: null, ambiguous: null };
  for (let index = Math.max(0, from); index < rows.length; index += 1) {
    const cell = rows[index]?.[column];
    if (typeof cell !== 'string') continue;
    const m = NUMERIC.exec(datePart(cell));
    if (!m) continue;
    const [first, second] = [Number(m[1]), Number(m[3])];
    const example = { row: index + 1, text: cellText(cell) };
    evidence.order = 'month-first';
    if (first > 12 && second <= 12) evidence.dayFirst ??= example;
    else if (second > 12 && first <= 12) evidence.monthFirst ??= example;
    else if (first !== second && first <= 12 && second <= 12) evidence.ambiguous ??= example;
    if (evidence.dayFirst && evidence.monthFirst && evidence.ambiguous) break;
  }
  if (evidence.dayFirst) evidence.order = 'day-first';
  return evidence;
}

const ORDER_WORDS: Record<DayOrder, string> = { 'day-first': 'day first', 'month-first': 'month first' };

/**
 * The sentence telling the auditor how dates that fit either order were read, and why; null when the
 * column has none. `chosen` is the order the auditor picked, if any.
 */
export function dayOrderNote(
  evidence: DayOrderEvidence,
  columnName: string,
  order: DayOrder,
  chosen: boolean,
): string | null {
  const { ambiguous, dayFirst, monthFirst } = evidence;
  if (!ambiguous) return null;
  const read = readNumeric(datePart(ambiguous.text), order);
  const how = ORDER_WORDS[order];
  const example = read ? `: "${ambiguous.text}" (row ${ambiguous.row}) is ${formatDate(read)}` : '';
  const other = order === 'day-first' ? 'month first' : 'day first';
  if (chosen) {
    return `Dates in column ${columnName} that could be read either way are read ${how}, as chosen${example}.`;
  }
  if (dayFirst && monthFirst) {
    return (
      `Column ${columnName} mixes dates written day first ("${dayFirst.text}", row ${dayFirst.row}) and month ` +
      `first ("${monthFirst.text}", row ${monthFirst.row}). Dates that could be either are read ${how}` +
      `${example}. Check them against the client's system.`
    );
  }
  const proof = dayFirst ?? monthFirst;
  if (proof) {
    return (
      `Column ${columnName} writes dates ${how} ("${proof.text}", row ${proof.row}), so dates that could be ` +
      `either are read ${how} too${example}. If that is wrong, choose ${other}.`
    );
  }
  return (
    `No date in column ${columnName} shows whether it is written day or month first, so dates are read ` +
    `${how}, the US order${example}. If the client's system writes the day first, choose day first.`
  );
}

/** Entries a reader remembers; beyond that (a column of timestamps, all different) it just reads. */
const CACHE_LIMIT = 50_000;

/**
 * Reads the cells of one column with `readDateCell`, remembering each value it has read: populations
 * repeat the same few hundred days, so a 100,000-row column costs a few hundred readings.
 */
export class ColumnDateReader {
  private readonly byText = new Map<string, DateReading>();
  private readonly byNumber = new Map<number, DateReading>();
  private readonly byTime = new Map<number, DateReading>();

  constructor(
    readonly order: DayOrder,
    readonly serials = true,
  ) {}

  read(cell: Cell | undefined): DateReading {
    if (typeof cell === 'string') return this.cached(this.byText, cell, cell);
    if (typeof cell === 'number') return this.cached(this.byNumber, cell, cell);
    if (cell instanceof Date) return this.cached(this.byTime, cell.getTime(), cell);
    return readDateCell(cell, this.order, this.serials);
  }

  private cached<K>(cache: Map<K, DateReading>, key: K, cell: Cell): DateReading {
    const known = cache.get(key);
    if (known) return known;
    const reading = readDateCell(cell, this.order, this.serials);
    if (cache.size < CACHE_LIMIT) cache.set(key, reading);
    return reading;
  }
}
