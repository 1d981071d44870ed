/**
 * The lock screen: shown instead of the app while the app lock holds no key (at start, after "Lock", the
 * idle time or the computer's own screen lock). The auditor picks their profile (the last one signed in is
 * preselected), types their passphrase — or the recovery key — and Fieldwork opens as that profile.
 *
 * The database is closed meanwhile; the profile list comes from a raw peek (db/at-rest/peek.ts), which is
 * why only names, never engagement data, can appear here.
 */
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { PROFILE_ROLE_LABELS, type Profile } from '@shared/domain/profile';
import { RECOVERY_SLOT_ID, WrongPassphraseError } from '@shared/at-rest';
import { db } from '../../db';
import { describeError, ErrorDetails } from '../../components/ErrorText';
import { useAppStore } from '../../store';
import { useAtRestView } from './session';
import { SecretInput } from './SecretInput';
import { preselectProfile } from './words';

export type UnlockedBy = 'passphrase' | 'recovery key';

interface LockScreenProps {
  /** The profiles on this computer; null while they are read. */
  profiles: Profile[] | null;
  onUnlocked(profileId: string | null, by: UnlockedBy): void;
}

/** Lets the browser paint "Unlocking…" before the key derivation (about a second) occupies it. */
const nextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => globalThis.setTimeout(resolve, 0)));

function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    </svg>
  );
}

export function LockScreen({ profiles, onUnlocked }: LockScreenProps) {
  const view = useAtRestView();
  const lastId = useAppStore((s) => s.currentProfileId);
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; detail?: string | undefined } | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const list = profiles ?? [];
  const selectedId = chosen ?? preselectProfile(list, view.profileSlots, lastId);
  const selected = list.find((p) => p.id === selectedId) ?? null;
  const hasPassphrase = !!selected && view.profileSlots.includes(selected.id);
  const recovery = mode === 'recovery' || (profiles !== null && list.length === 0);
  const canType = recovery || hasPassphrase;

  // Focus (and maybe select) the field once React has committed the render that asked for it (before
  // that paint), so the error shown and the selected text arrive together.
  const [focusRequest, setFocusRequest] = useState<{ select: boolean } | null>(null);
  useLayoutEffect(() => {
    if (!focusRequest) return;
    field.current?.focus();
    if (focusRequest.select) field.current?.select();
  }, [focusRequest]);
  const focusField = (select: boolean) => setFocusRequest({ select });

  function switchMode(next: 'passphrase' | 'recovery') {
    setMode(next);
    setSecret('');
    setError(null);
    focusField(false);
  }

  async function unlock(event: FormEvent) {
    event.preventDefault();
    if (busy || !canType) return;
    if (!secret) {
      setError({ text: recovery ? 'Enter the recovery key.' : 'Enter your passphrase.' });
      focusField(false);
      return;
    }
    setBusy(true);
    setError(null);
    await nextPaint();
    try {
      if (recovery) await db.atRest.unlock(RECOVERY_SLOT_ID, secret);
      else if (selected) await db.atRest.unlock(selected.id, secret);
      setSecret('');
      onUnlocked(selected?.id ?? null, recovery ? 'recovery key' : 'passphrase');
    } catch (caught) {
      setBusy(false);
      setError(caught instanceof WrongPassphraseError ? { text: caught.message } : describeError(caught));
      // The typed text stays, selected, so it can be retyped at once or corrected.
      focusField(true);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Escape' || busy) return;
    // Esc steps back: from the recovery key to the passphrase, else clears what was typed.
    event.preventDefault();
    if (mode === 'recovery' && list.length > 0) switchMode('passphrase');
    else {
      setSecret('');
      setError(null);
    }
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hintId].filter(Boolean).join(' ');
  const onSecret = (value: string) => {
    setSecret(value);
    if (error) setError(null);
  };
  return (
    <main className="setup lock-screen">
      <div className="setup-card lock-card">
        <div className="lock-title">
          <LockIcon />
          <h1>Fieldwork is locked</h1>
        </div>
        <p className="muted">
          The engagement data on this computer is encrypted.{' '}
          {recovery ? 'Enter the recovery key to open it.' : 'Enter your passphrase to open it.'}
        </p>
        {profiles === null ? (
          <p className="muted" role="status">
            Reading the profiles…
          </p>
        ) : (
          <form className="form lock-form" onSubmit={(e) => void unlock(e)} noValidate aria-label="Unlock">
            {list.length > 1 ? (
              <fieldset className="lock-profiles" disabled={busy}>
                <legend>{recovery ? 'Open Fieldwork as' : 'Profile'}</legend>
                {list.map((p) => {
                  const withPassphrase = view.profileSlots.includes(p.id);
                  return (
                    <label key={p.id} className="lock-profile">
                      <input
                        type="radio"
                        name={`${id}-profile`}
                        checked={p.id === selectedId}
                        onChange={() => {
                          setChosen(p.id);
                          setError(null);
                          setSecret('');
                        }}
                      />
                      <span className="avatar small" aria-hidden="true">
                        {p.initials}
                      </span>
                      <span className="lock-profile-name">{p.fullName}</span>
                      <span className="muted">
                        {withPassphrase ? PROFILE_ROLE_LABELS[p.role] : 'no passphrase yet'}
                      </span>
                    </label>
                  );
                })}
              </fieldset>
            ) : selected ? (
              <p className="lock-who">
                <span className="avatar small" aria-hidden="true">
                  {selected.initials}
                </span>
                <span className="lock-profile-name">{selected.fullName}</span>
                <span className="muted">{PROFILE_ROLE_LABELS[selected.role]}</span>
              </p>
            ) : null}

            {canType ? (
              <div className="field">
                <label htmlFor={`${id}-secret`}>{recovery ? 'Recovery key' : 'Passphrase'}</label>
                {recovery ? (
                  // Typed from paper or a password manager: shown as typed, so a slip can be seen.
                  <input
                    id={`${id}-secret`}
                    ref={field}
                    className="code-input"
                    value={secret}
                    autoComplete="off"
                    autoFocus
                    spellCheck={false}
                    autoCapitalize="characters"
                    placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
                    readOnly={busy}
                    aria-invalid={!!error || undefined}
                    aria-describedby={describedBy}
                    onChange={(e) => onSecret(e.target.value)}
                    onKeyDown={onKeyDown}
                  />
                ) : (
                  <SecretInput
                    id={`${id}-secret`}
                    inputRef={field}
                    what="passphrase"
                    autoComplete="current-password"
                    autoFocus
                    readOnly={busy}
                    value={secret}
                    invalid={!!error}
                    describedBy={describedBy}
                    onChange={onSecret}
                    onKeyDown={onKeyDown}
                  />
                )}
                <p id={hintId} className="field-hint">
                  {recovery
                    ? 'The 25 characters shown when the app lock was turned on. Case, spaces and dashes do not matter.'
                    : 'Caps Lock and the keyboard layout matter.'}
                </p>
              </div>
            ) : (
              <p id={hintId} className="hint-box">
                {selected?.fullName ?? 'This profile'} has no passphrase for the app lock yet. Unlock with a
                profile that has one, or with the recovery key; then set a passphrase for{' '}
                {selected?.fullName ?? 'this profile'} in App lock settings.
              </p>
            )}
            {error ? (
              <div id={errorId} className="error-text" role="alert">
                <p>{error.text}</p>
                <ErrorDetails detail={error.detail} />
              </div>
            ) : null}
            <div className="lock-actions">
              {busy ? null : list.length > 0 && view.hasRecoveryKey ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => switchMode(recovery ? 'passphrase' : 'recovery')}
                >
                  {recovery ? 'Use a passphrase instead' : 'Use the recovery key'}
                </button>
              ) : null}
              <span className="muted lock-progress" role="status">
                {busy ? (recovery ? 'Checking the recovery key…' : 'Checking the passphrase…') : ''}
              </span>
              <button type="submit" className="primary" disabled={busy || !canType}>
                {busy ? 'Unlocking…' : 'Unlock'}
              </button>
            </div>
          </form>
        )}
      </div>
    </main>
  );
}
