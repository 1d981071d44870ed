/**
 * Tests of operating effectiveness: the list of tests (one or more per control) with their progress and
 * conclusion, the controls still without a test, and the test workpaper when one is opened.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  isType1,
  tallySample,
  TEST_CONCLUSION_LABELS,
  TEST_CONCLUSIONS,
  type SampleItem,
  type TestConclusion,
} from '@shared/domain/fieldwork';
import type { Engagement } from '@shared/domain/engagement';
import { compareReferences, isActiveControl, type Control } from '@shared/domain/planning';
import { workpaperKey } from '@shared/domain/review';
import { db, repository } from '../../db';
import { useActor } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { createTest } from './commands';
import { NewTestDialog } from './NewTestDialog';
import { SampleSizeTableDialog } from '../settings/SampleSizeTableDialog';
import { useFirmSampleSizeTable } from '../settings/commands';
import { TestWorkpaper } from './TestWorkpaper';
import { SignOffBadge } from '../review/SignOffBadge';
import { useWorkpaperReviews } from '../review/useWorkpaperReviews';
import { useLegend, useTestsAndControls } from './useTestData';

export const CONCLUSION_TONE: Record<TestConclusion, Tone> = {
  effective: 'good',
  'effective-with-exceptions': 'warn',
  'not-effective': 'bad',
};

export function ConclusionBadge({ conclusion }: { conclusion: TestConclusion | null }) {
  return conclusion ? (
    <StatusBadge tone={CONCLUSION_TONE[conclusion]}>{TEST_CONCLUSION_LABELS[conclusion]}</StatusBadge>
  ) : (
    <StatusBadge tone="neutral">Not concluded</StatusBadge>
  );
}

const TEST_FILTERS = ['all', 'open', ...TEST_CONCLUSIONS] as const;

export function TestsPage({
  engagement,
  selectedId,
  filter: initialFilter,
}: {
  engagement: Engagement;
  selectedId?: string | undefined;
  /** `open` or a conclusion opens the list filtered (the dashboard's links). */
  filter?: string | undefined;
}) {
  const actor = useActor();
  const run = useAction();
  const navigate = useAppStore((s) => s.navigate);
  const { tests, controls } = useTestsAndControls(engagement.id);
  const legend = useLegend(engagement.id);
  const items = useLiveQuery(
    async () =>
      (await db.sampleItems.where('engagementId').equals(engagement.id).toArray()).filter((i) => !i.deleted),
    [engagement.id],
  );
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<'all' | 'open' | TestConclusion>(
    TEST_FILTERS.find((f) => f === initialFilter) ?? 'all',
  );
  const [dialog, setDialog] = useState<{ controlId?: string } | null>(null);
  const [tableOpen, setTableOpen] = useState(false);
  const firmTable = useFirmSampleSizeTable();
  // One read of every sign-off for the list's badges; none while a test's workpaper is open.
  const reviews = useWorkpaperReviews(engagement.id, !tests?.some((t) => t.id === selectedId));
  const readOnly = isReadOnly(engagement) || !actor;
  const open = (id: string | null) =>
    navigate({ name: 'engagement', id: engagement.id, area: 'tests', ...(id ? { item: id } : {}) });

  const byControl = useMemo(() => new Map((controls ?? []).map((c) => [c.id, c])), [controls]);
  const itemsByTest = useMemo(() => {
    const map = new Map<string, SampleItem[]>();
    for (const i of items ?? []) {
      const list = map.get(i.testId);
      if (list) list.push(i);
      else map.set(i.testId, [i]);
    }
    return map;
  }, [items]);
  const rows = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return (tests ?? [])
      .map((t) => ({ test: t, control: byControl.get(t.controlId) }))
      .filter(({ test, control }) => {
        if (filter === 'open' && test.conclusion !== null) return false;
        if (filter !== 'all' && filter !== 'open' && test.conclusion !== filter) return false;
        return (
          !q ||
          `${test.reference} ${control?.reference ?? ''} ${control?.title ?? ''} ${test.objective}`
            .toLocaleLowerCase()
            .includes(q)
        );
      })
      .sort((a, b) => compareReferences(a.test.reference, b.test.reference));
  }, [tests, byControl, query, filter]);

  if (!tests || !controls) return <p className="page muted">Loading tests…</p>;
  const selected = tests.find((t) => t.id === selectedId);
  const selectedControl = selected ? byControl.get(selected.controlId) : undefined;
  if (selected && selectedControl && actor) {
    return (
      <TestWorkpaper
        key={selected.id}
        test={selected}
        control={selectedControl}
        engagement={engagement}
        actor={actor}
        readOnly={readOnly}
        onBack={() => open(null)}
      />
    );
  }
  const untested = controls
    .filter((c) => isActiveControl(c) && !tests.some((t) => t.controlId === c.id))
    .sort((a, b) => compareReferences(a.reference, b.reference));
  const counts = {
    concluded: tests.filter((t) => t.conclusion !== null).length,
    exceptions: tests.filter((t) => t.conclusion === 'effective-with-exceptions').length,
    failed: tests.filter((t) => t.conclusion === 'not-effective').length,
  };

  async function create(control: Control) {
    if (!actor) return;
    const test = await run(
      () => createTest(repository, actor, engagement, control, firmTable?.table),
      `Test for ${control.reference} created.`,
    );
    setDialog(null);
    if (test) open(test.id);
  }

  return (
    <section className="page page-wide" aria-labelledby="tests-title">
      <header className="page-header">
        <h1 id="tests-title">Tests of controls</h1>
        {readOnly ? null : (
          <div className="page-actions">
            <button type="button" onClick={() => setTableOpen(true)} disabled={!firmTable}>
              Sample-size table…
            </button>
            <button type="button" className="primary" onClick={() => setDialog({})}>
              New test
            </button>
          </div>
        )}
      </header>
      <ReadOnlyBanner engagement={engagement} />
      {isType1(engagement.kind) ? (
        <p className="notice-inline">
          This is a {engagement.kind === 'readiness' ? 'readiness assessment' : 'Type 1 engagement'}: controls
          are concluded by their walkthroughs (design and implementation). Tests of operating effectiveness
          are optional here.
        </p>
      ) : null}
      <p className="scope-summary num" aria-live="polite">
        {tests.length} test{tests.length === 1 ? '' : 's'} · {counts.concluded} concluded ·{' '}
        {counts.exceptions} with exceptions · {counts.failed} not effective ·{' '}
        {untested.length > 0 ? (
          <StatusBadge tone={isType1(engagement.kind) ? 'neutral' : 'warn'}>
            {untested.length} control{untested.length === 1 ? '' : 's'} without a test
          </StatusBadge>
        ) : (
          'every control has a test'
        )}
      </p>
      {tests.length === 0 ? (
        <div className="empty-state">
          <h2>No tests yet</h2>
          <p>
            A test of a control records what you checked on each sample item: the population the client gave
            you, a seeded sample anyone can re-perform, a tickmark per attribute, the exceptions and your
            conclusion. Start with New test and choose a control.
          </p>
        </div>
      ) : (
        <>
          <div className="toolbar toolbar-wrap">
            <input
              type="search"
              aria-label="Filter tests"
              placeholder="Filter by test, control or words…"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <select
              aria-label="Conclusion"
              value={filter}
              onChange={(e) => setFilter(e.target.value as typeof filter)}
            >
              <option value="all">All conclusions</option>
              <option value="open">Not concluded</option>
              {Object.entries(TEST_CONCLUSION_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="table-wrap">
            <table className="grid tests-grid" aria-label="Tests">
              <thead>
                <tr>
                  <th scope="col">Test</th>
                  <th scope="col">Control</th>
                  <th scope="col" className="num">
                    Population
                  </th>
                  <th scope="col" className="num">
                    Sample
                  </th>
                  <th scope="col" className="num">
                    Done
                  </th>
                  <th scope="col" className="num">
                    Deviations
                  </th>
                  <th scope="col">Conclusion</th>
                  <th scope="col">Sign-off</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ test, control }) => {
                  const tally = tallySample(
                    itemsByTest.get(test.id) ?? [],
                    test.attributes.map((a) => a.id),
                    legend,
                  );
                  return (
                    <tr key={test.id}>
                      <td className="nowrap">
                        <button type="button" className="link-button" onClick={() => open(test.id)}>
                          {test.reference}
                        </button>
                      </td>
                      <td className="ellipsis" title={control?.description}>
                        {control?.reference ?? '(deleted control)'}{' '}
                        {control?.title ? <span className="muted control-title">{control.title}</span> : null}
                      </td>
                      <td className="num">{test.population.count ?? '—'}</td>
                      <td className="num">{tally.size > 0 ? tally.size : (test.sampling.size ?? '—')}</td>
                      <td className="num">{tally.size > 0 ? `${tally.complete}/${tally.size}` : '—'}</td>
                      <td className="num">
                        {tally.deviations > 0 ? (
                          <StatusBadge tone="warn">{tally.deviations}</StatusBadge>
                        ) : tally.size > 0 ? (
                          0
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        <ConclusionBadge conclusion={test.conclusion} />
                      </td>
                      <td>
                        <SignOffBadge review={reviews?.get(workpaperKey('test', test.id))} />
                      </td>
                    </tr>
                  );
                })}
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={8} className="muted">
                      No test matches the filter.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </>
      )}
      {untested.length > 0 && !readOnly ? (
        <section aria-labelledby="untested-title" className="untested">
          <h2 id="untested-title">Controls without a test ({untested.length})</h2>
          <ul className="chip-list">
            {untested.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="chip"
                  title={c.description}
                  onClick={() => setDialog({ controlId: c.id })}
                >
                  {c.reference} — plan a test
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {tableOpen && firmTable ? (
        <SampleSizeTableDialog table={firmTable.table} onClose={() => setTableOpen(false)} />
      ) : null}
      {dialog ? (
        <NewTestDialog
          controls={controls}
          tests={tests}
          initialControlId={dialog.controlId}
          onCreate={create}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
