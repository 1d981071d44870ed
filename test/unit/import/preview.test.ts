import { describe, expect, it } from 'vitest';
import { buildImportPreview, emptyMapping, planImport, type ImportPreview } from '../../../shared/import';
import { buildXlsx, previewFile, utf8, withBom } from './fixtures';

const HEADER = [
  'Control #',
  'Control Activity',
  'TSC',
  'Control Owner',
  'Frequency',
  'Manual/Automated',
  'Key?',
  'Risk Rating',
  'Status',
  'Internal tracking',
];

/** A control matrix as clients really send them: title, notes, headings, gaps and mistakes. */
async function messyWorkbook(): Promise<Uint8Array> {
  return buildXlsx([
    { name: 'Instructions', rows: [['How to use this workbook'], ['Fill in one row per control.']] },
    {
      name: 'Control matrix',
      merges: ['A1:I1', 'A6:I6'],
      formattedEmptyRows: 50,
      rows: [
        ['Acme Cloud Inc. — SOC 2 Type 2 control matrix'],
        ['Prepared by management; criteria per the 2017 TSC'],
        [],
        ['Note: one row per control. Column J is for internal use.'],
        HEADER,
        ['Logical access'],
        [
          'AC-01',
          'User access is reviewed quarterly by system owners.',
          'CC6.1, CC6.2',
          'IT Security',
          'Quarterly',
          'Manual',
          'Yes',
          'High',
          'Final',
          'JIRA-12',
        ],
        [
          'AC-02',
          {
            richText: [
              { text: 'New users are approved ', font: { bold: true } },
              { text: 'before access is granted.' },
            ],
          },
          'cc 6.1; CC6.3',
          'IT',
          'Per event',
          'IT dependent manual',
          'X',
          'M',
          'Draft',
        ],
        [
          'AC-03',
          'Access is removed on termination.',
          { formula: 'CONCAT("CC","6.1")', result: 'CC6.1' },
          'HR',
          'As needed',
          'Manual',
          'No',
        ],
        [
          'AC-04',
          'MFA is enforced for all users.',
          'CC6.1.\nCC 6.6 - Logical access boundary protection',
          null,
          'Continuous',
          'Automated',
          true,
          'Low',
        ],
        [],
        ['Change management'],
        [
          'CM-01',
          'Changes are approved before deployment.',
          'CC8.1 / CC6.8',
          'Engineering',
          'Every blue moon',
        ],
        [' ac-02 ', 'Duplicate of AC-02', 'CC6.1'],
        ['CM-02', 'Emergency changes are reviewed afterwards.', 'CC9.9'],
        ['CM-03', null, 'CC8.1'],
        ['DR-01', 'Backups are restored and tested.', 'A1.2, A1.3', 'Ops', 'Semi-annually'],
        ['DR-02', 'x'.repeat(10_001), 'A1.2'],
      ],
    },
  ]);
}

function messages(preview: ImportPreview): string[] {
  return preview.problems.map((p) => p.message);
}

describe('previewing a messy control matrix', () => {
  it('finds the sheet, the header under the title and notes, and the columns', async () => {
    const { sheet, layout } = await previewFile(await messyWorkbook(), 'Acme RCM.xlsx');
    expect(sheet.name).toBe('Control matrix');
    expect(layout.headerRow).toBe(4);
    expect(layout.mapping).toEqual({
      ...emptyMapping(),
      reference: 0,
      description: 1,
      criteria: 2,
      owner: 3,
      frequency: 4,
      nature: 5,
      key: 6,
      risk: 7,
      status: 8,
    });
  });

  it('reads each control with its spreadsheet row number', async () => {
    const { preview } = await previewFile(await messyWorkbook(), 'Acme RCM.xlsx', {
      applicableCriteria: ['CC6.1', 'CC6.2', 'CC6.3', 'CC6.6', 'CC6.8', 'CC8.1'],
    });
    expect(preview.rows.map((r) => [r.row, r.action, r.reference, r.hasErrors])).toEqual([
      [6, 'skip', '', false],
      [7, 'create', 'AC-01', false],
      [8, 'create', 'AC-02', false],
      [9, 'create', 'AC-03', false],
      [10, 'create', 'AC-04', false],
      [12, 'skip', '', false],
      [13, 'create', 'CM-01', false],
      [14, 'create', 'ac-02', true],
      [15, 'create', 'CM-02', true],
      [16, 'create', 'CM-03', true],
      [17, 'create', 'DR-01', false],
      [18, 'create', 'DR-02', true],
    ]);
    const byRef = new Map(preview.rows.map((r) => [r.reference, r.fields]));
    expect(byRef.get('AC-01')).toEqual({
      reference: 'AC-01',
      title: '',
      description: 'User access is reviewed quarterly by system owners.',
      owner: 'IT Security',
      frequency: 'quarterly',
      nature: 'manual',
      controlType: null,
      key: true,
      risk: 'high',
      components: '',
      status: 'agreed',
      notes: '',
      criteria: ['CC6.1', 'CC6.2'],
    });
    expect(byRef.get('AC-02')).toMatchObject({
      description: 'New users are approved before access is granted.',
      criteria: ['CC6.1', 'CC6.3'],
      frequency: 'event-driven',
      nature: 'it-dependent-manual',
      key: true,
      risk: 'moderate',
      status: 'draft',
    });
    expect(byRef.get('AC-03')).toMatchObject({ criteria: ['CC6.1'], frequency: 'event-driven', key: false });
    expect(byRef.get('AC-04')).toMatchObject({
      criteria: ['CC6.1', 'CC6.6'],
      owner: '',
      frequency: 'continuous',
      nature: 'automated',
      key: true,
      risk: 'low',
    });
    expect(byRef.get('CM-01')).toMatchObject({
      criteria: ['CC6.8', 'CC8.1'],
      frequency: null,
      status: 'draft',
    });
  });

  it('explains every problem with the row and the column as the spreadsheet shows them', async () => {
    const { preview } = await previewFile(await messyWorkbook(), 'Acme RCM.xlsx', {
      applicableCriteria: ['CC6.1', 'CC6.2', 'CC6.3', 'CC6.6', 'CC6.8', 'CC8.1'],
    });
    expect(messages(preview)).toEqual([
      'Row 6: "Logical access" looks like a section heading, not a control; it is skipped.',
      'Row 12: "Change management" looks like a section heading, not a control; it is skipped.',
      'Row 13, column E "Frequency": "Every blue moon" is not a frequency Fieldwork knows; it will be left blank.',
      'Row 14: control reference "ac-02" appears again (first on row 8).',
      'Row 15, column C "TSC": "CC9.9" is not a trust services criterion.',
      'Row 16: no control description.',
      'Row 17, column C "TSC": A1.2 and A1.3 are outside this engagement\'s scope or marked not applicable; the mappings are kept.',
      'Row 18, column B "Control Activity": the text is 10,001 characters long; Fieldwork keeps at most 10,000. ' +
        'Shorten it in the file and import again.',
      'Row 18, column C "TSC": A1.2 is outside this engagement\'s scope or marked not applicable; the mapping is kept.',
    ]);
    expect(preview.problems.find((p) => p.row === 15)).toMatchObject({
      row: 15,
      column: { index: 2, letter: 'C', header: 'TSC' },
      field: 'criteria',
      severity: 'error',
    });
    expect(preview.problems.find((p) => p.row === 13)?.severity).toBe('warning');
    expect(preview.summary).toEqual({
      create: 6,
      update: 0,
      unchanged: 0,
      skipped: 2,
      withErrors: 4,
      errors: 4,
      warnings: 5,
      untouched: [],
    });
  });

  it('refuses to import rows with errors unless asked to skip them', async () => {
    const { preview } = await previewFile(await messyWorkbook(), 'Acme RCM.xlsx');
    expect(planImport(preview, { skipRowsWithErrors: false })).toEqual({
      ok: false,
      message:
        '4 rows have errors. Fix them in the file, change the column mapping, or choose to skip rows with errors.',
    });
    const plan = planImport(preview, { skipRowsWithErrors: true });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.creates.map((c) => c.fields.reference)).toEqual([
      'AC-01',
      'AC-02',
      'AC-03',
      'AC-04',
      'CM-01',
      'DR-01',
    ]);
    expect(plan.updates).toEqual([]);
    expect(plan.skippedRows).toEqual([14, 15, 16, 18]);
  });

  it('is deterministic', async () => {
    const bytes = await messyWorkbook();
    const first = await previewFile(bytes, 'a.xlsx');
    const second = await previewFile(bytes, 'a.xlsx');
    expect(second.preview).toEqual(first.preview);
  });
});

describe('other layouts', () => {
  it('imports a semicolon CSV with a BOM and criteria on several lines', async () => {
    const csv =
      'Control ID;Description;Mapped criteria;Frequency\r\n' +
      'AC-01;"Access reviewed; signed off by CISO";"CC6.1\nCC6.2";Monthly\r\n' +
      'AC-02;Backups;A1.2;Daily\r\n';
    const { sheet, preview } = await previewFile(withBom(utf8(csv)), 'controls.csv');
    expect(sheet.name).toBe('controls');
    expect(preview.problems).toEqual([]);
    expect(
      preview.rows.map((r) => [r.row, r.fields.reference, r.fields.criteria, r.fields.frequency]),
    ).toEqual([
      [2, 'AC-01', ['CC6.1', 'CC6.2'], 'monthly'],
      [3, 'AC-02', ['A1.2'], 'daily'],
    ]);
  });

  it('warns about a formula that was never calculated', async () => {
    const bytes = await buildXlsx([
      {
        name: 'S',
        rows: [
          ['Ref', 'Description', 'TSC'],
          ['AC-01', 'x', { formula: 'B2&"y"' }],
        ],
      },
    ]);
    const { preview } = await previewFile(bytes, 'm.xlsx');
    expect(messages(preview)).toEqual([
      'Row 2, column C "TSC": the formula in this cell has no saved result, so Fieldwork reads it as empty. ' +
        'Open the file in Excel, save it, and import it again.',
    ]);
    expect(preview.rows[0]?.hasErrors).toBe(false);
  });

  it('reads a sheet without a header row when the auditor maps the columns by letter', () => {
    const rows = [
      ['AC-01', 'Access review', 'CC6.1'],
      ['AC-02', 'Backups', 'A1.2'],
    ];
    const mapping = { ...emptyMapping(), reference: 0, description: 1, criteria: 2 };
    const preview = buildImportPreview({
      rows,
      headerRow: -1,
      mapping,
      existing: [],
      applicableCriteria: [],
    });
    expect(preview.rows.map((r) => r.row)).toEqual([1, 2]);
    const bad = buildImportPreview({
      rows: [['AC-01', 'x', 'CC9.9']],
      headerRow: -1,
      mapping,
      existing: [],
      applicableCriteria: [],
    });
    expect(messages(bad)).toEqual(['Row 1, column C: "CC9.9" is not a trust services criterion.']);
  });

  it('needs a reference column before anything can be imported', () => {
    const preview = buildImportPreview({
      rows: [['Description'], ['x']],
      headerRow: 0,
      mapping: { ...emptyMapping(), description: 0 },
      existing: [],
      applicableCriteria: [],
    });
    expect(preview.rows).toEqual([]);
    expect(messages(preview)).toEqual([
      'Choose the column that holds the control reference (e.g. "Control ID").',
    ]);
    expect(planImport(preview, { skipRowsWithErrors: true }).ok).toBe(false);
  });

  it('skips a repeated header row and ignores rows with content only in unmapped columns', () => {
    const rows = [
      ['Ref', 'Description', 'Internal'],
      ['AC-01', 'x', 'a'],
      [null, null, 'note for the team'],
      ['Ref', 'Description'],
      ['AC-02', 'y'],
    ];
    const mapping = { ...emptyMapping(), reference: 0, description: 1 };
    const preview = buildImportPreview({ rows, headerRow: 0, mapping, existing: [], applicableCriteria: [] });
    expect(preview.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [4, 'skip'],
      [5, 'create'],
    ]);
    expect(messages(preview)).toEqual(['Row 4: repeats the column headings; it is skipped.']);
  });

  it('treats a lone ID in the reference column as a control missing its description', () => {
    const rows = [['Ref', 'Description'], ['AC-01'], ['CC6.1']];
    const mapping = { ...emptyMapping(), reference: 0, description: 1 };
    const preview = buildImportPreview({ rows, headerRow: 0, mapping, existing: [], applicableCriteria: [] });
    expect(messages(preview)).toEqual([
      'Row 2: no control description.',
      'Row 3: "CC6.1" looks like a section heading, not a control; it is skipped.',
    ]);
  });
});
