import type { CellValue, Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mergeComments } from '../../../shared/exports/request-list/compare';
import {
  ABOUT_SHEET,
  readReturnedRequestList,
  type ReturnedRequestList,
} from '../../../shared/exports/request-list';
import type { Request } from '../../../shared/domain/planning';
import { exportFixture, makeFixture, openWorkbook, saveWorkbook, type Fixture } from './request-list-fixture';

/** Column number of `header` in the header row of `sheet` (wherever the client moved it). */
function layout(sheet: Worksheet) {
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const headers = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, c) => headers.set(String(cell.value), c));
    if (headers.has('Request #')) {
      const col = (header: string): number => headers.get(header) ?? 0;
      const rowOf = (number: string): number => {
        for (let i = r + 1; i <= sheet.rowCount; i += 1)
          if (sheet.getCell(i, col('Request #')).value === number) return i;
        return 0;
      };
      const lastRequestRow = (): number => {
        let last = r;
        for (let i = r + 1; i <= sheet.rowCount; i += 1)
          if (sheet.getCell(i, col('Request #')).value) last = i;
        return last;
      };
      return { header: r, col, rowOf, lastRequestRow };
    }
  }
  throw new Error('no header row');
}

function set(sheet: Worksheet, number: string, header: string, value: CellValue): void {
  const { col, rowOf } = layout(sheet);
  sheet.getCell(rowOf(number), col(header)).value = value;
}

/** Opens the exported file, lets `edit` change its Requests sheet as a client would, and reads it back. */
async function roundTrip(
  f: Fixture,
  edit: (sheet: Worksheet) => void,
  context: Partial<{ engagementId: string; requests: Request[] }> = {},
): Promise<ReturnedRequestList> {
  const workbook = await openWorkbook(await exportFixture(f));
  const sheet = workbook.getWorksheet('Requests');
  if (!sheet) throw new Error('no Requests sheet');
  edit(sheet);
  return readReturnedRequestList(await saveWorkbook(workbook), {
    engagementId: context.engagementId ?? f.engagement.id,
    requests: context.requests ?? f.requests,
    controls: f.controls,
  });
}

const idOf = (f: Fixture, number: number): string => f.requests.find((r) => r.number === number)?.id ?? '';

/** Moves column `from` to position `to` (both 1-based), as dragging a column in Excel does. */
function moveColumn(sheet: Worksheet, from: number, to: number): void {
  // `values` is indexed by row number; spliceColumns wants index 0 for row 1.
  const values = sheet.getColumn(from).values.slice(1);
  sheet.spliceColumns(from, 1);
  sheet.spliceColumns(to, 0, values);
}

/** Rewrites the request rows in descending number order, as sorting the list Z to A does. */
function sortDescending(sheet: Worksheet): void {
  const { header, col, lastRequestRow } = layout(sheet);
  const rows = [];
  for (let r = header + 1; r <= lastRequestRow(); r += 1) rows.push(sheet.getRow(r).values);
  const key = (values: CellValue[] | { [key: string]: CellValue }): string =>
    String((Array.isArray(values) ? values[col('Request #')] : '') ?? '');
  rows.sort((a, b) => key(b).localeCompare(key(a)));
  rows.forEach((values, i) => {
    sheet.getRow(header + 1 + i).values = values;
  });
}

describe('readReturnedRequestList', () => {
  it('reads an untouched export as nothing to import', async () => {
    const f = makeFixture();
    const result = await roundTrip(f, () => {});
    expect(result).toMatchObject({
      sheetName: 'Requests',
      warnings: [],
      updates: [],
      clientEdits: [],
      problems: [],
      rowsMatched: 7,
      exportedAt: '2026-03-20T14:05:00.000Z',
    });
  });

  it('reports the client’s changes, edits and stray rows after rows, columns and order were changed', async () => {
    const f = makeFixture();
    let rows: Record<string, number> = {};
    const result = await roundTrip(f, (sheet) => {
      set(sheet, 'PBC-001', 'Status', 'Done');
      set(sheet, 'PBC-001', 'Date provided', '21 Mar 2026');
      set(sheet, 'PBC-002', 'Status', 'submitted ');
      set(sheet, 'PBC-002', 'Client comments', 'Export attached.\r\nSee tab 2');
      set(sheet, 'PBC-002', 'Date provided', new Date(Date.UTC(2026, 2, 21)));
      set(sheet, 'PBC-004', 'Description', 'Walkthrough of access provisioning, moved to April.');
      set(sheet, 'PBC-005', 'Date provided', '3/4/2026');
      set(sheet, 'PBC-006', 'Status', 'Almost done');
      set(sheet, 'PBC-008', 'Due', new Date(Date.UTC(2026, 3, 30)));
      const { col, lastRequestRow } = layout(sheet);
      const below = lastRequestRow() + 1;
      sheet.getCell(below, col('Title')).value = 'Vendor list (new)';
      sheet.getCell(below + 1, col('Request #')).value = 'PBC-999';
      sheet.getCell(below + 1, col('Status')).value = 'Submitted';
      sheet.getCell(below + 2, col('Request #')).value = 'PBC-007';
      sheet.getCell(below + 2, col('Client comments')).value = 'Sent anyway';
      sortDescending(sheet);
      sheet.spliceRows(1, 0, ['Returned by Jordan Lee, 24 Mar 2026'], []);
      moveColumn(sheet, layout(sheet).col('Status'), 2);
      sheet.spliceColumns(4, 0, []);
      sheet.getCell(layout(sheet).header, 4).value = 'Our ticket';
      sheet.getCell(layout(sheet).rowOf('PBC-003'), 4).value = 'JIRA-4411';
      const after = layout(sheet);
      expect([after.header, after.col('Status'), after.col('Our ticket')]).toEqual([13, 2, 4]);
      expect(sheet.getCell(after.header + 1, after.col('Request #')).value).toBe('PBC-999');
      rows = Object.fromEntries(
        ['PBC-004', 'PBC-005', 'PBC-006', 'PBC-008', 'PBC-999', 'PBC-007'].map((n) => [n, after.rowOf(n)]),
      );
      for (let r = after.header + 1; r <= sheet.rowCount; r += 1) {
        if (sheet.getCell(r, after.col('Title')).value === 'Vendor list (new)') rows.vendor = r;
      }
    });

    expect(result.warnings).toEqual([]);
    expect(result.headerRow).toBe(13);
    expect(result.rowsMatched).toBe(7);
    expect(result.updates).toEqual([
      {
        requestId: idOf(f, 1),
        number: 1,
        changes: [
          { field: 'status', before: 'open', after: 'submitted' },
          { field: 'receivedOn', before: null, after: '2026-03-21' },
        ],
      },
      {
        requestId: idOf(f, 2),
        number: 2,
        changes: [
          { field: 'status', before: 'in-progress', after: 'submitted' },
          // The client replaced the comments: theirs go below ours, nothing of the auditor's is lost.
          {
            field: 'comments',
            before: 'HR export to follow.',
            after: 'HR export to follow.\n\nClient: Export attached.\nSee tab 2',
          },
          { field: 'receivedOn', before: null, after: '2026-03-21' },
        ],
      },
    ]);
    expect(result.clientEdits).toEqual([
      {
        requestId: idOf(f, 4),
        number: 4,
        field: 'description',
        column: 'Description',
        ours: '=HYPERLINK("http://x","click")',
        theirs: 'Walkthrough of access provisioning, moved to April.',
      },
      {
        requestId: idOf(f, 8),
        number: 8,
        field: 'dueOn',
        column: 'Due',
        ours: '2026-03-02',
        theirs: '2026-04-30',
      },
    ]);
    expect(result.problems.map((p) => [p.kind, p.row, p.number])).toEqual(
      [
        ['invalid-date', rows['PBC-005'], 5],
        ['invalid-status', rows['PBC-006'], 6],
        ['no-number', rows.vendor, null],
        ['unknown-request', rows['PBC-999'], 999],
        ['deleted-request', rows['PBC-007'], 7],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    const message = (kind: string) => result.problems.find((p) => p.kind === kind)?.message;
    expect(message('unknown-request')).toBe(
      `PBC-999 (row ${rows['PBC-999']}) is not on this engagement's request list; row ignored.`,
    );
    expect(message('no-number')).toBe(
      `Row ${rows.vendor} has no request number; new requests from the client are not imported — add them in Fieldwork.`,
    );
    expect(message('invalid-date')).toContain(
      '“3/4/2026” in Date provided could be read day-first or month-first',
    );
    expect(message('invalid-status')).toContain(
      '“Almost done” is not a status Fieldwork knows; it stays Open.',
    );
  });

  it('never undoes what the auditor changed after the export, and reports values both sides changed', async () => {
    const f = makeFixture();
    // After the export the auditor accepts PBC-003 and answers on PBC-002 in Fieldwork.
    const now = f.requests.map((r): Request => {
      if (r.number === 3) return { ...r, status: 'accepted', rev: 2 };
      if (r.number === 2)
        return { ...r, comments: 'HR export to follow.\nAuditor: thanks, reminder sent.', rev: 2 };
      return r;
    });
    const result = await roundTrip(
      f,
      (sheet) => set(sheet, 'PBC-002', 'Client comments', 'HR export to follow.\nClient: attached now.'),
      { requests: now },
    );
    expect(result.updates).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        number: 2,
        theirs: 'HR export to follow.\nClient: attached now.',
      }),
    ]);
  });

  it('reads numbers typed as numbers, formula results and other spellings of status and date', async () => {
    const f = makeFixture();
    const result = await roundTrip(f, (sheet) => {
      const { col, rowOf } = layout(sheet);
      const pbc1 = rowOf('PBC-001');
      const pbc2 = rowOf('PBC-002');
      sheet.getCell(pbc1, col('Request #')).value = 1;
      sheet.getCell(pbc1, col('Status')).value = {
        formula: 'IF(TRUE,"In Progress","")',
        result: 'In Progress',
      };
      sheet.getCell(pbc2, col('Request #')).value = '2';
      sheet.getCell(pbc2, col('Date provided')).value = '2026-03-22';
    });
    expect(result.problems).toEqual([]);
    expect(result.updates.map((u) => [u.number, u.changes])).toEqual([
      [1, [{ field: 'status', before: 'open', after: 'in-progress' }]],
      [2, [{ field: 'receivedOn', before: null, after: '2026-03-22' }]],
    ]);
  });

  it('refuses every row of a request number that appears twice', async () => {
    const f = makeFixture();
    const result = await roundTrip(f, (sheet) => {
      const { col, rowOf, lastRequestRow } = layout(sheet);
      const copy = lastRequestRow() + 1;
      sheet.getCell(copy, col('Request #')).value = 'PBC-003';
      sheet.getCell(copy, col('Status')).value = 'Closed';
      sheet.getCell(rowOf('PBC-003'), col('Status')).value = 'Returned';
    });
    expect(result.updates).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'duplicate-number', number: 3 })]);
    expect(result.problems[0]?.message).toMatch(
      /^PBC-003 appears on rows \d+, \d+; none of them was imported/,
    );
  });

  it('warns about a file from another engagement but still reads it', async () => {
    const f = makeFixture();
    const result = await roundTrip(f, (sheet) => set(sheet, 'PBC-001', 'Status', 'Submitted'), {
      engagementId: makeFixture().engagement.id,
    });
    expect(result.warnings).toEqual([
      'This file was exported from another engagement (for “Northwind Payroll, Inc.”). Check that you chose the right file before applying anything from it.',
    ]);
    expect(result.updates).toHaveLength(1);
  });

  it('reads a file without its About sheet or Status column, comparing with Fieldwork alone', async () => {
    const f = makeFixture();
    const workbook = await openWorkbook(await exportFixture(f));
    const about = workbook.getWorksheet('About');
    if (about) workbook.removeWorksheet(about.id);
    const sheet = workbook.getWorksheet('Requests');
    if (!sheet) throw new Error('no Requests sheet');
    set(sheet, 'PBC-001', 'Client comments', 'Policy v4 attached');
    sheet.spliceColumns(layout(sheet).col('Status'), 1);
    const result = await readReturnedRequestList(await saveWorkbook(workbook), {
      engagementId: f.engagement.id,
      requests: f.requests,
    });
    expect(result.exportedAt).toBeNull();
    expect(result.warnings).toEqual(['The file has no “Status” column, so that column was not read.']);
    expect(result.updates.map((u) => u.changes)).toEqual([
      [{ field: 'comments', before: '', after: 'Policy v4 attached' }],
    ]);
    expect(result.clientEdits).toEqual([]);
  });
});

describe('mergeComments', () => {
  it('keeps the auditor’s comments when the client replaced them, and takes the client’s text when they added to it', () => {
    expect(mergeComments('', 'Attached.')).toBe('Attached.');
    expect(mergeComments('Please send Q2.', 'Please send Q2.\nClient: sent.')).toBe(
      'Please send Q2.\nClient: sent.',
    );
    expect(mergeComments('Please send Q2.', 'Sent.')).toBe('Please send Q2.\n\nClient: Sent.');
  });
});

describe('rows the client removed', () => {
  it('are named, and the requests stay as they are in Fieldwork', async () => {
    const f = makeFixture();
    const result = await roundTrip(f, (sheet) => {
      const { rowOf } = layout(sheet);
      sheet.spliceRows(rowOf('PBC-002'), 1);
    });
    const missing = result.problems.filter((p) => p.kind === 'missing-row');
    expect(missing.map((p) => p.message)).toEqual([
      'PBC-002 was in the exported list but is not in this file; it is left as it is in Fieldwork.',
    ]);
    expect(result.updates.some((u) => u.number === 2)).toBe(false);
  });
});

describe('files that cannot be trusted as this engagement’s list', () => {
  it('is recognised without its About sheet when most titles differ, and a cleared date is never applied', async () => {
    const f = makeFixture();
    const workbook = await openWorkbook(await exportFixture(f));
    const about = workbook.worksheets.find((s) => s.name === ABOUT_SHEET);
    if (about) workbook.removeWorksheet(about.id);
    const sheet = workbook.getWorksheet('Requests');
    if (!sheet) throw new Error('no Requests sheet');
    const { col, rowOf } = layout(sheet);
    for (const n of ['PBC-001', 'PBC-002', 'PBC-003', 'PBC-004', 'PBC-005'])
      sheet.getCell(rowOf(n), col('Title')).value = `Other client ${n}`;
    const foreign = await readReturnedRequestList(await saveWorkbook(workbook), {
      engagementId: f.engagement.id,
      requests: f.requests,
      controls: f.controls,
    });
    expect(foreign.otherEngagement?.reason).toMatch(/requests have other titles than this engagement's/);

    const received = f.requests.find((r) => r.receivedOn !== null);
    if (!received) throw new Error('fixture has no received request');
    const cleared = await roundTrip(f, (s) => {
      const at = layout(s);
      s.getCell(at.rowOf(`PBC-${String(received.number).padStart(3, '0')}`), at.col('Date provided')).value =
        null;
    });
    expect(cleared.otherEngagement).toBeNull();
    expect(cleared.updates.flatMap((u) => u.changes).some((c) => c.field === 'receivedOn')).toBe(false);
  });
});
