/** The look of the request sheet: yellow for what the client fills in, light red for overdue requests. */
import type { Borders, Fill, Font } from 'exceljs';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export const FILLS = {
  header: solid('FFD9D9D9'),
  clientHeader: solid('FFFFD966'),
  client: solid('FFFFF2CC'),
  overdue: solid('FFFBE2E2'),
} as const;

/** Calibri, as Excel writes by default; family 2 (sans serif) tells other programs what to fall back to. */
const BASE = { name: 'Calibri', family: 2, size: 11 } as const;

export const FONTS = {
  title: { ...BASE, bold: true, size: 14 },
  strong: { ...BASE, bold: true },
  header: { ...BASE, bold: true },
  overdue: { ...BASE, bold: true, color: { argb: 'FF9C0006' } },
} as const satisfies Record<string, Partial<Font>>;

const thin = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
export const GRID: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const DATE_FORMAT = 'yyyy-mm-dd';
/** Text format: what the client types stays text (`- sent` is no formula, `00123` keeps its zeros). */
export const TEXT_FORMAT = '@';
