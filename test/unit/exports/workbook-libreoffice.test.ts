/**
 * The evidence workbook as LibreOffice opens it: every sheet converts to CSV, every cell shows what
 * exceljs reads (dates as yyyy-mm-dd, hostile text exactly as typed, never evaluated), and a copy saved
 * by LibreOffice keeps the sheets and the links between them. Needs `soffice` (Debian:
 * libreoffice-calc-nogui).
 */
import JSZip from 'jszip';
import type { Cell, Workbook } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/formats/csv';
import { buildEvidenceWorkbook, EVIDENCE_SHEET_NAMES } from '../../../shared/exports/workbook';
import { demoExportInput } from '../../fixtures/demo-snapshot';
import { convert, CSV_FILTER, hasLibreOffice, XLSX_FILTER } from './libreoffice';
import {
  generateAuditEvents,
  HOSTILE,
  hostileSnapshot,
  NON_LATIN,
  openWorkbook,
  options,
} from './workbook-fixture';

const SKIP_REASON = 'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui';

// CI installs LibreOffice (.ci/run) and sets FIELDWORK_REQUIRE_LIBREOFFICE, so there the test can never be skipped.
if (!hasLibreOffice && process.env.FIELDWORK_REQUIRE_LIBREOFFICE) throw new Error(SKIP_REASON);

const pad = (n: number) => String(n).padStart(2, '0');

/** What a cell shows, as LibreOffice writes it to CSV with "as shown" formatting. */
function shown(cell: Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    return cell.numFmt?.includes('hh:mm')
      ? `${date} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`
      : date;
  }
  if (typeof v === 'number') {
    if (cell.numFmt === '0.00%') return `${(v * 100).toFixed(2)}%`;
    if (cell.numFmt === '#,##0') return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
    return String(v);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
  throw new Error(`unexpected cell ${cell.address}: ${JSON.stringify(v)}`);
}

/** Each sheet as LibreOffice converted it, rows of cells. */
function csvSheets(files: Map<string, Buffer>): Map<string, string[][]> {
  const sheets = new Map<string, string[][]>();
  for (const [name, data] of files) {
    const m = /^input-(.+)\.csv$/u.exec(name);
    if (m) sheets.set(m[1] ?? '', parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(data)));
  }
  return sheets;
}

/** Every cell of every sheet: LibreOffice's CSV against exceljs's reading, as `sheet!address` → text. */
function mismatches(workbook: Workbook, sheets: Map<string, string[][]>): string[] {
  const out: string[] = [];
  for (const ws of workbook.worksheets) {
    const csv = sheets.get(ws.name);
    if (!csv) {
      out.push(`${ws.name}: not converted`);
      continue;
    }
    for (let r = 1; r <= Math.max(ws.rowCount, csv.length); r += 1) {
      for (let c = 1; c <= Math.max(ws.columnCount, csv[r - 1]?.length ?? 0); c += 1) {
        const cell = ws.getCell(r, c);
        const expected = shown(cell);
        const actual = csv[r - 1]?.[c - 1] ?? '';
        if (expected !== actual)
          out.push(`${ws.name}!${cell.address}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`);
      }
    }
  }
  return out;
}

describe.skipIf(!hasLibreOffice)(
  `evidence workbook in LibreOffice${hasLibreOffice ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    let demoBytes: Uint8Array;

    beforeAll(async () => {
      const demo = await demoExportInput();
      demoBytes = await buildEvidenceWorkbook(
        demo.snapshot,
        options({ people: demo.people, auditEvents: demo.auditEvents }),
      );
    }, 60_000);

    it('converts every sheet of the demo workbook to CSV showing what exceljs reads', async () => {
      const sheets = csvSheets(convert(demoBytes, 'xlsx', CSV_FILTER));
      expect([...sheets.keys()].sort()).toEqual([...EVIDENCE_SHEET_NAMES].sort());
      const workbook = await openWorkbook(demoBytes);
      expect(mismatches(workbook, sheets)).toEqual([]);
      // Spot checks a reader would make: a date, a count, a hash.
      const samples = sheets.get('Samples') ?? [];
      expect(samples[0]?.slice(0, 5)).toEqual(['Test', '#', 'Batch', 'Item', 'Date']);
      expect(samples.slice(1).some((r) => /^2026-\d\d-\d\d$/u.test(r[4] ?? ''))).toBe(true);
      // The first "Controls" row is the count (the sheet list further down names the sheet too).
      const summary = new Map([...(sheets.get('Summary') ?? [])].reverse().map((r) => [r[0], r[1]]));
      expect(summary.get('Controls')).toBe('29');
      expect(summary.get('Period start')).toBe('2026-01-01');
    }, 120_000);

    it('shows hostile text exactly as typed, never as the result of a formula', async () => {
      const snapshot = hostileSnapshot();
      const bytes = await buildEvidenceWorkbook(
        snapshot,
        options({ auditEvents: generateAuditEvents(snapshot, 3, { actorName: HOSTILE.minus }) }),
      );
      const sheets = csvSheets(convert(bytes, 'xlsx', CSV_FILTER));
      expect(mismatches(await openWorkbook(bytes), sheets)).toEqual([]);
      const all = [...sheets.values()].flat(2);
      for (const text of [...Object.values(HOSTILE), ...Object.values(NON_LATIN)]) {
        expect(
          all.some((cell) => cell === text || cell.includes(text)),
          JSON.stringify(text),
        ).toBe(true);
      }
      // Had LibreOffice evaluated `=1+1` or `-2+3`, these numbers would be there instead.
      const controls = sheets.get('Controls') ?? [];
      expect(controls.find((r) => r[0] === 'AC-01')?.slice(1, 3)).toEqual([HOSTILE.equals, HOSTILE.plus]);
      expect(controls.find((r) => r[0] === 'AC-01')?.[4]).toBe(HOSTILE.minus);
    }, 120_000);

    it('saves a copy through LibreOffice with every sheet and the links between sheets', async () => {
      const saved = convert(demoBytes, 'xlsx', XLSX_FILTER).get('input.xlsx');
      expect(saved).toBeDefined();
      const workbook = await openWorkbook(new Uint8Array(saved ?? []));
      expect(workbook.worksheets.map((s) => s.name)).toEqual([...EVIDENCE_SHEET_NAMES]);
      const zip = await JSZip.loadAsync(saved ?? new Uint8Array());
      const xml = await Promise.all(
        Object.keys(zip.files)
          .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(n))
          .map((n) => zip.file(n)?.async('string') ?? ''),
      );
      const locations = xml.flatMap((x) =>
        [...x.matchAll(/<hyperlink [^>]*location="([^"]+)"/gu)].map((m) => m[1]),
      );
      expect(locations).toContain('&apos;Tests&apos;!A2');
      expect(locations.some((l) => l?.startsWith('&apos;Samples&apos;!A'))).toBe(true);
      // Still links inside the workbook: no file name, no doubled "#".
      expect(locations.filter((l) => l?.includes('#'))).toEqual([]);
      const rels = await Promise.all(
        Object.keys(zip.files)
          .filter((n) => n.startsWith('xl/worksheets/_rels/'))
          .map((n) => zip.file(n)?.async('string') ?? ''),
      );
      expect(rels.join('')).not.toMatch(/Type="[^"]*hyperlink"/u);
    }, 120_000);
  },
);
