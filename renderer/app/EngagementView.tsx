/** An open engagement: loads it (with whether it is a read-only reviewer copy) and shows the requested area. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { getEngagement } from '../db/queries';
import { readOnlyCopy } from '../db/chains';
import { noteCopyFlag } from '../features/engagements/ReadOnlyBanner';
import { useAppStore } from '../store';
import type { EngagementArea } from '../store/route';
import { OverviewPage } from '../features/engagements/OverviewPage';
import { ScopePage } from '../features/scope/ScopePage';
import { ControlsPage } from '../features/controls/ControlsPage';
import { CoveragePage } from '../features/coverage/CoveragePage';
import { ComplementaryPage } from '../features/complementary/ComplementaryPage';
import { DescriptionPage } from '../features/description/DescriptionPage';
import { RequestsPage } from '../features/requests/RequestsPage';
import { InterviewsPage } from '../features/interviews/InterviewsPage';
import { WalkthroughsPage } from '../features/walkthroughs/WalkthroughsPage';
import { TestsPage } from '../features/testing/TestsPage';
import { ExceptionsPage } from '../features/exceptions/ExceptionsPage';
import { EvidencePage } from '../features/evidence/EvidencePage';
import { WorkpapersPage } from '../features/review/WorkpapersPage';
import { ReviewNotesPage } from '../features/review/ReviewNotesPage';
import { AuditTrailPage } from '../features/trail/AuditTrailPage';
import { FinalizePage } from '../features/finalize/FinalizePage';
import { ReportPage } from '../features/report/ReportPage';
import { SharePage } from '../features/exchange/SharePage';

export function EngagementView({
  id,
  area,
  item,
  filter,
}: {
  id: string;
  area: EngagementArea;
  item?: string | undefined;
  filter?: string | undefined;
}) {
  // The reviewer-copy flag is read with the engagement, so every screen knows it before it renders.
  const engagement = useLiveQuery(async () => {
    const [found, copy] = await Promise.all([getEngagement(db, id), readOnlyCopy(db, id)]);
    noteCopyFlag(id, found ? copy : undefined);
    return found ?? null;
  }, [id]);
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
  switch (area) {
    case 'scope':
      return <ScopePage key={engagement.id} engagement={engagement} focusCriterion={item} />;
    case 'controls':
      return <ControlsPage key={engagement.id} engagement={engagement} selectedId={item} filter={filter} />;
    case 'coverage':
      return <CoveragePage key={engagement.id} engagement={engagement} filter={filter} />;
    case 'complementary':
      return <ComplementaryPage key={engagement.id} engagement={engagement} />;
    case 'description':
      return <DescriptionPage key={engagement.id} engagement={engagement} sectionKey={item} />;
    case 'requests':
      return <RequestsPage key={engagement.id} engagement={engagement} selectedId={item} filter={filter} />;
    case 'interviews':
      return <InterviewsPage key={engagement.id} engagement={engagement} selectedId={item} />;
    case 'walkthroughs':
      return <WalkthroughsPage key={engagement.id} engagement={engagement} selectedId={item} />;
    case 'tests':
      return <TestsPage key={engagement.id} engagement={engagement} selectedId={item} filter={filter} />;
    case 'exceptions':
      return <ExceptionsPage key={engagement.id} engagement={engagement} selectedId={item} filter={filter} />;
    case 'evidence':
      return <EvidencePage key={engagement.id} engagement={engagement} selectedId={item} />;
    case 'workpapers':
      return <WorkpapersPage key={engagement.id} engagement={engagement} filter={filter} />;
    case 'notes':
      return (
        <ReviewNotesPage key={engagement.id} engagement={engagement} selectedId={item} filter={filter} />
      );
    case 'trail':
      return <AuditTrailPage key={engagement.id} engagement={engagement} recordId={item} filter={filter} />;
    case 'share':
      return <SharePage key={engagement.id} engagement={engagement} />;
    case 'report':
      return <ReportPage key={engagement.id} engagement={engagement} />;
    case 'finalize':
      return <FinalizePage key={engagement.id} engagement={engagement} />;
    default:
      return <OverviewPage key={engagement.id} engagement={engagement} focus={item} />;
  }
}
