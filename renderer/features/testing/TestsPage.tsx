/** Tests of controls: placeholder while the screen is built. */
import type { Engagement } from '@shared/domain/engagement';

export function TestsPage({ engagement }: { engagement: Engagement; selectedId?: string | undefined }) {
  return (
    <section className="page" aria-labelledby="tests-title">
      <h1 id="tests-title">Tests of controls</h1>
      <p className="muted">{engagement.serviceOrganization}</p>
    </section>
  );
}
