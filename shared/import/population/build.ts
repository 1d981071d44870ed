/**
 * Building the population the auditor samples from: one item per row below the header, in file order,
 * with its key, its date and whether that date falls outside the audit period; plus every row that was
 * skipped or needs a look, worded for the auditor. Pure and deterministic.
 */
import { isValidIsoDate } from '../../domain/records';
import { ImportError } from '../errors';
import { cellText, type Cell, type CellNote } from '../grid';
import { columnCount, columnName, headerLabels } from '../mapping';
import { excerpt, problemColumn } from '../problems';
import { ColumnDateReader, dayOrderNote, detectDayOrder } from './dates';
import { firstFilledText, isTotalText, RowClassifier, type PopulationRowKind } from './rows';
import type {
  Population,
  PopulationInput,
  PopulationItem,
  PopulationPeriod,
  PopulationProblem,
  PopulationProblemKind,
} from './types';

/** The most items one population may have; larger exports are split by the client (by month, by system). */
export const MAX_POPULATION_ITEMS = 1_000_000;

const SKIP_REASONS: Partial<Record<PopulationRowKind, [PopulationProblemKind, (text: string) => string]>> = {
  total: ['total-row', (text) => `"${text}" looks like a total, not an item; the row is skipped.`],
  heading: [
    'heading-row',
    (text) => `"${text}" looks like a heading or a note, not an item; the row is skipped.`,
  ],
  'header-repeat': ['header-repeat', () => 'repeats the column headings; the row is skipped.'],
};

function checkInput(input: PopulationInput, width: number): void {
  const { keyColumn, dateColumn, period } = input;
  if (!Number.isInteger(keyColumn) || keyColumn < 0 || keyColumn >= Math.max(width, 1)) {
    throw new ImportError('Choose the column that identifies each item (for example "Change ID").');
  }
  if (dateColumn !== null && (!Number.isInteger(dateColumn) || dateColumn < 0 || dateColumn === keyColumn)) {
    throw new ImportError('Choose a date column other than the key column, or no date column.');
  }
  if (period && !(isValidIsoDate(period.start) && isValidIsoDate(period.end) && period.start <= period.end)) {
    throw new ImportError('The audit period is not valid: its start must be a date on or before its end.');
  }
}

class PopulationBuilder {
  readonly items: PopulationItem[] = [];
  readonly problems: PopulationProblem[] = [];
  skipped = 0;
  duplicates = 0;
  readonly notes = new Map<string, CellNote>();
  private readonly firstRowByKey = new Map<string, number>();

  constructor(
    readonly input: PopulationInput,
    private readonly headers: readonly string[],
    private readonly period: PopulationPeriod | null,
  ) {
    for (const note of input.grid.notes ?? []) {
      if (note.column === input.keyColumn || note.column === input.dateColumn) {
        this.notes.set(`${note.row}:${note.column}`, note);
      }
    }
  }

  problem(row: number, column: number | null, kind: PopulationProblemKind, text: string): void {
    const where =
      column === null ? `Row ${row}` : `Row ${row}, column ${columnName(column, this.headers[column] ?? '')}`;
    const at = column === null ? null : problemColumn(column, this.headers);
    this.problems.push({ row, column: at, kind, message: `${where}: ${text}` });
  }

  skip(row: number, kind: PopulationRowKind, text: string): void {
    this.skipped += 1;
    const reason = SKIP_REASONS[kind];
    if (reason) this.problem(row, null, reason[0], reason[1](excerpt(text)));
  }

  blankKey(index: number): void {
    const row = index + 1;
    this.skipped += 1;
    const note = this.notes.get(`${index}:${this.input.keyColumn}`);
    const text = note ? `${note.message} The row is skipped.` : 'the key is blank, so the row is skipped.';
    this.problem(row, this.input.keyColumn, 'blank-key', text);
  }

  /** Keeps both rows: a population listing an item twice is a finding about its completeness and accuracy. */
  checkDuplicate(row: number, key: string): void {
    const normalised = key.toLowerCase();
    const first = this.firstRowByKey.get(normalised);
    if (first === undefined) {
      this.firstRowByKey.set(normalised, row);
      return;
    }
    this.duplicates += 1;
    this.problem(
      row,
      this.input.keyColumn,
      'duplicate-key',
      `"${excerpt(key)}" also appears on row ${first}. Both rows are kept as separate items; ask the client ` +
        'whether the population lists this item twice.',
    );
  }

  add(row: number, key: string, date: string | null): void {
    if (this.items.length >= MAX_POPULATION_ITEMS) {
      throw new ImportError(
        `This population has more than ${MAX_POPULATION_ITEMS.toLocaleString('en-US')} items, the most ` +
          'Fieldwork samples from at once. Ask the client to split it (for example by month or by system) ' +
          'and import each part.',
      );
    }
    const p = this.period;
    const outsidePeriod = date !== null && p !== null && (date < p.start || date > p.end);
    this.items.push({ row, key, date, outsidePeriod });
  }
}

function readItemDate(
  builder: PopulationBuilder,
  index: number,
  column: number,
  reader: ColumnDateReader,
): string | null {
  const cell = builder.input.grid.rows[index]?.[column];
  const reading = reader.read(cell);
  if (reading.kind === 'date') return reading.date;
  if (reading.kind === 'unreadable') {
    const note = builder.notes.get(`${index}:${column}`);
    const text = note
      ? `${note.message} The item is kept without a date.`
      : `"${excerpt(cellText(cell))}" is not a date Fieldwork can read; the item is kept without a date.`;
    builder.problem(index + 1, column, 'unreadable-date', text);
  }
  return null;
}

/** The text that shows why a row was skipped: its key, or the total written beside a blank or bare-number key. */
function skippedText(cells: readonly Cell[], key: string, kind: PopulationRowKind): string {
  if (key !== '' && (kind !== 'total' || isTotalText(key))) return key;
  return firstFilledText(cells);
}

/** The key as one line with single spaces ("CHG 12\n" → "CHG 12"), as it is shown and compared. */
function oneLine(text: string): string {
  return /\s\s|[^\S ]/u.test(text) ? text.replace(/\s+/gu, ' ') : text;
}

function emptyPopulationError(input: PopulationInput, headers: readonly string[]): ImportError {
  const column = columnName(input.keyColumn, headers[input.keyColumn] ?? '');
  return new ImportError(
    `There are no items in this population: no row below the header has a value in column ${column}. ` +
      'Check that you chose the right sheet, header row and key column, or ask the client for the population again.',
  );
}

/**
 * The population from a sheet and the auditor's choices (all indexes 0-based; `headerRow` -1 when the
 * sheet has no header). Every row below the header with a key is an item, in file order; blank rows are
 * passed over; totals, headings, repeated headers and rows without a key are skipped with a problem.
 * Duplicate keys (compared ignoring case and spacing) keep both rows and warn with both row numbers.
 * A date that cannot be read leaves the item undated, with a warning. Dates such as `03/05/2026` are
 * read in the column's day order (see `dateFormatNote`), or in `dayOrder` when the auditor chose one.
 * Items dated before `period.start` or after `period.end` (both days inside) are flagged `outsidePeriod`.
 *
 * Throws `ImportError` for an invalid choice, an empty population or more than `MAX_POPULATION_ITEMS`.
 */
export function buildPopulation(input: PopulationInput): Population {
  const rows = input.grid.rows;
  const width = columnCount(rows);
  checkInput(input, width);
  const headers = input.headerRow < 0 ? [] : headerLabels(rows, input.headerRow);
  const builder = new PopulationBuilder(input, headers, input.period);
  const from = Math.max(0, input.headerRow + 1);
  const { dateColumn } = input;
  const evidence = dateColumn === null ? null : detectDayOrder(rows, dateColumn, from);
  const order = input.dayOrder ?? evidence?.order ?? 'month-first';
  const reader = new ColumnDateReader(order);
  const classifier = new RowClassifier({
    keyColumn: input.keyColumn,
    keyHeader: headers[input.keyColumn] ?? '',
    multiColumn: width > 1,
  });
  for (let index = from; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    const key = oneLine(cellText(cells[input.keyColumn]));
    const kind = classifier.classify(cells, key);
    if (kind === 'blank') continue;
    const row = index + 1;
    if (kind !== 'item') builder.skip(row, kind, skippedText(cells, key, kind));
    else if (key === '') builder.blankKey(index);
    else {
      builder.checkDuplicate(row, key);
      builder.add(row, key, dateColumn === null ? null : readItemDate(builder, index, dateColumn, reader));
    }
  }
  if (builder.items.length === 0) throw emptyPopulationError(input, headers);
  return {
    items: builder.items,
    count: builder.items.length,
    problems: builder.problems,
    summary: summarise(builder),
    dayOrder: evidence?.order ? order : null,
    dateFormatNote:
      evidence && dateColumn !== null
        ? dayOrderNote(
            evidence,
            columnName(dateColumn, headers[dateColumn] ?? ''),
            order,
            input.dayOrder !== undefined,
          )
        : null,
  };
}

function summarise(builder: PopulationBuilder): Population['summary'] {
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  let outsidePeriod = 0;
  let undated = 0;
  for (const item of builder.items) {
    if (item.outsidePeriod) outsidePeriod += 1;
    if (item.date === null) {
      undated += 1;
      continue;
    }
    if (firstDate === null || item.date < firstDate) firstDate = item.date;
    if (lastDate === null || item.date > lastDate) lastDate = item.date;
  }
  return {
    firstDate,
    lastDate,
    outsidePeriod,
    undated,
    duplicates: builder.duplicates,
    skipped: builder.skipped,
  };
}
