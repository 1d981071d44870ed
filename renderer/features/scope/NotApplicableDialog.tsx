/** Mark one criterion not applicable, with the reason the report will disclose. */
import { useState, type FormEvent } from 'react';
import type { Criterion } from '@shared/domain/criteria';
import { MIN_NA_REASON_LENGTH } from '@shared/domain/engagement';
import { ValidationError } from '@shared/domain/errors';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { describeError } from '../../components/ErrorText';

interface Props {
  criterion: Criterion;
  /** The reason given last time, if the criterion was not applicable before. */
  initialReason?: string;
  /** References of the active controls mapped to this criterion: they would then support an N/A criterion. */
  mappedControls?: readonly string[];
  onClose(): void;
  onConfirm(reason: string): Promise<void>;
}

export function NotApplicableDialog({
  criterion,
  initialReason = '',
  mappedControls = [],
  onClose,
  onConfirm,
}: Props) {
  const [reason, setReason] = useState(initialReason);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onConfirm(reason);
      onClose();
    } catch (e) {
      setError(e instanceof ValidationError ? (e.fields.reason ?? e.message) : describeError(e).text);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Mark ${criterion.id} not applicable`}
      onClose={onClose}
      returnFocus={() => document.getElementById(`criterion-${criterion.id}`)}
    >
      <form onSubmit={submit} noValidate className="form">
        <p>
          <strong>{criterion.id}</strong> {criterion.title}
        </p>
        <p className="muted">
          The report names each criterion that is not applicable to the system and says why. Write the reason
          as it should read there.
        </p>
        {mappedControls.length > 0 ? (
          <p className="warning-box" role="note">
            {mappedControls.length === 1 ? 'Control' : 'Controls'} {mappedControls.join(', ')}{' '}
            {mappedControls.length === 1 ? 'is' : 'are'} mapped to {criterion.id}. The mapping stays; Coverage
            will flag it until you remove it or the criterion is applicable again.
          </p>
        ) : null}
        <Field
          label="Reason"
          error={error}
          required
          hint={`At least ${MIN_NA_REASON_LENGTH} characters. ${reason.trim().length} typed.`}
        >
          <textarea rows={4} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Mark not applicable
          </button>
        </div>
      </form>
    </Dialog>
  );
}
