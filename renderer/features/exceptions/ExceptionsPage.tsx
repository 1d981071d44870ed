/**
 * Exceptions: every deviation found in the engagement's tests, one record per exception (created by the
 * X marks on a test's grid). Filter by status, type and control; open one beside the list to describe,
 * classify and evaluate it, and to record management's response. Removed exceptions are not listed.
 */
import { useMemo, useState } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import {
  EXCEPTION_STATUSES,
  EXCEPTION_STATUS_LABELS,
  EXCEPTION_TYPES,
  type ControlException,
  type ControlTest,
  type ExceptionStatus,
  type ExceptionType,
} from '@shared/domain/fieldwork';
import { compareReferences, type Control } from '@shared/domain/planning';
import { useActor, useEngagementRecords } from '../../app/hooks';
import { StatusBadge } from '../../components/StatusBadge';
import { useSelectItem } from '../../components/recordList';
import { useSort } from '../../components/useSort';
import { focusWhenReady } from '../../components/focus';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { ExceptionEditor } from './ExceptionEditor';
import { ExceptionsTable, openButtonId } from './ExceptionsTable';
import { EXCEPTION_TYPE_SHORT, visibleExceptions, type ExceptionSortKey } from './exceptionView';

export function ExceptionsPage({
  engagement,
  selectedId,
  filter,
}: {
  engagement: Engagement;
  /** `open` or `evaluated` opens the list filtered to that status (the dashboard's links). */
  filter?: string | undefined;
  selectedId?: string | undefined;
}) {
  const actor = useActor();
  const all = useEngagementRecords<ControlException>('exceptions', engagement.id, true);
  const tests = useEngagementRecords<ControlTest>('tests', engagement.id, true);
  const controls = useEngagementRecords<Control>('controls', engagement.id, true);
  const readOnly = isReadOnly(engagement) || !actor;
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'all' | ExceptionStatus>(
    EXCEPTION_STATUSES.find((x) => x === filter) ?? 'all',
  );
  const [type, setType] = useState<'all' | ExceptionType>('all');
  const [controlId, setControlId] = useState('');
  const { sortKey, sortDir, onSort } = useSort<ExceptionSortKey>('number');
  const select = useSelectItem(engagement.id, 'exceptions');

  const live = useMemo(() => (all ?? []).filter((e) => !e.deleted), [all]);
  const lookups = useMemo(
    () => ({
      controlRefs: new Map((controls ?? []).map((c) => [c.id, c.reference])),
      testRefs: new Map((tests ?? []).filter((t) => !t.deleted).map((t) => [t.id, t.reference])),
    }),
    [controls, tests],
  );
  const controlOptions = useMemo(
    () =>
      [...new Set(live.map((e) => e.controlId))]
        .map((id) => ({ id, reference: lookups.controlRefs.get(id) ?? '?' }))
        .sort((a, b) => compareReferences(a.reference, b.reference)),
    [live, lookups],
  );
  const visible = useMemo(
    () => visibleExceptions(live, { status, type, controlId, query }, lookups, sortKey, sortDir),
    [live, status, type, controlId, query, lookups, sortKey, sortDir],
  );

  if (!all || !tests || !controls) return <p className="page muted">Loading exceptions…</p>;
  // A removed exception opened from a link still shows, with its banner; it is never listed.
  const selected = all.find((e) => e.id === selectedId);
  const open = live.filter((e) => e.status === 'open').length;
  const testsHash = `#/engagements/${encodeURIComponent(engagement.id)}/tests`;

  return (
    <section
      className={selected ? 'page page-wide with-detail exceptions-page' : 'page page-wide exceptions-page'}
      aria-labelledby="exceptions-title"
    >
      <header className="page-header">
        <h1 id="exceptions-title">Exceptions</h1>
      </header>
      <ReadOnlyBanner engagement={engagement} />
      <p className="scope-summary num" aria-live="polite">
        {live.length} exception{live.length === 1 ? '' : 's'} ·{' '}
        {open > 0 ? <StatusBadge tone="warn">{open} open</StatusBadge> : '0 open'} · {live.length - open}{' '}
        evaluated
      </p>

      {live.length === 0 && !selected ? (
        <div className="empty-state">
          <h2>No exceptions</h2>
          <p>
            Exceptions appear here when you mark a sample item X in a test of controls. Each one records the
            condition in neutral words for the report, its type and cause, the compensating controls
            considered, whether it is isolated or systemic, and management’s response. Items marked X for the
            same attribute join the same exception; clearing the last X removes it, and its number is never
            used again.
          </p>
          <p>
            <a href={testsHash}>Go to Tests of controls</a>
          </p>
        </div>
      ) : (
        <div className="master-detail">
          <div className="master">
            <div className="toolbar toolbar-wrap">
              <input
                type="search"
                aria-label="Filter exceptions"
                placeholder="Filter by number, control, test, words…"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <select
                aria-label="Status"
                value={status}
                onChange={(e) => setStatus(e.target.value as 'all' | ExceptionStatus)}
              >
                <option value="all">All statuses</option>
                {EXCEPTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {EXCEPTION_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
              <select
                aria-label="Type"
                value={type}
                onChange={(e) => setType(e.target.value as 'all' | ExceptionType)}
              >
                <option value="all">All types</option>
                {EXCEPTION_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {EXCEPTION_TYPE_SHORT[t]}
                  </option>
                ))}
              </select>
              <select aria-label="Control" value={controlId} onChange={(e) => setControlId(e.target.value)}>
                <option value="">All controls</option>
                {controlOptions.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.reference}
                  </option>
                ))}
              </select>
            </div>
            <ExceptionsTable
              engagementId={engagement.id}
              rows={visible}
              lookups={lookups}
              selectedId={selectedId}
              select={select}
              sortKey={sortKey}
              sortDir={sortDir}
              onSort={onSort}
            />
          </div>
          {selected && actor ? (
            <ExceptionEditor
              key={selected.id}
              exception={selected}
              engagement={engagement}
              actor={actor}
              readOnly={readOnly}
              onClose={() => {
                const closed = selected.id;
                select(null);
                focusWhenReady([`#${openButtonId(closed)}`]);
              }}
            />
          ) : null}
        </div>
      )}
    </section>
  );
}
