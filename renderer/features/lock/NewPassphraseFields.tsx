/**
 * A new app-lock passphrase and its confirmation, with the same strength hint and minimum length as
 * encrypted files (features/exchange/passphrase.ts).
 */
import { useId } from 'react';
import { passphraseProblem } from '../exchange/passphrase';
import { PassphraseStrengthLine, RepeatPassphraseField } from '../exchange/PassphraseParts';
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
        <RepeatPassphraseField
          id={id}
          passphrase={value.passphrase}
          confirm={value.confirm}
          readOnly={readOnly}
          onChange={(confirm) => onChange({ ...value, confirm })}
        />
      </div>
      <PassphraseStrengthLine id={id} passphrase={value.passphrase} confirm={value.confirm} />
    </div>
  );
}
