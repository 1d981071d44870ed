/** Placeholder while the feature is built (issue 5). */
import type { Engagement } from '@shared/domain/engagement';

export function ReviewNotesPage({
  engagement,
  selectedId,
  filter,
}: {
  engagement: Engagement;
  selectedId?: string | undefined;
  filter?: string | undefined;
}) {
  void [engagement, selectedId, filter];
  return (
    <section className="page">
      <h1>In progress</h1>
    </section>
  );
}
