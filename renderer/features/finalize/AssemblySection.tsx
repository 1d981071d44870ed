/**
 * The assembly window (report released, file not yet locked): changes still possible, each with a reason;
 * "Assemble and lock…" closes the file, after which only addenda can be added.
 */
import { useState } from 'react';
import { formatDate, type Engagement } from '@shared/domain/engagement';
import { lifecycleDates, type ReviewState } from '@shared/domain/review';
import type { EngagementSnapshot } from '@shared/domain/snapshot';
import { repository } from '../../db';
import { useActor } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { assembleAndLock } from '../review/commands';
import { useFirmPolicy } from './useFirmPolicy';

export function AssemblySection({
  engagement,
  review,
  snapshot,
}: {
  engagement: Engagement;
  review: ReviewState | undefined;
  snapshot: EngagementSnapshot | undefined;
}) {
  const actor = useActor();
  const run = useAction();
  const policy = useFirmPolicy();
  const [confirming, setConfirming] = useState(false);
  const dates = lifecycleDates(engagement);
  const notes = (snapshot?.reviewNotes ?? []).filter((n) => !n.deleted);
  const cleared = notes.filter((n) => n.status === 'cleared').length;
  const uncleared = notes.length - cleared;
  const stale = review?.summary.stale ?? 0;

  return (
    <section className="finalize-section" aria-labelledby="assembly-title">
      <h2 id="assembly-title">Assembly window</h2>
      <p>
        The report was released on <strong className="num">{formatDate(dates?.releaseDate)}</strong>
        {engagement.release ? ` by ${engagement.release.byName}` : ''}. Assemble the final file by{' '}
        <strong className="num">{formatDate(dates?.documentationCompletionDate)}</strong>.
      </p>
      <p className="muted">
        Until then workpapers can still be completed, but every change needs a reason: give it once in the
        banner at the top of the screen, and every change you make is recorded with it (the audit trail marks
        these changes as made after release).
      </p>
      {stale > 0 || uncleared > 0 ? (
        <p className="warning-box" role="note">
          Since the release{' '}
          {[
            stale > 0
              ? `${stale} workpaper${stale === 1 ? ' was' : 's were'} changed after being signed`
              : '',
            uncleared > 0 ? `${uncleared} review note${uncleared === 1 ? ' is' : 's are'} not cleared` : '',
          ]
            .filter(Boolean)
            .join(' and ')}
          . {stale + uncleared === 1 ? 'It is' : 'They are'} reviewed (signed again, cleared) before the file
          can be locked: see Workpapers & sign-offs and Review notes.
        </p>
      ) : null}
      <div className="finalize-actions">
        <button
          type="button"
          className="primary"
          disabled={!actor || engagement.archived || stale > 0 || uncleared > 0}
          onClick={() => setConfirming(true)}
        >
          Assemble and lock…
        </button>
        {engagement.archived ? (
          <span className="muted">The engagement is archived: restore it on the Overview first.</span>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Assemble and lock the file?"
          confirmLabel="Assemble and lock"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            if (actor) {
              void run(
                () => assembleAndLock(repository, actor, engagement.id),
                'File assembled and locked. Only dated addenda can be added now.',
              );
            }
          }}
        >
          <ul className="confirm-list">
            <li>
              No workpaper, record or evidence file of this engagement can be edited or deleted after locking.
              Later additions are made as dated addenda, each with its reason and a reviewer&apos;s sign-off.
            </li>
            <li>
              {policy?.clearedNotesAtAssembly === 'delete'
                ? `The firm's policy deletes cleared review notes at assembly: ${cleared} cleared note${cleared === 1 ? '' : 's'} will be removed (each removal is logged in the audit trail).`
                : `The firm's policy keeps cleared review notes: ${cleared} cleared note${cleared === 1 ? ' stays' : 's stay'} in the file, read-only.`}
            </li>
            <li>Only a partner can unlock the file again, with a reason that is recorded.</li>
          </ul>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
