/**
 * Interviews (inquiry): who was asked what, when, and what they said, with the selected interview edited
 * beside the list. ↑/↓ move through the list, Enter edits, Esc closes the editor. The page says which
 * controls rest on inquiry alone, which never supports a conclusion (soc2-domain.md §3.1).
 */
import { useMemo, useState } from 'react';
import { localIsoDate, type Engagement } from '@shared/domain/engagement';
import { controlSupport, type ControlTest, type Interview, type Walkthrough } from '@shared/domain/fieldwork';
import { compareReferences, type Control, type Request } from '@shared/domain/planning';
import { repository } from '../../db';
import { useActor, useEngagementRecords, useProfiles, useScopedCriteria } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';
import { StatusBadge } from '../../components/StatusBadge';
import { focusWhenReady } from '../../components/focus';
import type { SortDir } from '../../components/SortHeader';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { createInterview } from './commands';
import { InterviewEditor } from './InterviewEditor';
import { InterviewsTable, openFollowUps, type InterviewSortKey } from './InterviewsTable';
import { focusEditor, rowId } from './listKeys';

type Show = 'all' | 'open' | 'deleted';

function sortValue(i: Interview, key: InterviewSortKey, refs: ReadonlyMap<string, string>): string {
  switch (key) {
    case 'date':
      return i.date ?? '~';
    case 'people':
      return i.interviewees[0]?.name.toLocaleLowerCase() ?? '~';
    case 'controls':
      return refs.get(i.controlIds[0] ?? '') ?? '~';
    case 'open':
      return String(999 - openFollowUps(i)).padStart(3, '0');
    default:
      return i.title.toLocaleLowerCase();
  }
}

export function InterviewsPage({
  engagement,
  selectedId,
}: {
  engagement: Engagement;
  selectedId?: string | undefined;
}) {
  const actor = useActor();
  const run = useAction();
  const navigate = useAppStore((s) => s.navigate);
  const everything = useEngagementRecords<Interview>('interviews', engagement.id, true);
  const allControls = useEngagementRecords<Control>('controls', engagement.id, true);
  const tests = useEngagementRecords<ControlTest>('tests', engagement.id);
  const walkthroughs = useEngagementRecords<Walkthrough>('walkthroughs', engagement.id);
  const allRequests = useEngagementRecords<Request>('requests', engagement.id, true);
  const profiles = useProfiles();
  const criteria = useScopedCriteria(engagement);
  const readOnly = isReadOnly(engagement) || !actor;
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [sortKey, setSortKey] = useState<InterviewSortKey>('date');
  const [sortDir, setSortDir] = useState<SortDir>('asc');

  const select = (id: string | null) =>
    navigate({ name: 'engagement', id: engagement.id, area: 'interviews', ...(id ? { item: id } : {}) });
  const onSort = (key: InterviewSortKey) => {
    if (key === sortKey) setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
    else {
      setSortKey(key);
      setSortDir('asc');
    }
  };

  const interviews = useMemo(() => everything?.filter((i) => !i.deleted), [everything]);
  const controls = useMemo(() => allControls?.filter((c) => !c.deleted), [allControls]);
  const references = useMemo(
    () => new Map((allControls ?? []).map((c) => [c.id, c.reference])),
    [allControls],
  );
  const deletedReferences = useMemo(
    () => new Map((allControls ?? []).filter((c) => c.deleted).map((c) => [c.id, c.reference])),
    [allControls],
  );
  const requests = useMemo(() => new Map((allRequests ?? []).map((r) => [r.id, r])), [allRequests]);

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const source = (show === 'deleted' ? everything?.filter((i) => i.deleted) : interviews) ?? [];
    const dir = sortDir === 'asc' ? 1 : -1;
    return source
      .filter(
        (i) =>
          (show !== 'open' || openFollowUps(i) > 0) &&
          (!q ||
            [
              i.title,
              i.place,
              i.topics,
              i.notes,
              ...i.interviewees.flatMap((p) => [p.name, p.title, p.organization]),
              ...i.followUps.map((f) => f.text),
              ...i.controlIds.map((id) => references.get(id) ?? ''),
              ...i.criteria,
            ]
              .join(' ')
              .toLocaleLowerCase()
              .includes(q)),
      )
      .sort(
        (a, b) =>
          dir * compareReferences(sortValue(a, sortKey, references), sortValue(b, sortKey, references)) ||
          a.id.localeCompare(b.id),
      );
  }, [everything, interviews, show, query, sortKey, sortDir, references]);

  // Controls whose only support, across the whole engagement, is what someone said.
  const inquiryOnly = useMemo(() => {
    if (!interviews || !tests || !walkthroughs || !controls) return [];
    return controls
      .filter((c) => controlSupport(c.id, tests, walkthroughs, interviews).inquiryOnly)
      .map((c) => c.reference)
      .sort(compareReferences);
  }, [controls, interviews, tests, walkthroughs]);

  if (!everything || !interviews || !controls || !tests || !walkthroughs || !profiles || !criteria) {
    return <p className="page muted">Loading interviews…</p>;
  }
  const selected = everything.find((i) => i.id === selectedId);
  const deletedCount = everything.length - interviews.length;
  const openTotal = interviews.reduce((n, i) => n + openFollowUps(i), 0);

  async function addInterview() {
    if (!actor) return;
    const created = await createInterview(repository, actor, engagement.id, {
      title: 'New interview',
      date: localIsoDate(),
      auditorIds: [actor.id],
    });
    setShow('all');
    select(created.id);
    focusEditor(created.id, true);
  }
  const newButton = (label = 'New interview') =>
    readOnly ? null : (
      <button type="button" className="primary" onClick={() => void run(addInterview)}>
        {label}
      </button>
    );

  return (
    <section
      className={selected ? 'page page-wide records-page with-detail' : 'page page-wide records-page'}
      aria-labelledby="interviews-title"
    >
      <header className="page-header">
        <h1 id="interviews-title">Interviews</h1>
        <div className="page-actions">{newButton()}</div>
      </header>
      <ReadOnlyBanner engagement={engagement} />
      {interviews.length > 0 ? (
        <p className="scope-summary num" aria-live="polite">
          {interviews.length} interview{interviews.length === 1 ? '' : 's'} · {openTotal} follow-up
          {openTotal === 1 ? '' : 's'} open
          {inquiryOnly.length > 0 ? (
            <>
              {' · '}
              <StatusBadge
                tone="warn"
                title="These controls are supported by interviews only. Inquiry alone never concludes a test."
              >
                Inquiry only: {inquiryOnly.join(', ')}
              </StatusBadge>
            </>
          ) : null}
        </p>
      ) : null}

      {everything.length === 0 ? (
        <div className="empty-state">
          <h2>No interviews yet</h2>
          <p>
            Record who you asked, what they said and which controls and criteria it concerns. Note follow-up
            items as you go: each can become a request to the client. Inquiry is where testing starts, never
            where it ends; corroborate what you hear with a walkthrough or a test.
          </p>
          <div className="page-actions">{newButton('Record the first interview')}</div>
        </div>
      ) : (
        <div className="master-detail">
          <div className="master">
            <div className="toolbar">
              <input
                type="search"
                aria-label="Filter interviews"
                placeholder="Filter by words, people, control…"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <select
                aria-label="Show interviews"
                value={show}
                onChange={(e) => setShow(e.target.value as Show)}
              >
                <option value="all">All interviews</option>
                <option value="open">With open follow-ups</option>
                {deletedCount > 0 || show === 'deleted' ? (
                  <option value="deleted">Deleted ({deletedCount})</option>
                ) : null}
              </select>
              <span className="muted num" aria-live="polite">
                {visible.length === interviews.length && show === 'all'
                  ? `${interviews.length} shown`
                  : `Showing ${visible.length} of ${show === 'deleted' ? deletedCount : interviews.length}`}
              </span>
            </div>
            <InterviewsTable
              rows={visible}
              references={references}
              selectedId={selectedId}
              select={select}
              sortKey={sortKey}
              sortDir={sortDir}
              onSort={onSort}
              emptyText={show === 'deleted' ? 'No deleted interview.' : 'No interview matches the filter.'}
            />
          </div>
          {selected && actor ? (
            <InterviewEditor
              key={selected.id}
              interview={selected}
              engagement={engagement}
              actor={actor}
              readOnly={readOnly || selected.deleted}
              canRestore={!readOnly && selected.deleted}
              controls={controls}
              references={references}
              deletedReferences={deletedReferences}
              criteria={criteria}
              profiles={profiles}
              tests={tests}
              walkthroughs={walkthroughs}
              requests={requests}
              onSelect={(id) => {
                const closed = selected.id;
                select(id);
                if (!id)
                  // After the list has caught up (a deleted row is gone by then).
                  setTimeout(
                    () =>
                      focusWhenReady([
                        `#${rowId('interview', closed)}`,
                        '.table-scroll tbody tr[tabindex="0"]',
                      ]),
                    150,
                  );
              }}
            />
          ) : null}
        </div>
      )}
    </section>
  );
}
