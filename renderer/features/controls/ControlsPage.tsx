/**
 * The control matrix: a sortable, filterable, virtualised table of the client's controls with the selected
 * control edited beside it (master–detail), so an auditor can walk through 40 controls without losing
 * their place. ↑/↓, Page Up/Down, Home/End move through the rows, Enter edits the highlighted control, Esc
 * closes the editor.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import { getCriterion } from '@shared/domain/criteria';
import {
  compareReferences,
  CONTROL_FREQUENCIES,
  CONTROL_STATUS_LABELS,
  FREQUENCY_LABELS,
  NATURE_LABELS,
  type Control,
} from '@shared/domain/planning';
import { rollUp, type ControlTest, type Walkthrough } from '@shared/domain/fieldwork';
import {
  CONTROL_FIGURE_FILTERS,
  controlFigureLabels,
  controlFigureSets,
  type ControlFigureFilter,
} from '@shared/domain/review';
import { useActor, useEngagementRecords, useScopedCriteria } from '../../app/hooks';
import { useAppStore } from '../../store';
import { SortHeader, type SortDir } from '../../components/SortHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { useVirtualRows } from '../../components/useVirtualRows';
import { focusWhenReady } from '../../components/focus';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { WorkpaperHeader } from '../review/WorkpaperHeader';
import { ControlEditor } from './ControlEditor';
import { NewControlDialog } from './NewControlDialog';
import { ImportControlsDialog } from './ImportControlsDialog';

type SortKey = 'reference' | 'title' | 'criteria' | 'frequency' | 'owner' | 'status';
type StatusFilter = 'active' | 'all' | 'draft' | 'agreed' | 'retired' | 'deleted';
const ROW_HEIGHT = 30;

const STATUS_TONE = { draft: 'neutral', agreed: 'good', retired: 'neutral' } as const;

function sortValue(c: Control, key: SortKey): string {
  switch (key) {
    case 'title':
      return (c.title || c.description).toLocaleLowerCase();
    case 'criteria':
      // Catalog order (CC1.1 … CC9.2, then A, C, PI, P), not alphabetical.
      return c.criteria[0] ? String(getCriterion(c.criteria[0])?.order ?? 99).padStart(3, '0') : '~';
    case 'frequency':
      // From the most frequent (continuous) to the least (annual).
      return c.frequency
        ? String(CONTROL_FREQUENCIES.length - CONTROL_FREQUENCIES.indexOf(c.frequency)).padStart(2, '0')
        : '~';
    case 'owner':
      return c.owner.toLocaleLowerCase() || '~';
    case 'status':
      return c.status;
    default:
      return c.reference;
  }
}

export function ControlsPage({
  engagement,
  selectedId,
  filter: initialFilter,
}: {
  engagement: Engagement;
  selectedId?: string | undefined;
  /**
   * A result to open the matrix with (`concluded`, `not-concluded`, `without-work`): the dashboard's
   * control figures link here, and the list shows exactly the controls each figure counts.
   */
  filter?: string | undefined;
}) {
  const actor = useActor();
  const navigate = useAppStore((s) => s.navigate);
  // Deleted controls are kept (tombstones) and can be listed and restored.
  const everything = useEngagementRecords<Control>('controls', engagement.id, true);
  const controls = useMemo(() => everything?.filter((c) => !c.deleted), [everything]);
  const deletedCount = (everything?.length ?? 0) - (controls?.length ?? 0);
  const criteria = useScopedCriteria(engagement);
  const readOnly = isReadOnly(engagement);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('active');
  const [result, setResult] = useState<ControlFigureFilter | 'all'>(
    CONTROL_FIGURE_FILTERS.find((f) => f === initialFilter) ?? 'all',
  );
  const tests = useEngagementRecords<ControlTest>('tests', engagement.id);
  const walkthroughs = useEngagementRecords<Walkthrough>('walkthroughs', engagement.id);
  // The same roll-up and sets as the dashboard, so a figure and its list agree.
  const byResult = useMemo(() => {
    if (!controls || !tests || !walkthroughs) return null;
    const { controls: results } = rollUp(engagement.kind, [], controls, tests, walkthroughs);
    return controlFigureSets(engagement.kind, results, tests, walkthroughs);
  }, [engagement.kind, controls, tests, walkthroughs]);
  const [sortKey, setSortKey] = useState<SortKey>('reference');
  const [sortDir, setSortDir] = useState<SortDir>('asc');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);

  const select = (id: string | null) =>
    navigate({ name: 'engagement', id: engagement.id, area: 'controls', ...(id ? { item: id } : {}) });

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const source = (status === 'deleted' ? everything?.filter((c) => c.deleted) : controls) ?? [];
    const rows = source.filter(
      (c) =>
        (result === 'all' || (byResult?.[result].has(c.id) ?? false)) &&
        (status === 'all' ||
          status === 'deleted' ||
          (status === 'active' ? c.status !== 'retired' : c.status === status)) &&
        (!q ||
          `${c.reference} ${c.title} ${c.description} ${c.owner} ${c.criteria.join(' ')} ${c.components}`
            .toLocaleLowerCase()
            .includes(q)),
    );
    const dir = sortDir === 'asc' ? 1 : -1;
    return rows.sort(
      (a, b) =>
        dir * compareReferences(sortValue(a, sortKey), sortValue(b, sortKey)) ||
        compareReferences(a.reference, b.reference),
    );
  }, [controls, everything, query, status, result, byResult, sortKey, sortDir]);

  const selected = everything?.find((c) => c.id === selectedId);
  const selectedIndex = visible.findIndex((c) => c.id === selectedId);
  const { containerRef, onScroll, first, last, padTop, padBottom, scrollToIndex } = useVirtualRows(
    visible.length,
    ROW_HEIGHT,
  );

  // Bring the selected control into view (after a jump, a sort, or arrow keys).
  useEffect(() => {
    if (selectedIndex >= 0) scrollToIndex(selectedIndex);
  }, [selectedIndex, scrollToIndex]);

  function onSort(key: SortKey) {
    if (key === sortKey) setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
    else {
      setSortKey(key);
      setSortDir('asc');
    }
  }

  function onTableKey(event: React.KeyboardEvent) {
    if (event.key === 'Escape' && selectedId) {
      event.preventDefault();
      select(null);
      return;
    }
    const rows = Math.floor(((event.currentTarget as HTMLElement).clientHeight - ROW_HEIGHT) / ROW_HEIGHT);
    const page = Math.max(1, rows);
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: selectedIndex - 1,
      PageDown: selectedIndex + page,
      PageUp: selectedIndex - page,
      Home: 0,
      End: visible.length - 1,
    };
    const target = moves[event.key];
    // Keys pressed on the sort buttons in the header stay theirs.
    if (target === undefined || (event.target as HTMLElement).closest('th')) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(visible.length - 1, target));
    const control = visible[next];
    if (control) {
      select(control.id);
      requestAnimationFrame(() => document.getElementById(`control-row-${control.id}`)?.focus());
    }
  }

  const suggestedReference = useMemo(() => {
    const n = (controls?.length ?? 0) + 1;
    return `CTRL-${String(n).padStart(2, '0')}`;
  }, [controls]);

  if (!controls || !criteria) return <p className="page muted">Loading controls…</p>;

  const active = controls.filter((c) => c.status !== 'retired').length;
  const resultLabels = controlFigureLabels(engagement.kind);
  return (
    <section
      className={selected ? 'page page-wide with-detail' : 'page page-wide'}
      aria-labelledby="controls-title"
    >
      <header className="page-header">
        <h1 id="controls-title">Control matrix</h1>
        <div className="page-actions">
          {readOnly || !actor ? null : (
            <>
              <button type="button" onClick={() => setImporting(true)}>
                Import from spreadsheet…
              </button>
              <button type="button" className="primary" onClick={() => setAdding(true)}>
                New control
              </button>
            </>
          )}
        </div>
      </header>
      <ReadOnlyBanner engagement={engagement} />
      <WorkpaperHeader engagementId={engagement.id} workpaper="control-matrix" />

      {controls.length === 0 ? (
        <div className="empty-state">
          <h2>No controls yet</h2>
          <p>
            The control matrix lists the client&apos;s controls, each mapped to the criteria it supports. Most
            clients send theirs as a spreadsheet: import it, check the column mapping, and fix what Fieldwork
            flags.
          </p>
          {readOnly || !actor ? null : (
            <div className="page-actions">
              <button type="button" className="primary" onClick={() => setImporting(true)}>
                Import from spreadsheet…
              </button>
              <button type="button" onClick={() => setAdding(true)}>
                Add a control by hand
              </button>
            </div>
          )}
        </div>
      ) : (
        <div className="master-detail">
          <div className="master">
            <div className="toolbar">
              <input
                type="search"
                aria-label="Filter controls"
                placeholder="Filter by reference, words, owner or criterion…"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <select
                aria-label="Show controls"
                value={status}
                onChange={(e) => setStatus(e.target.value as StatusFilter)}
              >
                <option value="active">Active (draft and agreed)</option>
                <option value="all">All, retired included</option>
                <option value="draft">Draft only</option>
                <option value="agreed">Agreed only</option>
                <option value="retired">Retired only</option>
                {deletedCount > 0 || status === 'deleted' ? (
                  <option value="deleted">Deleted ({deletedCount})</option>
                ) : null}
              </select>
              <select
                aria-label="Result"
                value={result}
                onChange={(e) => setResult(e.target.value as ControlFigureFilter | 'all')}
              >
                <option value="all">All results</option>
                {CONTROL_FIGURE_FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {resultLabels[f]}
                  </option>
                ))}
              </select>
              <span className="muted num" aria-live="polite">
                {visible.length === active && status === 'active' && result === 'all' && !query
                  ? `${active} active control${active === 1 ? '' : 's'}`
                  : `Showing ${visible.length} of ${status === 'deleted' ? deletedCount : controls.length}`}
              </span>
            </div>
            <div
              className="table-wrap table-scroll"
              ref={containerRef}
              onScroll={onScroll}
              onKeyDown={onTableKey}
            >
              <table className="grid grid-fixed" aria-label="Controls" aria-rowcount={visible.length + 1}>
                <thead>
                  <tr aria-rowindex={1}>
                    <SortHeader
                      className="col-ref"
                      column="reference"
                      label="Reference"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                    <SortHeader
                      column="title"
                      label="Control"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                    <SortHeader
                      className="col-criteria"
                      column="criteria"
                      label="Criteria"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                    <SortHeader
                      className="col-frequency"
                      column="frequency"
                      label="Frequency"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                    <SortHeader
                      className="col-owner"
                      column="owner"
                      label="Owner"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                    <SortHeader
                      className="col-status-sm"
                      column="status"
                      label="Status"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                  </tr>
                </thead>
                <tbody>
                  {padTop > 0 ? (
                    <tr aria-hidden="true" style={{ height: padTop }} className="spacer" />
                  ) : null}
                  {visible.slice(first, last).map((c, i) => {
                    const index = first + i;
                    const isSelected = c.id === selectedId;
                    const summary = c.title || c.description;
                    const criteriaText = c.criteria.join(', ');
                    return (
                      <tr
                        key={c.id}
                        id={`control-row-${c.id}`}
                        aria-rowindex={index + 2}
                        aria-selected={isSelected}
                        tabIndex={isSelected || (selectedIndex < 0 && index === 0) ? 0 : -1}
                        className={isSelected ? 'row-selected' : undefined}
                        onClick={() => select(c.id)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') {
                            select(c.id);
                            requestAnimationFrame(() =>
                              document
                                .querySelector<HTMLElement>('.detail-form input, .detail-form textarea')
                                ?.focus(),
                            );
                          }
                        }}
                      >
                        <td className="num nowrap col-ref" title={c.reference}>
                          {c.key ? (
                            <span className="key-mark" title="Key control" aria-label="Key control">
                              ★
                            </span>
                          ) : null}
                          {c.reference}
                        </td>
                        <td className="ellipsis" title={summary}>
                          {summary}
                        </td>
                        <td className="ellipsis num col-criteria" title={criteriaText}>
                          {criteriaText || <span className="badge badge-warn">! None</span>}
                        </td>
                        <td
                          className="ellipsis col-frequency"
                          title={c.frequency ? FREQUENCY_LABELS[c.frequency] : ''}
                        >
                          {c.frequency ? FREQUENCY_LABELS[c.frequency] : '—'}
                          {c.nature ? (
                            <span className="visually-hidden">, {NATURE_LABELS[c.nature]}</span>
                          ) : null}
                        </td>
                        <td className="ellipsis col-owner" title={c.owner}>
                          {c.owner || '—'}
                        </td>
                        <td className="col-status-sm">
                          <StatusBadge tone={STATUS_TONE[c.status]}>
                            {CONTROL_STATUS_LABELS[c.status]}
                          </StatusBadge>
                        </td>
                      </tr>
                    );
                  })}
                  {padBottom > 0 ? (
                    <tr aria-hidden="true" style={{ height: padBottom }} className="spacer" />
                  ) : null}
                  {visible.length === 0 ? (
                    <tr>
                      <td colSpan={6} className="muted">
                        No control matches the filter.
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
          </div>
          {selected && actor ? (
            <ControlEditor
              key={selected.id}
              control={selected}
              actor={actor}
              readOnly={readOnly || selected.deleted}
              canRestore={!readOnly && selected.deleted}
              criteria={criteria}
              onSelect={(id) => {
                const closed = selected.id;
                select(id);
                // A copy opens ready to rename; closing or deleting returns to the table.
                if (id) focusWhenReady([`.detail-pane[data-control="${id}"] .detail-form input`], true);
                // (after the list has caught up: a deleted row is gone by then)
                else
                  setTimeout(
                    () => focusWhenReady([`#control-row-${closed}`, '.table-scroll tbody tr[tabindex="0"]']),
                    150,
                  );
              }}
            />
          ) : null}
        </div>
      )}

      {adding && actor ? (
        <NewControlDialog
          engagementId={engagement.id}
          actor={actor}
          criteria={criteria}
          suggestedReference={suggestedReference}
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            select(id);
          }}
        />
      ) : null}
      {importing && actor ? (
        <ImportControlsDialog
          engagement={engagement}
          actor={actor}
          criteria={criteria}
          controls={controls}
          onClose={() => setImporting(false)}
        />
      ) : null}
    </section>
  );
}
