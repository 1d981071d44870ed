/** An engagement at a glance: scope and audit-trail cards, its details (autosaved) and recent changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { localIsoDate, scopeCriteria, type Engagement } from '@shared/domain/engagement';
import {
  computeCoverage,
  isActiveControl,
  isOverdue,
  OUTSTANDING_REQUEST_STATUSES,
  type Control,
  type Request,
} from '@shared/domain/planning';
import { useMemo } from 'react';
import { db } from '../../db';
import { listCriterionScopes, verifyChain } from '../../db/queries';
import { useAppStore } from '../../store';
import { useActor, useEngagementRecords } from '../../app/hooks';
import { StatusBadge } from '../../components/StatusBadge';
import { EngagementDetails } from './EngagementDetails';
import { isReadOnly, ReadOnlyBanner } from './ReadOnlyBanner';
import { RecentChanges } from './RecentChanges';
import { useRollup } from '../testing/useRollup';
import type { ControlException } from '@shared/domain/fieldwork';
import { useArchiveToggle } from './useArchiveToggle';

export function OverviewPage({ engagement }: { engagement: Engagement }) {
  const actor = useActor();
  const navigate = useAppStore((s) => s.navigate);
  const scopes = useLiveQuery(() => listCriterionScopes(db, engagement.id), [engagement.id]);
  const controls = useEngagementRecords<Control>('controls', engagement.id);
  const requests = useEngagementRecords<Request>('requests', engagement.id);
  const verification = useLiveQuery(
    () => verifyChain(db, engagement.id),
    [engagement.id, engagement.rev, scopes, controls, requests],
  );
  const rollup = useRollup(engagement);
  const exceptions = useEngagementRecords<ControlException>('exceptions', engagement.id);
  const readOnly = isReadOnly(engagement);
  const toggleArchive = useArchiveToggle();
  const summary = scopeCriteria(engagement.categories, scopes ?? []);
  const coverage = useMemo(
    () =>
      scopes && controls
        ? computeCoverage(scopeCriteria(engagement.categories, scopes).criteria, controls)
        : null,
    [scopes, controls, engagement.categories],
  );
  const activeControls = controls?.filter(isActiveControl).length ?? 0;
  const today = localIsoDate();
  const overdue = requests?.filter((r) => isOverdue(r, today)).length ?? 0;

  return (
    <section className="page" aria-labelledby="overview-title">
      <header className="page-header">
        <h1 id="overview-title">Overview</h1>
        <div className="page-actions">
          <button type="button" onClick={() => void toggleArchive(engagement)}>
            {engagement.archived ? 'Restore engagement' : 'Archive engagement'}
          </button>
        </div>
      </header>
      <ReadOnlyBanner engagement={engagement} />

      <div className="cards">
        <button
          type="button"
          className="card"
          onClick={() => navigate({ name: 'engagement', id: engagement.id, area: 'scope' })}
        >
          <span className="card-label">Criteria in scope</span>
          <span className="card-value num">{summary.inScope}</span>
          <span className="card-note">
            {summary.notApplicable === 0 ? 'all applicable' : `${summary.notApplicable} not applicable`}
          </span>
        </button>
        {coverage ? (
          <button
            type="button"
            className="card"
            onClick={() => navigate({ name: 'engagement', id: engagement.id, area: 'coverage' })}
          >
            <span className="card-label">Controls</span>
            <span className="card-value num">{activeControls}</span>
            <span className="card-note">
              {coverage.uncovered === 0 ? (
                'every applicable criterion has a control'
              ) : (
                <StatusBadge tone="bad">
                  {coverage.uncovered} criteri{coverage.uncovered === 1 ? 'on' : 'a'} without a control
                </StatusBadge>
              )}
            </span>
          </button>
        ) : null}
        {requests ? (
          <button
            type="button"
            className="card"
            onClick={() => navigate({ name: 'engagement', id: engagement.id, area: 'requests' })}
          >
            <span className="card-label">Requests outstanding</span>
            <span className="card-value num">
              {requests.filter((r) => OUTSTANDING_REQUEST_STATUSES.has(r.status)).length}
            </span>
            <span className="card-note">
              {overdue === 0 ? (
                `of ${requests.length} on the list`
              ) : (
                <StatusBadge tone="bad">{overdue} overdue</StatusBadge>
              )}
            </span>
          </button>
        ) : null}
        {rollup ? (
          <button
            type="button"
            className="card"
            onClick={() => navigate({ name: 'engagement', id: engagement.id, area: 'tests' })}
          >
            <span className="card-label">
              {engagement.kind === 'soc2-type2' ? 'Controls tested' : 'Controls walked through'}
            </span>
            <span className="card-value num">
              {[...rollup.controls.values()].filter((r) => r !== 'not-tested' && r !== 'in-progress').length}{' '}
              of {rollup.controls.size}
            </span>
            <span className="card-note">
              {[...rollup.controls.values()].filter((r) => r === 'not-effective').length > 0 ? (
                <StatusBadge tone="bad">
                  {[...rollup.controls.values()].filter((r) => r === 'not-effective').length} not effective
                </StatusBadge>
              ) : (
                `${rollup.tests.filter((t) => t.conclusion === 'effective-with-exceptions').length} with exceptions`
              )}
            </span>
          </button>
        ) : null}
        {rollup ? (
          <button
            type="button"
            className="card"
            onClick={() => navigate({ name: 'engagement', id: engagement.id, area: 'coverage' })}
          >
            <span className="card-label">Criteria met</span>
            <span className="card-value num">
              {rollup.criteria.filter((c) => c.status === 'met' || c.status === 'met-with-exceptions').length}{' '}
              of {rollup.criteria.filter((c) => c.status !== 'not-applicable').length}
            </span>
            <span className="card-note">
              {rollup.criteria.some((c) => c.status === 'not-met') ? (
                <StatusBadge tone="bad">
                  {rollup.criteria.filter((c) => c.status === 'not-met').length} not met
                </StatusBadge>
              ) : (
                `${rollup.criteria.filter((c) => c.status === 'not-tested').length} not yet concluded`
              )}
            </span>
          </button>
        ) : null}
        {exceptions ? (
          <button
            type="button"
            className="card"
            onClick={() => navigate({ name: 'engagement', id: engagement.id, area: 'exceptions' })}
          >
            <span className="card-label">Open exceptions</span>
            <span className="card-value num">{exceptions.filter((e) => e.status === 'open').length}</span>
            <span className="card-note">of {exceptions.length} found</span>
          </button>
        ) : null}
        <div className="card">
          <span className="card-label">Audit trail</span>
          {verification ? (
            <StatusBadge tone={verification.ok ? 'good' : 'bad'}>{verification.message}</StatusBadge>
          ) : (
            <span className="muted">Verifying…</span>
          )}
          <span className="card-note">Every change is hash-chained (SHA-256).</span>
        </div>
      </div>

      {actor ? (
        <EngagementDetails key={actor.id} engagement={engagement} actor={actor} readOnly={readOnly} />
      ) : null}
      <RecentChanges engagementId={engagement.id} />
    </section>
  );
}
