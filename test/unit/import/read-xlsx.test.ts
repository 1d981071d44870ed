import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../shared/import';
import { buildXlsx } from './fixtures';

describe('reading .xlsx workbooks', () => {
  it('gives each cell as the spreadsheet shows it', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Controls',
        rows: [
          ['Ref', 'Description', 'TSC', 'Link', 'Lookup', 'Tested on', 'Key', 'Count'],
          [
            'AC-01',
            { richText: [{ text: 'Access is ', font: { bold: true } }, { text: 'reviewed.' }] },
            { formula: 'CONCAT("CC","6.1")', result: 'CC6.1' },
            { text: 'Policy', hyperlink: 'https://example.com/policy' },
            { error: '#N/A' },
            new Date(Date.UTC(2025, 2, 31)),
            true,
            3,
          ],
          [
            'AC-02',
            'Shared formula below',
            { sharedFormula: 'C2', result: 'CC6.2' },
            null,
            { formula: '1/0', result: { error: '#DIV/0!' } },
          ],
        ],
      },
    ]);
    const [sheet] = await readSpreadsheet(bytes, 'matrix.xlsx');
    expect(sheet?.name).toBe('Controls');
    expect(sheet?.hidden).toBe(false);
    expect(sheet?.rows[1]).toEqual([
      'AC-01',
      'Access is reviewed.',
      'CC6.1',
      'Policy',
      '#N/A',
      new Date(Date.UTC(2025, 2, 31)),
      true,
      3,
    ]);
    expect(sheet?.rows[2]).toEqual(['AC-02', 'Shared formula below', 'CC6.2', null, '#DIV/0!']);
    expect(sheet?.notes).toEqual([]);
  });

  it('reads a formula without a saved result as empty, and notes it', async () => {
    const bytes = await buildXlsx([
      {
        name: 'S',
        rows: [
          ['Ref', 'TSC'],
          ['AC-01', { formula: 'A2&"x"' }],
        ],
      },
    ]);
    const [sheet] = await readSpreadsheet(bytes, 'matrix.xlsx');
    expect(sheet?.rows[1]).toEqual(['AC-01']);
    expect(sheet?.notes).toEqual([{ row: 1, column: 1, message: expect.stringMatching(/no saved result/) }]);
  });

  it('keeps a merged title in its first cell only, and fills a one-column merge down', async () => {
    const bytes = await buildXlsx([
      {
        name: 'RCM',
        rows: [
          ['Acme Corp — control matrix'],
          ['Ref', 'Description', 'TSC'],
          ['Logical access'],
          ['AC-01', 'First', 'CC6.1'],
          ['AC-02', 'Second'],
          ['AC-03', 'Third'],
        ],
        merges: ['A1:F1', 'A3:C3', 'C4:C6'],
      },
    ]);
    const [sheet] = await readSpreadsheet(bytes, 'matrix.xlsx');
    expect(sheet?.rows).toEqual([
      ['Acme Corp — control matrix'],
      ['Ref', 'Description', 'TSC'],
      ['Logical access'],
      ['AC-01', 'First', 'CC6.1'],
      ['AC-02', 'Second', 'CC6.1'],
      ['AC-03', 'Third', 'CC6.1'],
    ]);
  });

  it('keeps leading empty rows so row numbers match Excel, and drops trailing formatted rows', async () => {
    const bytes = await buildXlsx([
      { name: 'S', rows: [[], [], ['Ref', 'Description'], ['AC-01', 'x']], formattedEmptyRows: 200 },
    ]);
    const [sheet] = await readSpreadsheet(bytes, 'matrix.xlsx');
    expect(sheet?.rows).toEqual([[], [], ['Ref', 'Description'], ['AC-01', 'x']]);
  });

  it('returns every sheet with content, flags hidden ones and leaves out empty ones', async () => {
    const bytes = await buildXlsx([
      { name: 'Instructions', rows: [['Fill in one row per control.']] },
      { name: 'Empty', rows: [] },
      {
        name: 'Controls',
        rows: [
          ['Ref', 'Description'],
          ['AC-01', 'x'],
        ],
      },
      {
        name: 'Old matrix',
        rows: [
          ['Ref', 'Description'],
          ['OLD-1', 'y'],
        ],
        hidden: true,
      },
    ]);
    const sheets = await readSpreadsheet(bytes, 'matrix.xlsx');
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Instructions', false],
      ['Controls', false],
      ['Old matrix', true],
    ]);
  });

  it('reads the workbook from bytes alone, whatever the file is called', async () => {
    const bytes = await buildXlsx([{ name: 'S', rows: [['Ref']] }]);
    await expect(readSpreadsheet(bytes, 'export (1)')).resolves.toHaveLength(1);
    await expect(readSpreadsheet(bytes, 'controls.csv')).resolves.toHaveLength(1);
  });

  it('refuses a sheet over 20,000 rows but still offers the other sheets', async () => {
    const big = Array.from({ length: 20_001 }, (_, i) => [`C-${i}`]);
    const bytes = await buildXlsx([
      {
        name: 'Controls',
        rows: [
          ['Ref', 'Description'],
          ['AC-01', 'x'],
        ],
      },
      { name: 'Log export', rows: big },
    ]);
    const sheets = await readSpreadsheet(bytes, 'matrix.xlsx');
    expect(sheets.map((s) => [s.name, s.rows.length, s.refusal])).toEqual([
      ['Controls', 2, null],
      [
        'Log export',
        0,
        'Sheet "Log export" has 20,001 rows; Fieldwork imports at most 20,000 rows from one sheet. ' +
          'Delete the rows you do not need, or split the sheet, and try again.',
      ],
    ]);
    await expect(readSpreadsheet(await buildXlsx([{ name: 'Log', rows: big }]), 'log.xlsx')).rejects.toThrow(
      /Sheet "Log" has 20,001 rows/,
    );
  });
});
