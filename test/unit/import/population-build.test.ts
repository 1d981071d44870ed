import { describe, expect, it } from 'vitest';
import {
  buildPopulation,
  ImportError,
  MAX_POPULATION_ITEMS,
  type Cell,
  type PopulationInput,
} from '../../../shared/import';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

function build(rows: Cell[][], options: Partial<PopulationInput> = {}) {
  return buildPopulation({
    grid: { rows },
    headerRow: 0,
    keyColumn: 0,
    dateColumn: 1,
    period: PERIOD,
    ...options,
  });
}

function failure(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('no error was thrown');
}

describe('period flags', () => {
  it('flags items dated before the start or after the end; both boundary days are inside', () => {
    const population = build([
      ['User', 'Terminated'],
      ['a', '2025-12-31'],
      ['b', '2026-01-01'],
      ['c', '2026-06-15'],
      ['d', '2026-12-31'],
      ['e', '2027-01-01'],
      ['f', null],
    ]);
    expect(population.items.map((i) => [i.key, i.outsidePeriod])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
      ['d', false],
      ['e', true],
      ['f', false],
    ]);
    expect(population.summary).toEqual({
      firstDate: '2025-12-31',
      lastDate: '2027-01-01',
      outsidePeriod: 2,
      undated: 1,
      duplicates: 0,
      skipped: 0,
    });
    expect(population.problems).toEqual([]);
  });

  it('flags nothing without a period or without a date column', () => {
    const rows: Cell[][] = [
      ['User', 'Terminated'],
      ['a', '2020-01-01'],
    ];
    expect(build(rows, { period: null }).items[0]?.outsidePeriod).toBe(false);
    const undated = build(rows, { dateColumn: null });
    expect(undated.items).toEqual([{ row: 2, key: 'a', date: null, outsidePeriod: false }]);
    expect(undated.summary.undated).toBe(1);
    expect(undated.dateFormatNote).toBeNull();
    expect(undated.dayOrder).toBeNull();
  });

  it('refuses a period that ends before it starts', () => {
    const error = failure(() =>
      build([['User'], ['a']], { dateColumn: null, period: { start: '2026-12-31', end: '2026-01-01' } }),
    );
    expect(error.message).toBe(
      'The audit period is not valid: its start must be a date on or before its end.',
    );
  });
});

describe('rows that are not items', () => {
  it('skips totals, subtotals, counts, headings and repeated headers; passes over blank rows silently', () => {
    const population = build([
      ['Change ID', 'Closed', 'Summary'],
      ['January changes:'],
      ['CHG1', '2026-01-05', 'Patch'],
      [],
      ['Subtotal', null, null],
      ['Change ID', 'Closed', 'Summary'],
      ['CHG2', '2026-02-05', 'Total rewrite of billing'],
      [null, null, 'Grand total: 2'],
      ['Record count: 2'],
      ['Changes approved by the CAB in February'],
      [null, null, null],
    ]);
    expect(population.items.map((i) => i.key)).toEqual(['CHG1', 'CHG2']);
    expect(population.problems.map((p) => p.message)).toEqual([
      'Row 2: "January changes:" looks like a heading or a note, not an item; the row is skipped.',
      'Row 5: "Subtotal" looks like a total, not an item; the row is skipped.',
      'Row 6: repeats the column headings; the row is skipped.',
      'Row 8: "Grand total: 2" looks like a total, not an item; the row is skipped.',
      'Row 9: "Record count: 2" looks like a total, not an item; the row is skipped.',
      'Row 10: "Changes approved by the CAB in February" looks like a heading or a note, not an item; the row is skipped.',
    ]);
    expect(population.summary.skipped).toBe(6);
  });

  it('sees a total written beside a count in the key column', () => {
    const population = build(
      [
        ['Summary', 'ID', 'Closed'],
        ['Patch', '7', '2026-01-01'],
        ['Total', 1, null],
      ],
      { keyColumn: 1, dateColumn: 2 },
    );
    expect(population.items.map((i) => i.key)).toEqual(['7']);
    expect(population.problems.map((p) => p.message)).toEqual([
      'Row 3: "Total" looks like a total, not an item; the row is skipped.',
    ]);
  });

  it('skips a row without a key and says so, with the reader note when a formula had no result', () => {
    const population = buildPopulation({
      grid: {
        rows: [
          ['ID', 'Date'],
          ['1', '2026-01-01'],
          [null, '2026-01-02'],
          ['  ', '2026-01-03'],
          ['4', null],
        ],
        notes: [{ row: 2, column: 0, message: 'the formula in this cell has no saved result.' }],
      },
      headerRow: 0,
      keyColumn: 0,
      dateColumn: 1,
      period: null,
    });
    expect(population.items.map((i) => i.row)).toEqual([2, 5]);
    expect(population.problems.map((p) => [p.kind, p.message])).toEqual([
      [
        'blank-key',
        'Row 3, column A "ID": the formula in this cell has no saved result. The row is skipped.',
      ],
      ['blank-key', 'Row 4, column A "ID": the key is blank, so the row is skipped.'],
    ]);
    expect(population.problems[0]?.column).toEqual({ index: 0, letter: 'A', header: 'ID' });
  });

  it('keeps several words as a key when the sheet has only that column', () => {
    const population = build([['Name'], ['Mary Jane Smith'], ['Bo Li']], { dateColumn: null });
    expect(population.items.map((i) => i.key)).toEqual(['Mary Jane Smith', 'Bo Li']);
  });
});

describe('duplicate keys', () => {
  it('keeps every row, and names the first row on each repeat (case and spacing ignored)', () => {
    const population = build([
      ['Ticket', 'Closed'],
      ['CHG 1', '2026-01-01'],
      ['CHG2', '2026-01-02'],
      ['chg  1', '2026-01-03'],
      ['CHG 1', '2026-01-04'],
    ]);
    expect(population.items.map((i) => [i.row, i.key])).toEqual([
      [2, 'CHG 1'],
      [3, 'CHG2'],
      [4, 'chg 1'],
      [5, 'CHG 1'],
    ]);
    expect(population.problems.map((p) => p.message)).toEqual([
      'Row 4, column A "Ticket": "chg 1" also appears on row 2. Both rows are kept as separate items; ask the ' +
        'client whether the population lists this item twice.',
      'Row 5, column A "Ticket": "CHG 1" also appears on row 2. Both rows are kept as separate items; ask the ' +
        'client whether the population lists this item twice.',
    ]);
    expect(population.summary.duplicates).toBe(2);
  });

  it('finds duplicates among 100,000 rows quickly, and builds the same result every time', () => {
    const rows: Cell[][] = [['Change ID', 'Summary', 'Implemented on']];
    for (let i = 0; i < 100_000; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((i % 12) + 1).padStart(2, '0');
      rows.push([`CHG${i % 99_990}`, `Change number ${i}`, `${month}/${day}/2026`]);
    }
    const started = performance.now();
    const population = build(rows, { dateColumn: 2 });
    const elapsed = performance.now() - started;
    expect(population.count).toBe(100_000);
    expect(population.summary.duplicates).toBe(10);
    expect(population.items[99_999]).toEqual({
      row: 100_001,
      key: 'CHG9',
      date: '2026-04-12',
      outsidePeriod: false,
    });
    expect(elapsed).toBeLessThan(1000);
    expect(build(rows, { dateColumn: 2 })).toEqual(population);
  });
});

describe('dates', () => {
  it('keeps an item whose date cannot be read, without a date, and warns', () => {
    const population = build([
      ['ID', 'Approved'],
      ['1', '31/02/2026'],
      ['2', 'pending'],
      ['3', true],
      ['4', new Date(Date.UTC(1899, 11, 30, 14, 30))],
    ]);
    expect(population.items.map((i) => i.date)).toEqual([null, null, null, null]);
    expect(population.problems.map((p) => p.message)).toEqual([
      'Row 2, column B "Approved": "31/02/2026" is not a date Fieldwork can read; the item is kept without a date.',
      'Row 3, column B "Approved": "pending" is not a date Fieldwork can read; the item is kept without a date.',
      'Row 4, column B "Approved": "TRUE" is not a date Fieldwork can read; the item is kept without a date.',
      'Row 5, column B "Approved": "1899-12-30" is not a date Fieldwork can read; the item is kept without a date.',
    ]);
    expect(population.summary.undated).toBe(4);
  });

  it('reads ambiguous dates day first when any date of the column has a day above 12', () => {
    const population = build([
      ['ID', 'Closed'],
      ['1', '03/05/2026'],
      ['2', '13/05/2026'],
      ['3', '5/6/26'],
    ]);
    expect(population.items.map((i) => i.date)).toEqual(['2026-05-03', '2026-05-13', '2026-06-05']);
    expect(population.dayOrder).toBe('day-first');
  });

  it('reads them month first (US) when nothing in the column settles it, and says so', () => {
    const population = build([
      ['ID', 'Closed'],
      ['1', '03/05/2026'],
      ['2', '04/06/2026 13:45'],
    ]);
    expect(population.items.map((i) => i.date)).toEqual(['2026-03-05', '2026-04-06']);
    expect(population.dayOrder).toBe('month-first');
    expect(population.dateFormatNote).toBe(
      'No date in column B "Closed" shows whether it is written day or month first, so dates are read month ' +
        'first, the US order: "03/05/2026" (row 2) is 5 Mar 2026. If the client\'s system writes the day ' +
        'first, choose day first.',
    );
  });

  it('follows the order the auditor chose', () => {
    const population = build(
      [
        ['ID', 'Closed'],
        ['1', '03/05/2026'],
      ],
      { dayOrder: 'day-first' },
    );
    expect(population.items[0]?.date).toBe('2026-05-03');
    expect(population.dateFormatNote).toBe(
      'Dates in column B "Closed" that could be read either way are read day first, as chosen: "03/05/2026" ' +
        '(row 2) is 3 May 2026.',
    );
  });

  it('warns about a column that mixes both orders', () => {
    const population = build([
      ['ID', 'Closed'],
      ['1', '25/03/2026'],
      ['2', '03/25/2026'],
      ['3', '03/04/2026'],
    ]);
    expect(population.items.map((i) => i.date)).toEqual(['2026-03-25', '2026-03-25', '2026-04-03']);
    expect(population.dateFormatNote).toMatch(
      /^Column B "Closed" mixes dates written day first \("25\/03\/2026", row 2\) and month first \("03\/25\/2026", row 3\)\./,
    );
  });

  it('has no note when every date reads only one way', () => {
    const population = build([
      ['ID', 'Closed'],
      ['1', '2026-03-05'],
      ['2', '12/25/2026'],
    ]);
    expect(population.dateFormatNote).toBeNull();
    expect(population.dayOrder).toBe('month-first');
  });
});

describe('populations Fieldwork refuses', () => {
  it('an empty population, in plain words', () => {
    const error = failure(() =>
      build([
        ['Change ID', 'Closed'],
        [null, '2026-01-01'],
        ['Total', null],
      ]),
    );
    expect(error.message).toBe(
      'There are no items in this population: no row below the header has a value in column A "Change ID". ' +
        'Check that you chose the right sheet, header row and key column, or ask the client for the population again.',
    );
  });

  it('a key column that is not there', () => {
    const error = failure(() => build([['ID'], ['1']], { keyColumn: 4, dateColumn: null }));
    expect(error.message).toMatch(/^Choose the column that identifies each item/);
  });

  it(`more than ${MAX_POPULATION_ITEMS.toLocaleString('en-US')} items`, () => {
    const rows = Array.from({ length: MAX_POPULATION_ITEMS + 1 }, (_, i): Cell[] => [i + 1]);
    const error = failure(() =>
      buildPopulation({ grid: { rows }, headerRow: -1, keyColumn: 0, dateColumn: null, period: null }),
    );
    expect(error.message).toMatch(/^This population has more than 1,000,000 items/);
  });
});
