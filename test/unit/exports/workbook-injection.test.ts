/**
 * Text a person typed stays text: a value starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * written as a text cell (never a formula) and reads back exactly as typed, as do names in any script.
 */
import type { Workbook } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceWorkbook } from '../../../shared/exports/workbook';
import {
  generateAuditEvents,
  HOSTILE,
  hostileSnapshot,
  lookup,
  NON_LATIN,
  openWorkbook,
  options,
  PEOPLE,
  sheet,
} from './workbook-fixture';

let workbook: Workbook;

beforeAll(async () => {
  const snapshot = hostileSnapshot();
  const events = generateAuditEvents(snapshot, 3, { actorName: HOSTILE.minus, reason: HOSTILE.equals });
  workbook = await openWorkbook(await buildEvidenceWorkbook(snapshot, options({ auditEvents: events })));
});

/** Every cell of every sheet as exceljs reads it. */
function allCells(wb: Workbook) {
  const cells: { sheet: string; address: string; type: number; value: unknown; formula?: string }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push({
          sheet: ws.name,
          address: cell.address,
          type: cell.type,
          value: cell.value,
          formula: cell.formula,
        });
      }),
    );
  }
  return cells;
}

describe('hostile text in the evidence workbook', () => {
  it('writes no formula anywhere', () => {
    const cells = allCells(workbook);
    expect(cells.length).toBeGreaterThan(300);
    expect(
      cells.filter(
        (c) =>
          c.formula !== undefined ||
          (typeof c.value === 'object' && c.value !== null && 'formula' in c.value),
      ),
    ).toEqual([]);
  });

  it('reads every hostile value back as the same string, in a text cell', () => {
    const cells = allCells(workbook);
    for (const [name, text] of Object.entries(HOSTILE)) {
      const found = cells.filter((c) => c.value === text);
      expect(found.length, name).toBeGreaterThan(0);
      // ValueType.String is 3 in exceljs: a plain text cell.
      for (const c of found) expect(c.type, `${name} at ${c.sheet}!${c.address}`).toBe(3);
    }
  });

  it('keeps each user field where a reviewer looks for it', () => {
    const controls = sheet(workbook, 'Controls');
    expect(lookup(controls, 'Control', 'AC-01', 'Title')).toBe(HOSTILE.equals);
    expect(lookup(controls, 'Control', 'AC-01', 'Description')).toBe(HOSTILE.plus);
    expect(lookup(controls, 'Control', 'AC-01', 'Owner')).toBe(HOSTILE.minus);
    expect(lookup(controls, 'Control', 'AC-01', 'System components')).toBe(HOSTILE.at);
    expect(lookup(controls, 'Control', 'AC-01', 'Notes')).toBe(HOSTILE.tab);
    expect(lookup(controls, 'Control', 'AC-02', 'Description')).toBe(`${HOSTILE.cr} ${NON_LATIN.emoji}`);
    const tests = sheet(workbook, 'Tests');
    expect(lookup(tests, 'Test', 'T-AC-01', 'Objective')).toBe(HOSTILE.equals);
    expect(lookup(tests, 'Test', 'T-AC-01', 'Procedure')).toBe(HOSTILE.minus);
    expect(lookup(tests, 'Test', 'T-AC-01', 'Population')).toBe(HOSTILE.plus);
    expect(lookup(tests, 'Test', 'T-AC-01', 'Population file')).toBe(HOSTILE.hyperlink);
    expect(lookup(tests, 'Test', 'T-AC-01', 'Seed')).toBe(HOSTILE.equals);
    expect(lookup(tests, 'Test', 'T-AC-01', 'Rationale')).toBe(HOSTILE.tab);
    expect(lookup(tests, 'Test', 'T-AC-01', 'Result in the report')).toBe(HOSTILE.minus);
    expect(lookup(tests, 'Test', 'T-AC-01', 'Attributes')).toBe(`A: ${HOSTILE.at}\nB: ${NON_LATIN.polish}`);
    const samples = sheet(workbook, 'Samples');
    expect(lookup(samples, 'Item', HOSTILE.equals, 'Note')).toBe(HOSTILE.plus);
    expect(lookup(samples, 'Item', HOSTILE.equals, 'A')).toBe(HOSTILE.equals); // the firm's own mark
    expect(lookup(samples, 'Item', NON_LATIN.japanese, 'Note')).toBe(HOSTILE.cr);
    expect(lookup(samples, 'Item', HOSTILE.minus, 'Note')).toBe(HOSTILE.escapeLike);
    const exceptions = sheet(workbook, 'Exceptions');
    expect(lookup(exceptions, 'Exception', 'EX-01', 'Description')).toBe(HOSTILE.equals);
    expect(lookup(exceptions, 'Exception', 'EX-01', 'Root cause')).toBe(HOSTILE.minus);
    expect(lookup(exceptions, 'Exception', 'EX-01', 'Management response')).toBe(HOSTILE.at);
    expect(lookup(exceptions, 'Exception', 'EX-01', 'Compensating controls')).toBe(
      `${HOSTILE.tab}\nControls: AC-02`,
    );
    const evidence = sheet(workbook, 'Evidence index');
    expect(lookup(evidence, 'File', HOSTILE.equals, 'Description')).toBe(HOSTILE.plus);
    expect(lookup(evidence, 'File', HOSTILE.equals, 'Size (bytes)')).toBe(1_234_567);
    expect(lookup(sheet(workbook, 'Review notes'), 'Note', 'RN-1', 'Note text')).toBe(HOSTILE.equals);
    expect(lookup(sheet(workbook, 'Review notes'), 'Note', 'RN-1', 'Response')).toBe(HOSTILE.minus);
    expect(lookup(sheet(workbook, 'Interviews'), 'Interview', 'INT-01', 'Title')).toBe(HOSTILE.equals);
    expect(lookup(sheet(workbook, 'Interviews'), 'Interview', 'INT-01', 'Notes')).toBe(HOSTILE.cr);
    expect(lookup(sheet(workbook, 'Walkthroughs'), 'Walkthrough', 'WT-01', 'Title')).toBe(HOSTILE.minus);
    expect(lookup(sheet(workbook, 'Walkthroughs'), 'Walkthrough', 'WT-01', 'Instance traced')).toBe(
      HOSTILE.equals,
    );
    expect(lookup(sheet(workbook, 'Requests'), 'Request', 'PBC-001', 'Title')).toBe(HOSTILE.equals);
    expect(lookup(sheet(workbook, 'Requests'), 'Request', 'PBC-001', 'Comments')).toBe(HOSTILE.cr);
    expect(lookup(sheet(workbook, 'Audit trail'), '#', 1, 'Person')).toBe(HOSTILE.minus);
    expect(lookup(sheet(workbook, 'Audit trail'), '#', 1, 'Reason')).toBe(HOSTILE.equals);
    expect(lookup(sheet(workbook, 'Criteria'), 'Criterion', 'CC6.4', 'Reason not applicable')).toBe(
      `${HOSTILE.equals} no offices`,
    );
  });

  it('keeps non-Latin names and text intact', () => {
    const summary = sheet(workbook, 'Summary');
    const facts = new Map<string, unknown>();
    summary.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('Service organization')).toBe(NON_LATIN.polish);
    expect(facts.get('System')).toBe(NON_LATIN.japanese);
    expect(facts.get('Engagement partner')).toBe(NON_LATIN.german);
    expect(facts.get('Team')).toBe(PEOPLE.map((p) => p.name).join(', '));
    expect(workbook.creator).toBe(PEOPLE[0]?.name);
    expect(lookup(sheet(workbook, 'Evidence index'), 'File', HOSTILE.equals, 'Source')).toBe(
      `Client person: ${NON_LATIN.german}`,
    );
    expect(lookup(sheet(workbook, 'Evidence index'), 'File', HOSTILE.equals, 'Added by')).toBe('山田 太郎');
    expect(lookup(sheet(workbook, 'Requests'), 'Request', 'PBC-001', 'Client owner')).toBe(NON_LATIN.polish);
  });

  it('shortens text longer than a cell can hold, and says so', async () => {
    const snapshot = hostileSnapshot();
    const long = `${'Notes taken during the walkthrough. '.repeat(1200)}END`;
    const interviews = snapshot.interviews.map((i) => ({ ...i, notes: long }));
    const wb = await openWorkbook(await buildEvidenceWorkbook({ ...snapshot, interviews }, options()));
    const notes = String(lookup(sheet(wb, 'Interviews'), 'Interview', 'INT-01', 'Notes'));
    expect(long.length).toBeGreaterThan(32_767);
    expect(notes.length).toBe(32_767);
    expect(notes.startsWith('Notes taken during the walkthrough.')).toBe(true);
    expect(notes).toMatch(/shortened: the full text is in Fieldwork\]$/u);
  });
});
