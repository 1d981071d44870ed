import { describe, expect, it } from 'vitest';
import {
  buildPopulation,
  POPULATION_LIMITS,
  ImportError,
  readPopulation,
  type PopulationFile,
  type PopulationSheet,
} from '../../../shared/import';
import { buildXlsx, utf8, withBom } from './fixtures';

const DAY_MS = 86_400_000;
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
/** The serial number Excel stores for a date (a date cell that lost its format shows this). */
const serial = (iso: string): number => (utc(iso).getTime() - Date.UTC(1899, 11, 30)) / DAY_MS;
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  const error: unknown = await promise.then(
    () => new Error('the file was read'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  if (!(error instanceof ImportError)) throw error;
  return error;
}

function suggested(file: PopulationFile): PopulationSheet {
  const sheet = file.sheets[file.suggestedSheet];
  if (!sheet) throw new Error('no suggested sheet');
  return sheet;
}

/** A change-ticket export as clients send it: a title, a run note, a summary sheet, a hidden lookup sheet. */
async function messyChangeExport(): Promise<Uint8Array> {
  return buildXlsx([
    {
      name: 'Summary',
      rows: [
        ['Month', 'Count'],
        ['Jan', 2],
        ['Feb', 1],
      ],
    },
    {
      name: 'Changes',
      merges: ['A1:E1'],
      rows: [
        ['Acme Corp – change tickets FY2026', 'x', 'x', 'x', 'x'],
        ['Report run 2026-04-02 by svc_report'],
        [],
        ['Change ID', 'Summary', 'Requested by', 'Approved on', 'Implemented on'],
        ['CHG0001', 'Patch web servers', 'Ann', utc('2026-01-05'), utc('2026-01-06')],
        ['CHG0002', 'Rotate API keys', 'Bob', serial('2026-01-10'), '2026-01-11T14:30:00Z'],
        [],
        ['CHG0003', 'Add DB index', 'Cy', '2026-02-03 09:15', '2/14/2026'],
        [undefined, 'Row without a ticket number', 'Dee', '2026-02-20', '2026-02-21'],
        ['CHG0004', 'Firewall rule', 'Eve', '5 Mar 2026', 'March 6, 2026'],
        ['chg0002', 'Re-run key rotation', 'Bob', '03/05/26', '3/6/2026 10:00 AM'],
        ['CHG0005', 'Hotfix', 'Fay', '12/31/2025', '1/2/2026'],
        ['CHG0006', 'Config change', 'Gus', 'n/a', '2026-06-01'],
        ['CHG0007', 'Year-end freeze exception', 'Hal', '2026-12-31', '2027-01-02'],
        ['CHG0008', 'Late change', 'Ida', '2027-01-01', '2027-01-03'],
        ['CHG0009', 'Cert renewal', 'Jo', '2026-07-01', '2026-07-02'],
        [],
        ['Total', 11],
      ],
    },
    { name: 'Lists', hidden: true, rows: [['User'], ['Ann'], ['Bob']] },
  ]);
}

describe('reading a population file', () => {
  it('finds the sheet, the header below the title rows, and suggests the key and date columns', async () => {
    const file = await readPopulation(await messyChangeExport(), 'changes.xlsx');
    expect(file.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Summary', false],
      ['Changes', false],
      ['Lists', true],
    ]);
    const sheet = suggested(file);
    expect(sheet.name).toBe('Changes');
    expect(sheet.headerRow).toBe(3);
    expect(sheet.rowCount).toBe(12);
    expect(sheet.columns.map((c) => `${c.letter}:${c.label}`)).toEqual([
      'A:Change ID',
      'B:Summary',
      'C:Requested by',
      'D:Approved on',
      'E:Implemented on',
    ]);
    expect(sheet.suggestion).toEqual({ keyColumn: 0, dateColumn: 3, dateColumns: [3, 4] });
  });

  it('builds the items in file order, skipping blank keys and totals, flagging duplicates and bad dates', async () => {
    const sheet = suggested(await readPopulation(await messyChangeExport(), 'changes.xlsx'));
    const population = buildPopulation({
      grid: sheet.grid,
      headerRow: sheet.headerRow,
      keyColumn: 0,
      dateColumn: 3,
      period: PERIOD,
    });
    expect(population.items.map((i) => [i.row, i.key, i.date, i.outsidePeriod])).toEqual([
      [5, 'CHG0001', '2026-01-05', false],
      [6, 'CHG0002', '2026-01-10', false],
      [8, 'CHG0003', '2026-02-03', false],
      [10, 'CHG0004', '2026-03-05', false],
      [11, 'chg0002', '2026-03-05', false],
      [12, 'CHG0005', '2025-12-31', true],
      [13, 'CHG0006', null, false],
      [14, 'CHG0007', '2026-12-31', false],
      [15, 'CHG0008', '2027-01-01', true],
      [16, 'CHG0009', '2026-07-01', false],
    ]);
    expect(population.count).toBe(10);
    expect(population.problems.map((p) => [p.row, p.kind])).toEqual([
      [9, 'blank-key'],
      [11, 'duplicate-key'],
      [13, 'unreadable-date'],
      [18, 'total-row'],
    ]);
    const messages = population.problems.map((p) => p.message);
    expect(messages[0]).toBe('Row 9, column A "Change ID": the key is blank, so the row is skipped.');
    expect(messages[1]).toMatch(/^Row 11, column A "Change ID": "chg0002" also appears on row 6\. Both rows/);
    expect(messages[2]).toBe(
      'Row 13, column D "Approved on": "n/a" is not a date Fieldwork can read; the item is kept without a date.',
    );
    expect(messages[3]).toBe('Row 18: "Total" looks like a total, not an item; the row is skipped.');
    expect(population.summary).toEqual({
      firstDate: '2025-12-31',
      lastDate: '2027-01-01',
      outsidePeriod: 2,
      undated: 1,
      duplicates: 1,
      skipped: 2,
    });
    expect(population.dayOrder).toBe('month-first');
    expect(population.dateFormatNote).toBe(
      'Column D "Approved on" writes dates month first ("12/31/2025", row 12), so dates that could be either ' +
        'are read month first too: "03/05/26" (row 11) is 5 Mar 2026. If that is wrong, choose day first.',
    );
  });

  it('reads the other date column as chosen: ISO with time, US text with time, month names', async () => {
    const sheet = suggested(await readPopulation(await messyChangeExport(), 'changes.xlsx'));
    const population = buildPopulation({
      grid: sheet.grid,
      headerRow: sheet.headerRow,
      keyColumn: 0,
      dateColumn: 4,
      period: null,
    });
    expect(population.items.map((i) => i.date)).toEqual([
      '2026-01-06',
      '2026-01-11',
      '2026-02-14',
      '2026-03-06',
      '2026-03-06',
      '2026-01-02',
      '2026-06-01',
      '2027-01-02',
      '2027-01-03',
      '2026-07-02',
    ]);
    expect(population.items.every((i) => !i.outsidePeriod)).toBe(true);
    expect(population.summary.outsidePeriod).toBe(0);
  });

  it('reads a semicolon CSV with a byte-order mark, and sees that its dates are written day first', async () => {
    const text =
      'User ID;Name;Department;Termination date\r\n' +
      'u1001;Anna Müller;Finance;25/03/2026\r\n' +
      'u1002;Bert Jansen;IT;03/04/2026\r\n' +
      'u1003;Chloé Martin;Sales, EMEA;14/02/2026\r\n' +
      'u1004;Dirk de Vries;IT;31.12.2025\r\n';
    const file = await readPopulation(withBom(utf8(text)), 'Leavers FY26.csv');
    const sheet = suggested(file);
    expect(sheet.name).toBe('Leavers FY26');
    expect(sheet.headerRow).toBe(0);
    expect(sheet.columns.map((c) => c.label)).toEqual(['User ID', 'Name', 'Department', 'Termination date']);
    expect(sheet.suggestion).toEqual({ keyColumn: 0, dateColumn: 3, dateColumns: [3] });
    const population = buildPopulation({
      grid: sheet.grid,
      headerRow: 0,
      keyColumn: 0,
      dateColumn: 3,
      period: PERIOD,
    });
    expect(population.items.map((i) => [i.key, i.date, i.outsidePeriod])).toEqual([
      ['u1001', '2026-03-25', false],
      ['u1002', '2026-04-03', false],
      ['u1003', '2026-02-14', false],
      ['u1004', '2025-12-31', true],
    ]);
    expect(population.dayOrder).toBe('day-first');
    expect(population.dateFormatNote).toBe(
      'Column D "Termination date" writes dates day first ("25/03/2026", row 2), so dates that could be ' +
        'either are read day first too: "03/04/2026" (row 3) is 3 Apr 2026. If that is wrong, choose month first.',
    );
  });

  it('reads a generated 500-item workbook in file order', async () => {
    const rows: (string | number | Date)[][] = [['Ticket', 'Category', 'Closed']];
    const categories = ['Access', 'Change', 'Incident'];
    for (let i = 0; i < 500; i += 1) {
      const closed = new Date(utc('2026-01-01').getTime() + (i % 365) * DAY_MS);
      rows.push([`INC${10_000 + i}`, categories[i % 3] ?? '', closed]);
    }
    const sheet = suggested(
      await readPopulation(await buildXlsx([{ name: 'Incidents', rows }]), 'incidents.xlsx'),
    );
    expect(sheet.rowCount).toBe(500);
    expect(sheet.suggestion.keyColumn).toBe(0);
    expect(sheet.suggestion.dateColumn).toBe(2);
    const population = buildPopulation({
      grid: sheet.grid,
      headerRow: sheet.headerRow,
      keyColumn: 0,
      dateColumn: 2,
      period: PERIOD,
    });
    expect(population.count).toBe(500);
    expect(population.problems).toEqual([]);
    expect(population.items[0]).toEqual({
      row: 2,
      key: 'INC10000',
      date: '2026-01-01',
      outsidePeriod: false,
    });
    expect(population.items[499]).toEqual({
      row: 501,
      key: 'INC10499',
      date: '2026-05-15',
      outsidePeriod: false,
    });
    expect(population.items.map((i) => i.row)).toEqual(Array.from({ length: 500 }, (_, i) => i + 2));
    expect(population.summary).toMatchObject({
      firstDate: '2026-01-01',
      lastDate: '2026-12-31',
      duplicates: 0,
    });
    expect(population.dateFormatNote).toBeNull();
  });
});

describe('population files Fieldwork cannot use', () => {
  it('a workbook with headings but no rows below them', async () => {
    const bytes = await buildXlsx([
      { name: 'Changes', rows: [['Change tickets FY2026'], [], ['Change ID', 'Summary', 'Approved on']] },
    ]);
    const error = await failure(readPopulation(bytes, 'changes.xlsx'));
    expect(error.message).toBe(
      'This file has no rows to sample from: there is nothing below the column headings. Check that you ' +
        'chose the right file, or ask the client for the population again.',
    );
  });

  it('a CSV with only its header line', async () => {
    const error = await failure(readPopulation(utf8('Change ID,Summary,Approved on\r\n'), 'changes.csv'));
    expect(error.message).toMatch(/^This file has no rows to sample from/);
  });

  it('a PDF, with the message readSpreadsheet gives', async () => {
    const pdf = utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    const error = await failure(readPopulation(pdf, 'population.xlsx'));
    expect(error.message).toBe(
      'This file is not a spreadsheet Fieldwork can read (it is a PDF document). Choose an Excel workbook ' +
        '(.xlsx) or a CSV file.',
    );
  });

  it('a population is not held to the control matrix row limit: 25,000 rows read', async () => {
    const lines = ['Change ID,Approved on'];
    for (let i = 0; i < 25_000; i += 1) lines.push(`CHG${i},2026-01-01`);
    const file = await readPopulation(utf8(lines.join('\n')), 'changes.csv');
    expect(file.sheets[0]?.rowCount).toBe(25_000);
    expect(file.sheets[0]?.refusal).toBeNull();
  });

  it('a file over the population size limit is refused in plain words', async () => {
    const big = new Uint8Array(POPULATION_LIMITS.maxFileBytes + 1).fill(65);
    const error = await failure(readPopulation(big, 'logins.csv'));
    expect(error.message).toMatch(/up to 200 MB.*split the population by month or system/);
  });
});
