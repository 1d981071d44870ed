import { describe, expect, it } from 'vitest';
import {
  detectPopulationHeaderRow,
  readDateCell,
  suggestPopulationColumns,
  type Cell,
} from '../../../shared/import';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A ticket export as a change tool writes it (ServiceNow-like), with a report title above the header. */
const CHANGE_EXPORT: Cell[][] = [
  ['Change requests – implemented FY2026'],
  [],
  ['Change ID', 'Summary', 'Requested by', 'Approved on', 'Implemented on'],
  ['CHG0030001', 'Upgrade load balancer firmware', 'A. Patel', utc('2026-01-12'), utc('2026-01-14')],
  ['CHG0030002', 'Rotate database credentials', 'B. Chen', utc('2026-01-20'), utc('2026-01-21')],
  ['CHG0030003', 'Deploy release 4.2', 'A. Patel', utc('2026-02-02'), null],
  ['CHG0030004', 'Change backup schedule', 'C. Diaz', utc('2026-02-10'), utc('2026-02-11')],
  ['CHG0030005', 'Emergency patch', 'B. Chen', utc('2026-02-11'), utc('2026-02-11')],
];

describe('suggesting the key and date columns', () => {
  it('on a change export: "Change ID", and the leftmost event date, "Approved on"', () => {
    const headerRow = detectPopulationHeaderRow(CHANGE_EXPORT);
    expect(headerRow).toBe(2);
    expect(suggestPopulationColumns(CHANGE_EXPORT, headerRow)).toEqual({
      keyColumn: 0,
      dateColumn: 3,
      dateColumns: [3, 4],
    });
  });

  it('on a leavers list: the employee ID over email and name, the termination date over the hire date', () => {
    const rows: Cell[][] = [
      ['Name', 'Email', 'Employee ID', 'Hire date', 'Termination date', 'Manager'],
      ['Ann Lee', 'ann@acme.test', 'E-100', '2019-04-01', '2026-02-27', 'Bo Ray'],
      ['Cy Fox', 'cy@acme.test', 'E-101', '2021-09-13', '2026-03-31', 'Bo Ray'],
      ['Di Moe', 'di@acme.test', 'E-102', '2024-01-08', '2026-05-15', 'Ed Kim'],
    ];
    expect(suggestPopulationColumns(rows, 0)).toEqual({ keyColumn: 2, dateColumn: 4, dateColumns: [4, 3] });
  });

  it('passes over a key-like column with repeated or missing values', () => {
    const rows: Cell[][] = [
      ['Ticket', 'User', 'Closed'],
      ['T-1', 'ann', '2026-01-01'],
      ['T-1', 'bob', '2026-01-02'],
      ['T-1', 'cy', '2026-01-03'],
      [null, 'di', '2026-01-04'],
    ];
    expect(suggestPopulationColumns(rows, 0).keyColumn).toBe(1);
  });

  it('does not take ticket numbers for Excel date serials, unless the heading names a date', () => {
    const rows: Cell[][] = [
      ['Number', 'Opened'],
      [45_001, 46_050],
      [45_002, 46_051],
      [45_003, 46_052],
    ];
    expect(suggestPopulationColumns(rows, 0)).toEqual({ keyColumn: 0, dateColumn: 1, dateColumns: [1] });
  });

  it('returns null where nothing fits', () => {
    const rows: Cell[][] = [
      ['Department', 'Headcount', 'Comment'],
      ['IT', 12, 'ok'],
      ['IT', 14, 'ok'],
    ];
    expect(suggestPopulationColumns(rows, 0)).toEqual({ keyColumn: null, dateColumn: null, dateColumns: [] });
  });

  it('without a header, takes the leftmost column of short values, all different', () => {
    const rows: Cell[][] = [
      ['the first of several long free-text notes about this item', 'jsmith', utc('2026-03-01')],
      ['another long free-text note about a different item here', 'akhan', utc('2026-03-02')],
    ];
    expect(detectPopulationHeaderRow(rows)).toBe(-1);
    expect(suggestPopulationColumns(rows, -1)).toEqual({ keyColumn: 1, dateColumn: 2, dateColumns: [2] });
  });
});

describe('finding the header row', () => {
  it('passes over titles, run parameters and blank rows above the headings', () => {
    const rows: Cell[][] = [
      ['Terminated users'],
      ['Run by:', 'svc_hr', 'Run on:', utc('2026-04-02')],
      [],
      ['Username', 'Full name', 'Department', 'Terminated', 'Access removed'],
      ['jsmith', 'Jo Smith', 'Sales', '2026-02-01', '2026-02-01'],
    ];
    expect(detectPopulationHeaderRow(rows)).toBe(3);
  });

  it('takes unfamiliar headings when the data below them is of another kind', () => {
    const rows: Cell[][] = [
      ['Chg', 'Desc', 'Impl'],
      ['C-1', 'Patch', utc('2026-01-05')],
    ];
    expect(detectPopulationHeaderRow(rows)).toBe(0);
  });

  it('finds no header in bare data, so that no item is lost', () => {
    const rows: Cell[][] = [
      ['jsmith', 'Jo Smith', 'Sales'],
      ['akhan', 'Ali Khan', 'Finance'],
    ];
    expect(detectPopulationHeaderRow(rows)).toBe(-1);
  });
});

describe('reading one date cell', () => {
  it.each<[Cell, string | null]>([
    [utc('2026-03-05'), '2026-03-05'],
    [new Date(Date.UTC(2026, 2, 5, 23, 59)), '2026-03-05'],
    [46_086, '2026-03-05'],
    [46_086.75, '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2026-03-05T23:30:00+02:00', '2026-03-05'],
    ['2026-03-05 14:22:01', '2026-03-05'],
    ['3/5/2026', '2026-03-05'],
    ['03/05/26', '2026-03-05'],
    ['3/5/2026 2:22 PM', '2026-03-05'],
    ['25/03/2026', '2026-03-25'],
    ['5.3.2026', '2026-03-05'],
    ['5 Mar 2026', '2026-03-05'],
    ['05-Mar-26', '2026-03-05'],
    ['March 5, 2026', '2026-03-05'],
    ['Thu, 5 Mar 2026 09:00:00 GMT', '2026-03-05'],
  ])('%s', (cell, expected) => {
    const reading = readDateCell(cell, 'month-first');
    expect(reading).toEqual({ kind: 'date', date: expected });
  });

  it('reads day first when told', () => {
    expect(readDateCell('03/05/2026', 'day-first')).toEqual({ kind: 'date', date: '2026-05-03' });
  });

  it.each<Cell>(['n/a', '2026-02-30', '13/13/2026', 'March 2026', 12, true, utc('1899-12-30')])(
    'does not read %s',
    (cell) => {
      expect(readDateCell(cell, 'month-first')).toEqual({ kind: 'unreadable' });
    },
  );

  it('reads blank cells as no date', () => {
    for (const cell of [null, undefined, '', '   '])
      expect(readDateCell(cell, 'month-first').kind).toBe('blank');
  });
});
