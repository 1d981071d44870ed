/** Adds one control: a reference and a description are enough; the rest is edited beside the matrix. */
import { useState } from 'react';
import type { ScopedCriterion } from '@shared/domain/engagement';
import { ValidationError } from '@shared/domain/errors';
import { repository, type Actor } from '../../db';
import { CriteriaPicker } from '../../components/CriteriaPicker';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { createControl } from './commands';

interface Props {
  engagementId: string;
  actor: Actor;
  criteria: readonly ScopedCriterion[];
  suggestedReference: string;
  onClose(): void;
  onCreated(id: string): void;
}

export function NewControlDialog({
  engagementId,
  actor,
  criteria,
  suggestedReference,
  onClose,
  onCreated,
}: Props) {
  const [reference, setReference] = useState(suggestedReference);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [mapped, setMapped] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const control = await createControl(repository, actor, engagementId, {
        reference,
        title,
        description,
        criteria: mapped,
      });
      onCreated(control.id);
    } catch (error) {
      setErrors(error instanceof ValidationError ? error.fields : { _: describeError(error).text });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="New control" onClose={onClose} wide>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-row">
          <Field
            label="Reference"
            required
            error={errors.reference}
            hint="Unique in this engagement, e.g. CC6.1-01 or AC-03."
          >
            <input value={reference} onChange={(e) => setReference(e.target.value)} />
          </Field>
          <Field label="Title" error={errors.title}>
            <input value={title} onChange={(e) => setTitle(e.target.value)} />
          </Field>
        </div>
        <Field
          label="Description"
          required
          error={errors.description}
          hint="Who does what, when, and what evidence it leaves."
        >
          <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <CriteriaPicker
          label="Mapped criteria"
          value={mapped}
          onChange={setMapped}
          available={criteria}
          error={errors.criteria}
        />
        {errors._ ? (
          <p className="field-error" role="alert">
            {errors._}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Add control
          </button>
        </div>
      </form>
    </Dialog>
  );
}
