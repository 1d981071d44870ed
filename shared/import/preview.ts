/**
 * The import preview: what importing a sheet would do to the engagement's controls, row by row, with
 * every problem worded for the auditor. Pure and deterministic; nothing is written here.
 */
import { emptyControlFields, referenceKey } from '../domain/planning/controls';
import { controlRow, type PreviewState } from './control-row';
import { missingRequiredFields, type ColumnMapping } from './fields';
import { cellText } from './grid';
import { headerLabels } from './mapping';
import { excerpt, fileProblem, rowProblem, type ImportProblem } from './problems';
import type {
  ExistingControl,
  ImportPreview,
  ImportPreviewInput,
  ImportRow,
  ImportSummary,
} from './preview-types';
import { classifyRow } from './row-kind';

export type {
  ExistingControl,
  ImportAction,
  ImportPreview,
  ImportPreviewInput,
  ImportRow,
  ImportSummary,
} from './preview-types';

function existingByKey(existing: readonly ExistingControl[]): Map<string, ExistingControl> {
  const byKey = new Map<string, ExistingControl>();
  for (const control of existing) {
    const key = referenceKey(control.reference);
    if (!control.deleted && !byKey.has(key)) byKey.set(key, control);
  }
  return byKey;
}

function skippedRow(row: number): ImportRow {
  return {
    row,
    action: 'skip',
    reference: '',
    fields: emptyControlFields(),
    existingId: null,
    changes: [],
    hasErrors: false,
  };
}

function previewRow(
  state: PreviewState,
  index: number,
): { row: ImportRow | null; problems: ImportProblem[] } {
  const cells = state.input.rows[index] ?? [];
  const kind = classifyRow(cells, state.input.mapping, state.headers);
  const row = index + 1;
  if (kind === 'blank') return { row: null, problems: [] };
  if (kind === 'header-repeat') {
    return {
      row: skippedRow(row),
      problems: [rowProblem(row, null, 'warning', 'repeats the column headings; it is skipped.')],
    };
  }
  if (kind === 'heading') {
    const text = cells.map((cell) => cellText(cell)).find((t) => t !== '') ?? '';
    return {
      row: skippedRow(row),
      problems: [
        rowProblem(
          row,
          null,
          'warning',
          `"${excerpt(text)}" looks like a section heading, not a control; it is skipped.`,
        ),
      ],
    };
  }
  return controlRow(state, index);
}

function summarise(
  rows: readonly ImportRow[],
  problems: readonly ImportProblem[],
  state: PreviewState,
): ImportSummary {
  const count = (action: ImportRow['action']) =>
    rows.filter((r) => r.action === action && !r.hasErrors).length;
  const mentioned = new Set(rows.map((r) => r.existingId).filter((id) => id !== null));
  const untouched = [...state.existingByKey.values()]
    .filter((control) => !mentioned.has(control.id))
    .map((control) => ({ id: control.id, reference: control.reference }))
    .sort(
      (a, b) =>
        a.reference.localeCompare(b.reference, 'en', { numeric: true, sensitivity: 'base' }) ||
        a.id.localeCompare(b.id),
    );
  return {
    create: count('create'),
    update: count('update'),
    unchanged: count('unchanged'),
    skipped: count('skip'),
    withErrors: rows.filter((r) => r.hasErrors).length,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    untouched,
  };
}

/** Problems with the mapping itself: without a reference column nothing can be imported. */
function mappingProblems(mapping: ColumnMapping): ImportProblem[] {
  return missingRequiredFields(mapping)
    .filter((field) => field === 'reference')
    .map((field) =>
      fileProblem(field, 'error', 'Choose the column that holds the control reference (e.g. "Control ID").'),
    );
}

/**
 * What importing the rows below the header would do: for each row its action (create, update, unchanged,
 * skip), the resulting control fields and, for updates, the field changes; plus every problem, with
 * the row number and column as the spreadsheet shows them, and a summary. Blank rows are passed over.
 */
export function buildImportPreview(input: ImportPreviewInput): ImportPreview {
  const state: PreviewState = {
    input,
    headers: headerLabels(input.rows, input.headerRow),
    existingByKey: existingByKey(input.existing),
    firstRowByKey: new Map(),
    notes: new Map((input.notes ?? []).map((note) => [`${note.row}:${note.column}`, note])),
    applicable: new Set(input.applicableCriteria),
  };
  const global = mappingProblems(input.mapping);
  if (global.length > 0) return { rows: [], problems: global, summary: summarise([], global, state) };
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  for (let index = Math.max(0, input.headerRow + 1); index < input.rows.length; index += 1) {
    const result = previewRow(state, index);
    if (result.row) rows.push(result.row);
    problems.push(...result.problems);
  }
  return { rows, problems, summary: summarise(rows, problems, state) };
}
