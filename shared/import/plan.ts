/** From a preview to what the caller writes: the new controls and the updates, rows with errors left out. */
import type { ControlFields } from '../domain/planning/controls';
import type { ImportPreview } from './preview';
import type { FieldChange } from './reimport';

export interface ImportPlanUpdate {
  id: string;
  row: number;
  fields: ControlFields;
  changes: FieldChange[];
}

export type ImportPlan =
  | {
      ok: true;
      creates: { row: number; fields: ControlFields }[];
      updates: ImportPlanUpdate[];
      /** Rows left out because they have errors (only with `skipRowsWithErrors`). */
      skippedRows: number[];
    }
  | { ok: false; message: string };

/**
 * What to write. Rows with errors block the import unless `skipRowsWithErrors` is set, in which case
 * they are left out and listed. Unchanged and skipped rows write nothing.
 */
export function planImport(preview: ImportPreview, options: { skipRowsWithErrors: boolean }): ImportPlan {
  const fileError = preview.problems.find((p) => p.row === null && p.severity === 'error');
  if (fileError) return { ok: false, message: fileError.message };
  const withErrors = preview.rows.filter((r) => r.hasErrors);
  if (withErrors.length > 0 && !options.skipRowsWithErrors) {
    const rows = withErrors.length === 1 ? '1 row has errors' : `${withErrors.length} rows have errors`;
    return {
      ok: false,
      message: `${rows}. Fix them in the file, change the column mapping, or choose to skip rows with errors.`,
    };
  }
  const clean = preview.rows.filter((r) => !r.hasErrors);
  return {
    ok: true,
    creates: clean.filter((r) => r.action === 'create').map((r) => ({ row: r.row, fields: r.fields })),
    updates: clean.flatMap((r) =>
      r.action === 'update' && r.existingId !== null
        ? [{ id: r.existingId, row: r.row, fields: r.fields, changes: r.changes }]
        : [],
    ),
    skippedRows: withErrors.map((r) => r.row),
  };
}
