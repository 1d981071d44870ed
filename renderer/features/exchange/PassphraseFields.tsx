/**
 * "Encrypt with a passphrase" with the passphrase, its confirmation and a strength hint; used when saving an
 * engagement file and a backup. The passphrase is never stored: the text says so, and that it cannot be
 * recovered.
 */
import { useId } from 'react';
import { MIN_PASSPHRASE, passphraseProblem } from './passphrase';
import { PassphraseStrengthLine, RepeatPassphraseField } from './PassphraseParts';

export interface PassphraseValue {
  encrypt: boolean;
  passphrase: string;
  confirm: string;
}

export const NO_PASSPHRASE: PassphraseValue = { encrypt: true, passphrase: '', confirm: '' };

/** The passphrase to encrypt with (undefined: not encrypted), or why it cannot be used yet. */
export function chosenPassphrase(value: PassphraseValue): { passphrase?: string; problem: string | null } {
  if (!value.encrypt) return { problem: null };
  const problem = passphraseProblem(value.passphrase, value.confirm);
  return problem ? { problem } : { passphrase: value.passphrase, problem: null };
}

export function PassphraseFields({
  value,
  onChange,
  disabled,
  what,
}: {
  value: PassphraseValue;
  onChange(value: PassphraseValue): void;
  disabled?: boolean;
  /** "engagement file", "backup": how the text names the file. */
  what: string;
}) {
  const id = useId();
  return (
    <fieldset className="passphrase-fields" disabled={disabled}>
      <legend className="visually-hidden">Encryption</legend>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={value.encrypt}
          onChange={(e) => onChange({ ...value, encrypt: e.target.checked })}
        />{' '}
        Encrypt with a passphrase
      </label>
      {value.encrypt ? (
        <>
          <div className="passphrase-row">
            <div className="field">
              <label htmlFor={`${id}-pass`}>Passphrase</label>
              <input
                id={`${id}-pass`}
                type="password"
                autoComplete="new-password"
                value={value.passphrase}
                minLength={MIN_PASSPHRASE}
                aria-describedby={`${id}-strength ${id}-help`}
                onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
              />
            </div>
            <RepeatPassphraseField
              id={id}
              passphrase={value.passphrase}
              confirm={value.confirm}
              onChange={(confirm) => onChange({ ...value, confirm })}
            />
          </div>
          <PassphraseStrengthLine id={id} passphrase={value.passphrase} confirm={value.confirm} />
          <p id={`${id}-help`} className="muted small">
            {what === 'backup'
              ? 'A few unrelated words make a strong passphrase. Fieldwork never stores it, and nobody can recover it. Keep it safe: without it this backup cannot be restored.'
              : `A few unrelated words make a strong passphrase. Give it to the recipient another way than the file (by phone, not in the same email). Fieldwork never stores it, and nobody can recover it: without it the ${what} cannot be opened.`}
          </p>
        </>
      ) : (
        <p className="muted small">
          Without encryption anyone who gets the file can read the client’s data. Keep it like the workpapers.
        </p>
      )}
    </fieldset>
  );
}
