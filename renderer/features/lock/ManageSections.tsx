/**
 * The App lock dialog's last two sections while the lock is on: a new recovery key (the old one stops
 * working), and turning the lock off (asks the passphrase, then decrypts everything with progress).
 */
import { useId, useState } from 'react';
import { RECOVERY_SLOT_ID, WrongPassphraseError } from '@shared/at-rest';
import type { Profile } from '@shared/domain/profile';
import { db } from '../../db';
import type { AtRestView } from '../../db/at-rest/session';
import { platform } from '../../platform';
import { describeError } from '../../components/ErrorText';
import { migrationRunner, tellOtherWindows } from './session';
import { SecretField } from './SecretInput';

export function RecoverySection({ onNewKey }: { onNewKey(key: string): void }) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  // Right after an unlock with the recovery key nobody knows a passphrase yet; otherwise it is asked, so
  // whoever finds the laptop unlocked cannot make a key of their own.
  const needsPassphrase = db.atRest.view().unlockedBy !== null;

  async function replace() {
    if (needsPassphrase && !passphrase) {
      setError('Enter your passphrase to create a new recovery key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onNewKey(await db.atRest.replaceRecoveryKey(needsPassphrase ? { passphrase } : {}));
    } catch (caught) {
      setError(
        caught instanceof WrongPassphraseError ? 'The passphrase is wrong.' : describeError(caught).text,
      );
      setBusy(false);
    }
  }

  return (
    <section className="lock-section" aria-labelledby="lock-recovery-title">
      <h3 id="lock-recovery-title">Recovery key</h3>
      {asking ? (
        <div className="confirm-bar">
          <span>The current recovery key stops working. Create a new one?</span>
          {needsPassphrase ? (
            <SecretField
              label="Your passphrase"
              id={`${id}-pass`}
              what="passphrase"
              autoComplete="current-password"
              autoFocus
              value={passphrase}
              onChange={setPassphrase}
              invalid={error !== null}
            />
          ) : null}
          <button type="button" onClick={() => setAsking(false)} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void replace()} disabled={busy}>
            {busy ? 'Creating…' : 'Create new key'}
          </button>
        </div>
      ) : (
        <div className="lock-row">
          {db.atRest.view().recoveryKeyUnconfirmed ? (
            <span className="warning-box" role="note">
              The recovery key was shown but never confirmed as stored (Fieldwork was closed first). If you
              did not keep it, create a new one now.
            </span>
          ) : (
            <span>Opens Fieldwork when a passphrase is forgotten. Shown once, when it was created.</span>
          )}
          <button type="button" onClick={() => setAsking(true)}>
            New recovery key…
          </button>
        </div>
      )}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/**
 * Starts turning the lock off once the secret is verified: the lock enters "disabling", a remembered
 * unlock is forgotten, and the migration decrypts everything (the runner keeps drafts readable).
 */
async function turnOff(slotId: string, secret: string): Promise<boolean> {
  if (!(await db.atRest.verify(slotId, secret))) return false;
  await db.atRest.disable();
  tellOtherWindows('settings-changed');
  await platform.lockKeys.forget().catch(() => undefined);
  void migrationRunner.start();
  return true;
}

export function TurnOffSection({ profile, view }: { profile: Profile; view: AtRestView }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A profile without a passphrase confirms with the recovery key.
  const withPassphrase = view.profileSlots.includes(profile.id);
  const what = withPassphrase ? 'passphrase' : 'recovery key';

  async function submit() {
    if (!secret) {
      setError(`Enter the ${what}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (!(await turnOff(withPassphrase ? profile.id : RECOVERY_SLOT_ID, secret))) {
        setError(`The ${what} is wrong.`);
        setBusy(false);
        requestAnimationFrame(() => {
          const input = document.getElementById(`${id}-secret`);
          if (input instanceof HTMLInputElement) input.select();
          input?.focus();
        });
      }
    } catch (caught) {
      setError(describeError(caught).text);
      setBusy(false);
    }
  }

  return (
    <section className="lock-section" aria-labelledby="lock-off-title">
      <h3 id="lock-off-title">Turn off</h3>
      {open ? (
        <form
          className="form"
          aria-label="Turn off the app lock"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="warning-box">
            Fieldwork decrypts every record, evidence file and draft stored on this computer and stops asking
            for a passphrase. All passphrases and the recovery key stop working.
          </p>
          <SecretField
            label={withPassphrase ? 'Your passphrase' : 'Recovery key'}
            id={`${id}-secret`}
            what={what}
            autoComplete={withPassphrase ? 'current-password' : 'off'}
            code={!withPassphrase}
            autoFocus
            readOnly={busy}
            value={secret}
            invalid={!!error}
            onChange={(value) => {
              setSecret(value);
              setError(null);
            }}
          />
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
          <div className="form-actions">
            <span className="muted lock-footer-status" role="status">
              {busy ? `Checking the ${what}…` : ''}
            </span>
            <button type="button" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="danger" disabled={busy}>
              Turn off the app lock
            </button>
          </div>
        </form>
      ) : (
        <div className="lock-row">
          <span>Decrypt the data and stop asking for a passphrase.</span>
          <button type="button" onClick={() => setOpen(true)}>
            Turn off the app lock…
          </button>
        </div>
      )}
    </section>
  );
}
