import { describe, expect, it } from 'vitest';
import { planImport } from '../../../shared/import';
import { buildXlsx, existingControl, previewFile } from './fixtures';

const ID_01 = '01900000-0000-7000-8000-000000000001';
const ID_02 = '01900000-0000-7000-8000-000000000002';
const ID_05 = '01900000-0000-7000-8000-000000000005';
const ID_09 = '01900000-0000-7000-8000-000000000009';

const EXISTING = [
  existingControl(ID_01, {
    reference: 'AC-01',
    title: 'Quarterly access review',
    description: 'Access is reviewed.',
    owner: 'IT',
    frequency: 'monthly',
    key: true,
    risk: 'high',
    status: 'agreed',
    notes: 'Walkthrough done on 3 March.',
    criteria: ['CC6.1', 'CC6.3'],
  }),
  existingControl(ID_02, {
    reference: 'AC-02',
    description: 'Backups are tested.',
    frequency: 'quarterly',
    criteria: ['A1.2'],
  }),
  existingControl(ID_05, { reference: 'AC-05', description: 'Removed control.' }, true),
  existingControl(ID_09, { reference: 'AC-09', description: 'Not in the file.' }),
];

const HEADER = ['Ref', 'Description', 'TSC', 'Owner', 'Frequency', 'Key', 'Notes'];

async function reimport(rows: (string | null)[][], replaceCriteria = false) {
  const bytes = await buildXlsx([{ name: 'Controls', rows: [HEADER, ...rows] }]);
  const { preview } = await previewFile(bytes, 'controls v2.xlsx', {
    existing: EXISTING,
    applicableCriteria: [],
    replaceCriteria,
  });
  return preview;
}

const AC_01 = [
  ' ac-01 ',
  'Access is reviewed quarterly.',
  'CC6.1, CC6.2',
  null,
  'Quarterly',
  null,
  'Tested at interim.',
];
const AC_02 = ['AC-02', 'Backups are tested.', 'A1.2', null, 'Quarterly', null, null];

describe('importing again over existing controls', () => {
  it('updates by reference and lists each field that changes', async () => {
    const preview = await reimport([AC_01, AC_02]);
    const [update, same] = preview.rows;
    expect(update).toMatchObject({
      row: 2,
      action: 'update',
      reference: 'AC-01',
      existingId: ID_01,
      hasErrors: false,
    });
    expect(update?.changes).toEqual([
      {
        field: 'description',
        label: 'Description',
        before: 'Access is reviewed.',
        after: 'Access is reviewed quarterly.',
      },
      {
        field: 'criteria',
        label: 'Criteria',
        before: ['CC6.1', 'CC6.3'],
        after: ['CC6.1', 'CC6.2', 'CC6.3'],
      },
      { field: 'frequency', label: 'Frequency', before: 'monthly', after: 'quarterly' },
      // Notes are added below the auditor's, never put in their place.
      {
        field: 'notes',
        label: 'Notes',
        before: 'Walkthrough done on 3 March.',
        after: 'Walkthrough done on 3 March.\n\nTested at interim.',
      },
    ]);
    expect(same).toMatchObject({ row: 3, action: 'unchanged', existingId: ID_02, changes: [] });
  });

  it('never clears a value with an empty cell, and keeps unmapped fields', async () => {
    const preview = await reimport([AC_01]);
    expect(preview.rows[0]?.fields).toMatchObject({
      reference: 'AC-01',
      title: 'Quarterly access review',
      owner: 'IT',
      key: true,
      risk: 'high',
      status: 'agreed',
    });
  });

  it('adds the file criteria to the existing ones and says which mappings it kept', async () => {
    const preview = await reimport([AC_01]);
    expect(preview.rows[0]?.fields.criteria).toEqual(['CC6.1', 'CC6.2', 'CC6.3']);
    expect(preview.problems.map((p) => p.message)).toEqual([
      'Row 2, column C "TSC": CC6.3 is mapped to AC-01 in Fieldwork but not in this file; the mapping is kept.',
      "Row 2: the notes in the file are added below AC-01's notes in Fieldwork.",
    ]);
    expect(preview.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('replaces the criteria when asked, listing the removal as a change', async () => {
    const preview = await reimport([AC_01], true);
    expect(preview.rows[0]?.changes.find((c) => c.field === 'criteria')).toEqual({
      field: 'criteria',
      label: 'Criteria',
      before: ['CC6.1', 'CC6.3'],
      after: ['CC6.1', 'CC6.2'],
    });
    // The removal is never silent: it is named among the problems as well.
    expect(preview.problems.map((p) => p.message)).toContain(
      'Row 2, column C "TSC": CC6.3 is not in this file and will be removed from AC-01, because the file\'s criteria replace Fieldwork\'s.',
    );
  });

  it('keeps the current value when a cell cannot be read, and says so', async () => {
    const preview = await reimport([['AC-01', null, null, null, 'Every blue moon', 'Maybe', null]]);
    expect(preview.rows[0]).toMatchObject({
      action: 'unchanged',
      fields: { frequency: 'monthly', key: true },
    });
    expect(preview.problems.map((p) => p.message)).toEqual([
      'Row 2, column E "Frequency": "Every blue moon" is not a frequency Fieldwork knows; the current value (Monthly) is kept.',
      'Row 2, column F "Key": "Maybe" is not a yes/no answer Fieldwork knows; the control stays key.',
    ]);
  });

  it('lists the controls the file does not mention as untouched', async () => {
    const preview = await reimport([AC_01]);
    expect(preview.summary.untouched).toEqual([
      { id: ID_02, reference: 'AC-02' },
      { id: ID_09, reference: 'AC-09' },
    ]);
    expect(preview.summary).toMatchObject({ create: 0, update: 1, unchanged: 0 });
  });

  it('does not match deleted controls: their reference creates a new control', async () => {
    const preview = await reimport([['AC-05', 'Back again.', null, null, null, null, null]]);
    expect(preview.rows[0]).toMatchObject({ action: 'create', existingId: null, reference: 'AC-05' });
    expect(preview.summary.untouched.map((u) => u.reference)).toEqual(['AC-01', 'AC-02', 'AC-09']);
  });

  it('does not need a description for an update', async () => {
    const preview = await reimport([['AC-02', null, null, 'Ops', null, null, null]]);
    expect(preview.rows[0]).toMatchObject({ action: 'update', hasErrors: false });
    expect(preview.rows[0]?.changes).toEqual([{ field: 'owner', label: 'Owner', before: '', after: 'Ops' }]);
  });

  it('plans the updates with the ids and changes to write', async () => {
    const preview = await reimport([
      AC_01,
      AC_02,
      ['NEW-1', 'A new control.', 'CC7.2', null, null, null, null],
    ]);
    const plan = planImport(preview, { skipRowsWithErrors: false });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.updates.map((u) => [u.id, u.row, u.changes.map((c) => c.field)])).toEqual([
      [ID_01, 2, ['description', 'criteria', 'frequency', 'notes']],
    ]);
    expect(plan.creates).toEqual([
      {
        row: 4,
        fields: expect.objectContaining({
          reference: 'NEW-1',
          criteria: ['CC7.2'],
          status: 'draft',
          key: false,
        }),
      },
    ]);
  });
});
