/**
 * Imports a population from the client's .xlsx or .csv: choose the sheet, the key column and the date
 * column, see what will be sampled (count, dates, items outside the period, rows skipped and why), then
 * keep it. The file is stored as evidence and its SHA-256 recorded on the test.
 */
import { useEffect, useState } from 'react';
import { formatBytes, shortHash } from '@shared/domain/fieldwork';
import { formatDate } from '@shared/domain/engagement';
import type { PopulationPreview, SheetInfo } from '../../workers/population-protocol';
import { openPopulationFile, previewPopulation } from './populationReader';
import { Dialog } from '../../components/Dialog';
import { describeError, ErrorDetails } from '../../components/ErrorText';
import { hashFiles } from '../evidence/hashFiles';
import type { PopulationChoice } from './commands';

interface Loaded {
  file: File;
  sha256: string;
  sheets: SheetInfo[];
  suggestedSheet: number;
}

export function PopulationImportDialog({
  period,
  onImport,
  onClose,
}: {
  period: { start: string; end: string } | null;
  onImport(file: File, sha256: string, choice: PopulationChoice): Promise<boolean>;
  onClose(): void;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ text: string; detail?: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [keyColumn, setKeyColumn] = useState<number | null>(null);
  const [dateColumn, setDateColumn] = useState<number | null>(null);
  const [description, setDescription] = useState('');
  const [dayOrder, setDayOrder] = useState<'month-first' | 'day-first' | null>(null);

  async function choose(file: File) {
    setError(null);
    setLoaded(null);
    setBusy(`Reading ${file.name}…`);
    try {
      const [read, hashed] = await Promise.all([
        file.arrayBuffer().then((buffer) => openPopulationFile(new Uint8Array(buffer), file.name)),
        hashFiles([file], () => undefined),
      ]);
      const sha256 = hashed.hashes[0];
      if (!sha256) throw new Error(hashed.failures[0]?.message ?? 'The file could not be read.');
      const index = Math.max(0, read.suggestedSheet);
      const sheet = read.sheets[index];
      setLoaded({ file, sha256, sheets: read.sheets, suggestedSheet: read.suggestedSheet });
      setSheetIndex(index);
      setKeyColumn(sheet?.suggestion.keyColumn ?? null);
      setDateColumn(sheet?.suggestion.dateColumn ?? null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  }

  const sheet = loaded?.sheets[sheetIndex];
  const previewKey =
    sheet && !sheet.refusal && keyColumn !== null
      ? JSON.stringify([loaded?.sha256, sheet.name, keyColumn, dateColumn, dayOrder, period])
      : null;
  const [previewed, setPreviewed] = useState<{
    key: string;
    result: { ok: PopulationPreview } | { error: string };
  } | null>(null);
  useEffect(() => {
    if (!sheet || previewKey === null || keyColumn === null) return;
    let live = true;
    const choice = { sheet: sheet.name, headerRow: sheet.headerRow, keyColumn, dateColumn, dayOrder };
    previewPopulation(choice, period).then(
      (ok) => live && setPreviewed({ key: previewKey, result: { ok } }),
      (e: unknown) => live && setPreviewed({ key: previewKey, result: { error: describeError(e).text } }),
    );
    return () => {
      live = false;
    };
  }, [previewKey, sheet, keyColumn, dateColumn, dayOrder, period]);
  const preview = previewed && previewed.key === previewKey ? previewed.result : null;
  const built = preview && 'ok' in preview ? preview.ok : null;

  async function keep() {
    if (!loaded || !sheet || keyColumn === null || !built) return;
    setBusy('Storing the population…');
    const label = (i: number | null) =>
      i === null ? '' : (sheet.columns.find((c) => c.index === i)?.label ?? '');
    const ok = await onImport(loaded.file, loaded.sha256, {
      sheet: sheet.name,
      headerRow: sheet.headerRow,
      keyColumn,
      dateColumn,
      keyLabel: label(keyColumn),
      dateLabel: label(dateColumn),
      description: description.trim(),
      dayOrder: built.dayOrder,
    });
    setBusy(null);
    if (ok) onClose();
  }

  const columnName = (i: number) => {
    const c = sheet?.columns.find((x) => x.index === i);
    return c ? `${c.letter}${c.label ? ` — ${c.label}` : ''}` : String(i);
  };

  return (
    <Dialog
      title="Import the population"
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!built || busy !== null}
            onClick={() => void keep()}
          >
            {built ? `Use these ${built.count.toLocaleString('en-US')} items` : 'Use this population'}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor="population-file">Population file (.xlsx or .csv)</label>
        <input
          id="population-file"
          type="file"
          accept=".xlsx,.xlsm,.csv,.txt,.tsv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void choose(file);
          }}
        />
      </div>
      {busy ? (
        <p role="status" className="muted">
          {busy}
        </p>
      ) : null}
      {error ? (
        <div className="error-box" role="alert">
          <p>{error.text}</p>
          <ErrorDetails detail={error.detail} />
        </div>
      ) : null}
      {loaded && sheet ? (
        <>
          <p className="muted">
            {loaded.file.name} · {formatBytes(loaded.file.size)} · SHA-256{' '}
            <span className="mono" title={loaded.sha256}>
              {shortHash(loaded.sha256)}
            </span>
          </p>
          <div className="field-row three">
            <div className="field">
              <label htmlFor="population-sheet">Sheet</label>
              <select
                id="population-sheet"
                value={sheetIndex}
                onChange={(e) => {
                  const i = Number(e.target.value);
                  const next = loaded.sheets[i];
                  setSheetIndex(i);
                  setKeyColumn(next?.suggestion.keyColumn ?? null);
                  setDateColumn(next?.suggestion.dateColumn ?? null);
                }}
              >
                {loaded.sheets.map((s, i) => (
                  <option key={s.name} value={i} disabled={s.refusal !== null}>
                    {s.name} ({s.rowCount.toLocaleString('en-US')} rows{s.hidden ? ', hidden' : ''})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="population-key">Item identifier (key column)</label>
              <select
                id="population-key"
                value={keyColumn ?? ''}
                onChange={(e) => setKeyColumn(e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">(choose a column)</option>
                {sheet.columns.map((c) => (
                  <option key={c.index} value={c.index}>
                    {columnName(c.index)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="population-date">Date column</label>
              <select
                id="population-date"
                value={dateColumn ?? ''}
                onChange={(e) => setDateColumn(e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">(no dates)</option>
                {sheet.columns
                  .filter((c) => c.index !== keyColumn)
                  .map((c) => (
                    <option key={c.index} value={c.index}>
                      {columnName(c.index)}
                      {sheet.suggestion.dateColumns.includes(c.index) ? ' (dates)' : ''}
                    </option>
                  ))}
              </select>
            </div>
          </div>
          {sheet.refusal ? <p className="error-text">{sheet.refusal}</p> : null}
          {sheet.headerRow < 0 ? (
            <p className="warning-inline">
              No row of column headings was found: every row is read as an item.
            </p>
          ) : (
            <p className="muted">Headings read from row {sheet.headerRow + 1}.</p>
          )}
          {preview && 'error' in preview ? <p className="error-text">{preview.error}</p> : null}
          {built ? (
            <div className="population-preview" aria-label="Population preview" role="region">
              <p className="num">
                <strong>{built.count.toLocaleString('en-US')} items</strong>
                {built.summary.firstDate
                  ? ` dated ${formatDate(built.summary.firstDate)} to ${formatDate(built.summary.lastDate)}`
                  : ''}
                {built.summary.skipped > 0
                  ? ` · ${built.summary.skipped} row${built.summary.skipped === 1 ? '' : 's'} skipped`
                  : ''}
                {built.summary.duplicates > 0
                  ? ` · ${built.summary.duplicates} duplicate key${built.summary.duplicates === 1 ? '' : 's'}`
                  : ''}
                {dateColumn !== null && built.summary.undated > 0
                  ? ` · ${built.summary.undated} without a readable date`
                  : ''}
              </p>
              {built.summary.outsidePeriod > 0 ? (
                <p className="warning-inline">
                  {built.summary.outsidePeriod} item{built.summary.outsidePeriod === 1 ? ' is' : 's are'}{' '}
                  dated outside the examination period
                  {period ? ` (${formatDate(period.start)} – ${formatDate(period.end)})` : ''}: ask the client
                  whether the population is the right one; such items are flagged if selected.
                </p>
              ) : null}
              {built.dateFormatNote ? (
                <div className="inline-form">
                  <p className="muted">{built.dateFormatNote}</p>
                  <label className="inline-field">
                    Dates such as 03/05/2026 are
                    <select
                      value={built.dayOrder ?? 'month-first'}
                      onChange={(e) =>
                        setDayOrder(e.target.value === 'day-first' ? 'day-first' : 'month-first')
                      }
                    >
                      <option value="month-first">month first (03/05 is 5 March)</option>
                      <option value="day-first">day first (03/05 is 3 May)</option>
                    </select>
                  </label>
                </div>
              ) : null}
              {built.problems.length > 0 ? (
                <details>
                  <summary>
                    {built.problems.length} row{built.problems.length === 1 ? '' : 's'} to look at
                  </summary>
                  <ul className="problem-list">
                    {built.problems.slice(0, 50).map((p, i) => (
                      <li key={i}>{p.message}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
              <table className="grid" aria-label="First items of the population">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Row
                    </th>
                    <th scope="col">Key</th>
                    <th scope="col">Date</th>
                  </tr>
                </thead>
                <tbody>
                  {built.firstItems.map((item) => (
                    <tr key={item.row}>
                      <td className="num">{item.row}</td>
                      <td>{item.key}</td>
                      <td className="num">
                        {formatDate(item.date) || '—'}
                        {item.outsidePeriod ? <span className="text-warn"> outside the period</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="population-description">What the population is</label>
            <input
              id="population-description"
              placeholder="e.g. changes deployed to production during the period"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
