/**
 * The locked file: who locked it and when, the partner's "Unlock…" (with a recorded reason), and every
 * unlock so far.
 */
import { useState, type FormEvent } from 'react';
import { formatDateTime, type Engagement } from '@shared/domain/engagement';
import { PROFILE_ROLE_LABELS } from '@shared/domain/profile';
import { repository } from '../../db';
import { useActor, useCurrentProfile } from '../../app/hooks';
import { useAppStore } from '../../store';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { describeError } from '../../components/ErrorText';
import { unlockEngagement } from '../review/commands';

function UnlockDialog({ engagement, onClose }: { engagement: Engagement; onClose(): void }) {
  const actor = useActor();
  const notify = useAppStore((s) => s.notify);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!actor) return;
    if (!reason.trim()) {
      setError('Give the reason for unlocking.');
      return;
    }
    setBusy(true);
    try {
      await unlockEngagement(repository, actor, engagement.id, reason.trim());
      notify('success', 'The file is unlocked and back in the assembly window.');
      onClose();
    } catch (e) {
      setError(describeError(e).text);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Unlock the file" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p>
          Unlocking returns the engagement to the assembly window: changes become possible again, each with a
          reason, until it is assembled and locked again. The unlock is recorded with your name and reason.
        </p>
        <Field
          label="Reason for unlocking"
          required
          error={error ?? undefined}
          hint="For example a finding of a monitoring or peer-review inspection that needs a workpaper fix."
        >
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={busy}>
            Unlock
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function LockSection({ engagement }: { engagement: Engagement }) {
  const { profile } = useCurrentProfile();
  const [open, setOpen] = useState(false);
  const lock = engagement.lock;
  const partner = profile?.role === 'partner';
  return (
    <section className="finalize-section" aria-labelledby="lock-title">
      <h2 id="lock-title">Locked</h2>
      <p>
        {lock ? (
          <>
            Assembled and locked on <strong className="num">{formatDateTime(lock.at)}</strong> by{' '}
            <strong>{lock.byName}</strong>. Cleared review notes were {lock.clearedNotes} at assembly (firm
            policy).
          </>
        ) : (
          'Assembled and locked.'
        )}{' '}
        Workpapers can be read but not changed; later additions are dated addenda (below).
      </p>
      <div className="finalize-actions">
        <button
          type="button"
          disabled={!partner || engagement.archived}
          aria-describedby={!partner ? 'unlock-why' : undefined}
          onClick={() => setOpen(true)}
        >
          Unlock…
        </button>
        {!partner ? (
          <span id="unlock-why" className="muted">
            Only a partner can unlock an assembled file
            {profile
              ? ` (you are signed in as ${profile.fullName}, ${PROFILE_ROLE_LABELS[profile.role].toLowerCase()})`
              : ''}
            .
          </span>
        ) : engagement.archived ? (
          <span className="muted">The engagement is archived: restore it on the Overview first.</span>
        ) : null}
      </div>
      {open ? <UnlockDialog engagement={engagement} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

export function UnlockHistory({ engagement }: { engagement: Engagement }) {
  if (engagement.unlocks.length === 0) return null;
  return (
    <section className="finalize-section" aria-labelledby="unlocks-title">
      <h2 id="unlocks-title">Unlock history</h2>
      <table className="grid" aria-labelledby="unlocks-title">
        <thead>
          <tr>
            <th scope="col" className="col-when">
              When
            </th>
            <th scope="col" className="col-who">
              Partner
            </th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {[...engagement.unlocks].reverse().map((u) => (
            <tr key={u.at}>
              <td className="nowrap num">{formatDateTime(u.at)}</td>
              <td>{u.byName}</td>
              <td className="pre-wrap">{u.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
