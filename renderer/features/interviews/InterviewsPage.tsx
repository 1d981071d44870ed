/**
 * Interviews (inquiry): who was asked what, when, and what they said, with the selected interview edited
 * beside the list. ↑/↓ move through the list, Enter edits, Esc closes the editor. The page says which
 * controls rest on inquiry alone, which never supports a conclusion (soc2-domain.md §3.1).
 */
import { useMemo } from 'react';
import { localIsoDate, type Engagement } from '@shared/domain/engagement';
import { controlSupport, type Interview, type Walkthrough } from '@shared/domain/fieldwork';
import { compareReferences, type Request } from '@shared/domain/planning';
import { workpaperKey } from '@shared/domain/review';
import { repository } from '../../db';
import { useEngagementRecords } from '../../app/hooks';
import { StatusBadge } from '../../components/StatusBadge';
import { RecordListPage, useListFilter } from '../../components/RecordListPage';
import { focusEditor } from '../../components/listKeys';
import { matchesQuery, sortRecords } from '../../components/recordList';
import { useSort } from '../../components/useSort';
import { ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { createInterview } from './commands';
import { InterviewEditor } from './InterviewEditor';
import { InterviewsTable, openFollowUps, type InterviewSortKey } from './InterviewsTable';
import { signOffRank } from '../review/SignOffBadge';
import { useWorkpaperReviews, type WorkpaperReviews } from '../review/useWorkpaperReviews';
import { useRecordPage } from './useRecordPage';

type Show = 'all' | 'open' | 'deleted';
const SHOW_OPTIONS = [
  ['all', 'All interviews'],
  ['open', 'With open follow-ups'],
] as const;

function sortValue(
  i: Interview,
  key: InterviewSortKey,
  refs: ReadonlyMap<string, string>,
  reviews: WorkpaperReviews | undefined,
): string {
  switch (key) {
    case 'signoff':
      return signOffRank(reviews?.get(workpaperKey('interview', i.id)));
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
  const { actor, readOnly, select, controls, references, tests, loaded, editorProps } = useRecordPage(
    engagement,
    'interviews',
    'interview',
  );
  const everything = useEngagementRecords<Interview>('interviews', engagement.id, true);
  const walkthroughs = useEngagementRecords<Walkthrough>('walkthroughs', engagement.id);
  const allRequests = useEngagementRecords<Request>('requests', engagement.id, true);
  const filter = useListFilter<Show>('all');
  const { query, show, setShow } = filter;
  const sort = useSort<InterviewSortKey>('date');
  const reviews = useWorkpaperReviews(engagement.id);
  const { sortKey, sortDir } = sort;

  const interviews = useMemo(() => everything?.filter((i) => !i.deleted), [everything]);
  const requests = useMemo(() => new Map((allRequests ?? []).map((r) => [r.id, r])), [allRequests]);

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const source = (show === 'deleted' ? everything?.filter((i) => i.deleted) : interviews) ?? [];
    const shown = source.filter(
      (i) =>
        (show !== 'open' || openFollowUps(i) > 0) &&
        matchesQuery(q, () => [
          i.title,
          i.place,
          i.topics,
          i.notes,
          ...i.interviewees.flatMap((p) => [p.name, p.title, p.organization]),
          ...i.followUps.map((f) => f.text),
          ...i.controlIds.map((id) => references.get(id) ?? ''),
          ...i.criteria,
        ]),
    );
    return sortRecords(shown, sortDir, (i) => sortValue(i, sortKey, references, reviews));
  }, [everything, interviews, show, query, sortKey, sortDir, references, reviews]);

  // Controls whose only support, across the whole engagement, is what someone said.
  const inquiryOnly = useMemo(() => {
    if (!interviews || !tests || !walkthroughs || !controls) return [];
    return controls
      .filter((c) => controlSupport(c.id, tests, walkthroughs, interviews).inquiryOnly)
      .map((c) => c.reference)
      .sort(compareReferences);
  }, [controls, interviews, tests, walkthroughs]);

  if (!everything || !interviews || !walkthroughs || !loaded) {
    return <p className="page muted">Loading interviews…</p>;
  }
  const selected = everything.find((i) => i.id === selectedId);
  const editing = selected && editorProps(selected, walkthroughs);
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

  return (
    <RecordListPage
      noun="interview"
      plural="interviews"
      title="Interviews"
      withDetail={selected !== undefined}
      banner={<ReadOnlyBanner engagement={engagement} />}
      summary={
        interviews.length > 0 ? (
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
        ) : null
      }
      onNew={readOnly ? undefined : addInterview}
      empty={
        everything.length === 0
          ? {
              title: 'No interviews yet',
              text: (
                <>
                  Record who you asked, what they said and which controls and criteria it concerns. Note
                  follow-up items as you go: each can become a request to the client. Inquiry is where testing
                  starts, never where it ends; corroborate what you hear with a walkthrough or a test.
                </>
              ),
            }
          : null
      }
      filterPlaceholder="Filter by words, people, control…"
      showOptions={SHOW_OPTIONS}
      {...filter}
      counts={{
        visible: visible.length,
        live: interviews.length,
        deleted: everything.length - interviews.length,
      }}
      table={
        <InterviewsTable
          rows={visible}
          references={references}
          reviews={reviews}
          selectedId={selectedId}
          select={select}
          {...sort}
          emptyText={show === 'deleted' ? 'No deleted interview.' : 'No interview matches the filter.'}
        />
      }
      detail={
        selected && editing ? (
          <InterviewEditor key={selected.id} interview={selected} requests={requests} {...editing} />
        ) : null
      }
    />
  );
}
