/**
 * Criteria coverage: every criterion in scope with the controls that support it. An applicable criterion
 * without an active control is a gap, flagged in red with what to do about it. Counts at the top.
 */
import { useMemo, useState } from 'react';
import { groupCriteria } from '@shared/domain/criteria';
import type { Engagement } from '@shared/domain/engagement';
import { computeCoverage, type Control, type Csoc, type UserEntityControl } from '@shared/domain/planning';
import {
  CRITERION_FIGURE_FILTERS,
  CRITERION_FIGURE_LABELS,
  criterionFigureSets,
  type CriterionFigureFilter,
} from '@shared/domain/review';
import { useEngagementRecords, useScopedCriteria } from '../../app/hooks';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import {
  CONTROL_RESULT_LABELS,
  CRITERION_STATUS_LABELS,
  TYPE1_RESULT_LABELS,
  isType1,
  type ControlResult,
  type CriterionStatus,
} from '@shared/domain/fieldwork';
import { useRollup } from '../testing/useRollup';

const CRITERION_TONE: Record<CriterionStatus, Tone> = {
  met: 'good',
  'met-with-exceptions': 'warn',
  'not-met': 'bad',
  'not-tested': 'neutral',
  'not-applicable': 'neutral',
};
const RESULT_TONE: Record<ControlResult, Tone> = {
  effective: 'good',
  exceptions: 'warn',
  'not-effective': 'bad',
  'in-progress': 'info',
  'not-tested': 'neutral',
};

type CoverageFilter = 'all' | 'uncovered' | 'covered' | 'not-applicable';
type Filter = CoverageFilter | CriterionFigureFilter;

const FILTERS: readonly Filter[] = ['all', 'uncovered', 'covered', 'not-applicable', ...CRITERION_FIGURE_FILTERS];

/**
 * `filter` opens the matrix filtered, as the dashboard links do: by coverage (uncovered, covered,
 * not-applicable) or by result (met, not-met, not-concluded — the dashboard's own sets).
 */
export function CoveragePage({ engagement, filter: initial }: { engagement: Engagement; filter?: string | undefined }) {
  const criteria = useScopedCriteria(engagement);
  const controls = useEngagementRecords<Control>('controls', engagement.id);
  const csocs = useEngagementRecords<Csoc>('csocs', engagement.id);
  const cuecs = useEngagementRecords<UserEntityControl>('userEntityControls', engagement.id);
  const [filter, setFilter] = useState<Filter>(FILTERS.find((f) => f === initial) ?? 'all');
  const [query, setQuery] = useState('');

  const coverage = useMemo(
    () =>
      criteria && controls && csocs && cuecs
        ? computeCoverage(
            criteria,
            controls,
            csocs,
            cuecs.filter((c) => c.kind === 'cuec'),
          )
        : null,
    [criteria, controls, csocs, cuecs],
  );
  const rollup = useRollup(engagement);
  if (!coverage) return <p className="page muted">Loading coverage…</p>;

  const q = query.trim().toLocaleLowerCase();
  const byResult = rollup ? criterionFigureSets(rollup.criteria) : null;
  const resultFilter = (CRITERION_FIGURE_FILTERS as readonly string[]).includes(filter)
    ? (filter as CriterionFigureFilter)
    : null;
  const rows = coverage.rows.filter(
    (r) =>
      (resultFilter
        ? (byResult?.[resultFilter].has(r.criterion.id) ?? false)
        : filter === 'all' || r.status === filter) &&
      (!q ||
        `${r.criterion.id} ${r.criterion.title} ${r.controls.map((c) => `${c.reference} ${c.title}`).join(' ')}`
          .toLocaleLowerCase()
          .includes(q)),
  );
  const byId = new Map(rows.map((r) => [r.criterion.id as string, r]));
  const rollupStatus = new Map<string, CriterionStatus>((rollup?.criteria ?? []).map((r) => [r.criterion.id, r.status]));
  const resultLabels = isType1(engagement.kind) ? TYPE1_RESULT_LABELS : CONTROL_RESULT_LABELS;
  const controlHref = (id: string) => `#/engagements/${engagement.id}/controls/${id}`;

  return (
    <section className="page" aria-labelledby="coverage-title">
      <header className="page-header">
        <h1 id="coverage-title">Criteria coverage</h1>
      </header>
      <div className="cards coverage-counts" role="group" aria-label="Coverage counts">
        <button type="button" className="card card-button" aria-pressed={filter === 'covered'} onClick={() => setFilter(filter === 'covered' ? 'all' : 'covered')}>
          <span className="card-number num">{coverage.covered}</span>
          <span className="card-label">
            <StatusBadge tone="good">Covered</StatusBadge>
          </span>
        </button>
        <button type="button" className="card card-button" aria-pressed={filter === 'uncovered'} onClick={() => setFilter(filter === 'uncovered' ? 'all' : 'uncovered')}>
          <span className="card-number num">{coverage.uncovered}</span>
          <span className="card-label">
            <StatusBadge tone={coverage.uncovered > 0 ? 'bad' : 'good'}>Without a control</StatusBadge>
          </span>
        </button>
        <button type="button" className="card card-button" aria-pressed={filter === 'not-applicable'} onClick={() => setFilter(filter === 'not-applicable' ? 'all' : 'not-applicable')}>
          <span className="card-number num">{coverage.notApplicable}</span>
          <span className="card-label">
            <StatusBadge tone="neutral">Not applicable</StatusBadge>
          </span>
        </button>
      </div>

      {coverage.unmappedControls.length > 0 ? (
        <p className="banner banner-warn" role="note">
          {coverage.unmappedControls.length} active control{coverage.unmappedControls.length === 1 ? ' is' : 's are'} not
          mapped to any criterion:{' '}
          {coverage.unmappedControls.slice(0, 10).map((c, i) => (
            <span key={c.id}>
              {i > 0 ? ', ' : ''}
              <a href={controlHref(c.id)}>{c.reference}</a>
            </span>
          ))}
          {coverage.unmappedControls.length > 10 ? '…' : ''}
        </p>
      ) : null}
      {coverage.mappedToNotApplicable.length > 0 ? (
        <p className="banner banner-warn" role="note">
          Mapped to criteria marked not applicable (check the control or the N/A reason):{' '}
          {coverage.mappedToNotApplicable.slice(0, 10).map((o, i) => (
            <span key={o.control.id}>
              {i > 0 ? '; ' : ''}
              <a href={controlHref(o.control.id)}>{o.control.reference}</a> → {o.criteria.join(', ')}
            </span>
          ))}
        </p>
      ) : null}
      {coverage.outOfScope.length > 0 ? (
        <p className="banner banner-info" role="note">
          Mapped to criteria outside the categories in scope (kept, not counted):{' '}
          {coverage.outOfScope.slice(0, 10).map((o, i) => (
            <span key={o.control.id}>
              {i > 0 ? '; ' : ''}
              <a href={controlHref(o.control.id)}>{o.control.reference}</a> → {o.criteria.join(', ')}
            </span>
          ))}
        </p>
      ) : null}

      <div className="toolbar">
        <input type="search" aria-label="Filter criteria" placeholder="Filter by criterion or control…" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Show criteria" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          <option value="all">All criteria</option>
          <option value="uncovered">Without a control</option>
          <option value="covered">Covered</option>
          <option value="not-applicable">Not applicable</option>
          <optgroup label="By result">
            {CRITERION_FIGURE_FILTERS.map((f) => (
              <option key={f} value={f}>
                {CRITERION_FIGURE_LABELS[f]}
              </option>
            ))}
          </optgroup>
        </select>
      </div>

      <div className="table-wrap">
        <table className="grid" aria-label="Coverage">
          <thead>
            <tr>
              <th scope="col" className="col-id">ID</th>
              <th scope="col">Criterion</th>
              <th scope="col" className="col-status">Coverage</th>
              <th scope="col" className="col-status">Result</th>
              <th scope="col">Controls and their results</th>
            </tr>
          </thead>
          {groupCriteria(rows.map((r) => r.criterion)).map((group) => (
            <tbody key={group.group}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={5}>
                  {group.group} · {group.groupName}
                </th>
              </tr>
              {group.criteria.map((c) => {
                const row = byId.get(c.id);
                if (!row) return null;
                return (
                  <tr key={c.id} id={`coverage-${c.id}`} className={row.status === 'uncovered' ? 'row-gap' : undefined}>
                    <td className="num nowrap">{c.id}</td>
                    <td>{c.title}</td>
                    <td>
                      {row.status === 'covered' && row.controls.every((ctl) => ctl.status === 'draft') ? (
                        <StatusBadge tone="warn" title="Only draft controls: not yet agreed with the client">
                          Covered (drafts)
                        </StatusBadge>
                      ) : row.status === 'covered' ? (
                        <StatusBadge tone="good">Covered</StatusBadge>
                      ) : row.status === 'uncovered' ? (
                        <StatusBadge tone="bad">No control</StatusBadge>
                      ) : (
                        <StatusBadge tone="neutral">Not applicable</StatusBadge>
                      )}
                    </td>
                    <td>
                      {rollupStatus.get(c.id) ? (
                        <StatusBadge tone={CRITERION_TONE[rollupStatus.get(c.id) ?? 'not-tested']}>
                          {CRITERION_STATUS_LABELS[rollupStatus.get(c.id) ?? 'not-tested']}
                        </StatusBadge>
                      ) : null}
                    </td>
                    <td>
                      {row.status === 'not-applicable' ? (
                        <span className="muted">{row.criterion.naReason}</span>
                      ) : row.controls.length > 0 ? (
                        <ul className="inline-list">
                          {row.controls.map((ctl) => (
                            <li key={ctl.id}>
                              <a href={controlHref(ctl.id)} title={ctl.title}>
                                {ctl.reference}
                              </a>
                              {ctl.status === 'draft' ? <span className="muted"> (draft)</span> : null}
                              {rollup?.controls.get(ctl.id) ? (
                                <>
                                  {' '}
                                  <StatusBadge tone={RESULT_TONE[rollup.controls.get(ctl.id) ?? 'not-tested']}>
                                    {resultLabels[rollup.controls.get(ctl.id) ?? 'not-tested']}
                                  </StatusBadge>
                                </>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="gap-hint">
                          Map a control on the <a href={`#/engagements/${engagement.id}/controls`}>control matrix</a>, or mark
                          the criterion <a href={`#/engagements/${engagement.id}/scope/${c.id}`}>not applicable</a>.
                        </span>
                      )}
                      {row.csocs.length > 0 || row.cuecs.length > 0 ? (
                        <p className="muted complementary-note">
                          {row.csocs.length > 0 ? `CSOC: ${row.csocs.map((x) => x.reference || x.description.slice(0, 40)).join(', ')}` : ''}
                          {row.csocs.length > 0 && row.cuecs.length > 0 ? ' · ' : ''}
                          {row.cuecs.length > 0 ? `CUEC: ${row.cuecs.map((x) => x.reference || x.description.slice(0, 40)).join(', ')}` : ''}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
          {rows.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={5} className="muted">
                  No criterion matches the filter.
                </td>
              </tr>
            </tbody>
          ) : null}
        </table>
      </div>
    </section>
  );
}
