/**
 * Size at both ends: a large engagement (320 controls, 210 tests, 8,400 sample items, 20,000 audit events)
 * exports with a row for every record, and an engagement with nothing recorded yet still gets every sheet
 * with its header row.
 */
import { describe, expect, it } from 'vitest';
import { buildEvidenceWorkbook, EVIDENCE_SHEET_NAMES } from '../../../shared/exports/workbook';
import { emptySnapshot, largeSnapshot, openWorkbook, options, records, sheet } from './workbook-fixture';

describe('evidence workbook sizes', () => {
  it('exports a large engagement with a row for every record', async () => {
    const { snapshot, events, figures } = largeSnapshot();
    expect(figures.controls).toBeGreaterThanOrEqual(300);
    expect(figures.tests).toBeGreaterThanOrEqual(200);
    expect(figures.items).toBeGreaterThanOrEqual(8000);
    let progress = 0;
    const bytes = await buildEvidenceWorkbook(
      snapshot,
      options({ auditEvents: events, onProgress: (f) => (progress = f) }),
    );
    expect(progress).toBe(1);
    const workbook = await openWorkbook(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...EVIDENCE_SHEET_NAMES]);
    const rows = (name: string) => sheet(workbook, name).rowCount - 1;
    expect(rows('Controls')).toBe(figures.controls);
    expect(rows('Tests')).toBe(figures.tests);
    expect(rows('Samples')).toBe(figures.items);
    expect(rows('Exceptions')).toBe(figures.exceptions);
    expect(rows('Evidence index')).toBe(snapshot.evidence.length);
    expect(rows('Audit trail')).toBe(20_000);
    // The last sample row is the last item of the last test, with its four tickmarks.
    const last = records(sheet(workbook, 'Samples')).at(-1);
    expect(last?.get('#')).toBe(40);
    for (const letter of ['A', 'B', 'C', 'D']) expect(last?.get(letter)).toMatch(/^(✓|N\/A|X)$/u);
  }, 300_000);

  it('exports an engagement with no tests, notes or evidence: every sheet keeps its header row', async () => {
    const workbook = await openWorkbook(
      await buildEvidenceWorkbook(emptySnapshot(), options({ auditEvents: [] })),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...EVIDENCE_SHEET_NAMES]);
    // Criteria are listed whatever was recorded; every other table is empty.
    for (const ws of workbook.worksheets.filter((s) => s.name !== 'Summary' && s.name !== 'Criteria')) {
      expect(ws.rowCount, ws.name).toBe(1);
      expect(ws.getCell(1, 1).value, ws.name).toBeTruthy();
      expect(ws.autoFilter, ws.name).toMatch(/^A1:[A-Z]+1$/u);
    }
    const criteria = records(sheet(workbook, 'Criteria'));
    expect(criteria.length).toBeGreaterThan(30);
    // No control at all: every applicable criterion is a design gap, not merely untested.
    expect(new Set(criteria.map((r) => r.get('Status')))).toEqual(new Set(['No control']));
    const withoutTrail = await openWorkbook(await buildEvidenceWorkbook(emptySnapshot(), options()));
    expect(withoutTrail.worksheets.map((s) => s.name)).toEqual(
      EVIDENCE_SHEET_NAMES.filter((n) => n !== 'Audit trail'),
    );
  });
});
