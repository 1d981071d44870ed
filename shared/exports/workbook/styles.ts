/**
 * The workbook's look, built on the request list's (same header grey, grid and date format). Each
 * combination of column kind and tone is one style object shared by every cell that uses it: a large
 * workbook holds a few dozen styles, not one per cell.
 */
import type { Alignment, Fill, Font, Style } from 'exceljs';
import { DATE_FORMAT, FILLS, FONTS, GRID, TEXT_FORMAT } from '../request-list/styles';
import type { ColumnKind, Tone } from './columns';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Fills by tone: the request list's light red for exceptions; green, amber and grey beside it. */
const TONE_FILLS: Record<Tone, Fill> = {
  bad: FILLS.overdue,
  warn: solid('FFFFF2CC'),
  good: solid('FFE2EFDA'),
  muted: solid('FFEDEDED'),
};
/** A whole row that holds an exception: lighter than the exception cell itself. */
const ROW_FILLS: Record<Tone, Fill> = { ...TONE_FILLS, bad: solid('FFFDF1F1') };

const BASE_FONT = { name: 'Calibri', family: 2, size: 11 } as const;
const LINK_FONT: Partial<Font> = { ...BASE_FONT, color: { argb: 'FF0563C1' }, underline: true };
const CODE_FONT: Partial<Font> = { name: 'Consolas', family: 3, size: 9 };
const MARK_FONTS: Record<Tone, Partial<Font>> = {
  bad: { ...BASE_FONT, bold: true, color: { argb: 'FF9C0006' } },
  warn: BASE_FONT,
  good: { ...BASE_FONT, color: { argb: 'FF375623' } },
  muted: { ...BASE_FONT, color: { argb: 'FF595959' } },
};

export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const NUMBER_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.00%';

const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: TEXT_FORMAT,
  long: TEXT_FORMAT,
  code: TEXT_FORMAT,
  link: TEXT_FORMAT,
  mark: TEXT_FORMAT,
  date: DATE_FORMAT,
  datetime: DATETIME_FORMAT,
  number: NUMBER_FORMAT,
  percent: PERCENT_FORMAT,
};

function alignment(kind: ColumnKind): Partial<Alignment> {
  if (kind === 'mark') return { horizontal: 'center', vertical: 'top' };
  if (kind === 'number' || kind === 'percent') return { horizontal: 'right', vertical: 'top', indent: 1 };
  if (kind === 'date' || kind === 'datetime') return { horizontal: 'left', vertical: 'top' };
  return { vertical: 'top', wrapText: true };
}

function font(kind: ColumnKind, tone: Tone | null): Partial<Font> | undefined {
  if (kind === 'link') return LINK_FONT;
  if (kind === 'code') return CODE_FONT;
  if (kind === 'mark' && tone) return MARK_FONTS[tone];
  return tone === 'bad' ? MARK_FONTS.bad : undefined;
}

const cache = new Map<string, Partial<Style>>();

/**
 * The style of a body cell. `tone` is the cell's own (an exception mark, a "Not met" status);
 * `rowTone` the row's (an item with an exception), shown more lightly on the row's other cells.
 */
export function cellStyle(kind: ColumnKind, tone: Tone | null, rowTone: Tone | null): Partial<Style> {
  const key = `${kind}|${tone ?? ''}|${rowTone ?? ''}`;
  let style = cache.get(key);
  if (!style) {
    const fill = tone ? TONE_FILLS[tone] : rowTone ? ROW_FILLS[rowTone] : undefined;
    const f = font(kind, tone);
    style = {
      numFmt: NUMBER_FORMATS[kind],
      alignment: alignment(kind),
      border: GRID,
      ...(f ? { font: f } : {}),
      ...(fill ? { fill } : {}),
    };
    cache.set(key, style);
  }
  return style;
}

/** A number in the Summary's value column, which is mostly text: read from the left like the rest. */
export const SUMMARY_NUMBER_STYLE: Partial<Style> = {
  ...cellStyle('number', null, null),
  alignment: { horizontal: 'left', vertical: 'top' },
};

export const HEADER_STYLE: Partial<Style> = {
  font: FONTS.header,
  fill: FILLS.header,
  border: GRID,
  alignment: { vertical: 'middle', wrapText: true },
};

export const TITLE_FONT: Partial<Font> = FONTS.title;
export const STRONG_FONT: Partial<Font> = FONTS.strong;
