/**
 * A passphrase (or recovery key) field with a Show/Hide button, so a long passphrase can be checked before
 * it is submitted. The button says what it will do ("Show"/"Hide", named "Show passphrase" for screen
 * readers), as GOV.UK's password input does, rather than a pressed state under a name that never changes.
 */
import { useState, type KeyboardEvent, type Ref } from 'react';

interface SecretInputProps {
  id: string;
  value: string;
  onChange(value: string): void;
  /** What the Show button names: "passphrase", "recovery key". */
  what: string;
  autoComplete: 'current-password' | 'new-password' | 'off';
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Recovery keys: a fixed-width font, no spelling or capitalisation help. */
  code?: boolean;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
}

export function SecretInput({
  id,
  value,
  onChange,
  what,
  autoComplete,
  autoFocus,
  invalid,
  describedBy,
  readOnly,
  inputRef,
  code,
  onKeyDown,
}: SecretInputProps) {
  const [shown, setShown] = useState(false);
  return (
    <div className="secret-input">
      <input
        id={id}
        ref={inputRef}
        type={shown ? 'text' : 'password'}
        className={code ? 'code-input' : undefined}
        value={value}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        spellCheck={false}
        autoCapitalize={code ? 'characters' : 'off'}
        readOnly={readOnly}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="secret-toggle"
        aria-controls={id}
        aria-label={`${shown ? 'Hide' : 'Show'} ${what}`}
        title={shown ? `Hide the ${what}` : `Show the ${what} as you type it`}
        onClick={() => setShown((v) => !v)}
      >
        {shown ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}

/** A labelled secret field (`.field`): the passphrase or recovery key asked before a sensitive step. */
export function SecretField({ label, ...input }: SecretInputProps & { label: string }) {
  return (
    <div className="field">
      <label htmlFor={input.id}>{label}</label>
      <SecretInput {...input} />
    </div>
  );
}
