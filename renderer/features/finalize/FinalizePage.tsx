/** Placeholder while the feature is built (issue 5). */
import type { Engagement } from '@shared/domain/engagement';

export function FinalizePage({ engagement }: { engagement: Engagement }) {
  void [engagement];
  return (
    <section className="page">
      <h1>In progress</h1>
    </section>
  );
}
