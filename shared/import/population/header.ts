/**
 * Finding the header row of a population export. Unlike a control matrix, its headings are not known in
 * advance ("Change ID", "sys_id", "Termination date"…), so the header is found by its shape: the first
 * row of short text labels that spans about as many columns as the rows below it, passing over report
 * titles, run parameters and blank rows above it.
 */
import { parseDateText } from '../../exports/request-list/dates';
import { cellText, isBlankCell, type Cell } from '../grid';
import { HEADER_SEARCH_ROWS } from '../mapping';
import { looksLikeHeading } from './words';

/** A heading is short text; longer text is a note or data. */
const MAX_LABEL_LENGTH = 60;
/** How many rows below a candidate are looked at to learn how wide the data is. */
const WIDTH_SAMPLE_ROWS = 10;
/** A header names at least this share of the columns the data below it fills. */
const MIN_HEADER_COVER = 0.6;

const NUMBER_LIKE = /^[-+(]?[\d\s.,%$€£)]+$/u;

function isLabel(cell: Cell | undefined): boolean {
  if (typeof cell !== 'string') return false;
  const text = cellText(cell);
  if (text === '' || text.length > MAX_LABEL_LENGTH || NUMBER_LIKE.test(text)) return false;
  const reading = parseDateText(text);
  return !(reading.ok && reading.date !== null);
}

function filledCount(row: readonly Cell[] | undefined): number {
  let count = 0;
  for (const cell of row ?? []) if (!isBlankCell(cell)) count += 1;
  return count;
}

/** The most cells filled in any of the next non-blank rows: how wide the data below `index` is. */
function dataWidth(rows: readonly (readonly Cell[])[], index: number): number | null {
  let width: number | null = null;
  let seen = 0;
  for (let i = index + 1; i < rows.length && seen < WIDTH_SAMPLE_ROWS; i += 1) {
    const filled = filledCount(rows[i]);
    if (filled === 0) continue;
    width = Math.max(width ?? 0, filled);
    seen += 1;
  }
  return width;
}

/** Whether the row could be the header: all short text labels, covering the columns of the data below. */
function isHeaderShaped(rows: readonly (readonly Cell[])[], index: number): boolean {
  const row = rows[index] ?? [];
  const filled = filledCount(row);
  if (filled === 0 || !row.every((cell) => isBlankCell(cell) || isLabel(cell))) return false;
  const width = dataWidth(rows, index) ?? filled;
  if (filled < Math.min(2, width)) return false;
  return filled >= Math.ceil(width * MIN_HEADER_COVER);
}

/** Whether at least half of the row's filled cells read like headings ("Change ID", "Approved on"). */
function hasHeadingWords(row: readonly Cell[]): boolean {
  let filled = 0;
  let headings = 0;
  for (const cell of row) {
    if (isBlankCell(cell)) continue;
    filled += 1;
    if (typeof cell === 'string' && looksLikeHeading(cell)) headings += 1;
  }
  return headings > 0 && headings * 2 >= filled;
}

/** Whether the rows below hold something a heading never is (a number, a date, long text). */
function dataBelowDiffers(rows: readonly (readonly Cell[])[], index: number): boolean {
  let seen = 0;
  for (let i = index + 1; i < rows.length && seen < WIDTH_SAMPLE_ROWS; i += 1) {
    const row = rows[i] ?? [];
    if (filledCount(row) === 0) continue;
    seen += 1;
    if (row.some((cell) => !isBlankCell(cell) && !isLabel(cell))) return true;
  }
  return false;
}

/**
 * The 0-based index of the header row among the first rows: the first header-shaped row whose cells are
 * mostly heading words ("Change ID", "Approved on", "Name"…); else the first header-shaped row above data
 * of another kind (numbers, dates). -1 when no row is clearly a header (a sheet of bare data): every row
 * then counts as an item, so a header that was not recognised shows up as an item rather than an item
 * being lost; the auditor can point at the header row.
 */
export function detectPopulationHeaderRow(rows: readonly (readonly Cell[])[]): number {
  let byShape = -1;
  const last = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < last; index += 1) {
    if (!isHeaderShaped(rows, index)) continue;
    if (hasHeadingWords(rows[index] ?? [])) return index;
    if (byShape === -1 && dataBelowDiffers(rows, index)) byShape = index;
  }
  return byShape;
}
