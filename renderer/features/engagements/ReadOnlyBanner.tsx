/** Why an engagement cannot be changed right now: assembled and locked, or archived. */
import type { Engagement } from '@shared/domain/engagement';
import { routeToHash } from '../../store/route';
import { dateOf } from '../finalize/finalizeView';

export function isReadOnly(e: Engagement): boolean {
  return e.phase === 'completed' || e.archived;
}

export function ReadOnlyBanner({ engagement }: { engagement: Engagement }) {
  if (engagement.phase === 'completed') {
    const lock = engagement.lock;
    return (
      <p className="banner banner-info" role="status">
        <span>
          {lock ? `Assembled and locked on ${dateOf(lock.at)} by ${lock.byName}.` : 'Assembled and locked.'}{' '}
          Workpapers can be read but not changed; add a dated addendum on{' '}
          <a href={routeToHash({ name: 'engagement', id: engagement.id, area: 'finalize' })}>
            Release &amp; lock
          </a>
          .
        </span>
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
