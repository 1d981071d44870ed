/** Name, initials, firm and role of a local auditor profile. */
import { useState, type FormEvent } from 'react';
import {
  PROFILE_ROLES,
  PROFILE_ROLE_LABELS,
  suggestInitials,
  type ProfileFields,
} from '@shared/domain/profile';
import { ValidationError } from '@shared/domain/errors';
import { Field } from '../../components/Field';
import { focusFirstInvalid } from '../../components/focus';
import { describeError } from '../../components/ErrorText';

interface ProfileFormProps {
  initial?: Partial<ProfileFields>;
  submitLabel: string;
  onSubmit(fields: ProfileFields): Promise<void>;
  onCancel?: () => void;
}

export function ProfileForm({ initial, submitLabel, onSubmit, onCancel }: ProfileFormProps) {
  const [fullName, setFullName] = useState(initial?.fullName ?? '');
  const [initials, setInitials] = useState(initial?.initials ?? '');
  const [initialsTouched, setInitialsTouched] = useState(Boolean(initial?.initials));
  const [firm, setFirm] = useState(initial?.firm ?? '');
  const [role, setRole] = useState<string>(initial?.role ?? 'staff');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      // The command validates again; the form passes through what was typed.
      await onSubmit({ fullName, initials, firm, role } as ProfileFields); // validated by the command's schema
      setErrors({});
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(error.fields);
        focusFirstInvalid('form[aria-label="Profile"]');
      } else setFormError(describeError(error).text);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Profile">
      <Field label="Full name" error={errors.fullName} required>
        <input
          value={fullName}
          autoComplete="name"
          autoFocus
          onChange={(e) => {
            setFullName(e.target.value);
            if (!initialsTouched) setInitials(suggestInitials(e.target.value));
          }}
        />
      </Field>
      <Field label="Initials" error={errors.initials} hint="Shown on your sign-offs and changes." required>
        <input
          value={initials}
          className="input-short"
          onChange={(e) => {
            setInitials(e.target.value);
            setInitialsTouched(true);
          }}
        />
      </Field>
      <Field label="Firm" error={errors.firm}>
        <input value={firm} autoComplete="organization" onChange={(e) => setFirm(e.target.value)} />
      </Field>
      <Field label="Role" error={errors.role} required>
        <select value={role} onChange={(e) => setRole(e.target.value)}>
          {PROFILE_ROLES.map((r) => (
            <option key={r} value={r}>
              {PROFILE_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="form-actions">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
