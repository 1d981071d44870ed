/**
 * Workpapers & sign-offs: every workpaper of the engagement in index order with each required level's
 * sign-off (initials and date, stale, or missing) and its open review notes. Filters by state and kind;
 * the address may preselect one (`?filter=stale`, `missing`, `complete`, `notes`), which is how the
 * dashboard's figures link here. ↑/↓, Home/End move through the rows, Enter opens the workpaper.
 */
import { useState, type KeyboardEvent } from 'react';
import { formatDate, formatDateTime, localIsoDate, type Engagement } from '@shared/domain/engagement';
import {
  addendaAwaitingReview,
  formatAddendumNumber,
  SIGN_OFF_LEVEL_LABELS,
  WORKPAPER_KIND_LABELS,
  WORKPAPER_KINDS,
  type LevelState,
  type WorkpaperKind,
  type WorkpaperReview,
} from '@shared/domain/review';
import { live, type EngagementSnapshot } from '@shared/domain/snapshot';
import { useAppStore } from '../../store';
import { routeToHash, type Route } from '../../store/route';
import { StatusBadge } from '../../components/StatusBadge';
import { ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { useEngagementReview } from './useReview';
import {
  filterWorkpapers,
  openNotes,
  parseWorkpaperFilter,
  summarizeWorkpapers,
  WORKPAPER_FILTER_LABELS,
  WORKPAPER_FILTERS,
  type WorkpaperFilter,
} from './workpaperList';

function workpaperRoute(engagementId: string, w: WorkpaperReview): Route {
  const { area, item } = w.info.location;
  return { name: 'engagement', id: engagementId, area, ...(item ? { item } : {}) };
}

const rowId = (key: string) => `workpaper-row-${key.replace(/[^a-z0-9-]/giu, '-')}`;

function LevelCell({ state }: { state: LevelState }) {
  const { level, status, signOff } = state;
  const label = SIGN_OFF_LEVEL_LABELS[level];
  if (!signOff) return <span className="muted">Not signed</span>;
  const when = formatDate(localIsoDate(new Date(signOff.signedAt)));
  const who = `${label}: ${signOff.name}, ${formatDateTime(signOff.signedAt)}`;
  if (status === 'stale') {
    return (
      <StatusBadge tone="warn" title={`${who}; the workpaper changed since`}>
        Stale · {signOff.initials}
      </StatusBadge>
    );
  }
  return (
    <span className="wp-cell-current nowrap" title={who}>
      <span aria-hidden="true">✓ </span>
      <strong>{signOff.initials}</strong> <span className="num">{when}</span>
    </span>
  );
}

function NotesCell({ engagementId, w }: { engagementId: string; w: WorkpaperReview }) {
  const { open, responded, cleared } = w.notes;
  if (open + responded + cleared === 0) return <span className="muted">—</span>;
  const parts = [
    open > 0 ? `${open} open` : '',
    responded > 0 ? `${responded} responded` : '',
    open + responded === 0 ? `${cleared} cleared` : '',
  ].filter(Boolean);
  const href = routeToHash({
    name: 'engagement',
    id: engagementId,
    area: 'notes',
    filter: `workpaper:${w.info.key}`,
  });
  return (
    <a
      href={href}
      className={openNotes(w) > 0 ? 'wp-notes-open' : undefined}
      aria-label={`Review notes on ${w.info.reference}: ${parts.join(', ')}`}
      onClick={(e) => e.stopPropagation()}
    >
      {parts.join(' · ')}
    </a>
  );
}

/** Addenda are reviewed on Release & lock (one level, reviewer): this page says how many wait. */
function AddendaLine({ engagementId, snapshot }: { engagementId: string; snapshot: EngagementSnapshot }) {
  const total = live(snapshot.addenda).length;
  if (total === 0) return null;
  const waiting = addendaAwaitingReview(snapshot);
  const href = routeToHash({ name: 'engagement', id: engagementId, area: 'finalize' });
  return (
    <p className="scope-summary">
      {total} addend{total === 1 ? 'um' : 'a'} after the lock
      {waiting.length > 0 ? (
        <>
          {' · '}
          <StatusBadge tone="warn">
            {waiting.map((a) => formatAddendumNumber(a.number)).join(', ')} awaiting a reviewer&rsquo;s
            sign-off
          </StatusBadge>
        </>
      ) : (
        ', all reviewed'
      )}
      {' · '}
      <a href={href}>{waiting.length > 0 ? 'Review them' : 'See them'} on Release &amp; lock</a>
    </p>
  );
}

export function WorkpapersPage({
  engagement,
  filter,
}: {
  engagement: Engagement;
  filter?: string | undefined;
}) {
  const data = useEngagementReview(engagement.id);
  const navigate = useAppStore((s) => s.navigate);
  const [kind, setKind] = useState<WorkpaperKind | 'all'>('all');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const show = parseWorkpaperFilter(filter);
  const setShow = (next: WorkpaperFilter) =>
    navigate({
      name: 'engagement',
      id: engagement.id,
      area: 'workpapers',
      ...(next === 'all' ? {} : { filter: next }),
    });

  if (!data) return <p className="page muted">Reading the workpapers and their sign-offs…</p>;
  const { review } = data;
  const levels = data.snapshot.engagement.signOffLevels; // the levels the review was computed with
  const kinds = WORKPAPER_KINDS.filter((k) => review.workpapers.some((w) => w.info.kind === k));
  const visible = filterWorkpapers(review.workpapers, { show, kind, query });
  const activeKey = visible.some((w) => w.info.key === active) ? active : (visible[0]?.info.key ?? null);
  const open = (w: WorkpaperReview) => navigate(workpaperRoute(engagement.id, w));

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const row = (event.target as HTMLElement).closest('tr'); // key events come from elements
    const key = row?.dataset.key;
    if (!row || !key || event.target !== row) return;
    const index = visible.findIndex((w) => w.info.key === key);
    const w = visible[index];
    if (event.key === 'Enter' && w) {
      event.preventDefault();
      open(w);
      return;
    }
    const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: visible.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = visible[Math.max(0, Math.min(visible.length - 1, to))];
    if (!next) return;
    setActive(next.info.key);
    document.getElementById(rowId(next.info.key))?.focus();
  }

  return (
    <section className="page page-wide" aria-labelledby="workpapers-title">
      <header className="page-header">
        <h1 id="workpapers-title">Workpapers &amp; sign-offs</h1>
      </header>
      <ReadOnlyBanner engagement={engagement} />
      <p className="scope-summary num" aria-live="polite">
        {summarizeWorkpapers(review.summary)}
        {review.summary.openNotes + review.summary.respondedNotes > 0 ? (
          <>
            {' · '}
            <StatusBadge tone="warn">
              {review.summary.openNotes + review.summary.respondedNotes} review note
              {review.summary.openNotes + review.summary.respondedNotes === 1 ? '' : 's'} not cleared
            </StatusBadge>
          </>
        ) : null}
        <span className="muted">
          {' · '}Required levels: {levels.map((l) => SIGN_OFF_LEVEL_LABELS[l].toLocaleLowerCase()).join(', ')}
        </span>
      </p>
      <AddendaLine engagementId={engagement.id} snapshot={data.snapshot} />
      <div className="toolbar toolbar-wrap">
        <input
          type="search"
          aria-label="Filter workpapers"
          placeholder="Filter by reference or title…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label="Show"
          value={show}
          onChange={(e) => setShow(parseWorkpaperFilter(e.target.value))}
        >
          {WORKPAPER_FILTERS.map((f) => (
            <option key={f} value={f}>
              {WORKPAPER_FILTER_LABELS[f]}
            </option>
          ))}
        </select>
        <select
          aria-label="Kind"
          value={kind}
          onChange={(e) => setKind(kinds.find((k) => k === e.target.value) ?? 'all')}
        >
          <option value="all">All kinds</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {WORKPAPER_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <span className="muted num">
          {visible.length === review.workpapers.length
            ? `${visible.length} shown`
            : `${visible.length} of ${review.workpapers.length} shown`}
        </span>
      </div>
      <div className="table-wrap">
        <table className="grid workpapers-grid" aria-label="Workpapers">
          <thead>
            <tr>
              <th scope="col" className="col-wp-ref">
                Ref.
              </th>
              <th scope="col">Workpaper</th>
              <th scope="col" className="col-wp-kind">
                Kind
              </th>
              {levels.map((l) => (
                <th key={l} scope="col" className="col-wp-level">
                  {SIGN_OFF_LEVEL_LABELS[l]}
                </th>
              ))}
              <th scope="col" className="col-wp-notes">
                Review notes
              </th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {visible.map((w) => (
              <tr
                key={w.info.key}
                id={rowId(w.info.key)}
                data-key={w.info.key}
                tabIndex={w.info.key === activeKey ? 0 : -1}
                className={w.stale ? 'wp-row-stale' : undefined}
                onFocus={(e) => {
                  if (e.target === e.currentTarget) setActive(w.info.key);
                }}
                onClick={() => open(w)}
              >
                <td className="nowrap num">{w.info.reference}</td>
                <td>
                  <a
                    href={routeToHash(workpaperRoute(engagement.id, w))}
                    tabIndex={-1}
                    onClick={(e) => e.stopPropagation()}
                  >
                    {w.info.title}
                  </a>
                </td>
                <td className="muted">{WORKPAPER_KIND_LABELS[w.info.kind]}</td>
                {w.levels.map((state) => (
                  <td key={state.level}>
                    <LevelCell state={state} />
                  </td>
                ))}
                <td>
                  <NotesCell engagementId={engagement.id} w={w} />
                </td>
              </tr>
            ))}
            {visible.length === 0 ? (
              <tr>
                <td colSpan={4 + levels.length} className="muted">
                  No workpaper matches the filter.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
