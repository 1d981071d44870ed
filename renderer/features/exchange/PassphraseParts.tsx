/**
 * The pieces every "choose a passphrase" form shares (encrypted files, backups, the app lock): the
 * "Repeat the passphrase" field and the strength line under it, with the same wording and minimum length
 * everywhere (passphrase.ts).
 */
import { MIN_PASSPHRASE, passphraseStrength, STRENGTH_LABELS } from './passphrase';

const STRENGTH_TONE = { 'too-short': 'neutral', weak: 'bad', fair: 'warn', strong: 'good' } as const;

/** True when something was typed in the confirmation and it differs. */
export function passphrasesDiffer(passphrase: string, confirm: string): boolean {
  return confirm !== '' && confirm !== passphrase;
}

export function RepeatPassphraseField({
  id,
  passphrase,
  confirm,
  readOnly,
  onChange,
}: {
  /** The form's id prefix: the field is `${id}-confirm`, the mismatch note `${id}-mismatch`. */
  id: string;
  passphrase: string;
  confirm: string;
  readOnly?: boolean;
  onChange(confirm: string): void;
}) {
  const mismatch = passphrasesDiffer(passphrase, confirm);
  return (
    <div className="field">
      <label htmlFor={`${id}-confirm`}>Repeat the passphrase</label>
      <input
        id={`${id}-confirm`}
        type="password"
        autoComplete="new-password"
        readOnly={readOnly}
        value={confirm}
        aria-invalid={mismatch || undefined}
        aria-describedby={mismatch ? `${id}-mismatch` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** The strength bar and label (`${id}-strength`) and, when the two differ, the mismatch note. */
export function PassphraseStrengthLine({
  id,
  passphrase,
  confirm,
}: {
  id: string;
  passphrase: string;
  confirm: string;
}) {
  const strength = passphraseStrength(passphrase);
  return (
    <>
      <p id={`${id}-strength`} className={`passphrase-strength strength-${STRENGTH_TONE[strength]}`}>
        <span className="strength-bar" aria-hidden="true">
          <span />
        </span>
        {passphrase ? STRENGTH_LABELS[strength] : `At least ${MIN_PASSPHRASE} characters`}
      </p>
      {passphrasesDiffer(passphrase, confirm) ? (
        <p id={`${id}-mismatch`} className="error-text">
          The two passphrases are not the same.
        </p>
      ) : null}
    </>
  );
}
