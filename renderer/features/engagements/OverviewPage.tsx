/** An engagement at a glance: scope and audit-trail cards, its details (autosaved) and recent changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { scopeCriteria, type Engagement } from '@shared/domain/engagement';
import { db } from '../../db';
import { listCriterionScopes, verifyChain } from '../../db/queries';
import { useAppStore } from '../../store';
import { useActor } from '../../app/hooks';
import { StatusBadge } from '../../components/StatusBadge';
import { EngagementDetails } from './EngagementDetails';
import { isReadOnly, ReadOnlyBanner } from './ReadOnlyBanner';
import { RecentChanges } from './RecentChanges';
import { useArchiveToggle } from './useArchiveToggle';

export function OverviewPage({ engagement }: { engagement: Engagement }) {
  const actor = useActor();
  const navigate = useAppStore((s) => s.navigate);
  const scopes = useLiveQuery(() => listCriterionScopes(db, engagement.id), [engagement.id]);
  const verification = useLiveQuery(
    () => verifyChain(db, engagement.id),
    [engagement.id, engagement.rev, scopes],
  );
  const readOnly = isReadOnly(engagement);
  const toggleArchive = useArchiveToggle();
  const summary = scopeCriteria(engagement.categories, scopes ?? []);

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
