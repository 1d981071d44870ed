/**
 * One control row of the preview: match it to an existing control, read its cells, merge or fill the
 * defaults, and collect its problems (duplicates, missing required fields, schema limits, kept criteria).
 */
import { controlFieldsSchema, referenceKey, type ControlFields } from '../domain/planning/controls';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ImportField } from './fields';
import { cellText, type CellNote } from './grid';
import { cellProblem, listWords, problemColumn, rowProblem, type ImportProblem } from './problems';
import type { ExistingControl, ImportPreviewInput, ImportRow } from './preview-types';
import { mergeIntoExisting, newControlFields } from './reimport';
import { mappedFields, readRowValues, type RowValues } from './row-values';

/** What the preview carries from row to row. */
export interface PreviewState {
  input: ImportPreviewInput;
  headers: string[];
  existingByKey: Map<string, ExistingControl>;
  firstRowByKey: Map<string, number>;
  notes: Map<string, CellNote>;
  applicable: ReadonlySet<string>;
}

/** Warnings for cells the reader could not read as shown (a formula never calculated). */
function noteProblems(state: PreviewState, index: number): ImportProblem[] {
  return mappedFields(state.input.mapping).flatMap(({ field, column }) => {
    const note = state.notes.get(`${index}:${column}`);
    if (!note) return [];
    return [cellProblem(index + 1, problemColumn(column, state.headers), field, 'warning', note.message)];
  });
}

/** Problems for whatever the schema still refuses, on fields not already reported. */
function validationProblems(
  state: PreviewState,
  row: number,
  result: ReturnType<typeof controlFieldsSchema.safeParse>,
  read: RowValues,
): ImportProblem[] {
  if (result.success) return [];
  const problems: ImportProblem[] = [];
  for (const issue of result.error.issues) {
    const field = IMPORT_FIELDS.find((f) => f === issue.path[0]);
    if (field === undefined || read.reported.has(field)) continue;
    read.reported.add(field);
    const column = state.input.mapping[field];
    problems.push(
      column === null
        ? rowProblem(row, field, 'error', `${IMPORT_FIELD_LABELS[field]}: ${issue.message}`)
        : cellProblem(row, problemColumn(column, state.headers), field, 'error', issue.message),
    );
  }
  return problems;
}

function requiredProblems(
  state: PreviewState,
  row: number,
  fields: ControlFields,
  read: RowValues,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const missing: [ImportField, string][] = [
    ['reference', 'no control reference.'],
    ['description', 'no control description.'],
  ];
  for (const [field, text] of missing) {
    if (fields[field] !== '' || read.reported.has(field)) continue;
    read.reported.add(field);
    const column = state.input.mapping[field];
    problems.push(
      rowProblem(row, field, 'error', text, column === null ? null : problemColumn(column, state.headers)),
    );
  }
  return problems;
}

function duplicateProblem(state: PreviewState, row: number, reference: string): ImportProblem | null {
  const key = referenceKey(reference);
  if (key === '') return null;
  const first = state.firstRowByKey.get(key);
  if (first === undefined) {
    state.firstRowByKey.set(key, row);
    return null;
  }
  const column = state.input.mapping.reference;
  return rowProblem(
    row,
    'reference',
    'error',
    `control reference "${reference}" appears again (first on row ${first}).`,
    column === null ? null : problemColumn(column, state.headers),
  );
}

function keptCriteriaProblem(
  state: PreviewState,
  row: number,
  reference: string,
  kept: readonly string[],
): ImportProblem[] {
  const column = state.input.mapping.criteria;
  if (kept.length === 0 || column === null) return [];
  const one = kept.length === 1;
  return [
    cellProblem(
      row,
      problemColumn(column, state.headers),
      'criteria',
      'warning',
      `${listWords(kept)} ${one ? 'is' : 'are'} mapped to ${reference} in Fieldwork but not in this file; the ` +
        `${one ? 'mapping is' : 'mappings are'} kept.`,
    ),
  ];
}

/** Removals are never silent: with "replace criteria" on, each removed mapping is named. */
function removedCriteriaProblem(
  state: PreviewState,
  row: number,
  reference: string,
  removed: readonly string[],
): ImportProblem[] {
  const column = state.input.mapping.criteria;
  if (removed.length === 0 || column === null) return [];
  const one = removed.length === 1;
  return [
    cellProblem(
      row,
      problemColumn(column, state.headers),
      'criteria',
      'warning',
      `${listWords(removed)} ${one ? 'is' : 'are'} not in this file and will be removed from ${reference}, because the file's criteria replace Fieldwork's.`,
    ),
  ];
}

export function controlRow(
  state: PreviewState,
  index: number,
): { row: ImportRow; problems: ImportProblem[] } {
  const row = index + 1;
  const cells = state.input.rows[index] ?? [];
  const referenceColumn = state.input.mapping.reference;
  const reference = referenceColumn === null ? '' : cellText(cells[referenceColumn]).replace(/\s+/gu, ' ');
  const existing = state.existingByKey.get(referenceKey(reference)) ?? null;
  const read = readRowValues({
    row,
    cells,
    mapping: state.input.mapping,
    headers: state.headers,
    existing,
    applicable: state.applicable,
  });
  const problems = [...read.problems, ...noteProblems(state, index)];
  const duplicate = duplicateProblem(state, row, reference);
  if (duplicate) problems.unshift(duplicate);
  const merge = existing
    ? mergeIntoExisting(existing, read.values, state.input.replaceCriteria ?? false)
    : null;
  const fields = merge?.fields ?? newControlFields(read.values);
  const parsed = controlFieldsSchema.safeParse(fields);
  problems.push(
    ...requiredProblems(state, row, fields, read),
    ...validationProblems(state, row, parsed, read),
  );
  if (merge && existing) {
    problems.push(...keptCriteriaProblem(state, row, existing.reference, merge.keptCriteria));
    problems.push(...removedCriteriaProblem(state, row, existing.reference, merge.removedCriteria));
    const notes = merge.changes.find((c) => c.field === 'notes');
    if (notes && typeof notes.before === 'string' && notes.before.trim() !== '') {
      problems.push(
        rowProblem(
          row,
          'notes',
          'warning',
          `the notes in the file are added below ${existing.reference}'s notes in Fieldwork.`,
        ),
      );
    }
  }
  return {
    row: {
      row,
      action: merge ? (merge.changes.length > 0 ? 'update' : 'unchanged') : 'create',
      reference: existing?.reference ?? reference,
      fields: parsed.success ? parsed.data : fields,
      existingId: existing?.id ?? null,
      changes: merge?.changes ?? [],
      hasErrors: problems.some((p) => p.severity === 'error'),
    },
    problems,
  };
}
