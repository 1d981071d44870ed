/** Problems found while previewing an import, each a sentence the auditor can act on. */
import type { ImportField } from './fields';
import { columnLetter } from './grid';
import { columnName } from './mapping';

export type ProblemSeverity = 'error' | 'warning';

export interface ProblemColumn {
  /** 0-based column index. */
  index: number;
  /** As the spreadsheet shows it: `C`. */
  letter: string;
  /** The header text ('' when the header cell is blank). */
  header: string;
}

export interface ImportProblem {
  /** The row number the spreadsheet shows (1-based); null for a problem with the whole file or mapping. */
  row: number | null;
  column: ProblemColumn | null;
  field: ImportField | null;
  /** Errors keep the row out of the import; warnings only inform. */
  severity: ProblemSeverity;
  /** The whole sentence, starting with where: `Row 14, column C "TSC": …`. */
  message: string;
}

export function problemColumn(index: number, headers: readonly string[]): ProblemColumn {
  return { index, letter: columnLetter(index), header: headers[index] ?? '' };
}

/** A problem with one cell: the message names the row and the column. */
export function cellProblem(
  row: number,
  column: ProblemColumn,
  field: ImportField | null,
  severity: ProblemSeverity,
  text: string,
): ImportProblem {
  const where = `Row ${row}, column ${columnName(column.index, column.header)}`;
  return { row, column, field, severity, message: `${where}: ${text}` };
}

/** A problem with a whole row (the column, if known, is kept for highlighting but not repeated). */
export function rowProblem(
  row: number,
  field: ImportField | null,
  severity: ProblemSeverity,
  text: string,
  column: ProblemColumn | null = null,
): ImportProblem {
  return { row, column, field, severity, message: `Row ${row}: ${text}` };
}

/** A problem with the file or the mapping as a whole. */
export function fileProblem(
  field: ImportField | null,
  severity: ProblemSeverity,
  message: string,
): ImportProblem {
  return { row: null, column: null, field, severity, message };
}

/** `"A"`, `"A" and "B"`, `"A", "B" and "C"`. */
export function listQuoted(items: readonly string[]): string {
  return listWords(items.map((item) => `"${item}"`));
}

/** `A`, `A and B`, `A, B and C`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Shortens long cell text for a message. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
