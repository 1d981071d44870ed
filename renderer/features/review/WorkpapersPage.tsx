/** Placeholder while the feature is built (issue 5). */
import type { Engagement } from '@shared/domain/engagement';

export function WorkpapersPage({
  engagement,
  filter,
}: {
  engagement: Engagement;
  filter?: string | undefined;
}) {
  void [engagement, filter];
  return (
    <section className="page">
      <h1>In progress</h1>
    </section>
  );
}
