/** Why an engagement cannot be changed right now: completed (locked) or archived. */
import type { Engagement } from '@shared/domain/engagement';

export function isReadOnly(e: Engagement): boolean {
  return e.phase === 'completed' || e.archived;
}

export function ReadOnlyBanner({ engagement }: { engagement: Engagement }) {
  if (engagement.phase === 'completed') {
    return (
      <p className="banner banner-info" role="status">
        This engagement is completed and locked. Its workpapers can be read but not changed.
      </p>
    );
  }
  if (engagement.archived) {
    return (
      <p className="banner banner-neutral" role="status">
        This engagement is archived: it is hidden from the engagement list and read-only. Restore it (on the
        Overview) to make changes.
      </p>
    );
  }
  return null;
}
