/**
 * Release & lock: the engagement's life after fieldwork (soc2-domain.md §6). Top to bottom: where the
 * engagement is and its dates, the sign-off levels, the report draft workpaper, then the step at hand
 * (release, assembly window, or the locked file), the addenda, and the firm's documentation policy.
 */
import { useCallback, useRef } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import { ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { useEngagementReview } from '../review/useReview';
import { WorkpaperHeader } from '../review/WorkpaperHeader';
import { AddendaSection } from './AddendaSection';
import { AssemblySection } from './AssemblySection';
import { FirmPolicySection } from './FirmPolicySection';
import { LifecycleStrip } from './LifecycleStrip';
import { LockSection, UnlockHistory } from './LockSection';
import { ReleaseSection } from './ReleaseSection';
import { SignOffLevels } from './SignOffLevels';

export function FinalizePage({ engagement }: { engagement: Engagement }) {
  const data = useEngagementReview(engagement.id);
  const reportDraft = useRef<HTMLElement>(null);
  const showReportDraft = useCallback(() => {
    const section = reportDraft.current;
    section?.scrollIntoView({ block: 'start' });
    section?.focus({ preventScroll: true });
  }, []);
  const released = engagement.phase === 'released';
  const locked = engagement.phase === 'completed';

  return (
    <section className="page finalize-page" aria-labelledby="finalize-title">
      <header className="page-header">
        <h1 id="finalize-title">Release &amp; lock</h1>
      </header>
      {engagement.archived ? <ReadOnlyBanner engagement={engagement} /> : null}
      <LifecycleStrip engagement={engagement} />
      <SignOffLevels engagement={engagement} />

      <section
        className="finalize-section"
        aria-labelledby="report-draft-title"
        ref={reportDraft}
        tabIndex={-1}
      >
        <h2 id="report-draft-title">Report draft</h2>
        <p className="muted">
          The opinion, the scope and the results by criterion as the report will state them. It is a workpaper
          like the others: signed at every required level before the release.
        </p>
        <WorkpaperHeader engagementId={engagement.id} workpaper="report-draft" />
      </section>

      {!released && !locked ? (
        <ReleaseSection
          engagement={engagement}
          blockers={data?.blockers}
          onShowReportDraft={showReportDraft}
        />
      ) : null}
      {released ? (
        <AssemblySection engagement={engagement} review={data?.review} snapshot={data?.snapshot} />
      ) : null}
      {locked ? <LockSection engagement={engagement} /> : null}
      <UnlockHistory engagement={engagement} />
      <AddendaSection engagement={engagement} snapshot={data?.snapshot} />
      <FirmPolicySection />
    </section>
  );
}
