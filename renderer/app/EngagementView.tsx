/** An open engagement: loads it and shows the requested area. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { getEngagement } from '../db/queries';
import { useAppStore } from '../store';
import type { EngagementArea } from '../store/route';
import { OverviewPage } from '../features/engagements/OverviewPage';
import { ScopePage } from '../features/scope/ScopePage';

export function EngagementView({
  id,
  area,
  item,
}: {
  id: string;
  area: EngagementArea;
  item?: string | undefined;
}) {
  const engagement = useLiveQuery(async () => (await getEngagement(db, id)) ?? null, [id]);
  const navigate = useAppStore((s) => s.navigate);
  if (engagement === undefined) return <p className="page muted">Loading…</p>;
  if (engagement === null) {
    return (
      <section className="page">
        <h1>Engagement not found</h1>
        <p>It may have been removed in another window, or the link comes from another computer.</p>
        <button type="button" onClick={() => navigate({ name: 'engagements' })}>
          Back to engagements
        </button>
      </section>
    );
  }
  return area === 'scope' ? (
    <ScopePage key={engagement.id} engagement={engagement} focusCriterion={item} />
  ) : (
    <OverviewPage key={engagement.id} engagement={engagement} />
  );
}
