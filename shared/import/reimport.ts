/**
 * Turning a row's file values into a new control or an update of an existing one. On update only the
 * mapped, non-blank cells count; criteria are added to the existing mapping unless the auditor asks to
 * replace it, and every difference is listed as a change the auditor sees before importing.
 */
import { emptyControlFields, type ControlFields } from '../domain/planning/controls';
import { sortCriteria } from '../domain/planning/fields';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from './fields';
import { setField, type FileValues } from './row-values';

export type FieldValue = ControlFields[ImportField];

export interface FieldChange {
  field: ImportField;
  label: string;
  before: FieldValue;
  after: FieldValue;
}

/** A new control: the file's values over the defaults (draft, not key, choices blank, texts empty). */
export function newControlFields(values: FileValues): ControlFields {
  return { ...emptyControlFields(), ...values };
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

export interface Merge {
  fields: ControlFields;
  changes: FieldChange[];
  /** Criteria mapped in Fieldwork but missing from the file, kept because criteria are merged. */
  keptCriteria: string[];
  /** Criteria the import removes because the auditor chose to replace mappings with the file's. */
  removedCriteria: string[];
}

/** Notes are the auditor's record: the file's notes go below them (once), never in their place. */
export function appendNotes(current: string, fromFile: string): string {
  if (current.trim() === '') return fromFile;
  if (current.includes(fromFile.trim())) return current;
  return `${current.trimEnd()}\n\n${fromFile}`;
}

function mergedCriteria(existing: readonly string[], file: readonly string[], replace: boolean): string[] {
  return replace ? sortCriteria(file) : sortCriteria([...existing, ...file]);
}

/**
 * The existing control with the file's values applied. The reference is the match key and is not
 * changed (a different case or spacing in the file is the same control).
 */
export function mergeIntoExisting(
  existing: ControlFields,
  values: FileValues,
  replaceCriteria: boolean,
): Merge {
  const fields: ControlFields = { ...existing, criteria: [...existing.criteria] };
  const changes: FieldChange[] = [];
  let keptCriteria: string[] = [];
  let removedCriteria: string[] = [];
  for (const field of IMPORT_FIELDS) {
    let after: FieldValue | undefined = values[field];
    if (after === undefined || field === 'reference') continue;
    if (field === 'notes' && typeof after === 'string') after = appendNotes(existing.notes, after);
    if (field === 'criteria' && values.criteria !== undefined) {
      const inFile = new Set(values.criteria);
      keptCriteria = replaceCriteria ? [] : existing.criteria.filter((id) => !inFile.has(id));
      removedCriteria = replaceCriteria ? existing.criteria.filter((id) => !inFile.has(id)) : [];
      after = mergedCriteria(existing.criteria, values.criteria, replaceCriteria);
    }
    const before = existing[field];
    if (sameValue(before, after)) continue;
    setField(fields, field, after);
    changes.push({ field, label: IMPORT_FIELD_LABELS[field], before, after });
  }
  return { fields, changes, keptCriteria, removedCriteria };
}
