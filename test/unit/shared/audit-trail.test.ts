import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  changedFieldLabels,
  filterTrailEvents,
  formatTrailTime,
  localDayStart,
  opLabel,
  recordLabel,
  recordLabels,
  recordTypeLabel,
  shortId,
  shownChanges,
  trailActors,
  trailCsv,
  trailCsvRows,
  trailFieldLabel,
  trailRecordTypes,
  trailValue,
  TRAIL_CSV_HEADER,
  type AuditEvent,
} from '../../../shared/domain/audit';
import { formatCsv, formatCsvCell, parseCsv } from '../../../shared/formats/csv';
import { convert, hasLibreOffice, XLSX_FILTER } from '../exports/libreoffice';

const CONTROL = '019a0000-0000-7000-8000-00000000c001';
const TEST = '019a0000-0000-7000-8000-00000000t001';
const ITEM = '019a0000-0000-7000-8000-00000000i001';

/** An event at a local date and time (so the date filters read the same in every time zone). */
function event(seq: number, over: Partial<AuditEvent> & { local?: [number, number, number, number?] } = {}) {
  const [y, m, d, h = 12] = over.local ?? [2026, 3, 10];
  const { local, ...rest } = over;
  void local;
  const e: AuditEvent = {
    chain: 'eng-1',
    seq,
    at: new Date(y, m - 1, d, h, 0, 0).toISOString(),
    actor: 'p-ana',
    actorName: 'Ana López',
    entity: 'control',
    entityId: CONTROL,
    op: 'update',
    changes: { owner: { before: 'IT', after: 'Security' } },
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
    ...rest,
  };
  return e;
}

const labels = new Map([[CONTROL, 'CTRL-01']]);
const labelOf = (e: AuditEvent) => labels.get(e.entityId) ?? shortId(e.entityId);

describe('CSV writing', () => {
  it('quotes what needs quoting and reads back cell for cell', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'a, "quoted" title'],
      ['2', 'two\nlines'],
      [3, null],
    ];
    const text = formatCsv(rows);
    expect(text).toBe('id,text\r\n1,"a, ""quoted"" title"\r\n2,"two\nlines"\r\n3,\r\n');
    expect(parseCsv(text)).toEqual([
      ['id', 'text'],
      ['1', 'a, "quoted" title'],
      ['2', 'two\nlines'],
      ['3', ''],
    ]);
  });

  it('keeps text cells from running as formulas, unless told not to', () => {
    for (const hostile of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) {
      expect(formatCsvCell(hostile).replace(/^"/u, '')).toMatch(/^'/u);
      expect(formatCsvCell(hostile, { protectFormulas: false }).replace(/^"/u, '')).not.toMatch(/^'/u);
    }
    // Numbers are numbers, not formulas; ordinary text is left alone.
    expect(formatCsvCell(-5)).toBe('-5');
    expect(formatCsvCell('a = b')).toBe('a = b');
    expect(parseCsv(formatCsv([['=HYPERLINK("http://x","y")']]))).toEqual([['\'=HYPERLINK("http://x","y")']]);
  });

  it('writes a byte-order mark and LF line ends on request', () => {
    expect(formatCsv([['a'], ['b']], { bom: true, newline: '\n' })).toBe('\ufeffa\nb\n');
    expect(formatCsv([])).toBe('');
  });
});

describe('record names', () => {
  it('names each kind of record from its current content', () => {
    expect(recordLabel('control', { reference: 'CTRL-01', title: 'MFA' })).toBe('CTRL-01');
    expect(recordLabel('controlTest', { reference: 'TOC-03' })).toBe('TOC-03');
    expect(recordLabel('request', { number: 7 })).toBe('PBC-007');
    expect(recordLabel('exception', { number: 3 })).toBe('EX-03');
    expect(
      recordLabel('evidence', { versions: [{ fileName: 'old.pdf' }, { fileName: 'Access review Q2.xlsx' }] }),
    ).toBe('Access review Q2.xlsx');
    expect(recordLabel('interview', { title: 'Change management with the CTO' })).toBe(
      'Change management with the CTO',
    );
    expect(recordLabel('subserviceOrg', { name: 'AWS' })).toBe('AWS');
    expect(recordLabel('criterionScope', { criterionId: 'CC6.4' })).toBe('CC6.4');
    expect(recordLabel('descriptionSection', { key: 'services' })).toBe(
      'Company overview and services provided',
    );
    expect(recordLabel('descriptionSection', { key: 'assertion' })).toBe("Management's assertion");
    expect(recordLabel('tickmark', { symbol: 'T', meaning: 'Traced to the ticket' })).toBe(
      'T — Traced to the ticket',
    );
    expect(recordLabel('engagement', { serviceOrganization: 'Lumenfield Analytics, Inc.' })).toBe(
      'Lumenfield Analytics, Inc.',
    );
    // A kind added later is named from the usual fields; long text is shortened; nothing readable: undefined.
    expect(recordLabel('walkthroughNote', { title: 'Tie out the population' })).toBe(
      'Tie out the population',
    );
    expect(recordLabel('control', { reference: '', description: 'x'.repeat(200) })).toHaveLength(80);
    expect(recordLabel('csoc', { reference: '', description: '' })).toBeUndefined();
  });

  it('names sample items after their test, whatever order the records come in', () => {
    const names = recordLabels([
      { entity: 'sampleItem', record: { id: ITEM, testId: TEST, position: 4, key: 'CHG-1042' } },
      { entity: 'controlTest', record: { id: TEST, reference: 'TOC-03' } },
    ]);
    expect(names.get(ITEM)).toBe('TOC-03 #4 CHG-1042');
    expect(names.get(TEST)).toBe('TOC-03');
  });

  it('names review records: notes and addenda by number, sign-offs by level and workpaper', () => {
    const SIGN = '019a0000-0000-7000-8000-00000000s001';
    const names = recordLabels([
      { entity: 'signOff', record: { id: SIGN, level: 'reviewer', workpaper: `test:${TEST}` } },
      { entity: 'controlTest', record: { id: TEST, reference: 'TOC-03' } },
    ]);
    expect(names.get(SIGN)).toBe('Reviewer sign-off, TOC-03');
    expect(recordLabel('signOff', { level: 'preparer', workpaper: 'description:services' })).toBe(
      'Preparer sign-off, Company overview and services provided',
    );
    expect(recordLabel('signOff', { level: 'partner', workpaper: 'control-matrix' })).toBe(
      'Partner sign-off, Control matrix',
    );
    expect(recordLabel('reviewNote', { number: 4, text: 'Tie out the population' })).toBe('RN-4');
    expect(recordLabel('addendum', { number: 1 })).toBe('AD-1');
    expect(recordTypeLabel('signOff')).toBe('Sign-off');
  });

  it('labels record types, actions and fields in words', () => {
    expect(recordTypeLabel('controlTest')).toBe('Test');
    expect(recordTypeLabel('userEntityControl')).toBe('User entity control');
    expect(recordTypeLabel('walkthroughNote')).toBe('Walkthrough note');
    expect([opLabel('create'), opLabel('update'), opLabel('delete'), opLabel('restore')]).toEqual([
      'Added',
      'Changed',
      'Deleted',
      'Restored',
    ]);
    expect(trailFieldLabel('engagementPartner')).toBe('Engagement partner');
    expect(trailFieldLabel('dueDate')).toBe('Due date');
    expect(shortId(CONTROL)).toBe('…0000c001');
  });
});

describe('event details', () => {
  it('shows what a new record was given, not its identity or empty fields', () => {
    const created = event(1, {
      op: 'create',
      changes: {
        id: { before: null, after: CONTROL },
        engagementId: { before: null, after: 'eng-1' },
        deleted: { before: null, after: false },
        reference: { before: null, after: 'CTRL-01' },
        owner: { before: null, after: '' },
        criteria: { before: null, after: [] },
      },
    });
    expect(shownChanges(created).map(([f]) => f)).toEqual(['reference']);
    expect(changedFieldLabels(event(2))).toEqual(['owner'].map(trailFieldLabel));
    const deleted = event(3, { op: 'delete', changes: { deleted: { before: false, after: true } } });
    expect(changedFieldLabels(deleted)).toEqual(['Deleted']);
  });

  it('reads values for people: text, yes/no, lists, JSON, ids as names', () => {
    const names = (id: string) => labels.get(id);
    expect(trailValue(null)).toEqual({ kind: 'empty' });
    expect(trailValue('')).toEqual({ kind: 'empty' });
    expect(trailValue([])).toEqual({ kind: 'empty' });
    expect(trailValue(true)).toEqual({ kind: 'text', text: 'Yes' });
    expect(trailValue(12)).toEqual({ kind: 'text', text: '12' });
    expect(trailValue('line 1\nline 2')).toEqual({ kind: 'text', text: 'line 1\nline 2' });
    expect(trailValue(CONTROL, names)).toEqual({ kind: 'text', text: 'CTRL-01' });
    expect(trailValue(['CC6.1', CONTROL], names)).toEqual({ kind: 'list', items: ['CC6.1', 'CTRL-01'] });
    expect(trailValue([{ kind: 'control', id: 'x' }])).toEqual({
      kind: 'list',
      items: ['{"kind":"control","id":"x"}'],
    });
    expect(trailValue({ a1: 'pass' })).toEqual({ kind: 'json', text: '{"a1":"pass"}' });
  });

  it('gives the local time to the second', () => {
    expect(formatTrailTime(new Date(2026, 0, 3, 14, 5, 9).toISOString())).toBe('3 Jan 2026, 14:05:09');
    expect(formatTrailTime('not a date')).toBe('not a date');
  });
});

describe('filters', () => {
  const events = [
    event(1, {
      entity: 'engagement',
      entityId: 'eng-1',
      op: 'create',
      changes: { serviceOrganization: { before: null, after: 'Lumenfield Analytics' } },
      local: [2026, 3, 1, 9],
    }),
    event(2, { local: [2026, 3, 9, 23] }),
    event(3, { actor: 'p-ben', actorName: 'Ben Okafor', local: [2026, 3, 10, 0] }),
    event(4, {
      entity: 'request',
      entityId: 'r-1',
      changes: { status: { before: 'open', after: 'submitted' } },
      local: [2026, 3, 11, 8],
      postRelease: true,
      reason: 'Client sent the late ticket export',
    }),
  ].reverse();
  const seqs = (filter: Parameters<typeof filterTrailEvents>[1]) =>
    filterTrailEvents(events, filter, { labelOf }).map((e) => e.seq);

  it('keeps the order given and every event without filters', () => {
    expect(seqs({})).toEqual([4, 3, 2, 1]);
  });

  it('filters by record, person, record type and post-release', () => {
    expect(seqs({ recordId: CONTROL })).toEqual([3, 2]);
    expect(seqs({ actor: 'p-ben' })).toEqual([3]);
    expect(seqs({ entity: 'request' })).toEqual([4]);
    expect(seqs({ postReleaseOnly: true })).toEqual([4]);
  });

  it('filters by local calendar dates, both ends included', () => {
    expect(seqs({ from: '2026-03-10' })).toEqual([4, 3]);
    expect(seqs({ to: '2026-03-09' })).toEqual([2, 1]);
    expect(seqs({ from: '2026-03-09', to: '2026-03-10' })).toEqual([3, 2]);
    expect(seqs({ from: 'garbage' })).toEqual([4, 3, 2, 1]);
    expect(localDayStart('2026-03-10', 1)).toBe(new Date(2026, 2, 11).toISOString());
  });

  it('searches record names and types, people, fields, values and reasons; every word must match', () => {
    expect(seqs({ query: 'ctrl-01' })).toEqual([3, 2]);
    expect(seqs({ query: 'REQUEST' })).toEqual([4]);
    expect(seqs({ query: 'ben' })).toEqual([3]);
    expect(seqs({ query: 'security owner' })).toEqual([3, 2]);
    expect(seqs({ query: 'late ticket' })).toEqual([4]);
    expect(seqs({ query: 'ctrl-01 late' })).toEqual([]);
  });

  it('lists the people and record types found', () => {
    expect(trailActors(events)).toEqual([
      { id: 'p-ana', name: 'Ana López' },
      { id: 'p-ben', name: 'Ben Okafor' },
    ]);
    expect(trailRecordTypes(events)).toEqual([
      { entity: 'control', label: 'Control' },
      { entity: 'engagement', label: 'Engagement' },
      { entity: 'request', label: 'Request' },
    ]);
  });
});

describe('CSV export', () => {
  const events = [
    event(3, { op: 'restore', changes: {} }),
    event(2, {
      postRelease: true,
      reason: '=cmd|" /C calc"!A0',
      changes: {
        criteria: { before: ['CC6.1'], after: ['CC6.1', 'CC6.2'] },
        notes: { before: null, after: '+SUM(1,2)\nsecond line' },
      },
    }),
  ];

  it('has one row per field change and one for an event without any', () => {
    const rows = trailCsvRows(events, labelOf);
    expect(rows[0]).toEqual([...TRAIL_CSV_HEADER]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      '3',
      events[0]?.at,
      'p-ana',
      'Ana López',
      'Control',
      CONTROL,
      'CTRL-01',
      'Restored',
      '',
      '',
      '',
      '',
      '',
      'a'.repeat(64),
      'b'.repeat(64),
      '',
    ]);
    expect(rows[2]?.slice(7, 13)).toEqual([
      'Changed',
      'Criteria',
      '["CC6.1"]',
      '["CC6.1","CC6.2"]',
      '=cmd|" /C calc"!A0',
      'yes',
    ]);
    expect(rows[3]?.slice(8, 11)).toEqual(['Notes', '', '+SUM(1,2)\nsecond line']);
  });

  it('writes UTF-8 text with a byte-order mark that reads back, formulas shown as text', () => {
    const text = trailCsv(events, labelOf);
    expect(text.startsWith('\ufeffseq,at,actor id,actor name,record type,')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(4);
    expect(rows[2]?.[11]).toBe('\'=cmd|" /C calc"!A0');
    expect(rows[3]?.[10]).toBe("'+SUM(1,2)\nsecond line");
    expect(rows[1]?.[3]).toBe('Ana López');
  });
});

const SKIP_REASON = 'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui';
if (!hasLibreOffice && process.env.FIELDWORK_REQUIRE_LIBREOFFICE) throw new Error(SKIP_REASON);

describe.skipIf(!hasLibreOffice)(
  `the exported CSV in LibreOffice${hasLibreOffice ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    /** The cells of the first sheet as LibreOffice opens the CSV (formulas stay formula objects). */
    async function opened(csv: string): Promise<unknown[][]> {
      const files = convert(new TextEncoder().encode(csv), 'csv', XLSX_FILTER);
      const xlsx = files.get('input.xlsx');
      if (!xlsx) throw new Error([...files.keys()].join(', '));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(xlsx).buffer);
      const rows: unknown[][] = [];
      wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    }

    it('opens every value as text, none as a formula', async () => {
      const hostile = event(2, {
        reason: '=1+1',
        changes: { notes: { before: '@SUM(1,1)', after: '-1+1' } },
      });
      const cells = (await opened(trailCsv([hostile], labelOf))).flat();
      expect(cells.filter((c) => typeof c === 'object' && c !== null && 'formula' in c)).toEqual([]);
      expect(cells).toContain("'=1+1");
      // The check works: the same file without protection does open a formula.
      const unprotected = formatCsv(trailCsvRows([hostile], labelOf), { protectFormulas: false });
      const raw = (await opened(unprotected)).flat();
      expect(raw.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(true);
    }, 120_000);
  },
);

describe('report settings in the trail', () => {
  it('reads each changed setting and wording on its own line, never as a whole object', async () => {
    const { describeFieldChanges, shownChanges, trailFieldLabel } =
      await import('../../../shared/domain/audit');
    const before = { opinion: 'qualified', basis: '', city: 'Denver', templates: { scope: 'Old words' } };
    const after = { opinion: 'adverse', basis: '', city: 'Boulder', templates: { scope: 'New words' } };
    const event = {
      chain: 'e',
      seq: 2,
      at: '2026-11-23T10:00:00.000Z',
      actor: 'a',
      actorName: 'Ana López',
      entity: 'engagement',
      entityId: 'e',
      op: 'update' as const,
      changes: { report: { before, after } },
      prevHash: '',
      hash: '',
    };
    expect(describeFieldChanges(event)).toEqual([
      'Report: city where signed: “Denver” → “Boulder”',
      'Report: opinion: “qualified” → “adverse”',
      'Report wording: scope: “Old words” → “New words”',
    ]);
    expect(shownChanges(event).map(([field]) => trailFieldLabel(field))).toEqual([
      'Report: city where signed',
      'Report: opinion',
      'Report wording: scope',
    ]);
  });
});
