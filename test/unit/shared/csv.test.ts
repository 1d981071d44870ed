import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../../shared/formats/csv';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded commas and line breaks, CRLF and a BOM', () => {
    const text = '\ufeffid,title\r\n1,"a, ""quoted"" title"\r\n2,"two\nlines"\r\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'title'],
      ['1', 'a, "quoted" title'],
      ['2', 'two\nlines'],
    ]);
  });

  it('keeps empty trailing fields', () => {
    expect(parseCsv('a,,\n')).toEqual([['a', '', '']]);
  });

  it('reports a never-closed quote with its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(CsvError);
    expect(() => parseCsv('a\nx"y')).toThrow(/line 2/);
  });
});
