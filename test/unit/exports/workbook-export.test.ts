/**
 * The evidence workbook of the demo engagement, read back with exceljs: every sheet in order, the Summary,
 * every control, sample item and exception where a reviewer looks for it, real date cells, links that land
 * on the right rows, frozen headers and filters; and the export's progress and cancellation.
 */
import JSZip from 'jszip';
import type { CellValue, Workbook } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatExceptionNumber, tickmarkLegend } from '../../../shared/domain/fieldwork';
import { live } from '../../../shared/domain/snapshot';
import { ExportCancelledError } from '../../../shared/exports/progress';
import { buildEvidenceWorkbook, EVIDENCE_SHEET_NAMES } from '../../../shared/exports/workbook';
import { demoExportInput, type DemoExportInput } from '../../fixtures/demo-snapshot';
import {
  generateAuditEvents,
  headers,
  hostileSnapshot,
  lookup,
  openWorkbook,
  options,
  records,
  sheet,
} from './workbook-fixture';

let demo: DemoExportInput;
let bytes: Uint8Array;
let workbook: Workbook;

beforeAll(async () => {
  demo = await demoExportInput();
  bytes = await buildEvidenceWorkbook(demo.snapshot, {
    ...options({ people: demo.people, auditEvents: demo.auditEvents }),
    exportedBy: 'Ana López',
  });
  workbook = await openWorkbook(bytes);
}, 60_000);

/** Sheet XML part of each sheet name, as the package's workbook part maps them. */
async function sheetParts(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const rels = await read('xl/_rels/workbook.xml.rels');
  const targets = new Map(
    [...rels.matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/gu)].map((m) => [m[1], m[2]]),
  );
  const parts = new Map<string, string>();
  for (const m of (await read('xl/workbook.xml')).matchAll(
    /<sheet [^>]*name="([^"]+)"[^>]*r:id="(rId\d+)"/gu,
  )) {
    parts.set(m[1] ?? '', await read(`xl/${(targets.get(m[2]) ?? '').replace(/^\/?xl\//u, '')}`));
  }
  return parts;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&apos;/gu, "'")
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, '&');

/** Internal links of a sheet: the cell they sit in and the sheet and row they go to. */
function internalLinks(xml: string): { row: number; col: string; sheet: string; target: number }[] {
  return [...xml.matchAll(/<hyperlink ref="([A-Z]+)(\d+)" location="([^"]+)"\/>/gu)].map((m) => {
    const location = /^'(.+)'!A(\d+)$/u.exec(unescapeXml(m[3] ?? ''));
    return { col: m[1] ?? '', row: Number(m[2]), sheet: location?.[1] ?? '', target: Number(location?.[2]) };
  });
}

describe('evidence workbook of the demo engagement', () => {
  it('has every sheet in order with a bold, filled, frozen header row and an autofilter', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...EVIDENCE_SHEET_NAMES]);
    for (const ws of workbook.worksheets) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
      if (ws.name === 'Summary') continue;
      expect(ws.views[0]).toMatchObject({ ySplit: 1 });
      const header = ws.getCell(1, 1);
      expect(header.font?.bold, ws.name).toBe(true);
      expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(ws.autoFilter, ws.name).toMatch(/^A1:[A-Z]+\d+$/u);
      expect(ws.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        printTitlesRow: '1:1',
      });
    }
  });

  it('sets the document properties', () => {
    expect(workbook.title).toBe('Evidence workbook: Lumenfield Analytics, Inc.');
    expect(workbook.creator).toBe('Ana López');
    expect(workbook.company).toBe('Harbor & Reed LLP');
    expect(workbook.keywords).toContain('SOC 2');
    expect(workbook.created?.toISOString()).toBe('2026-11-02T08:30:00.000Z');
  });

  it('shows the engagement and the counts on the Summary', () => {
    const summary = sheet(workbook, 'Summary');
    const facts = new Map<string, CellValue>();
    summary.eachRow((row) => {
      const label = String(row.getCell(1).value);
      if (!facts.has(label)) facts.set(label, row.getCell(2).value);
    });
    const s = demo.snapshot;
    expect(facts.get('Service organization')).toBe('Lumenfield Analytics, Inc.');
    expect(facts.get('System')).toBe('Lumenfield Insights Platform');
    expect(facts.get('Engagement type')).toBe('SOC 2 Type 2');
    expect(facts.get('Period start')).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(facts.get('Period end')).toEqual(new Date(Date.UTC(2026, 8, 30)));
    expect(facts.get('Trust services categories')).toBe('Security, Availability, Confidentiality');
    expect(facts.get('Team')).toBe('Ana López');
    expect(facts.get('Controls')).toBe(29);
    expect(facts.get('Tests of controls')).toBe(6);
    expect(facts.get('Sample items')).toBe(live(s.sampleItems).length);
    expect(facts.get('Exceptions')).toBe(live(s.exceptions).length);
    expect(facts.get('Audit trail events')).toBe(demo.auditEvents.length);
    expect(facts.get('Exported by')).toBe('Ana López');
    expect(facts.get('Exported with')).toBe('Fieldwork 0.1.0');
    // The legend: every mark with its meaning.
    for (const entry of tickmarkLegend(s.tickmarks)) expect(facts.get(entry.symbol)).toBe(entry.meaning);
  });

  it('lists every control of the demo on the Controls sheet, with labels rather than codes', () => {
    const controls = sheet(workbook, 'Controls');
    const references = records(controls).map((r) => r.get('Control'));
    expect(references.sort()).toEqual(
      live(demo.snapshot.controls)
        .map((c) => c.reference)
        .sort(),
    );
    expect(lookup(controls, 'Control', 'AC-02', 'Frequency')).toBe('Event-driven / as needed');
    expect(lookup(controls, 'Control', 'AC-02', 'Nature')).toBe('IT-dependent manual');
    expect(lookup(controls, 'Control', 'AC-02', 'Criteria')).toBe('CC6.2, CC6.3');
    expect(lookup(controls, 'Control', 'AC-02', 'Result')).toBe('Effective with exceptions');
  });

  it('gives each applicable criterion its roll-up status, and the not-applicable ones their reason', () => {
    const rows = records(sheet(workbook, 'Criteria'));
    const applicable = rows.filter((r) => r.get('Applicable') === 'Yes');
    expect(applicable).toHaveLength(37);
    expect(rows.find((r) => r.get('Criterion') === 'CC6.2')?.get('Controls')).toBe('AC-02, AC-03, AC-04');
    const na = rows.filter((r) => r.get('Applicable') === 'No');
    expect(na.map((r) => [r.get('Criterion'), r.get('Status')])).toEqual([['CC6.4', 'N/A']]);
    expect(String(na[0]?.get('Reason not applicable'))).toMatch(/physical access/u);
    // The not-applicable criteria come after the applicable ones.
    expect(rows.indexOf(na[0] ?? new Map())).toBe(rows.length - 1);
  });

  it('has every sample item as a row with the tickmarks of its attributes', () => {
    const samples = sheet(workbook, 'Samples');
    const rows = records(samples);
    const s = demo.snapshot;
    const tests = new Map(live(s.tests).map((t) => [t.id, t]));
    const symbols = new Map(tickmarkLegend(s.tickmarks).map((t) => [t.id, t.symbol]));
    const items = live(s.sampleItems).filter((i) => tests.has(i.testId));
    expect(rows).toHaveLength(items.length);
    for (const item of items) {
      const test = tests.get(item.testId);
      const row = rows.find((r) => r.get('Test') === test?.reference && r.get('#') === item.position);
      expect(row, `${test?.reference} #${item.position}`).toBeDefined();
      expect(row?.get('Item')).toBe(item.key);
      test?.attributes.forEach((a, i) => {
        const mark = item.marks[a.id];
        expect(row?.get(String.fromCharCode(65 + i)) ?? null).toBe(mark ? (symbols.get(mark) ?? null) : null);
      });
    }
    // An exception mark stands out: red fill on the X, the row lightly highlighted.
    const xRow = rows.findIndex((r) => r.get('Deviation') === 'Yes') + 2;
    expect(xRow).toBeGreaterThan(1);
    const xCol = [...headers(samples)].find(
      ([h, c]) => /^[A-Z]$/u.test(h) && samples.getCell(xRow, c).value === 'X',
    )?.[1];
    expect(samples.getCell(xRow, xCol ?? 0).fill).toMatchObject({ fgColor: { argb: 'FFFBE2E2' } });
    expect(samples.getCell(xRow, xCol ?? 0).alignment).toMatchObject({ horizontal: 'center' });
    expect(samples.getCell(xRow, 1).fill).toMatchObject({ type: 'pattern' });
    const plain = samples.getCell(rows.findIndex((r) => r.get('Deviation') === null) + 2, 1).fill;
    expect(plain && 'pattern' in plain ? plain.pattern : 'none').not.toBe('solid');
  });

  it('lists the exceptions with their management responses', () => {
    const rows = records(sheet(workbook, 'Exceptions'));
    const exceptions = live(demo.snapshot.exceptions).sort((a, b) => a.number - b.number);
    expect(rows.map((r) => r.get('Exception'))).toEqual(
      exceptions.map((x) => formatExceptionNumber(x.number)),
    );
    for (const [i, x] of exceptions.entries()) {
      expect(rows[i]?.get('Management response')).toBe(x.managementResponse);
      expect(rows[i]?.get('Description')).toBe(x.description);
      expect(rows[i]?.get('Type')).toBe('Operating (missing, late, wrong person, incomplete)');
    }
  });

  it('writes dates and timestamps as date cells and figures as numbers', () => {
    const samples = records(sheet(workbook, 'Samples'));
    const dated = samples.filter((r) => r.get('Date') !== null);
    expect(dated.length).toBeGreaterThan(50);
    for (const r of dated) expect(r.get('Date')).toBeInstanceOf(Date);
    const item = live(demo.snapshot.sampleItems).find((i) => i.date !== null && i.key.startsWith('ECHG'));
    const [y, m, d] = (item?.date ?? '').split('-').map(Number);
    expect(lookup(sheet(workbook, 'Samples'), 'Item', item?.key ?? '', 'Date')).toEqual(
      new Date(Date.UTC(y ?? 0, (m ?? 0) - 1, d ?? 0)),
    );
    const tests = sheet(workbook, 'Tests');
    expect(lookup(tests, 'Test', 'T-CM-02', 'Population count')).toBe(64);
    expect(lookup(tests, 'Test', 'T-CM-02', 'Population from')).toEqual(new Date(Date.UTC(2026, 0, 2)));
    expect(lookup(tests, 'Test', 'T-CM-02', 'Selected (UTC)')).toBeInstanceOf(Date);
    expect(lookup(tests, 'Test', 'T-CM-02', 'Tolerable rate')).toBe(0.1);
    const evidence = records(sheet(workbook, 'Evidence index'));
    for (const r of evidence) expect(typeof r.get('Size (bytes)')).toBe('number');
    expect(evidence.every((r) => /^[0-9a-f]{64}$/u.test(String(r.get('SHA-256'))))).toBe(true);
    for (const r of records(sheet(workbook, 'Audit trail'))) expect(r.get('Time (UTC)')).toBeInstanceOf(Date);
    const dateCell = sheet(workbook, 'Samples').getCell(
      2,
      [...headers(sheet(workbook, 'Samples'))].find(([h]) => h === 'Date')?.[1] ?? 0,
    );
    expect(dateCell.numFmt).toBe('yyyy-mm-dd');
  });

  it('links each control to its first test and each test to its first sample row', async () => {
    const parts = await sheetParts(bytes);
    const controls = sheet(workbook, 'Controls');
    const tests = sheet(workbook, 'Tests');
    const samples = sheet(workbook, 'Samples');
    const controlLinks = internalLinks(parts.get('Controls') ?? '');
    expect(controlLinks).toHaveLength(new Set(live(demo.snapshot.tests).map((t) => t.controlId)).size);
    for (const l of controlLinks) {
      expect(l.sheet).toBe('Tests');
      expect(tests.getCell(l.target, 2).value).toBe(controls.getCell(l.row, 1).value);
      expect(String(controls.getCell(l.row, headers(controls).get('Tests') ?? 0).value)).toContain(
        String(tests.getCell(l.target, 1).value),
      );
    }
    const testLinks = internalLinks(parts.get('Tests') ?? '');
    expect(testLinks.length).toBeGreaterThan(0);
    for (const l of testLinks) {
      expect(l.sheet).toBe('Samples');
      expect(samples.getCell(l.target, 1).value).toBe(tests.getCell(l.row, 1).value);
      expect(samples.getCell(l.target - 1, 1).value).not.toBe(tests.getCell(l.row, 1).value);
    }
    const exceptionLinks = internalLinks(parts.get('Exceptions') ?? '');
    expect(exceptionLinks).toHaveLength(live(demo.snapshot.exceptions).length);
    for (const l of exceptionLinks) {
      expect(tests.getCell(l.target, 1).value).toBe(sheet(workbook, 'Exceptions').getCell(l.row, 2).value);
    }
    const contents = internalLinks(parts.get('Summary') ?? '');
    expect(contents.map((l) => l.sheet)).toEqual([...EVIDENCE_SHEET_NAMES]);
    // Links inside the workbook need no relationship (a relationship makes programs look for another file).
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
      expect(await zip.file(name)?.async('string'), name).not.toMatch(/Target="#/u);
    }
  });

  it('shows sign-offs on the Tests and Sign-offs sheets, with whether they still stand', () => {
    const signOffs = records(sheet(workbook, 'Sign-offs'));
    expect(signOffs).toHaveLength(demo.snapshot.signOffs.length);
    expect(signOffs.every((r) => ['Current', 'Changed since signed'].includes(String(r.get('Status'))))).toBe(
      true,
    );
    expect(signOffs.every((r) => /^[0-9a-f]{64}$/u.test(String(r.get('Content hash (SHA-256)'))))).toBe(true);
    const tests = records(sheet(workbook, 'Tests'));
    expect(
      tests.some((r) =>
        /^Preparer: Ana López, \d+ \w+ 2026 \((current|changed since signed)\)/u.test(
          String(r.get('Sign-offs')),
        ),
      ),
    ).toBe(true);
  });

  it('leaves empty optional values as empty cells', () => {
    const rows = records(sheet(workbook, 'Controls'));
    for (const r of rows) for (const value of r.values()) expect(value).not.toBe('null');
    expect(rows.some((r) => r.get('Notes') === null)).toBe(true);
    expect(records(sheet(workbook, 'Review notes'))[0]?.get('Cleared (UTC)')).toBeNull();
  });
});

describe('progress and cancellation', () => {
  it('reports progress up to 1', async () => {
    const seen: number[] = [];
    await buildEvidenceWorkbook(hostileSnapshot(), options({ onProgress: (f) => seen.push(f) }));
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= (seen[i - 1] ?? 0)))).toBe(true);
  });

  it('rejects with ExportCancelledError when the signal is aborted, before or during the export', async () => {
    const before = new AbortController();
    before.abort();
    await expect(
      buildEvidenceWorkbook(hostileSnapshot(), options({ signal: before.signal })),
    ).rejects.toBeInstanceOf(ExportCancelledError);
    const during = new AbortController();
    const snapshot = hostileSnapshot();
    const built = buildEvidenceWorkbook(
      snapshot,
      options({
        auditEvents: generateAuditEvents(snapshot, 3000),
        signal: during.signal,
        onProgress: (f) => {
          if (f > 0.1) during.abort();
        },
      }),
    );
    await expect(built).rejects.toBeInstanceOf(ExportCancelledError);
  });
});
