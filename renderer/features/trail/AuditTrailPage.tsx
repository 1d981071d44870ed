/** Placeholder while the feature is built (issue 5). */
import type { Engagement } from '@shared/domain/engagement';

export function AuditTrailPage({
  engagement,
  recordId,
  filter,
}: {
  engagement: Engagement;
  recordId?: string | undefined;
  filter?: string | undefined;
}) {
  void [engagement, recordId, filter];
  return (
    <section className="page">
      <h1>In progress</h1>
    </section>
  );
}
