/**
 * Why an engagement cannot be changed right now: a read-only reviewer copy imported from a file, assembled
 * and locked, or archived.
 *
 * Whether an engagement is a reviewer copy lives in `meta` (db/chains.ts), not on the record. The engagement
 * view reads it together with the engagement (a live query) and notes it here before any screen renders,
 * so `isReadOnly` stays a plain function every screen can call.
 */
import { formatDateTime, type Engagement } from '@shared/domain/engagement';
import type { CopyFlag } from '../../db/chains';
import { routeToHash } from '../../store/route';
import { dateOf } from '../finalize/finalizeView';

const copies = new Map<string, CopyFlag>();

/** Notes whether `engagementId` is a read-only reviewer copy (called by the engagement view's live query). */
export function noteCopyFlag(engagementId: string, flag: CopyFlag | undefined): void {
  if (flag) copies.set(engagementId, flag);
  else copies.delete(engagementId);
}

export function copyFlagOf(engagementId: string): CopyFlag | undefined {
  return copies.get(engagementId);
}

export function isReadOnly(e: Engagement): boolean {
  return e.phase === 'completed' || e.archived || copies.has(e.id);
}

export function ReadOnlyBanner({ engagement }: { engagement: Engagement }) {
  const copy = copies.get(engagement.id);
  if (copy) {
    return (
      <p className="banner banner-info" role="status">
        Read-only reviewer copy exported by {copy.exportedBy} on {formatDateTime(copy.exportedAt)} — it cannot
        be changed or merged back.
      </p>
    );
  }
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
