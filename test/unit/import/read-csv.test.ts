import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, readSpreadsheet } from '../../../shared/import';
import { utf16le, utf8, windows1252, withBom } from './fixtures';

const CSV = 'Control ID,Description,TSC\r\nAC-01,"Access is reviewed, quarterly",CC6.1\r\n';

describe('reading CSV files', () => {
  it('reads UTF-8 with and without a byte-order mark; the sheet is named after the file', async () => {
    for (const bytes of [utf8(CSV), withBom(utf8(CSV))]) {
      const [sheet] = await readSpreadsheet(bytes, 'Controls FY25.csv');
      expect(sheet?.name).toBe('Controls FY25');
      expect(sheet?.rows).toEqual([
        ['Control ID', 'Description', 'TSC'],
        ['AC-01', 'Access is reviewed, quarterly', 'CC6.1'],
      ]);
    }
  });

  it('reads semicolon files from European Excel, even with commas in unquoted text', async () => {
    const text =
      'Ref;Beschreibung, Kontrolle;TSC\nAC-01;Review, quarterly, by IT;CC6.1, CC6.2\nAC-02;Backups;A1.2\n';
    expect(detectDelimiter(text)).toBe(';');
    const [sheet] = await readSpreadsheet(utf8(text), 'matrix.csv');
    expect(sheet?.rows[1]).toEqual(['AC-01', 'Review, quarterly, by IT', 'CC6.1, CC6.2']);
  });

  it('reads tab-separated UTF-16 ("Unicode text" from Excel)', async () => {
    const [sheet] = await readSpreadsheet(
      utf16le('Ref\tDescription\r\nAC-01\tRévision d’accès\r\n'),
      'matrix.txt',
    );
    expect(sheet?.rows).toEqual([
      ['Ref', 'Description'],
      ['AC-01', 'Révision d’accès'],
    ]);
  });

  it('keeps line breaks inside quoted cells, and counts rows as records', async () => {
    const text = 'Ref,Description,TSC\nAC-01,"Line one\nline two",CC6.1\nAC-02,Other,"CC6.1\nCC6.2"\n';
    const [sheet] = await readSpreadsheet(utf8(text), 'm.csv');
    expect(sheet?.rows).toEqual([
      ['Ref', 'Description', 'TSC'],
      ['AC-01', 'Line one\nline two', 'CC6.1'],
      ['AC-02', 'Other', 'CC6.1\nCC6.2'],
    ]);
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', async () => {
    const text = 'Ref,Description\nAC-01,Zugriffsprüfung für €-Zahlungen – the “owner’s” review\n';
    const bytes = windows1252(text);
    expect(decodeText(bytes).encoding).toBe('windows-1252');
    const [sheet] = await readSpreadsheet(bytes, 'm.csv');
    expect(sheet?.rows[1]).toEqual(['AC-01', 'Zugriffsprüfung für €-Zahlungen – the “owner’s” review']);
  });

  it('honours an Excel "sep=" line and blank cells read as empty', async () => {
    const [sheet] = await readSpreadsheet(utf8('sep=;\nRef;Description;Owner\nAC-01;x;\n\n\n'), 'm.csv');
    expect(sheet?.rows).toEqual([
      ['Ref', 'Description', 'Owner'],
      ['AC-01', 'x'],
    ]);
  });

  it('detects the delimiter from the most consistent column count', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n"1;2",3\n')).toBe(',');
    expect(detectDelimiter('one column\nonly\n')).toBe(',');
  });

  it('explains a stray quotation mark with its line', async () => {
    await expect(readSpreadsheet(utf8('Ref,Description\nAC-01,The 5" monitor\n'), 'm.csv')).rejects.toThrow(
      /line 2 has a quotation mark/,
    );
  });
});
