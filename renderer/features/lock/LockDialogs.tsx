/**
 * The app lock's dialogs inside the app: "App lock…" (settings), and the offer to set a passphrase when a
 * profile without one is signed in while the lock is on (switching profiles, a new profile, an unlock with
 * the recovery key). The offer can be skipped; it is not repeated for that profile in this session.
 */
import { useEffect, useId, useState } from 'react';
import { WrongPassphraseError } from '@shared/at-rest';
import type { Profile } from '@shared/domain/profile';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../components/ErrorText';
import { db } from '../../db';
import { useAppStore } from '../../store';
import { useProfiles } from '../../app/hooks';
import { SecretField } from './SecretInput';
import { AppLockDialog } from './AppLockDialog';
import { PassphraseForm } from './PassphraseSection';
import { lockIsOn, useAtRestView, useLockDialogs } from './session';

/** Profiles whose offer was skipped in this session (a module-level set: it survives locking). */
const skipped = new Set<string>();
/** The unconfirmed-recovery-key reminder was shown in this session. */
let toldUnconfirmed = false;

function OfferPassphraseDialog({ profile, onClose }: { profile: Profile; onClose(): void }) {
  return (
    <Dialog title={`Set a passphrase for ${profile.fullName}?`} onClose={onClose}>
      <p>
        The app lock is on, and {profile.fullName} has no passphrase for it yet: Fieldwork can then only be
        unlocked for them with another profile’s passphrase or the recovery key. Set one now?
      </p>
      <PassphraseForm
        profile={profile}
        needsCurrent={false}
        submitLabel="Set passphrase"
        onDone={onClose}
        onCancel={onClose}
        cancelLabel="Not now"
      />
    </Dialog>
  );
}

/** Switching to a profile that has a passphrase while the lock is on: its passphrase first. */
function SwitchProfileDialog({ target, onClose }: { target: Profile; onClose(): void }) {
  const id = useId();
  const setCurrentProfile = useAppStore((s) => s.setCurrentProfile);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!passphrase || busy) return;
    setBusy(true);
    setError(null);
    try {
      await db.atRest.switchTo(target.id, passphrase);
      setCurrentProfile(target.id);
      onClose();
    } catch (caught) {
      setError(
        caught instanceof WrongPassphraseError ? 'The passphrase is wrong.' : describeError(caught).text,
      );
      setBusy(false);
      requestAnimationFrame(() =>
        document.querySelector<HTMLInputElement>(`#${CSS.escape(`${id}-pass`)}`)?.select(),
      );
    }
  }

  return (
    <Dialog
      title={`Sign in as ${target.fullName}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={!passphrase || busy}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>
          The app lock is on: sign-offs and changes are recorded under the signed-in profile, so{' '}
          {target.fullName}’s passphrase is needed to switch.
        </p>
        <SecretField
          label={`Passphrase of ${target.fullName}`}
          id={`${id}-pass`}
          what="passphrase"
          autoComplete="current-password"
          autoFocus
          value={passphrase}
          onChange={setPassphrase}
          invalid={error !== null}
        />
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

export function LockDialogs({ profile }: { profile: Profile }) {
  const view = useAtRestView();
  const settings = useLockDialogs((s) => s.settings);
  const offerFor = useLockDialogs((s) => s.offerFor);
  const closeSettings = useLockDialogs((s) => s.closeSettings);
  const offer = useLockDialogs((s) => s.offer);
  const switchTo = useLockDialogs((s) => s.switchTo);
  const askSwitch = useLockDialogs((s) => s.askSwitch);
  const profiles = useProfiles();

  const on = lockIsOn(view) && view.state !== 'disabling';
  const needsPassphrase = on && !view.locked && !view.profileSlots.includes(profile.id);
  // A recovery key shown but never confirmed as stored (Fieldwork closed at that step): say so once.
  const unconfirmed = lockIsOn(view) && !view.locked && view.state === 'on' && view.recoveryKeyUnconfirmed;
  useEffect(() => {
    if (!unconfirmed || toldUnconfirmed || useLockDialogs.getState().settings) return;
    toldUnconfirmed = true;
    useLockDialogs.getState().openSettings();
  }, [unconfirmed]);
  useEffect(() => {
    // Not on top of the settings dialog, which offers the same form (after a recovery-key unlock).
    if (needsPassphrase && !skipped.has(profile.id) && !useLockDialogs.getState().settings) offer(profile.id);
  }, [needsPassphrase, profile.id, offer]);

  if (settings) return <AppLockDialog profile={profile} intent={settings} onClose={closeSettings} />;
  const target = switchTo ? profiles?.find((p) => p.id === switchTo) : undefined;
  if (target && lockIsOn(view) && !view.locked) {
    return <SwitchProfileDialog target={target} onClose={() => askSwitch(null)} />;
  }
  if (offerFor === profile.id && needsPassphrase) {
    return (
      <OfferPassphraseDialog
        profile={profile}
        onClose={() => {
          skipped.add(profile.id);
          offer(null);
        }}
      />
    );
  }
  return null;
}
