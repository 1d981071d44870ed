/** Finding the header row and suggesting which column holds which field. */
import { cellText, columnLetter, type Cell, type SheetGrid } from './grid';
import { AMBIGUOUS_HEADERS, matchHeader, normaliseWords, type HeaderMatch } from './header-words';
import { emptyMapping, IMPORT_FIELDS, type ColumnMapping } from './fields';

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Suggests a column for each field from the header texts. Each column maps to at most one field and each
 * field to at most one column; exact wordings win over partial ones, then the leftmost column.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const candidates = headers
    .map((header, column) => ({ column, match: matchHeader(header, IMPORT_FIELDS) }))
    .filter((c): c is { column: number; match: HeaderMatch } => c.match !== null)
    .sort((a, b) => b.match.score - a.match.score || a.column - b.column);
  const taken = new Set<number>();
  for (const { column, match } of candidates) {
    if (mapping[match.field] !== null) continue;
    mapping[match.field] = column;
    taken.add(column);
  }
  headers.forEach((header, column) => {
    if (taken.has(column)) return;
    const field = AMBIGUOUS_HEADERS[normaliseWords(header)]?.find((f) => mapping[f] === null);
    if (field === undefined) return;
    mapping[field] = column;
    taken.add(column);
  });
  return mapping;
}

/** How much a row looks like a control-matrix header: 3 per field named exactly, 1 per partial name. */
function headerScore(row: readonly Cell[]): { score: number; exactFields: number } {
  const best = new Map<string, boolean>();
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    const match = matchHeader(cell, IMPORT_FIELDS);
    if (match) best.set(match.field, match.exact || (best.get(match.field) ?? false));
  }
  let score = 0;
  let exactFields = 0;
  for (const exact of best.values()) {
    score += exact ? 3 : 1;
    if (exact) exactFields += 1;
  }
  return { score, exactFields };
}

/**
 * The 0-based index of the header row among the first 30 rows: the row that names the most fields, so
 * titles, notes, blank rows and merged banners above it are passed over. -1 when no row names at least two
 * fields exactly; the auditor then points at the header row.
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[]): number {
  let bestRow = -1;
  let bestScore = 0;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const { score, exactFields } = headerScore(row);
    if (exactFields >= 2 && score > bestScore) {
      bestRow = index;
      bestScore = score;
    }
  });
  return bestRow;
}

/** The widest row's cell count: every column the sheet uses. */
export function columnCount(rows: readonly (readonly Cell[])[]): number {
  return rows.reduce((max, row) => Math.max(max, row.length), 0);
}

/** The header text of every column ('' where the header cell is blank, or with no header row). */
export function headerLabels(rows: readonly (readonly Cell[])[], headerRow: number): string[] {
  const header = rows[headerRow] ?? [];
  return Array.from({ length: columnCount(rows) }, (_, column) =>
    cellText(header[column]).replace(/\s+/gu, ' '),
  );
}

/** How a column is named to the auditor: `C "TSC"`, or `C` when it has no header. */
export function columnName(column: number, header: string): string {
  return header === '' ? columnLetter(column) : `${columnLetter(column)} "${header}"`;
}

export interface SheetLayout {
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
}

/** The header row, the header texts and the suggested mapping of a sheet, in one step. */
export function detectLayout(rows: readonly (readonly Cell[])[]): SheetLayout {
  const headerRow = detectHeaderRow(rows);
  const headers = headerLabels(rows, headerRow);
  return { headerRow, headers, mapping: headerRow === -1 ? emptyMapping() : suggestMapping(headers) };
}

/**
 * The sheet most likely to hold the control matrix: the one whose header names the most fields, visible
 * sheets before hidden ones, else the first visible sheet. -1 when no sheet can be imported.
 */
export function suggestSheet(sheets: readonly SheetGrid[]): number {
  let best = -1;
  let bestRank = -1;
  sheets.forEach((sheet, index) => {
    if (sheet.refusal !== null) return;
    const headerRow = detectHeaderRow(sheet.rows);
    const score = headerRow === -1 ? 0 : headerScore(sheet.rows[headerRow] ?? []).score;
    const rank = score * 2 + (sheet.hidden ? 0 : 1);
    if (rank > bestRank) {
      best = index;
      bestRank = rank;
    }
  });
  return best;
}
