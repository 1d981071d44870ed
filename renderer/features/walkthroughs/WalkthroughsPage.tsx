/**
 * Walkthroughs (design and implementation): one instance of a process traced from trigger to output, with
 * the selected walkthrough edited beside the list. ↑/↓ move through the list, Enter edits, Esc closes.
 * Walkthroughs with nothing inspected or observed attached are flagged: inquiry alone is not enough.
 */
import { useMemo } from 'react';
import { localIsoDate, type Engagement } from '@shared/domain/engagement';
import { isType1, type Evidence, type Walkthrough } from '@shared/domain/fieldwork';
import { workpaperKey } from '@shared/domain/review';
import { repository } from '../../db';
import { useEngagementRecords } from '../../app/hooks';
import { StatusBadge } from '../../components/StatusBadge';
import { RecordListPage, useListFilter } from '../../components/RecordListPage';
import { focusEditor } from '../../components/listKeys';
import { matchesQuery, sortRecords } from '../../components/recordList';
import { useSort } from '../../components/useSort';
import { ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { useRecordPage } from '../interviews/useRecordPage';
import { createWalkthrough } from './commands';
import { WalkthroughEditor } from './WalkthroughEditor';
import { WalkthroughsTable, type WalkthroughSortKey } from './WalkthroughsTable';
import { signOffRank } from '../review/SignOffBadge';
import { useWorkpaperReviews, type WorkpaperReviews } from '../review/useWorkpaperReviews';

type Show = 'all' | 'open' | 'no-evidence' | 'deleted';
const SHOW_OPTIONS = [
  ['all', 'All walkthroughs'],
  ['open', 'Not concluded'],
  ['no-evidence', 'Without evidence'],
] as const;
const CONCLUSION_ORDER = { no: '0', null: '1', yes: '2' } as const;

function sortValue(
  w: Walkthrough,
  key: WalkthroughSortKey,
  refs: ReadonlyMap<string, string>,
  files: ReadonlyMap<string, number>,
  reviews: WorkpaperReviews | undefined,
): string {
  switch (key) {
    case 'signoff':
      return signOffRank(reviews?.get(workpaperKey('walkthrough', w.id)));
    case 'dates':
      return w.startDate ?? w.endDate ?? '~';
    case 'instance':
      return w.instance.toLocaleLowerCase() || '~';
    case 'controls':
      return refs.get(w.controlIds[0] ?? '') ?? '~';
    case 'evidence':
      return String(files.get(w.id) ?? 0).padStart(5, '0');
    case 'design':
      return CONCLUSION_ORDER[w.designConclusion ?? 'null'];
    case 'implementation':
      return CONCLUSION_ORDER[w.implementationConclusion ?? 'null'];
    default:
      return w.title.toLocaleLowerCase();
  }
}

export function WalkthroughsPage({
  engagement,
  selectedId,
}: {
  engagement: Engagement;
  selectedId?: string | undefined;
}) {
  const { actor, readOnly, select, references, loaded, editorProps } = useRecordPage(
    engagement,
    'walkthroughs',
    'walkthrough',
  );
  const everything = useEngagementRecords<Walkthrough>('walkthroughs', engagement.id, true);
  const evidence = useEngagementRecords<Evidence>('evidence', engagement.id);
  const filter = useListFilter<Show>('all');
  const { query, show, setShow } = filter;
  const sort = useSort<WalkthroughSortKey>('dates');
  const reviews = useWorkpaperReviews(engagement.id);
  const { sortKey, sortDir } = sort;

  const walkthroughs = useMemo(() => everything?.filter((w) => !w.deleted), [everything]);
  // Evidence per walkthrough (its own and its steps'), one file counted once.
  const linked = useMemo(() => {
    const map = new Map<string, Evidence[]>();
    for (const e of evidence ?? []) {
      const ids = new Set(e.links.filter((l) => l.kind === 'walkthrough').map((l) => l.id));
      for (const id of ids) map.set(id, [...(map.get(id) ?? []), e]);
    }
    return map;
  }, [evidence]);
  const counts = useMemo(() => new Map([...linked].map(([id, files]) => [id, files.length])), [linked]);

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const source = (show === 'deleted' ? everything?.filter((w) => w.deleted) : walkthroughs) ?? [];
    const shown = source.filter(
      (w) =>
        (show !== 'open' || w.designConclusion === null || w.implementationConclusion === null) &&
        (show !== 'no-evidence' || !counts.get(w.id)) &&
        matchesQuery(q, () => [
          w.title,
          w.instance,
          w.risks,
          w.changesSincePrior,
          ...w.participants.flatMap((p) => [p.name, p.title, p.organization]),
          ...w.steps.flatMap((s) => [s.description, s.performer, s.systems, s.reports, s.outputs]),
          ...w.controlIds.map((id) => references.get(id) ?? ''),
          ...w.criteria,
        ]),
    );
    return sortRecords(shown, sortDir, (w) => sortValue(w, sortKey, references, counts, reviews));
  }, [everything, walkthroughs, show, query, sortKey, sortDir, references, counts, reviews]);

  if (!everything || !walkthroughs || !evidence || !loaded) {
    return <p className="page muted">Loading walkthroughs…</p>;
  }
  const selected = everything.find((w) => w.id === selectedId);
  const editing = selected && editorProps(selected, walkthroughs);
  const concluded = walkthroughs.filter((w) => w.designConclusion && w.implementationConclusion).length;
  const withoutEvidence = walkthroughs.filter((w) => !counts.get(w.id)).length;

  async function addWalkthrough() {
    if (!actor) return;
    const created = await createWalkthrough(repository, actor, engagement.id, {
      title: 'New walkthrough',
      startDate: localIsoDate(),
      auditorIds: [actor.id],
    });
    setShow('all');
    select(created.id);
    focusEditor(created.id, true);
  }

  return (
    <RecordListPage
      noun="walkthrough"
      plural="walkthroughs"
      title="Walkthroughs"
      withDetail={selected !== undefined}
      banner={<ReadOnlyBanner engagement={engagement} />}
      summary={
        walkthroughs.length > 0 ? (
          <p className="scope-summary num" aria-live="polite">
            {walkthroughs.length} walkthrough{walkthroughs.length === 1 ? '' : 's'} · {concluded} concluded
            {withoutEvidence > 0 ? (
              <>
                {' · '}
                <StatusBadge tone="warn" title="Walkthroughs with nothing inspected or observed attached">
                  {withoutEvidence} without evidence
                </StatusBadge>
              </>
            ) : null}
            <span className="muted">
              {' · '}
              {isType1(engagement.kind)
                ? 'The walkthroughs are the test of design and implementation.'
                : 'Operating effectiveness is tested separately.'}
            </span>
          </p>
        ) : null
      }
      onNew={readOnly ? undefined : addWalkthrough}
      empty={
        everything.length === 0
          ? {
              title: 'No walkthroughs yet',
              text: (
                <>
                  A walkthrough follows one instance of a process, a ticket, a change or a new user, from its
                  trigger to its output. Record each step and hand-off with the evidence you inspected or
                  observed, the controls you identified, and whether they are suitably designed and placed in
                  operation.
                  {isType1(engagement.kind)
                    ? ' For this engagement the walkthroughs are the main test of the controls.'
                    : ' For a Type 2 engagement, operating effectiveness is then tested on a sample.'}
                </>
              ),
            }
          : null
      }
      filterPlaceholder="Filter by words, people, system, control…"
      showOptions={SHOW_OPTIONS}
      {...filter}
      counts={{
        visible: visible.length,
        live: walkthroughs.length,
        deleted: everything.length - walkthroughs.length,
      }}
      table={
        <WalkthroughsTable
          rows={visible}
          references={references}
          evidenceCounts={counts}
          reviews={reviews}
          selectedId={selectedId}
          select={select}
          {...sort}
          emptyText={show === 'deleted' ? 'No deleted walkthrough.' : 'No walkthrough matches the filter.'}
        />
      }
      detail={
        selected && editing ? (
          <WalkthroughEditor
            key={selected.id}
            walkthrough={selected}
            evidence={linked.get(selected.id) ?? []}
            {...editing}
          />
        ) : null
      }
    />
  );
}
