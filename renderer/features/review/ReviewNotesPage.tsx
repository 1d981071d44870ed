/**
 * Review notes: every note raised on the engagement's workpapers, live. Filter by "Mine" (assigned to
 * or raised by the signed-in auditor), status and workpaper; open one beside the list to read its
 * thread and respond, clear, reopen, edit or delete it as the rules allow.
 *
 * The `filter` of the address preselects the filters: `open`, `uncleared` (open and responded), `mine`,
 * or `workpaper:<key>`; the item is the open note's id.
 */
import { useMemo, useState } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import type { ReviewNote } from '@shared/domain/review';
import { useActor } from '../../app/hooks';
import { focusRowLater } from '../../components/listKeys';
import { StatusBadge } from '../../components/StatusBadge';
import { useSort } from '../../components/useSort';
import { useAppStore } from '../../store';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { ChooseWorkpaperDialog } from './notes/ChooseWorkpaperDialog';
import { NoteDetail } from './notes/NoteDetail';
import { NotesTable } from './notes/NotesTable';
import {
  countNotes,
  filtersFromRoute,
  filterNotes,
  profileName,
  sortNotes,
  STATUS_FILTER_LABELS,
  targetLabel,
  type NoteFilters,
  type NoteSortKey,
  type StatusFilter,
} from './notes/noteView';
import { RaiseNoteDialog } from './notes/RaiseNoteDialog';
import { useEngagementNotes, useProfileMap, useWorkpaperDirectory } from './notes/useNotesData';

interface Props {
  engagement: Engagement;
  selectedId?: string | undefined;
  filter?: string | undefined;
}

export function ReviewNotesPage(props: Props) {
  // A new filter in the address (a dashboard link) starts the list's filters afresh.
  return <NotesList key={props.filter ?? ''} {...props} />;
}

type Adding = null | { step: 'choose' } | { step: 'raise'; workpaper: string };

function NotesList({ engagement, selectedId, filter }: Props) {
  const actor = useActor();
  const me = actor?.id;
  const readOnly = isReadOnly(engagement) || !actor;
  const notes = useEngagementNotes(engagement.id);
  const directory = useWorkpaperDirectory(engagement);
  const { profiles, byId } = useProfileMap();
  const [filters, setFilters] = useState<NoteFilters>(() => filtersFromRoute(filter));
  const { sortKey, sortDir, onSort } = useSort<NoteSortKey>('number');
  const [adding, setAdding] = useState<Adding>(null);
  const navigate = useAppStore((s) => s.navigate);

  /** Opens a note beside the list (null closes it); the address keeps the filter it came with. */
  const select = (id: string | null) =>
    navigate({
      name: 'engagement',
      id: engagement.id,
      area: 'notes',
      ...(id ? { item: id } : {}),
      ...(filter ? { filter } : {}),
    });

  const visible = useMemo(() => {
    if (!notes || !directory) return [];
    const wpText = (n: ReviewNote) => {
      const info = directory.describe(n.workpaper);
      return info ? `${info.reference} ${info.title}` : '';
    };
    const rows = filterNotes(notes, filters, me, (n) => [
      wpText(n),
      targetLabel(n.target),
      n.raisedByName,
      n.respondedByName,
      profileName(byId, n.assignedTo),
    ]);
    return sortNotes(rows, sortKey, sortDir, (n, key) =>
      key === 'workpaper' ? wpText(n) : profileName(byId, n.assignedTo),
    );
  }, [notes, directory, filters, me, byId, sortKey, sortDir]);

  const workpaperOptions = useMemo(() => {
    if (!notes || !directory) return [];
    const used = new Set(notes.map((n) => n.workpaper));
    if (filters.workpaper) used.add(filters.workpaper);
    const listed = directory.list.filter((w) => used.has(w.key));
    const removed = [...used].filter((k) => !listed.some((w) => w.key === k));
    return [
      ...listed.map((w) => ({ key: w.key, label: `${w.reference} — ${w.title}` })),
      ...removed.map((k) => ({ key: k, label: directory.describe(k)?.reference ?? 'Removed workpaper' })),
    ];
  }, [notes, directory, filters.workpaper]);

  if (!notes || !directory || !profiles) return <p className="page muted">Loading review notes…</p>;
  const selected = notes.find((n) => n.id === selectedId);
  const counts = countNotes(notes, me);
  const set = (patch: Partial<NoteFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const addButton = (label: string) =>
    readOnly ? null : (
      <button type="button" className="primary" onClick={() => setAdding({ step: 'choose' })}>
        {label}
      </button>
    );

  return (
    <section
      className={selected ? 'page page-wide with-detail notes-page' : 'page page-wide notes-page'}
      aria-labelledby="notes-title"
    >
      <header className="page-header">
        <h1 id="notes-title">Review notes</h1>
        <div className="page-actions">{addButton('Add review note')}</div>
      </header>
      <ReadOnlyBanner engagement={engagement} />
      {notes.length > 0 ? (
        <p className="scope-summary num" aria-live="polite">
          {notes.length} note{notes.length === 1 ? '' : 's'} ·{' '}
          {counts.open > 0 ? <StatusBadge tone="warn">{counts.open} open</StatusBadge> : '0 open'} ·{' '}
          {counts.responded > 0 ? (
            <StatusBadge tone="info">{counts.responded} responded</StatusBadge>
          ) : (
            '0 responded'
          )}{' '}
          · {counts.cleared} cleared
          {counts.mineOpen > 0 ? ` · ${counts.mineOpen} open and yours` : ''}
        </p>
      ) : null}
      {notes.length === 0 ? (
        <div className="empty-state">
          <h2>No review notes</h2>
          <p>
            Reviewers raise a note on a workpaper when something needs expanding or fixing (“explain how the
            population was obtained”, “increase the sample size”). The preparer responds, and the reviewer
            clears the note. Every note is cleared before the report is released.
          </p>
          <div className="page-actions">{addButton('Raise the first note')}</div>
        </div>
      ) : (
        <div className="master-detail">
          <div className="master">
            <div className="toolbar toolbar-wrap">
              <input
                type="search"
                aria-label="Filter review notes"
                placeholder="Filter by number, words, workpaper, people…"
                value={filters.query}
                onChange={(e) => set({ query: e.target.value })}
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={filters.mine}
                  onChange={(e) => set({ mine: e.target.checked })}
                />
                Mine
              </label>
              <select
                aria-label="Status"
                value={filters.status}
                onChange={(e) => set({ status: e.target.value as StatusFilter })}
              >
                {(Object.keys(STATUS_FILTER_LABELS) as StatusFilter[]).map((s) => (
                  <option key={s} value={s}>
                    {STATUS_FILTER_LABELS[s]}
                  </option>
                ))}
              </select>
              <select
                aria-label="Workpaper"
                className="notes-workpaper-filter"
                value={filters.workpaper}
                onChange={(e) => set({ workpaper: e.target.value })}
              >
                <option value="">All workpapers</option>
                {workpaperOptions.map((w) => (
                  <option key={w.key} value={w.key}>
                    {w.label}
                  </option>
                ))}
              </select>
              <span className="muted num" aria-live="polite">
                {visible.length === notes.length
                  ? `${notes.length} shown`
                  : `Showing ${visible.length} of ${notes.length}`}
              </span>
            </div>
            <NotesTable
              engagementId={engagement.id}
              rows={visible}
              describe={directory.describe}
              profiles={byId}
              selectedId={selectedId}
              select={select}
              sortKey={sortKey}
              sortDir={sortDir}
              onSort={onSort}
            />
          </div>
          {selected ? (
            <NoteDetail
              key={selected.id}
              note={selected}
              engagement={engagement}
              workpaper={directory.describe(selected.workpaper)}
              profiles={byId}
              readOnly={readOnly}
              onClose={() => {
                select(null);
                focusRowLater('note', selected.id);
              }}
            />
          ) : null}
        </div>
      )}
      {selectedId && !selected ? (
        <p className="banner banner-neutral" role="status">
          This review note no longer exists (it was deleted, or the link comes from another computer).
        </p>
      ) : null}

      {adding?.step === 'choose' ? (
        <ChooseWorkpaperDialog
          workpapers={directory.list}
          initial={filters.workpaper || undefined}
          onCancel={() => setAdding(null)}
          onChoose={(workpaper) => setAdding({ step: 'raise', workpaper })}
        />
      ) : null}
      {adding?.step === 'raise' ? (
        <RaiseNoteDialog
          engagement={engagement}
          workpaper={adding.workpaper}
          onClose={() => setAdding(null)}
          onRaised={(note) => {
            // The new note is listed, whatever the filters were.
            if (filterNotes([note], filters, me, () => []).length === 0)
              setFilters(filtersFromRoute(undefined));
            select(note.id);
          }}
        />
      ) : null}
    </section>
  );
}
