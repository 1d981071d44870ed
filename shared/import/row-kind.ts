/**
 * Telling control rows from the other rows a control matrix has below its header: blank spacer rows,
 * section sub-headings ("Logical access"), footers ("Prepared by…") and the header repeated for printing.
 */
import type { ColumnMapping } from './fields';
import { cellText, type Cell } from './grid';
import { normaliseWords } from './header-words';
import { normaliseCriterionId } from './criteria-ids';
import { mappedFields } from './row-values';

export type RowKind = 'blank' | 'heading' | 'header-repeat' | 'control';

/** A bare criterion ID on its own ("CC6.1") heads the controls of that criterion. */
function isBareCriterion(text: string): boolean {
  return /^[a-z]{1,2} ?\d{1,2}\.\d{1,3}\.?$/iu.test(text) && normaliseCriterionId(text) !== null;
}

/** A cell alone in the reference column is a control (missing its other cells) if it looks like an ID. */
function looksLikeReference(text: string): boolean {
  const words = text.split(/\s+/u).length;
  return /\d/u.test(text) && words <= 3 && text.length <= 40 && !isBareCriterion(text);
}

/** A cell alone in the description column is a control (missing its reference) if it reads like one. */
function looksLikeDescription(text: string): boolean {
  return text.length > 60 || text.includes('\n');
}

/** What kind of row this is, judged by its mapped cells only (other columns are ignored). */
export function classifyRow(
  cells: readonly Cell[],
  mapping: ColumnMapping,
  headers: readonly string[],
): RowKind {
  const filled = mappedFields(mapping)
    .map(({ field, column }) => ({ field, column, text: cellText(cells[column]) }))
    .filter((cell) => cell.text !== '');
  if (filled.length === 0) return 'blank';
  const [only] = filled;
  if (filled.length === 1 && only) {
    if (only.field === 'reference' && looksLikeReference(only.text)) return 'control';
    if (only.field === 'description' && looksLikeDescription(only.text)) return 'control';
    return 'heading';
  }
  const repeatsHeader = filled.every(
    ({ column, text }) => normaliseWords(text) === normaliseWords(headers[column] ?? ''),
  );
  return repeatsHeader ? 'header-repeat' : 'control';
}
