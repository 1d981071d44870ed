/**
 * The signed-in profile's passphrase: change it (the current one first), or set one when the profile has
 * none. Changing a passphrase re-wraps the lock's key in an instant; nothing else is re-encrypted. A
 * remembered unlock is forgotten, so the next start asks for the new passphrase.
 */
import { useId, useState } from 'react';
import type { Profile } from '@shared/domain/profile';
import { db } from '../../db';
import type { AtRestView } from '../../db/at-rest/session';
import { platform } from '../../platform';
import { useAppStore } from '../../store';
import { describeError } from '../../components/ErrorText';
import {
  EMPTY_PASSPHRASE,
  NewPassphraseFields,
  newPassphraseProblem,
  type NewPassphrase,
} from './NewPassphraseFields';
import { SecretField } from './SecretInput';

/**
 * Sets `profileId`'s passphrase and forgets a remembered unlock. Replacing an existing passphrase needs the
 * `current` one (the data layer checks it), except right after an unlock with the recovery key.
 */
export async function savePassphrase(profileId: string, passphrase: string, current?: string): Promise<void> {
  await db.atRest.setPassphrase(profileId, passphrase, current === undefined ? {} : { current });
  await platform.lockKeys.forget().catch(() => undefined);
}

export function PassphraseForm({
  profile,
  needsCurrent,
  onDone,
  onCancel,
  cancelLabel = 'Cancel',
  submitLabel,
}: {
  profile: Profile;
  /** Ask for the current passphrase first (changing, not after an unlock with the recovery key). */
  needsCurrent: boolean;
  onDone(): void;
  onCancel?: () => void;
  cancelLabel?: string;
  submitLabel: string;
}) {
  const id = useId();
  const notify = useAppStore((s) => s.notify);
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPassphrase>(EMPTY_PASSPHRASE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem =
    (needsCurrent && !current ? 'Enter the current passphrase.' : null) ?? newPassphraseProblem(value);

  async function submit() {
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      if (needsCurrent && !(await db.atRest.verify(profile.id, current))) {
        setError('The current passphrase is wrong.');
        setBusy(false);
        requestAnimationFrame(() => document.getElementById(`${id}-current`)?.focus());
        return;
      }
      await savePassphrase(profile.id, value.passphrase, needsCurrent ? current : undefined);
      notify(
        'success',
        needsCurrent
          ? `The passphrase for ${profile.fullName} is changed.`
          : `The passphrase for ${profile.fullName} is set.`,
      );
      onDone();
    } catch (caught) {
      setError(describeError(caught).text);
      setBusy(false);
    }
  }

  return (
    <form
      className="form"
      aria-label={submitLabel}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {needsCurrent ? (
        <SecretField
          label="Current passphrase"
          id={`${id}-current`}
          what="current passphrase"
          autoComplete="current-password"
          autoFocus
          readOnly={busy}
          value={current}
          invalid={error === 'The current passphrase is wrong.'}
          onChange={setCurrent}
        />
      ) : null}
      <NewPassphraseFields value={value} onChange={setValue} readOnly={busy} autoFocus={!needsCurrent} />
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <span className="muted lock-footer-status" role="status">
          {busy ? 'Saving the passphrase (a second or two)…' : ''}
        </span>
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
        ) : null}
        <button
          type="submit"
          className="primary"
          disabled={busy || problem !== null}
          title={problem ?? undefined}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

export function PassphraseSection({
  profile,
  view,
  profiles,
  recovered,
}: {
  profile: Profile;
  view: AtRestView;
  profiles: readonly Profile[];
  /** Unlocked with the recovery key: the new passphrase form is open at once, without the current one. */
  recovered: boolean;
}) {
  const has = view.profileSlots.includes(profile.id);
  const [open, setOpen] = useState(recovered || !has);
  const without = profiles.filter((p) => !view.profileSlots.includes(p.id));
  return (
    <section className="lock-section" aria-labelledby="lock-passphrase-title">
      <h3 id="lock-passphrase-title">Passphrase for {profile.fullName}</h3>
      {recovered ? (
        <p className="hint-box">
          You unlocked with the recovery key. If the passphrase was forgotten, set a new one now; then create
          a new recovery key below if the old one may have been seen.
        </p>
      ) : null}
      {!has ? (
        <p>
          {profile.fullName} has no passphrase for the app lock yet, so Fieldwork can only be unlocked for
          them with another profile’s passphrase or the recovery key.
        </p>
      ) : null}
      {open ? (
        <PassphraseForm
          profile={profile}
          needsCurrent={has && view.unlockedBy !== null}
          submitLabel={has ? 'Change passphrase' : 'Set passphrase'}
          onDone={() => setOpen(false)}
          {...(has ? { onCancel: () => setOpen(false) } : {})}
        />
      ) : (
        <div className="lock-row">
          <span>The passphrase is set.</span>
          <button type="button" onClick={() => setOpen(true)}>
            Change passphrase…
          </button>
        </div>
      )}
      {without.length > 0 && profiles.length > 1 ? (
        <p className="field-hint">
          Without a passphrase: {without.map((p) => p.fullName).join(', ')}. Each sets their own when signed
          in.
        </p>
      ) : null}
    </section>
  );
}
