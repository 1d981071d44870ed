/** An engagement at a glance: the dashboard, the audit trail's state, its details (autosaved) and recent changes. */
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import { db } from '../../db';
import { chainHeadsOf, verifyChain } from '../../db/queries';
import { useAppStore } from '../../store';
import { useActor } from '../../app/hooks';
import { StatusBadge } from '../../components/StatusBadge';
import { focusWhenReady } from '../../components/focus';
import { Dashboard } from './Dashboard';
import { EngagementDetails } from './EngagementDetails';
import { isReadOnly, ReadOnlyBanner } from './ReadOnlyBanner';
import { RecentChanges } from './RecentChanges';
import { useArchiveToggle } from './useArchiveToggle';
import { copyFlagOf } from './ReadOnlyBanner';

export function OverviewPage({
  engagement,
  focus,
}: {
  engagement: Engagement;
  /** A field to put the cursor in (`report-date`, from the release blockers' link). */
  focus?: string | undefined;
}) {
  useEffect(() => {
    if (focus) focusWhenReady([`[data-field="${focus}"]`]);
  }, [focus]);
  const actor = useActor();
  const navigate = useAppStore((s) => s.navigate);
  // Re-verified whenever the chain head moves (any change in the engagement).
  const heads = useLiveQuery(() => chainHeadsOf(db, engagement.id), [engagement.id]);
  const headsKey = heads?.map((h) => `${h.chain}:${h.seq}`).join(',');
  const verification = useLiveQuery(() => verifyChain(db, engagement.id), [engagement.id, headsKey]);
  const readOnly = isReadOnly(engagement);
  const toggleArchive = useArchiveToggle();

  return (
    <section className="page" aria-labelledby="overview-title">
      <header className="page-header">
        <h1 id="overview-title">Overview</h1>
        <div className="page-actions">
          {copyFlagOf(engagement.id) ? null : (
            <button type="button" onClick={() => void toggleArchive(engagement)}>
              {engagement.archived ? 'Restore engagement' : 'Archive engagement'}
            </button>
          )}
        </div>
      </header>
      <ReadOnlyBanner engagement={engagement} />

      <Dashboard engagement={engagement} />
      <p className="trail-status">
        <span className="card-label">Audit trail</span>{' '}
        {verification ? (
          <StatusBadge tone={verification.ok ? 'good' : 'bad'}>{verification.message}</StatusBadge>
        ) : (
          <span className="muted">Verifying…</span>
        )}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => navigate({ name: 'engagement', id: engagement.id, area: 'trail' })}
        >
          Open the audit trail
        </button>
      </p>

      {actor ? (
        <EngagementDetails key={actor.id} engagement={engagement} actor={actor} readOnly={readOnly} />
      ) : null}
      <RecentChanges engagementId={engagement.id} />
    </section>
  );
}
