/**
 * A new app-lock passphrase and its confirmation, with the same strength hint and minimum length as
 * encrypted files (features/exchange/passphrase.ts).
 */
import { useId } from 'react';
import {
  MIN_PASSPHRASE,
  passphraseProblem,
  passphraseStrength,
  STRENGTH_LABELS,
} from '../exchange/passphrase';
import { SecretInput } from './SecretInput';

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
}

export const EMPTY_PASSPHRASE: NewPassphrase = { passphrase: '', confirm: '' };

/** Why the new passphrase cannot be used yet, or null. */
export function newPassphraseProblem(value: NewPassphrase): string | null {
  return passphraseProblem(value.passphrase, value.confirm);
}

const STRENGTH_TONE = { 'too-short': 'neutral', weak: 'bad', fair: 'warn', strong: 'good' } as const;

export function NewPassphraseFields({
  value,
  onChange,
  label = 'New passphrase',
  autoFocus,
  readOnly,
}: {
  value: NewPassphrase;
  onChange(value: NewPassphrase): void;
  label?: string;
  autoFocus?: boolean;
  readOnly?: boolean;
}) {
  const id = useId();
  const strength = passphraseStrength(value.passphrase);
  const mismatch = value.confirm !== '' && value.confirm !== value.passphrase;
  return (
    <div className="new-passphrase">
      <div className="passphrase-row">
        <div className="field">
          <label htmlFor={`${id}-pass`}>{label}</label>
          <SecretInput
            id={`${id}-pass`}
            what="passphrase"
            autoComplete="new-password"
            autoFocus={autoFocus}
            readOnly={readOnly}
            value={value.passphrase}
            describedBy={`${id}-strength`}
            onChange={(passphrase) => onChange({ ...value, passphrase })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>Repeat the passphrase</label>
          <input
            id={`${id}-confirm`}
            type="password"
            autoComplete="new-password"
            readOnly={readOnly}
            value={value.confirm}
            aria-invalid={mismatch || undefined}
            aria-describedby={mismatch ? `${id}-mismatch` : undefined}
            onChange={(e) => onChange({ ...value, confirm: e.target.value })}
          />
        </div>
      </div>
      <p id={`${id}-strength`} className={`passphrase-strength strength-${STRENGTH_TONE[strength]}`}>
        <span className="strength-bar" aria-hidden="true">
          <span />
        </span>
        {value.passphrase ? STRENGTH_LABELS[strength] : `At least ${MIN_PASSPHRASE} characters`}
      </p>
      {mismatch ? (
        <p id={`${id}-mismatch`} className="error-text">
          The two passphrases are not the same.
        </p>
      ) : null}
    </div>
  );
}
