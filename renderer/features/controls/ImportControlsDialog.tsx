/**
 * Importing the client's control matrix from .xlsx or .csv: pick the file, the sheet and the header row,
 * check the suggested column mapping, read every problem (row and column named) and import. Nothing is
 * written until "Import"; then all accepted rows are written in ONE transaction, or none. Re-importing an
 * updated matrix updates controls matched by reference and lists each change first.
 */
import { useMemo, useState } from 'react';
import type { Engagement, ScopedCriterion } from '@shared/domain/engagement';
import type { Control } from '@shared/domain/planning';
// The spreadsheet reader (exceljs) is loaded on first use; the rest of the import engine is small.
import {
  emptyMapping,
  IMPORT_FIELD_INFO,
  IMPORT_FIELD_LABELS,
  missingRequiredFields,
  type ColumnMapping,
  type ImportField,
} from '@shared/import/fields';
import { cellText, type SheetGrid } from '@shared/import/grid';
import {
  columnCount,
  columnName,
  detectLayout,
  headerLabels,
  suggestMapping,
  suggestSheet,
} from '@shared/import/mapping';
import { buildImportPreview, type ImportPreview } from '@shared/import/preview';
import { planImport } from '@shared/import/plan';
import type { ImportProblem } from '@shared/import/problems';
import { repository, type Actor, type Mutation } from '../../db';
import { platform } from '../../platform';
import { useAction } from '../../app/useAction';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../components/ErrorText';
import { StatusBadge } from '../../components/StatusBadge';
import { Field } from '../../components/Field';

interface Props {
  engagement: Engagement;
  actor: Actor;
  criteria: readonly ScopedCriterion[];
  controls: readonly Control[];
  onClose(): void;
}

interface Loaded {
  fileName: string;
  sheets: SheetGrid[];
}

const MAX_PREVIEW_ROWS = 300;

const importer = {
  emptyMapping,
  IMPORT_FIELD_INFO,
  IMPORT_FIELD_LABELS,
  missingRequiredFields,
  cellText,
  columnCount,
  columnName,
  detectLayout,
  headerLabels,
  suggestMapping,
  suggestSheet,
  buildImportPreview,
  planImport,
  async readSpreadsheet(bytes: Uint8Array, name: string): Promise<SheetGrid[]> {
    const { readSpreadsheet } = await import('@shared/import/read-spreadsheet');
    return readSpreadsheet(bytes, name);
  },
};

function showValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

export function ImportControlsDialog({ engagement, actor, criteria, controls, onClose }: Props) {
  const run = useAction();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [headerRow, setHeaderRow] = useState(-1);
  const [mapping, setMapping] = useState<ColumnMapping>(() => importer.emptyMapping());
  const [replaceCriteria, setReplaceCriteria] = useState(false);
  const [skipErrors, setSkipErrors] = useState(false);
  const [problemFilter, setProblemFilter] = useState<'all' | 'error' | 'warning'>('all');

  function chooseSheet(sheets: SheetGrid[], index: number) {
    setSheetIndex(index);
    const sheet = sheets[index];
    const layout = importer.detectLayout(sheet?.rows ?? []);
    setHeaderRow(layout.headerRow);
    setMapping(layout.mapping);
  }

  async function readBytes(name: string, bytes: Uint8Array) {
    setError(null);
    setBusy(true);
    try {
      const sheets = await importer.readSpreadsheet(bytes, name);
      setLoaded({ fileName: name, sheets });
      chooseSheet(sheets, Math.max(0, importer.suggestSheet(sheets)));
    } catch (e) {
      setLoaded(null);
      setError(describeError(e).text);
    } finally {
      setBusy(false);
    }
  }

  async function choose() {
    try {
      const file = await platform.openFile([
        { name: 'Spreadsheets', extensions: ['xlsx', 'csv', 'txt'] },
        { name: 'All files', extensions: ['*'] },
      ]);
      if (file) await readBytes(file.name, file.bytes);
    } catch (e) {
      setError(describeError(e).text);
    }
  }

  const sheet = loaded?.sheets[sheetIndex];
  const headers = useMemo(
    () => (sheet ? importer.headerLabels(sheet.rows, headerRow) : []),
    [sheet, headerRow],
  );
  const columns = useMemo(() => (sheet ? importer.columnCount(sheet.rows) : 0), [sheet]);
  const applicable = useMemo(
    () => criteria.filter((c) => c.applicable).map((c) => c.id as string),
    [criteria],
  );
  const preview: ImportPreview | null = useMemo(
    () =>
      sheet && sheet.refusal === null
        ? importer.buildImportPreview({
            rows: sheet.rows,
            headerRow,
            mapping,
            existing: controls,
            applicableCriteria: applicable,
            replaceCriteria,
            notes: sheet.notes,
          })
        : null,
    [sheet, headerRow, mapping, controls, applicable, replaceCriteria],
  );
  const plan = preview ? importer.planImport(preview, { skipRowsWithErrors: skipErrors }) : null;

  const sample = (column: number): string => {
    if (!sheet) return '';
    for (let r = headerRow + 1; r < sheet.rows.length && r < headerRow + 30; r += 1) {
      const text = importer.cellText(sheet.rows[r]?.[column]);
      if (text.trim()) return text.length > 40 ? `${text.slice(0, 40)}…` : text;
    }
    return '';
  };

  function doImport() {
    if (!plan?.ok) return;
    const mutations: Mutation[] = [
      ...plan.creates.map((c): Mutation => ({
        entity: 'control',
        op: 'create',
        fields: { ...c.fields, engagementId: engagement.id },
      })),
      ...plan.updates.map((u): Mutation => ({
        entity: 'control',
        op: 'update',
        id: u.id,
        patch: { ...u.fields },
      })),
    ];
    const created = plan.creates.length;
    const updated = plan.updates.length;
    void run(
      () => repository.mutate(mutations, actor),
      `Imported ${loaded?.fileName ?? 'the file'}: ${created} control${created === 1 ? '' : 's'} added, ${updated} updated${plan.skippedRows.length ? `, ${plan.skippedRows.length} row(s) with errors skipped` : ''}.`,
    ).then((done) => {
      if (done) onClose();
    });
  }

  const problems: ImportProblem[] = (preview?.problems ?? []).filter(
    (p) => problemFilter === 'all' || p.severity === problemFilter,
  );
  const missing = importer.missingRequiredFields(mapping);

  return (
    <Dialog title="Import a control matrix" onClose={onClose} wide>
      {!loaded ? (
        <div
          className="drop-zone"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const file = e.dataTransfer.files[0];
            if (file) void file.arrayBuffer().then((buf) => readBytes(file.name, new Uint8Array(buf)));
          }}
        >
          <p>
            Choose the client&apos;s control matrix: an Excel workbook (.xlsx) or a CSV file. You can also
            drop it here. Fieldwork finds the header row, suggests which column holds what, and shows every
            problem before anything is saved.
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => void choose()}>
            {busy ? 'Reading…' : 'Choose file…'}
          </button>
          {error ? (
            <p className="banner banner-bad" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="import-layout">
          <section aria-labelledby="import-source">
            <h3 id="import-source">1. Sheet and header</h3>
            <p>
              <strong>{loaded.fileName}</strong>{' '}
              <button type="button" className="link-button" onClick={() => setLoaded(null)}>
                Choose another file
              </button>
            </p>
            <div className="form-row">
              <Field label="Sheet">
                <select
                  value={sheetIndex}
                  onChange={(e) => chooseSheet(loaded.sheets, Number(e.target.value))}
                >
                  {loaded.sheets.map((s, i) => (
                    <option key={`${s.name}-${i}`} value={i}>
                      {s.name}
                      {s.hidden ? ' (hidden)' : ''}
                      {s.refusal ? ' (cannot be imported)' : ` — ${s.rows.length} rows`}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Header row" hint="The row with the column titles, as the spreadsheet numbers it.">
                <input
                  type="number"
                  min={1}
                  max={sheet?.rows.length ?? 1}
                  value={headerRow + 1}
                  onChange={(e) => {
                    const row = Math.max(
                      0,
                      Math.min((sheet?.rows.length ?? 1) - 1, Number(e.target.value) - 1),
                    );
                    setHeaderRow(row);
                    setMapping(importer.suggestMapping(importer.headerLabels(sheet?.rows ?? [], row)));
                  }}
                />
              </Field>
            </div>
            {sheet?.refusal ? (
              <p className="banner banner-bad" role="alert">
                {sheet.refusal}
              </p>
            ) : headerRow === -1 ? (
              <p className="banner banner-warn" role="note">
                No header row was recognised in this sheet. Enter the number of the row that holds the column
                titles.
              </p>
            ) : null}
          </section>

          <section aria-labelledby="import-mapping">
            <h3 id="import-mapping">2. Columns</h3>
            <div className="table-wrap">
              <table className="grid mapping-table" aria-label="Column mapping">
                <thead>
                  <tr>
                    <th scope="col">Fieldwork field</th>
                    <th scope="col">Column in the file</th>
                    <th scope="col">First value</th>
                  </tr>
                </thead>
                <tbody>
                  {importer.IMPORT_FIELD_INFO.map((info) => {
                    const column = mapping[info.field];
                    return (
                      <tr key={info.field}>
                        <td>
                          {info.label}
                          {info.required ? <span className="required-mark"> *</span> : null}
                        </td>
                        <td>
                          <select
                            aria-label={`Column for ${info.label}`}
                            value={column ?? ''}
                            onChange={(e) => {
                              const value = e.target.value === '' ? null : Number(e.target.value);
                              const next: ColumnMapping = { ...mapping };
                              // One column feeds one field: taking a column away from another field unmaps it there.
                              for (const f of Object.keys(next) as ImportField[])
                                if (value !== null && next[f] === value) next[f] = null;
                              next[info.field] = value;
                              setMapping(next);
                            }}
                          >
                            <option value="">Not imported</option>
                            {Array.from({ length: columns }, (_, i) => (
                              <option key={i} value={i}>
                                {importer.columnName(i, headers[i] ?? '')}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td className="muted ellipsis-cell">{column === null ? '' : sample(column)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {missing.length > 0 ? (
              <p className="field-error" role="alert">
                Choose a column for: {missing.map((f) => importer.IMPORT_FIELD_LABELS[f]).join(', ')}.
              </p>
            ) : null}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={replaceCriteria}
                onChange={(e) => setReplaceCriteria(e.target.checked)}
              />
              For controls already in Fieldwork, replace their criteria with the file&apos;s (otherwise the
              file&apos;s criteria are added and none is removed)
            </label>
          </section>

          {preview ? (
            <section aria-labelledby="import-preview">
              <h3 id="import-preview">3. Check and import</h3>
              <p className="import-summary" aria-live="polite">
                <StatusBadge tone="info">{preview.summary.create} new</StatusBadge>{' '}
                <StatusBadge tone="info">{preview.summary.update} updated</StatusBadge>{' '}
                <StatusBadge tone="neutral">{preview.summary.unchanged} unchanged</StatusBadge>{' '}
                {preview.summary.errors > 0 ? (
                  <StatusBadge tone="bad">
                    {preview.summary.errors} error{preview.summary.errors === 1 ? '' : 's'} in{' '}
                    {preview.summary.withErrors} row
                    {preview.summary.withErrors === 1 ? '' : 's'}
                  </StatusBadge>
                ) : (
                  <StatusBadge tone="good">No errors</StatusBadge>
                )}{' '}
                {preview.summary.warnings > 0 ? (
                  <StatusBadge tone="warn">
                    {preview.summary.warnings} warning{preview.summary.warnings === 1 ? '' : 's'}
                  </StatusBadge>
                ) : null}
                {preview.summary.untouched.length > 0 ? (
                  <span className="muted">
                    {' '}
                    · {preview.summary.untouched.length} control
                    {preview.summary.untouched.length === 1 ? '' : 's'} in Fieldwork not in the file stay as
                    they are
                  </span>
                ) : null}
              </p>
              {preview.problems.length > 0 ? (
                <>
                  <div className="toolbar">
                    <h4 className="problems-title">Problems</h4>
                    <select
                      aria-label="Show problems"
                      value={problemFilter}
                      onChange={(e) => setProblemFilter(e.target.value as typeof problemFilter)}
                    >
                      <option value="all">All problems ({preview.problems.length})</option>
                      <option value="error">Errors only ({preview.summary.errors})</option>
                      <option value="warning">Warnings only ({preview.summary.warnings})</option>
                    </select>
                  </div>
                  <ul className="problem-box" aria-label="Import problems">
                    {problems.slice(0, 500).map((p, i) => (
                      <li key={i} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
                        <span className="visually-hidden">
                          {p.severity === 'error' ? 'Error: ' : 'Warning: '}
                        </span>
                        <span aria-hidden="true">{p.severity === 'error' ? '✕ ' : '! '}</span>
                        {p.message}
                      </li>
                    ))}
                    {problems.length > 500 ? <li>…and {problems.length - 500} more</li> : null}
                  </ul>
                </>
              ) : null}
              <details className="row-preview" open={preview.summary.update > 0 || undefined}>
                <summary>
                  Rows ({preview.rows.filter((r) => r.action !== 'skip').length} to import or compare)
                </summary>
                <div className="table-wrap preview-table">
                  <table className="grid" aria-label="Rows to import">
                    <thead>
                      <tr>
                        <th scope="col" className="col-num">
                          Row
                        </th>
                        <th scope="col" className="col-status-sm">
                          Action
                        </th>
                        <th scope="col" className="col-ref">
                          Reference
                        </th>
                        <th scope="col">What changes</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows
                        .filter((r) => r.action !== 'skip')
                        .slice(0, MAX_PREVIEW_ROWS)
                        .map((r) => (
                          <tr key={r.row} className={r.hasErrors ? 'row-gap' : undefined}>
                            <td className="num">{r.row}</td>
                            <td>
                              {r.hasErrors ? (
                                <StatusBadge tone="bad">Has errors</StatusBadge>
                              ) : r.action === 'create' ? (
                                <StatusBadge tone="info">New</StatusBadge>
                              ) : r.action === 'update' ? (
                                <StatusBadge tone="warn">Update</StatusBadge>
                              ) : (
                                <StatusBadge tone="neutral">Unchanged</StatusBadge>
                              )}
                            </td>
                            <td className="num">{r.reference}</td>
                            <td>
                              {r.action === 'update' ? (
                                <ul className="plain-list">
                                  {r.changes.map((c) => (
                                    <li key={c.field}>
                                      {c.label}: <span className="muted">{showValue(c.before)}</span> →{' '}
                                      {showValue(c.after)}
                                    </li>
                                  ))}
                                </ul>
                              ) : r.action === 'create' ? (
                                <span>
                                  {r.fields.title || r.fields.description.slice(0, 80)}{' '}
                                  <span className="muted num">{r.fields.criteria.join(', ')}</span>
                                </span>
                              ) : (
                                <span className="muted">Same as in Fieldwork</span>
                              )}
                            </td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              </details>
              {preview.summary.withErrors > 0 ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={skipErrors}
                    onChange={(e) => setSkipErrors(e.target.checked)}
                  />
                  Skip the {preview.summary.withErrors} row{preview.summary.withErrors === 1 ? '' : 's'} with
                  errors and import the rest
                </label>
              ) : null}
              {plan && !plan.ok ? (
                <p className="field-error" role="alert">
                  {plan.message}
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        {loaded ? (
          <button
            type="button"
            className="primary"
            disabled={!plan?.ok || plan.creates.length + plan.updates.length === 0}
            onClick={doImport}
          >
            {plan?.ok
              ? plan.creates.length + plan.updates.length === 0
                ? 'Nothing to import'
                : `Import ${plan.creates.length + plan.updates.length} control${plan.creates.length + plan.updates.length === 1 ? '' : 's'}`
              : 'Import'}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}
