/** An engagement at a glance, with its details edited in place (autosaved). */
import { useLiveQuery } from 'dexie-react-hooks';
import { scopeCriteria, type Engagement } from '@shared/domain/engagement';
import { db } from '../../db';
import { listCriterionScopes, verifyChain } from '../../db/queries';
import { useAppStore } from '../../store';
import { useActor } from '../../app/hooks';
import { StatusBadge } from '../../components/StatusBadge';
import { EngagementForm } from './EngagementForm';
import { RecentChanges } from './RecentChanges';
import { useEngagementAutosave, type SaveState } from './useAutosave';
import { useArchiveToggle } from './useArchiveToggle';

function SaveStatus({ state }: { state: SaveState }) {
  const text = {
    saved: 'All changes saved',
    pending: 'Unsaved changes…',
    saving: 'Saving…',
    invalid: state.kind === 'invalid' ? state.message : '',
    error: state.kind === 'error' ? state.message : '',
  }[state.kind];
  return (
    <p className={`save-status save-${state.kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

export function OverviewPage({ engagement }: { engagement: Engagement }) {
  const actor = useActor();
  const navigate = useAppStore((s) => s.navigate);
  const scopes = useLiveQuery(() => listCriterionScopes(db, engagement.id), [engagement.id]);
  const verification = useLiveQuery(
    () => verifyChain(db, engagement.id),
    [engagement.id, engagement.rev, scopes],
  );
  const locked = engagement.phase === 'completed';
  const readOnly = locked || engagement.archived;
  const toggleArchive = useArchiveToggle();
  const { draft, errors, state, change, flush } = useEngagementAutosave(engagement, actor, readOnly);
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
      {locked ? (
        <p className="banner banner-info" role="status">
          This engagement is completed and locked. Its workpapers can be read but not changed.
        </p>
      ) : null}
      {engagement.archived ? (
        <p className="banner banner-neutral" role="status">
          This engagement is archived: it is hidden from the engagement list and read-only. Restore it to make
          changes.
        </p>
      ) : null}

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

      <h2 className="section-title">Engagement details</h2>
      <SaveStatus state={state} />
      <div
        onBlur={(event) => {
          // Leaving the form (not moving between its fields) saves at once.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // relatedTarget is a DOM node
        }}
      >
        <EngagementForm mode="edit" values={draft} errors={errors} onChange={change} disabled={readOnly} />
      </div>
      <RecentChanges engagementId={engagement.id} />
    </section>
  );
}
