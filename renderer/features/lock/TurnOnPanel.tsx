/**
 * The App lock dialog while the lock is off: what it protects and what it does not (self-contained: the
 * auditor decides here, without the documentation at hand), then the passphrase that turns it on.
 */
import { useState } from 'react';
import type { Profile } from '@shared/domain/profile';
import { IDLE_MINUTES } from '../../db/at-rest/config';
import { describeError, ErrorDetails } from '../../components/ErrorText';
import {
  EMPTY_PASSPHRASE,
  NewPassphraseFields,
  newPassphraseProblem,
  type NewPassphrase,
} from './NewPassphraseFields';

export function LockExplanation() {
  return (
    <>
      <p>
        The app lock encrypts what Fieldwork stores on this computer (AES-256) with a key that only your
        passphrase or the recovery key opens. Fieldwork then asks for the passphrase when it starts, when you
        lock it (Ctrl+L), after {IDLE_MINUTES.default} minutes without use, and in the desktop app when the
        computer’s screen locks or it sleeps.
      </p>
      <div className="lock-scope">
        <section aria-labelledby="lock-protected-title">
          <h3 id="lock-protected-title">Encrypted on this computer</h3>
          <ul>
            <li>
              Every engagement record (scope, controls, requests, interviews, tests, exceptions, review notes,
              sign-offs) and the contents of the audit trail
            </li>
            <li>Evidence files</li>
            <li>Unsaved drafts: text typed but not yet saved</li>
          </ul>
        </section>
        <section aria-labelledby="lock-unprotected-title">
          <h3 id="lock-unprotected-title">Not protected by the app lock</h3>
          <ul>
            <li>Profile names, initials, firm and roles (the lock screen lists them); the lock’s settings</li>
            <li>
              Record ids and numbers, links between records, scoped criteria, when engagements last changed,
              evidence files’ SHA-256 and size
            </li>
            <li>Anything while Fieldwork is unlocked, and text typed in a dialog not yet confirmed</li>
            <li>Files you save or export, unless encrypted with a passphrase when saving</li>
            <li>
              Old copies of data stored before the lock was on, which the database files may keep until they
              are compacted: turn the lock on before adding client data
            </li>
          </ul>
        </section>
      </div>
      <p className="hint-box">
        Also turn on the computer’s disk encryption (BitLocker on Windows, FileVault on macOS, LUKS on Linux):
        it protects everything else on the disk too, including those old copies.
      </p>
    </>
  );
}

/** The turn-on form's state, held by the dialog so its footer can carry the buttons. */
export function useTurnOnForm(onEnabled: (passphrase: string) => Promise<void>) {
  const [value, setValue] = useState<NewPassphrase>(EMPTY_PASSPHRASE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; detail?: string | undefined } | null>(null);
  const problem = newPassphraseProblem(value);

  async function submit() {
    if (problem || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onEnabled(value.passphrase);
      setValue(EMPTY_PASSPHRASE);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }
  return { value, setValue, busy, error, problem, submit };
}

export type TurnOnForm = ReturnType<typeof useTurnOnForm>;

export function TurnOnPanel({
  profile,
  form,
  formId,
}: {
  profile: Profile;
  form: TurnOnForm;
  formId: string;
}) {
  return (
    <>
      <LockExplanation />
      <form
        id={formId}
        className="form lock-section"
        aria-label="Turn on the app lock"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit();
        }}
      >
        <h3>Your passphrase ({profile.fullName})</h3>
        <NewPassphraseFields value={form.value} onChange={form.setValue} readOnly={form.busy} />
        <p className="field-hint">
          A few unrelated words make a strong passphrase. Nobody can recover it; if it is forgotten, only the
          recovery key shown next opens the data. Other profiles set their own once the lock is on.
        </p>
        {form.error ? (
          <div className="error-text" role="alert">
            <p>The app lock was not turned on: {form.error.text}</p>
            <ErrorDetails detail={form.error.detail} />
          </div>
        ) : null}
      </form>
    </>
  );
}

export function TurnOnFooter({
  form,
  formId,
  onCancel,
}: {
  form: TurnOnForm;
  formId: string;
  onCancel(): void;
}) {
  return (
    <div className="exchange-footer">
      <span className="muted lock-footer-status" role="status">
        {form.busy ? 'Setting up the lock (a few seconds)…' : ''}
      </span>
      <button type="button" onClick={onCancel} disabled={form.busy}>
        Cancel
      </button>
      <button
        type="submit"
        form={formId}
        className="primary"
        disabled={form.busy || form.problem !== null}
        title={form.problem ?? undefined}
      >
        {form.busy ? 'Turning on…' : 'Turn on the app lock'}
      </button>
    </div>
  );
}
