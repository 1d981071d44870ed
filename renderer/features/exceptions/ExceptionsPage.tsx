/** Exceptions: placeholder while the screen is built. */
import type { Engagement } from '@shared/domain/engagement';

export function ExceptionsPage({ engagement }: { engagement: Engagement }) {
  return (
    <section className="page" aria-labelledby="exceptions-title">
      <h1 id="exceptions-title">Exceptions</h1>
      <p className="muted">{engagement.serviceOrganization}</p>
    </section>
  );
}
