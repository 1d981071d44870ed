/** The shapes of an import preview: its input, each row's outcome and the summary. */
import type { ControlFields } from '../domain/planning/controls';
import type { ColumnMapping } from './fields';
import type { Cell, CellNote } from './grid';
import type { ImportProblem } from './problems';
import type { FieldChange } from './reimport';

/** A control already in the engagement, as the import needs it. */
export interface ExistingControl extends ControlFields {
  id: string;
  /** Tombstoned controls are never matched: a row with their reference creates a new control. */
  deleted: boolean;
}

export interface ImportPreviewInput {
  rows: readonly (readonly Cell[])[];
  /** 0-based index of the header row; -1 when the sheet has none and every row is data. */
  headerRow: number;
  mapping: ColumnMapping;
  existing: readonly ExistingControl[];
  /** The engagement's applicable criteria; others are imported with a warning. Empty: not checked. */
  applicableCriteria: readonly string[];
  /** Make the file's criteria replace Fieldwork's (removals listed as changes) instead of adding to them. */
  replaceCriteria?: boolean;
  /** What the reader noticed about cells (`SheetGrid.notes`), reported for mapped cells. */
  notes?: readonly CellNote[];
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'skip';

export interface ImportRow {
  /** The row number the spreadsheet shows. */
  row: number;
  /** What importing the row does. A row with errors shows what it would do once fixed. */
  action: ImportAction;
  reference: string;
  /** The control as it would be after the import (for `skip`, empty fields). */
  fields: ControlFields;
  /** The control this row updates. */
  existingId: string | null;
  /** For updates: each field that changes, in field order. */
  changes: FieldChange[];
  /** The row has an error and is left out unless the auditor fixes it or skips rows with errors. */
  hasErrors: boolean;
}

export interface ImportSummary {
  create: number;
  update: number;
  unchanged: number;
  skipped: number;
  /** Rows that would create or update a control but have errors. */
  withErrors: number;
  errors: number;
  warnings: number;
  /** Controls in Fieldwork that the file does not mention; the import leaves them as they are. */
  untouched: { id: string; reference: string }[];
}

export interface ImportPreview {
  rows: ImportRow[];
  problems: ImportProblem[];
  summary: ImportSummary;
}
