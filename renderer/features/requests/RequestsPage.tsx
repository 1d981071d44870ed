/**
 * The request list (PBC): what the client owes the auditor. Filter by status and owner, group by status
 * or owner, overdue items in red, select several to change their status at once, generate requests from
 * controls, and exchange the list with the client as a spreadsheet.
 */
import { useMemo, useState } from 'react';
import { localIsoDate, type Engagement } from '@shared/domain/engagement';
import { formatDate } from '@shared/domain/engagement';
import {
  compareReferences,
  formatRequestNumber,
  isDueSoon,
  isOverdue,
  OUTSTANDING_REQUEST_STATUSES,
  REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  type Control,
  type Request,
  type RequestStatus,
} from '@shared/domain/planning';
import { repository } from '../../db';
import { useActor, useEngagementRecords } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import { SortHeader, type SortDir } from '../../components/SortHeader';
import { focusWhenReady } from '../../components/focus';
import { onListKey } from '../../components/listKeys';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { WorkpaperHeader } from '../review/WorkpaperHeader';
import { createRequests, deleteRequests, restoreRequestStatuses, setRequestStatus } from './commands';
import { GenerateRequestsDialog } from './GenerateRequestsDialog';
import { RequestEditor } from './RequestEditor';
import { ImportReturnedListDialog } from './ImportReturnedListDialog';
import { useExportRequestList } from './useExportRequestList';

type StatusFilter = 'all' | 'outstanding' | RequestStatus;
type SortKey = 'number' | 'title' | 'type' | 'clientOwner' | 'dueOn' | 'status';

function compareRequests(a: Request, b: Request, key: SortKey): number {
  switch (key) {
    case 'number':
      return a.number - b.number;
    case 'status':
      return REQUEST_STATUSES.indexOf(a.status) - REQUEST_STATUSES.indexOf(b.status);
    case 'dueOn':
      // Requests without a due date come last.
      return (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');
    default:
      return compareReferences(a[key] || '~', b[key] || '~');
  }
}
type Grouping = 'none' | 'status' | 'owner';

export const REQUEST_STATUS_TONE: Record<RequestStatus, Tone> = {
  draft: 'neutral',
  open: 'info',
  'in-progress': 'info',
  submitted: 'warn',
  accepted: 'good',
  returned: 'bad',
  closed: 'good',
};

export function RequestsPage({
  engagement,
  selectedId,
  filter,
}: {
  engagement: Engagement;
  selectedId?: string | undefined;
  /** `outstanding` or `overdue` opens the list filtered (the dashboard's links). */
  filter?: string | undefined;
}) {
  const actor = useActor();
  const run = useAction();
  const navigate = useAppStore((s) => s.navigate);
  const requests = useEngagementRecords<Request>('requests', engagement.id);
  const allControls = useEngagementRecords<Control>('controls', engagement.id, true);
  const controls = useMemo(() => allControls?.filter((c) => !c.deleted), [allControls]);
  const deletedReferences = useMemo(
    () => new Map((allControls ?? []).filter((c) => c.deleted).map((c) => [c.id, c.reference])),
    [allControls],
  );
  const readOnly = isReadOnly(engagement) || !actor;
  const today = localIsoDate();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>(filter === 'outstanding' ? 'outstanding' : 'all');
  const [owner, setOwner] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(filter === 'overdue');
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [sortKey, setSortKey] = useState<SortKey>('number');
  const [sortDir, setSortDir] = useState<SortDir>('asc');
  const onSort = (key: SortKey) => {
    if (key === sortKey) setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
    else {
      setSortKey(key);
      setSortDir('asc');
    }
  };
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [bulkStatus, setBulkStatus] = useState<RequestStatus>('open');
  const [dialog, setDialog] = useState<'generate' | 'import' | null>(null);
  const exportList = useExportRequestList(engagement);

  const select = (id: string | null) =>
    navigate({ name: 'engagement', id: engagement.id, area: 'requests', ...(id ? { item: id } : {}) });
  const refs = useMemo(() => new Map((controls ?? []).map((c) => [c.id, c.reference])), [controls]);
  const owners = useMemo(
    () =>
      [...new Set((requests ?? []).map((r) => r.clientOwner).filter(Boolean))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [requests],
  );

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return (requests ?? [])
      .filter(
        (r) =>
          (status === 'all' ||
            (status === 'outstanding' ? OUTSTANDING_REQUEST_STATUSES.has(r.status) : r.status === status)) &&
          (!owner || r.clientOwner === owner) &&
          (!overdueOnly || isOverdue(r, today)) &&
          (!q ||
            `${formatRequestNumber(r.number)} ${r.title} ${r.description} ${r.clientOwner} ${r.comments} ${r.controlIds.map((id) => refs.get(id) ?? '').join(' ')}`
              .toLocaleLowerCase()
              .includes(q)),
      )
      .sort((a, b) => {
        const dir = sortDir === 'asc' ? 1 : -1;
        return dir * compareRequests(a, b, sortKey) || a.number - b.number;
      });
  }, [requests, status, owner, overdueOnly, query, today, refs, sortKey, sortDir]);

  const groups = useMemo(() => {
    if (grouping === 'none') return [{ key: 'all', label: '', items: visible }];
    const keyOf = (r: Request) => (grouping === 'status' ? r.status : r.clientOwner || '(no owner)');
    const order =
      grouping === 'status'
        ? REQUEST_STATUSES.filter((s) => visible.some((r) => r.status === s))
        : [...new Set(visible.map(keyOf))].sort((a, b) => compareReferences(a, b));
    return order.map((key) => ({
      key,
      label: grouping === 'status' ? REQUEST_STATUS_LABELS[key as RequestStatus] : key,
      items: visible.filter((r) => keyOf(r) === key),
    }));
  }, [visible, grouping]);

  /** ↑/↓, Home/End move through the requests (opening each beside the list); Esc closes it. */
  function onTableKey(event: React.KeyboardEvent) {
    onListKey(event, {
      ids: groups.flatMap((g) => g.items.map((r) => r.id)),
      selectedId,
      select,
      focusTarget: (id) => `#request-open-${id}`,
    });
  }

  if (!requests || !controls) return <p className="page muted">Loading requests…</p>;
  const selected = requests.find((r) => r.id === selectedId);
  const overdue = requests.filter((r) => isOverdue(r, today)).length;
  const outstanding = requests.filter((r) => OUTSTANDING_REQUEST_STATUSES.has(r.status)).length;
  const checkedRequests = visible.filter((r) => checked.has(r.id));
  const allChecked = visible.length > 0 && checkedRequests.length === visible.length;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  };

  async function addRequest() {
    if (!actor) return;
    const [created] = await createRequests(repository, actor, engagement.id, [
      { title: 'New request', requestedOn: today, auditorContact: actor.name },
    ]);
    if (created) {
      select(created.id);
      focusWhenReady([`.detail-pane[data-request="${created.id}"] .detail-form input`], true);
    }
  }

  return (
    <section
      className={selected ? 'page page-wide with-detail' : 'page page-wide'}
      aria-labelledby="requests-title"
    >
      <header className="page-header">
        <h1 id="requests-title">Request list (PBC)</h1>
        <div className="page-actions">
          <button
            type="button"
            disabled={requests.length === 0}
            onClick={() => void exportList(requests, controls)}
          >
            Export for the client (.xlsx)
          </button>
          {readOnly ? null : (
            <>
              <button type="button" disabled={requests.length === 0} onClick={() => setDialog('import')}>
                Import the client&apos;s file…
              </button>
              <button type="button" onClick={() => setDialog('generate')}>
                Generate from controls…
              </button>
              <button type="button" className="primary" onClick={() => void run(addRequest)}>
                New request
              </button>
            </>
          )}
        </div>
      </header>
      <ReadOnlyBanner engagement={engagement} />
      <WorkpaperHeader engagementId={engagement.id} workpaper="request-list" />
      <p className="scope-summary num" aria-live="polite">
        {requests.length} request{requests.length === 1 ? '' : 's'} · {outstanding} outstanding ·{' '}
        {overdue > 0 ? <StatusBadge tone="bad">{overdue} overdue</StatusBadge> : '0 overdue'}
      </p>

      {requests.length === 0 ? (
        <div className="empty-state">
          <h2>No requests yet</h2>
          <p>
            The request list tells the client what to provide: policies, populations for sampling, evidence
            for selected items, walkthrough meetings. Generate one request per control from the matrix, or add
            them one by one; then export the list for the client and import their file back.
          </p>
        </div>
      ) : (
        <div className="master-detail">
          <div className="master">
            <div className="toolbar toolbar-wrap">
              <input
                type="search"
                aria-label="Filter requests"
                placeholder="Filter by number, words, owner, control…"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <select
                aria-label="Status"
                value={status}
                onChange={(e) => setStatus(e.target.value as StatusFilter)}
              >
                <option value="all">All statuses</option>
                <option value="outstanding">Outstanding (open, in progress, returned)</option>
                {REQUEST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {REQUEST_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
              <select aria-label="Client owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
                <option value="">All owners</option>
                {owners.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={overdueOnly}
                  onChange={(e) => setOverdueOnly(e.target.checked)}
                />
                Overdue only
              </label>
              <select
                aria-label="Group by"
                value={grouping}
                onChange={(e) => setGrouping(e.target.value as Grouping)}
              >
                <option value="none">No grouping</option>
                <option value="status">Group by status</option>
                <option value="owner">Group by owner</option>
              </select>
            </div>
            {checkedRequests.length > 0 && !readOnly && actor ? (
              <div className="bulk-bar" role="region" aria-label="Selected requests">
                <span className="num">{checkedRequests.length} selected</span>
                <label>
                  Set status to{' '}
                  <select value={bulkStatus} onChange={(e) => setBulkStatus(e.target.value as RequestStatus)}>
                    {REQUEST_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {REQUEST_STATUS_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  onClick={() =>
                    void run(
                      () => setRequestStatus(repository, actor, checkedRequests, bulkStatus, today),
                      `${checkedRequests.length} request${checkedRequests.length === 1 ? '' : 's'} set to ${REQUEST_STATUS_LABELS[bulkStatus]}.`,
                      {
                        label: 'Undo',
                        run: () =>
                          restoreRequestStatuses(
                            repository,
                            actor,
                            checkedRequests.map(({ id, status: before, receivedOn }) => ({
                              id,
                              status: before,
                              receivedOn,
                            })),
                          ),
                      },
                    ).then(() => setChecked(new Set()))
                  }
                >
                  Apply
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    const ids = checkedRequests.map((r) => r.id);
                    void run(
                      () => deleteRequests(repository, actor, ids),
                      `Deleted ${ids.length} request${ids.length === 1 ? '' : 's'}; their numbers stay reserved.`,
                      {
                        label: 'Undo',
                        run: () => deleteRequests(repository, actor, ids, false),
                      },
                    ).then(() => setChecked(new Set()));
                  }}
                >
                  Delete
                </button>
                <button type="button" className="link-button" onClick={() => setChecked(new Set())}>
                  Clear selection
                </button>
              </div>
            ) : null}
            <div className="table-wrap table-scroll" onKeyDown={onTableKey}>
              <table className="grid grid-fixed" aria-label="Requests">
                <thead>
                  <tr>
                    <th scope="col" className="col-check">
                      <input
                        type="checkbox"
                        aria-label="Select all shown requests"
                        checked={allChecked}
                        disabled={readOnly}
                        onChange={(e) =>
                          setChecked(e.target.checked ? new Set(visible.map((r) => r.id)) : new Set())
                        }
                      />
                    </th>
                    <SortHeader
                      className="col-ref"
                      column="number"
                      label="#"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                    <SortHeader
                      column="title"
                      label="Request"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                    <SortHeader
                      className="col-type"
                      column="type"
                      label="Type"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                    <SortHeader
                      className="col-owner"
                      column="clientOwner"
                      label="Client owner"
                      sortKey={sortKey}
                      sortDir={sortDir}
                      onSort={onSort}
                    />
                    <SortHeader
                      className="col-date"
                      column="dueOn"
                      label="Due"
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
                {groups.map((g) => (
                  <tbody key={g.key}>
                    {grouping !== 'none' ? (
                      <tr className="group-row">
                        <th scope="colgroup" colSpan={7}>
                          {g.label} <span className="num">({g.items.length})</span>
                        </th>
                      </tr>
                    ) : null}
                    {g.items.map((r) => {
                      const late = isOverdue(r, today);
                      const number = formatRequestNumber(r.number);
                      return (
                        <tr
                          key={r.id}
                          className={
                            [r.id === selectedId ? 'row-selected' : '', late ? 'row-overdue' : '']
                              .join(' ')
                              .trim() || undefined
                          }
                          aria-selected={r.id === selectedId}
                        >
                          <td>
                            <input
                              type="checkbox"
                              aria-label={`Select ${number}`}
                              checked={checked.has(r.id)}
                              disabled={readOnly}
                              onChange={(e) => toggle(r.id, e.target.checked)}
                            />
                          </td>
                          <td className="num nowrap">
                            <button
                              type="button"
                              id={`request-open-${r.id}`}
                              className="link-button"
                              onClick={() => select(r.id)}
                            >
                              {number}
                            </button>
                          </td>
                          <td
                            className="ellipsis"
                            title={`${r.title}${r.controlIds.length ? ` · ${r.controlIds.map((id) => refs.get(id) ?? '').join(', ')}` : ''}`}
                          >
                            {r.title}
                          </td>
                          <td className="ellipsis col-type" title={REQUEST_TYPE_LABELS[r.type]}>
                            {REQUEST_TYPE_LABELS[r.type]}
                          </td>
                          <td className="ellipsis col-owner" title={r.clientOwner}>
                            {r.clientOwner || '—'}
                          </td>
                          <td className="num nowrap">
                            {formatDate(r.dueOn) || '—'}
                            {late ? (
                              <>
                                {' '}
                                <StatusBadge
                                  tone="bad"
                                  title="Past its due date and still owed by the client"
                                >
                                  Overdue
                                </StatusBadge>
                              </>
                            ) : isDueSoon(r, today) ? (
                              <>
                                {' '}
                                <StatusBadge tone="warn" title="Due within three days">
                                  Due soon
                                </StatusBadge>
                              </>
                            ) : null}
                          </td>
                          <td>
                            <StatusBadge tone={REQUEST_STATUS_TONE[r.status]}>
                              {REQUEST_STATUS_LABELS[r.status]}
                            </StatusBadge>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                ))}
                {visible.length === 0 ? (
                  <tbody>
                    <tr>
                      <td colSpan={7} className="muted">
                        No request matches the filter.
                      </td>
                    </tr>
                  </tbody>
                ) : null}
              </table>
            </div>
          </div>
          {selected && actor ? (
            <RequestEditor
              key={selected.id}
              request={selected}
              actor={actor}
              readOnly={readOnly}
              controls={controls}
              deletedReferences={deletedReferences}
              onClose={() => {
                const closed = selected.id;
                select(null);
                focusWhenReady([`#request-open-${closed}`]);
              }}
            />
          ) : null}
        </div>
      )}

      {dialog === 'generate' && actor ? (
        <GenerateRequestsDialog
          engagement={engagement}
          actor={actor}
          controls={controls}
          requests={requests}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'import' && actor ? (
        <ImportReturnedListDialog
          engagement={engagement}
          actor={actor}
          requests={requests}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
