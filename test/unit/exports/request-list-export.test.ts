import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '../../../shared/exports/request-list';
import { rowHeight } from '../../../shared/exports/request-list/request-sheet';
import { COLUMNS } from '../../../shared/exports/request-list/columns';
import { exportFixture, HOSTILE, makeFixture, openWorkbook, packageParts } from './request-list-fixture';

const HEADERS = [
  'Request #',
  'Title',
  'Description',
  'Type',
  'Related controls',
  'Client owner',
  'Auditor contact',
  'Requested',
  'Due',
  'Overdue?',
  'Priority',
  'Status',
  'Client comments',
  'Date provided',
];
const col = (header: string): number => HEADERS.indexOf(header) + 1;

function headerRowOf(sheet: Worksheet): number {
  for (let r = 1; r <= sheet.rowCount; r += 1) if (sheet.getCell(r, 1).value === 'Request #') return r;
  throw new Error('no header row');
}

/** The request rows: row number by request number. */
function requestRows(sheet: Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  for (let r = headerRowOf(sheet) + 1; r <= sheet.rowCount; r += 1) {
    const value = sheet.getCell(r, 1).value;
    if (typeof value === 'string' && value !== '') rows.set(value, r);
  }
  return rows;
}

async function exported() {
  const fixture = makeFixture();
  const bytes = await exportFixture(fixture);
  const workbook = await openWorkbook(bytes);
  const sheet = workbook.getWorksheet('Requests');
  if (!sheet) throw new Error('no Requests sheet');
  return { fixture, bytes, workbook, sheet, header: headerRowOf(sheet), rows: requestRows(sheet) };
}

describe('buildRequestListWorkbook', () => {
  it('writes a Requests sheet with a title block, the header and the live requests in number order', async () => {
    const { workbook, sheet, header, rows } = await exported();
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Requests', 'visible'],
      ['About', 'hidden'],
    ]);
    const title = Array.from({ length: header - 1 }, (_, i) => sheet.getCell(i + 1, 1).value);
    expect(title).toEqual(
      expect.arrayContaining([
        'Request list — Northwind Payroll, Inc.',
        'System: Northwind Payroll Platform',
        'Period: 1 Jan 2026 – 30 Sep 2026',
        INSTRUCTIONS,
      ]),
    );
    expect(
      title.some((t) => typeof t === 'string' && t.startsWith('Exported: ') && t.endsWith('by Sam Ortega')),
    ).toBe(true);
    expect(HEADERS.map((h, i) => sheet.getCell(header, i + 1).value)).toEqual(HEADERS);
    expect([...rows.keys()]).toEqual([
      'PBC-001',
      'PBC-002',
      'PBC-003',
      'PBC-004',
      'PBC-005',
      'PBC-006',
      'PBC-008',
    ]);
    const pbc1 = rows.get('PBC-001') ?? 0;
    expect(sheet.getCell(pbc1, col('Related controls')).value).toBe('CC6.1-01, CC6.2-01');
    expect(sheet.getCell(pbc1, col('Type')).value).toBe('Policy / document');
    expect(sheet.getCell(rows.get('PBC-003') ?? 0, col('Status')).value).toBe('Submitted');
  });

  it('freezes the header, filters it, prints landscape one page wide with the header on every page', async () => {
    const { sheet, header, rows } = await exported();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header, xSplit: 1 });
    expect(sheet.autoFilter).toBe(`A${header}:N${header + rows.size}`);
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${header}:${header}`,
    });
    expect(sheet.getColumn(col('Description')).width).toBeGreaterThan(40);
    expect(sheet.getCell(rows.get('PBC-002') ?? 0, col('Description')).alignment?.wrapText).toBe(true);
    // `&` starts a code in page headers and footers; a literal one is doubled.
    expect(sheet.headerFooter.oddFooter).toContain('Harbor && Quill CPAs LLP');
  });

  it('marks the client columns yellow with a header note, and overdue requests red with the word Overdue', async () => {
    const { sheet, header, rows } = await exported();
    for (const h of ['Status', 'Client comments', 'Date provided']) {
      expect(sheet.getCell(header, col(h)).note).toBeTruthy();
      const fill = sheet.getCell(rows.get('PBC-002') ?? 0, col(h)).fill;
      expect(fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
    }
    expect(sheet.getCell(header, col('Title')).note).toBeUndefined();
    const overdue = [...rows].filter(([, r]) => sheet.getCell(r, col('Overdue?')).value === 'Overdue');
    // Open and Returned requests past their due date; Accepted PBC-008 is past due but owes nothing.
    expect(overdue.map(([n]) => n)).toEqual(['PBC-001', 'PBC-004']);
    expect(sheet.getCell(rows.get('PBC-001') ?? 0, col('Title')).fill).toMatchObject({
      fgColor: { argb: 'FFFBE2E2' },
    });
    expect(JSON.stringify(sheet.getCell(rows.get('PBC-002') ?? 0, col('Title')).fill)).not.toContain(
      'FBE2E2',
    );
  });

  it('validates Status against the status labels and Date provided as a date, on every row and 200 spare rows', async () => {
    const { bytes, sheet, header, rows } = await exported();
    const last = header + rows.size + 200;
    for (let r = header + 1; r <= last; r += 1) {
      expect(sheet.getCell(r, col('Status')).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"Draft,Open,In progress,Submitted,Accepted,Returned,Closed"'],
      });
      expect(sheet.getCell(r, col('Date provided')).dataValidation).toMatchObject({ type: 'date' });
    }
    expect(sheet.getCell(last + 1, col('Status')).dataValidation).toBeUndefined();
    // One range per column: overlapping ranges make Excel repair the file.
    const xml = (await packageParts(bytes, 'xl/worksheets/sheet1.xml')).get('xl/worksheets/sheet1.xml') ?? '';
    expect([...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1])).toEqual([
      `L${header + 1}:L${last}`,
      `N${header + 1}:N${last}`,
    ]);
    expect(sheet.getCell(header, col('Status')).dataValidation).toBeUndefined();
  });

  it('writes dates as date cells on the right calendar day', async () => {
    const { sheet, rows } = await exported();
    const due = sheet.getCell(rows.get('PBC-001') ?? 0, col('Due'));
    expect(due.value).toEqual(new Date('2026-03-13T00:00:00.000Z'));
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(rows.get('PBC-003') ?? 0, col('Date provided')).value).toEqual(
      new Date('2026-03-18T00:00:00.000Z'),
    );
    expect(sheet.getCell(rows.get('PBC-003') ?? 0, col('Requested')).value).toEqual(
      new Date('2026-02-02T00:00:00.000Z'),
    );
    expect(sheet.getCell(rows.get('PBC-001') ?? 0, col('Date provided')).value).toBeNull();
  });

  it('keeps every date on its day whatever the time zone of the machine', async () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        const { sheet, rows } = await exported();
        expect(sheet.getCell(rows.get('PBC-001') ?? 0, col('Due')).value).toEqual(
          new Date(Date.UTC(2026, 2, 13)),
        );
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('writes hostile and number-like text as text cells, with no formula anywhere', async () => {
    const { bytes, sheet, rows } = await exported();
    const cell = (n: string, h: string) => sheet.getCell(rows.get(n) ?? 0, col(h));
    const expected: [string, string, string][] = [
      ['PBC-004', 'Description', HOSTILE.formula],
      ['PBC-004', 'Client comments', HOSTILE.minus],
      ['PBC-005', 'Title', HOSTILE.plus],
      ['PBC-005', 'Description', HOSTILE.at],
      ['PBC-005', 'Client owner', HOSTILE.tab],
      ['PBC-005', 'Client comments', HOSTILE.cr],
      ['PBC-006', 'Title', HOSTILE.zeros],
      ['PBC-006', 'Description', HOSTILE.dateLike],
      ['PBC-006', 'Auditor contact', HOSTILE.escapeLike],
      ['PBC-002', 'Client owner', HOSTILE.polish],
    ];
    for (const [n, h, text] of expected) {
      expect(cell(n, h).type, `${n} ${h}`).toBe(ExcelJS.ValueType.String);
      expect(cell(n, h).value, `${n} ${h}`).toBe(text);
      expect(cell(n, h).numFmt, `${n} ${h}`).toBe('@');
    }
    const sheets = await packageParts(bytes, 'xl/worksheets/sheet');
    expect(sheets.size).toBe(2);
    for (const xml of sheets.values()) expect(xml).not.toMatch(/<f[\s>]/);
  });

  it('records the engagement and export in the hidden About sheet and the document properties', async () => {
    const { workbook, fixture } = await exported();
    expect(workbook.title).toBe('Request list — Northwind Payroll, Inc.');
    expect(workbook.creator).toBe('Sam Ortega');
    expect(workbook.company).toBe('Harbor & Quill CPAs LLP');
    const about = workbook.getWorksheet('About');
    const values = about?.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(values).toEqual(expect.arrayContaining([fixture.engagement.id, '2026-03-20T14:05:00.000Z']));
  });

  it('shows the as-of date of a Type 1 engagement, and builds a usable file with no requests yet', async () => {
    const fixture = makeFixture();
    fixture.engagement = {
      ...fixture.engagement,
      kind: 'soc2-type1',
      asOfDate: '2026-06-30',
      periodStart: null,
      periodEnd: null,
    };
    fixture.requests = [];
    const sheet = (await openWorkbook(await exportFixture(fixture))).getWorksheet('Requests');
    if (!sheet) throw new Error('no Requests sheet');
    const header = headerRowOf(sheet);
    expect(sheet.getColumn(1).values).toContain('As of: 30 Jun 2026');
    expect(sheet.autoFilter).toBe(`A${header}:N${header}`);
    expect(sheet.getCell(header + 1, col('Status')).dataValidation).toMatchObject({ type: 'list' });
  });
});

describe('row heights', () => {
  it('grow with wrapped text so long descriptions do not spill over the next rows', () => {
    const blank = Object.fromEntries(COLUMNS.map((c) => [c.key, ''])) as Parameters<typeof rowHeight>[0];
    expect(rowHeight(blank)).toBe(15);
    const long = { ...blank, description: 'x'.repeat(200) };
    expect(rowHeight(long)).toBeGreaterThanOrEqual(45);
    expect(rowHeight({ ...blank, description: 'a\nb\nc\nd' })).toBe(60);
    expect(rowHeight({ ...blank, description: 'y'.repeat(100_000) })).toBe(300); // capped
  });
});
