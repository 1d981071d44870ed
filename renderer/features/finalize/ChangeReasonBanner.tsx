/**
 * Shown on every screen of a released engagement (the assembly window): each change needs a reason
 * (AU-C 230 .A28). The auditor gives it once; it is kept for this session (store/session.ts) and every
 * write carries it (useActor adds it), until they change or stop it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { formatDate, type Engagement } from '@shared/domain/engagement';
import { lifecycleDates } from '@shared/domain/review';
import { useAppStore } from '../../store';
import { useCurrentProfile } from '../../app/hooks';
import { CHANGE_REASON_EVENT } from '../../app/autosave/useRecordAutosave';

/** Who gave each engagement's reason: another auditor signing in on this laptop gives their own. */
const reasonOwners = new Map<string, string>();

export function ChangeReasonBanner({ engagement }: { engagement: Engagement }) {
  const reason = useAppStore((s) => s.changeReasons[engagement.id]);
  const setChangeReason = useAppStore((s) => s.setChangeReason);
  const profileId = useCurrentProfile().profile?.id;
  // What one auditor typed (and did not submit) is never offered to the next one who signs in.
  const [typed, setTyped] = useState<{ by: string | undefined; text: string; editing: boolean }>({
    by: profileId,
    text: '',
    editing: false,
  });
  const own = typed.by === profileId;
  const text = own ? typed.text : '';
  const editing = own && typed.editing;
  const setText = (value: string) => setTyped({ by: profileId, text: value, editing });
  const setEditing = (on: boolean) => setTyped({ by: profileId, text, editing: on });
  useEffect(() => {
    // The reason is the signed-in auditor's: switching profile drops it rather than lend it to them.
    if (reason && profileId && reasonOwners.get(engagement.id) !== profileId) {
      setChangeReason(engagement.id, '');
    }
  }, [reason, profileId, engagement.id, setChangeReason]);
  useEffect(() => {
    // Editors whose save was refused for want of a reason save now (after this commit gave them the
    // actor with the reason: the event is handled asynchronously).
    if (reason) window.dispatchEvent(new Event(CHANGE_REASON_EVENT));
  }, [reason]);
  if (engagement.phase !== 'released') return null;
  const dates = lifecycleDates(engagement);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim() || !profileId) return;
    reasonOwners.set(engagement.id, profileId);
    setChangeReason(engagement.id, text);
    setEditing(false);
  }

  if (reason && !editing) {
    return (
      <div className="banner banner-warn change-reason" role="region" aria-label="Reason for changes">
        <p>
          Changes are recorded with the reason “<strong>{reason}</strong>”.
        </p>
        <div className="change-reason-actions">
          <button type="button" onClick={() => setTyped({ by: profileId, text: reason, editing: true })}>
            Change
          </button>
          <button type="button" onClick={() => setChangeReason(engagement.id, '')}>
            Stop
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      className="banner banner-warn change-reason"
      aria-label="Reason for changes"
      onSubmit={submit}
      noValidate
    >
      <p>
        Report released on <strong className="num">{formatDate(dates?.releaseDate)}</strong>. Changes until{' '}
        <strong className="num">{formatDate(dates?.documentationCompletionDate)}</strong> need a reason:
      </p>
      <div className="change-reason-actions">
        <input
          aria-label="Reason for changes after release"
          placeholder="e.g. Clarify the sample selection after manager review"
          value={text}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!text.trim()}>
          Use this reason
        </button>
        {editing ? (
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
