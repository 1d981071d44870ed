/**
 * Walkthroughs (design and implementation): one instance of a process traced from trigger to output, with
 * the selected walkthrough edited beside the list. ↑/↓ move through the list, Enter edits, Esc closes.
 * Walkthroughs with nothing inspected or observed attached are flagged: inquiry alone is not enough.
 */
import { useMemo, useState } from 'react';
import { localIsoDate, type Engagement } from '@shared/domain/engagement';
import { isType1, type ControlTest, type Evidence, type Walkthrough } from '@shared/domain/fieldwork';
import { compareReferences, type Control } from '@shared/domain/planning';
import { repository } from '../../db';
import { useActor, useEngagementRecords, useProfiles, useScopedCriteria } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';
import { StatusBadge } from '../../components/StatusBadge';
import { focusWhenReady } from '../../components/focus';
import type { SortDir } from '../../components/SortHeader';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { focusEditor, rowId } from '../interviews/listKeys';
import { createWalkthrough } from './commands';
import { WalkthroughEditor } from './WalkthroughEditor';
import { WalkthroughsTable, type WalkthroughSortKey } from './WalkthroughsTable';

type Show = 'all' | 'open' | 'no-evidence' | 'deleted';
const CONCLUSION_ORDER = { no: '0', null: '1', yes: '2' } as const;

function sortValue(
  w: Walkthrough,
  key: WalkthroughSortKey,
  refs: ReadonlyMap<string, string>,
  files: ReadonlyMap<string, number>,
): string {
  switch (key) {
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
  const actor = useActor();
  const run = useAction();
  const navigate = useAppStore((s) => s.navigate);
  const everything = useEngagementRecords<Walkthrough>('walkthroughs', engagement.id, true);
  const allControls = useEngagementRecords<Control>('controls', engagement.id, true);
  const tests = useEngagementRecords<ControlTest>('tests', engagement.id);
  const evidence = useEngagementRecords<Evidence>('evidence', engagement.id);
  const profiles = useProfiles();
  const criteria = useScopedCriteria(engagement);
  const readOnly = isReadOnly(engagement) || !actor;
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [sortKey, setSortKey] = useState<WalkthroughSortKey>('dates');
  const [sortDir, setSortDir] = useState<SortDir>('asc');

  const select = (id: string | null) =>
    navigate({ name: 'engagement', id: engagement.id, area: 'walkthroughs', ...(id ? { item: id } : {}) });
  const onSort = (key: WalkthroughSortKey) => {
    if (key === sortKey) setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
    else {
      setSortKey(key);
      setSortDir('asc');
    }
  };

  const walkthroughs = useMemo(() => everything?.filter((w) => !w.deleted), [everything]);
  const controls = useMemo(() => allControls?.filter((c) => !c.deleted), [allControls]);
  const references = useMemo(
    () => new Map((allControls ?? []).map((c) => [c.id, c.reference])),
    [allControls],
  );
  const deletedReferences = useMemo(
    () => new Map((allControls ?? []).filter((c) => c.deleted).map((c) => [c.id, c.reference])),
    [allControls],
  );
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
    const dir = sortDir === 'asc' ? 1 : -1;
    return source
      .filter(
        (w) =>
          (show !== 'open' || w.designConclusion === null || w.implementationConclusion === null) &&
          (show !== 'no-evidence' || !counts.get(w.id)) &&
          (!q ||
            [
              w.title,
              w.instance,
              w.risks,
              w.changesSincePrior,
              ...w.participants.flatMap((p) => [p.name, p.title, p.organization]),
              ...w.steps.flatMap((s) => [s.description, s.performer, s.systems, s.reports, s.outputs]),
              ...w.controlIds.map((id) => references.get(id) ?? ''),
              ...w.criteria,
            ]
              .join(' ')
              .toLocaleLowerCase()
              .includes(q)),
      )
      .sort(
        (a, b) =>
          dir *
            compareReferences(
              sortValue(a, sortKey, references, counts),
              sortValue(b, sortKey, references, counts),
            ) || a.id.localeCompare(b.id),
      );
  }, [everything, walkthroughs, show, query, sortKey, sortDir, references, counts]);

  if (!everything || !walkthroughs || !controls || !tests || !evidence || !profiles || !criteria) {
    return <p className="page muted">Loading walkthroughs…</p>;
  }
  const selected = everything.find((w) => w.id === selectedId);
  const deletedCount = everything.length - walkthroughs.length;
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
  const newButton = (label = 'New walkthrough') =>
    readOnly ? null : (
      <button type="button" className="primary" onClick={() => void run(addWalkthrough)}>
        {label}
      </button>
    );

  return (
    <section
      className={selected ? 'page page-wide records-page with-detail' : 'page page-wide records-page'}
      aria-labelledby="walkthroughs-title"
    >
      <header className="page-header">
        <h1 id="walkthroughs-title">Walkthroughs</h1>
        <div className="page-actions">{newButton()}</div>
      </header>
      <ReadOnlyBanner engagement={engagement} />
      {walkthroughs.length > 0 ? (
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
      ) : null}

      {everything.length === 0 ? (
        <div className="empty-state">
          <h2>No walkthroughs yet</h2>
          <p>
            A walkthrough follows one instance of a process, a ticket, a change or a new user, from its
            trigger to its output. Record each step and hand-off with the evidence you inspected or observed,
            the controls you identified, and whether they are suitably designed and placed in operation.
            {isType1(engagement.kind)
              ? ' For this engagement the walkthroughs are the main test of the controls.'
              : ' For a Type 2 engagement, operating effectiveness is then tested on a sample.'}
          </p>
          <div className="page-actions">{newButton('Record the first walkthrough')}</div>
        </div>
      ) : (
        <div className="master-detail">
          <div className="master">
            <div className="toolbar">
              <input
                type="search"
                aria-label="Filter walkthroughs"
                placeholder="Filter by words, people, system, control…"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <select
                aria-label="Show walkthroughs"
                value={show}
                onChange={(e) => setShow(e.target.value as Show)}
              >
                <option value="all">All walkthroughs</option>
                <option value="open">Not concluded</option>
                <option value="no-evidence">Without evidence</option>
                {deletedCount > 0 || show === 'deleted' ? (
                  <option value="deleted">Deleted ({deletedCount})</option>
                ) : null}
              </select>
              <span className="muted num" aria-live="polite">
                {visible.length === walkthroughs.length && show === 'all'
                  ? `${walkthroughs.length} shown`
                  : `Showing ${visible.length} of ${show === 'deleted' ? deletedCount : walkthroughs.length}`}
              </span>
            </div>
            <WalkthroughsTable
              rows={visible}
              references={references}
              evidenceCounts={counts}
              selectedId={selectedId}
              select={select}
              sortKey={sortKey}
              sortDir={sortDir}
              onSort={onSort}
              emptyText={
                show === 'deleted' ? 'No deleted walkthrough.' : 'No walkthrough matches the filter.'
              }
            />
          </div>
          {selected && actor ? (
            <WalkthroughEditor
              key={selected.id}
              walkthrough={selected}
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
              evidence={linked.get(selected.id) ?? []}
              onSelect={(id) => {
                const closed = selected.id;
                select(id);
                if (!id)
                  setTimeout(
                    () =>
                      focusWhenReady([
                        `#${rowId('walkthrough', closed)}`,
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
