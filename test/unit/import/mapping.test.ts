import { describe, expect, it } from 'vitest';
import {
  detectHeaderRow,
  detectLayout,
  emptyMapping,
  headerLabels,
  IMPORT_FIELD_INFO,
  IMPORT_FIELDS,
  missingRequiredFields,
  suggestMapping,
  suggestSheet,
  type ImportField,
  type SheetGrid,
} from '../../../shared/import';

/** The field each header was mapped to ('' when none), in header order. */
function fieldsFor(headers: string[]): string[] {
  const mapping = suggestMapping(headers);
  return headers.map((_, column) => IMPORT_FIELDS.find((f) => mapping[f] === column) ?? '');
}

describe('suggestMapping', () => {
  it.each<[string, ImportField]>([
    ['Control #', 'reference'],
    ['Control No.', 'reference'],
    ['Control ID', 'reference'],
    ['Ctrl Ref', 'reference'],
    ['Ref', 'reference'],
    ['Reference', 'reference'],
    ['Control Reference', 'reference'],
    ['Control Activity', 'description'],
    ['Control Description', 'description'],
    ['Description', 'description'],
    ['Control Activity Description', 'description'],
    ['Control Title', 'title'],
    ['Control Name', 'title'],
    ['Title', 'title'],
    ['Name', 'title'],
    ['TSC', 'criteria'],
    ['Criteria', 'criteria'],
    ['Mapped criteria', 'criteria'],
    ['TSC Reference', 'criteria'],
    ['Trust Services Criteria', 'criteria'],
    ['SOC 2 Criteria', 'criteria'],
    ['Criteria mapping', 'criteria'],
    ['CC Ref', 'criteria'],
    ['Owner', 'owner'],
    ['Control Owner', 'owner'],
    ['Responsible', 'owner'],
    ['Process Owner', 'owner'],
    ['Frequency', 'frequency'],
    ['Control Frequency', 'frequency'],
    ['Timing', 'frequency'],
    ['Nature', 'nature'],
    ['Manual/Automated', 'nature'],
    ['Automated / Manual', 'nature'],
    ['Control Nature', 'nature'],
    ['Type', 'controlType'],
    ['Control Type', 'controlType'],
    ['Preventive/Detective', 'controlType'],
    ['Key', 'key'],
    ['Key Control', 'key'],
    ['Key?', 'key'],
    ['Risk', 'risk'],
    ['Risk Rating', 'risk'],
    ['Risk Level', 'risk'],
    ['Reliance', 'risk'],
    ['System components', 'components'],
    ['Systems', 'components'],
    ['Applications', 'components'],
    ['In-scope systems', 'components'],
    ['Status', 'status'],
    ['Notes', 'notes'],
    ['Comments', 'notes'],
    ['Auditor notes', 'notes'],
  ])('maps %j to %s', (header, field) => {
    expect(suggestMapping([header])[field]).toBe(0);
  });

  it('ignores case, spacing and punctuation', () => {
    expect(fieldsFor(['  CONTROL   id ', 'control-description:', 'tsc.'])).toEqual([
      'reference',
      'description',
      'criteria',
    ]);
    expect(fieldsFor(['Control\nOwner'])).toEqual(['owner']);
  });

  it('maps each column once and each field once, exact wordings first', () => {
    expect(fieldsFor(['Control ID', 'Control Activity', 'Control Title', 'Description', 'Extra'])).toEqual([
      'reference',
      'description',
      'title',
      '',
      '',
    ]);
    // "Key Control Description" names a description partially; the exact "Description" wins it.
    expect(fieldsFor(['Key Control Description', 'Description', 'Key?'])).toEqual(['', 'description', 'key']);
    // Partial wordings fill fields nobody names exactly.
    expect(fieldsFor(['Ref', 'Control description (who, what, when)', 'Walkthrough reference'])).toEqual([
      'reference',
      'description',
      '',
    ]);
  });

  it('gives "Control" to whichever of reference and description is free', () => {
    expect(fieldsFor(['Control ID', 'Control'])).toEqual(['reference', 'description']);
    expect(fieldsFor(['Control', 'Control Description'])).toEqual(['reference', 'description']);
  });

  it('leaves unknown headers unmapped', () => {
    expect(suggestMapping(['Walkthrough date', 'Tested by', ''])).toEqual(emptyMapping());
  });
});

describe('field list for the mapping step', () => {
  it('lists every field once, with labels, reference and description required', () => {
    expect(IMPORT_FIELD_INFO.map((f) => f.field)).toEqual([...IMPORT_FIELDS]);
    expect(IMPORT_FIELD_INFO.filter((f) => f.required).map((f) => f.field)).toEqual([
      'reference',
      'description',
    ]);
    expect(IMPORT_FIELD_INFO.every((f) => f.label !== '' && f.hint !== '')).toBe(true);
    expect(missingRequiredFields(suggestMapping(['Control ID', 'Owner']))).toEqual(['description']);
  });
});

describe('detectHeaderRow', () => {
  it('finds the header under a title, notes and blank rows', () => {
    const rows = [
      ['Acme Corp — SOC 2 Type 2 control matrix'],
      ['Period: 1 January – 31 December 2025'],
      [],
      ['Note: descriptions as agreed with management on 3 March.'],
      [null, null],
      ['Control #', 'Control Activity', 'TSC', 'Control Owner', 'Frequency'],
      ['AC-01', 'Access is reviewed quarterly.', 'CC6.1', 'IT', 'Quarterly'],
    ];
    expect(detectHeaderRow(rows)).toBe(5);
  });

  it('is not fooled by data rows that contain header words', () => {
    const rows = [
      ['Ref', 'Description', 'Key', 'Nature', 'Type'],
      ['AC-01', 'Key management', 'Key', 'Manual', 'Preventive'],
    ];
    expect(detectHeaderRow(rows)).toBe(0);
  });

  it('returns -1 when no row reads like a header', () => {
    expect(
      detectHeaderRow([
        ['AC-01', 'Access review', 'CC6.1'],
        ['AC-02', 'Backups', 'A1.2'],
      ]),
    ).toBe(-1);
    expect(detectHeaderRow([])).toBe(-1);
  });

  it('looks only at the first 30 rows', () => {
    const rows = [...Array.from({ length: 30 }, () => ['x']), ['Ref', 'Description']];
    expect(detectHeaderRow(rows)).toBe(-1);
  });
});

describe('detectLayout and headerLabels', () => {
  it('gives the header texts for every column the sheet uses', () => {
    const rows = [['Matrix'], ['Ref', 'Description', null, 'TSC'], ['AC-01', 'x', null, 'CC6.1', 'stray']];
    expect(headerLabels(rows, 1)).toEqual(['Ref', 'Description', '', 'TSC', '']);
    expect(headerLabels(rows, -1)).toEqual(['', '', '', '', '']);
    const layout = detectLayout(rows);
    expect(layout.headerRow).toBe(1);
    expect(layout.mapping).toMatchObject({ reference: 0, description: 1, criteria: 3 });
  });
});

describe('suggestSheet', () => {
  const sheet = (name: string, rows: SheetGrid['rows'], hidden = false): SheetGrid => ({
    name,
    rows,
    hidden,
    notes: [],
    refusal: null,
  });

  it('picks the sheet that holds the control matrix', () => {
    const sheets = [
      sheet('Instructions', [['How to fill in this workbook'], ['Use one row per control.']]),
      sheet('Controls', [
        ['Control ID', 'Control Activity', 'TSC'],
        ['AC-01', 'x', 'CC6.1'],
      ]),
    ];
    expect(suggestSheet(sheets)).toBe(1);
  });

  it('prefers a visible sheet when hidden and visible ones look alike', () => {
    const rows = [['Ref', 'Description']];
    expect(suggestSheet([sheet('Old', rows, true), sheet('New', rows)])).toBe(1);
    expect(suggestSheet([sheet('Notes', [['hello']], true), sheet('Other', [['x']])])).toBe(1);
  });
});
