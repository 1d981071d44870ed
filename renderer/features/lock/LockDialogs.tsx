/**
 * The app lock's dialogs inside the app: "App lock…" (settings), and the offer to set a passphrase when a
 * profile without one is signed in while the lock is on (switching profiles, a new profile, an unlock with
 * the recovery key). The offer can be skipped; it is not repeated for that profile in this session.
 */
import { useEffect } from 'react';
import type { Profile } from '@shared/domain/profile';
import { Dialog } from '../../components/Dialog';
import { AppLockDialog } from './AppLockDialog';
import { PassphraseForm } from './PassphraseSection';
import { lockIsOn, useAtRestView, useLockDialogs } from './session';

/** Profiles whose offer was skipped in this session (a module-level set: it survives locking). */
const skipped = new Set<string>();

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

export function LockDialogs({ profile }: { profile: Profile }) {
  const view = useAtRestView();
  const settings = useLockDialogs((s) => s.settings);
  const offerFor = useLockDialogs((s) => s.offerFor);
  const closeSettings = useLockDialogs((s) => s.closeSettings);
  const offer = useLockDialogs((s) => s.offer);

  const on = lockIsOn(view) && view.state !== 'disabling';
  const needsPassphrase = on && !view.locked && !view.profileSlots.includes(profile.id);
  useEffect(() => {
    // Not on top of the settings dialog, which offers the same form (after a recovery-key unlock).
    if (needsPassphrase && !skipped.has(profile.id) && !useLockDialogs.getState().settings) offer(profile.id);
  }, [needsPassphrase, profile.id, offer]);

  if (settings) return <AppLockDialog profile={profile} intent={settings} onClose={closeSettings} />;
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
