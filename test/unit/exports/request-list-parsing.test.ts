import { describe, expect, it } from 'vitest';
import { parseDateText, parseStatus } from '../../../shared/exports/request-list';
import { toXlsxText } from '../../../shared/exports/xlsx-text';

describe('parseStatus', () => {
  it.each([
    ['Open', 'open'],
    ['In Progress', 'in-progress'],
    ['in-progress', 'in-progress'],
    ['IN_PROGRESS', 'in-progress'],
    [' submitted ', 'submitted'],
    ['Done', 'submitted'],
    ['Provided', 'submitted'],
    ['Not started', 'open'],
    ['Closed', 'closed'],
  ] as const)('reads %j as %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it.each(['', 'Almost done', 'N/A', '?'])('does not guess at %j', (text) => {
    expect(parseStatus(text)).toBeNull();
  });
});

describe('parseDateText', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026-03-05T00:00:00Z', '2026-03-05'],
    ['5 Mar 2026', '2026-03-05'],
    ['05-Mar-26', '2026-03-05'],
    ['March 5, 2026', '2026-03-05'],
    ['Mar 5th 2026', '2026-03-05'],
    ['5.3.2026', '2026-03-05'],
    ['25/3/2026', '2026-03-25'],
    ['3/25/2026', '2026-03-25'],
    ['3/3/2026', '2026-03-03'],
  ])('reads %j as %s', (text, date) => {
    expect(parseDateText(text)).toEqual({ ok: true, date });
  });

  it('reads blank as no date', () => {
    expect(parseDateText('  ')).toEqual({ ok: true, date: null });
  });

  it.each(['3/4/2026', '04/03/2026'])('refuses to guess the order of %j', (text) => {
    expect(parseDateText(text)).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it.each(['next week', '2026-02-30', '31 Foo 2026', '0026-03-05', '2026-13-01', '46086'])(
    'rejects %j',
    (text) => {
      expect(parseDateText(text)).toEqual({ ok: false, reason: 'invalid' });
    },
  );
});

describe('toXlsxText', () => {
  it('escapes carriage returns, control characters and escape look-alikes, and nothing else', () => {
    expect(toXlsxText('\rCR')).toBe('_x000D_CR');
    expect(toXlsxText('a\u0001b\u007f')).toBe('a_x0001_b_x007F_');
    expect(toXlsxText('_x0041_ and _xABCD_')).toBe('_x005F_x0041_ and _x005F_xABCD_');
    expect(toXlsxText('\tTab\nline =1+1 Łódź _x12_')).toBe('\tTab\nline =1+1 Łódź _x12_');
  });
});
