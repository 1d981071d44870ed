/**
 * Adds a dated addendum to a locked file (AU-C 230 .A28: documented additions with their reason, author
 * and date, reviewed by another auditor). Addenda are never changed or removed once added.
 */
import { useState, type FormEvent } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import { formatAddendumNumber, type WorkpaperInfo } from '@shared/domain/review';
import { ValidationError } from '@shared/domain/errors';
import { repository } from '../../db';
import { useActor } from '../../app/hooks';
import { useAppStore } from '../../store';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { describeError } from '../../components/ErrorText';
import { addAddendum } from '../review/commands';
import { FormFooter } from '../../components/FormFooter';

export function AddendumDialog({
  engagement,
  workpapers,
  onClose,
}: {
  engagement: Engagement;
  workpapers: readonly WorkpaperInfo[];
  onClose(): void;
}) {
  const actor = useActor();
  const notify = useAppStore((s) => s.notify);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [workpaper, setWorkpaper] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const dirty = text.trim() !== '' || reason.trim() !== '';

  function requestClose() {
    if (dirty && !confirmDiscard) setConfirmDiscard(true);
    else onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!actor) return;
    const missing: Record<string, string> = {};
    if (!text.trim()) missing.text = 'Write the addendum.';
    if (!reason.trim()) missing.reason = 'Give the reason for the addendum.';
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const added = await addAddendum(repository, actor, engagement.id, {
        text: text.trim(),
        reason: reason.trim(),
        workpaper: workpaper || null,
      });
      notify(
        'success',
        `${formatAddendumNumber(added.number)} added. Another auditor signs it off as reviewer.`,
      );
      onClose();
    } catch (e) {
      if (e instanceof ValidationError) setErrors(e.fields);
      setFormError(describeError(e).text);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Add an addendum" onClose={requestClose} wide>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add an addendum">
        <p className="muted">
          The file is locked: what you add now is kept as a dated addendum under your name, with its reason,
          and is reviewed by another auditor. It cannot be changed or removed afterwards.
        </p>
        <Field label="Text of the addendum" required error={errors.text}>
          <textarea
            rows={6}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setConfirmDiscard(false);
            }}
          />
        </Field>
        <Field
          label="Reason"
          required
          error={errors.reason}
          hint="Why it is added after assembly, e.g. a clarification asked for by a peer-review inspection."
        >
          <input
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setConfirmDiscard(false);
            }}
          />
        </Field>
        <Field
          label="Workpaper it amends"
          hint="Optional: leave empty for an addendum to the file as a whole."
        >
          <select value={workpaper} onChange={(e) => setWorkpaper(e.target.value)}>
            <option value="">The file as a whole</option>
            {workpapers.map((w) => (
              <option key={w.key} value={w.key}>
                {w.reference} {w.title}
              </option>
            ))}
          </select>
        </Field>
        <FormFooter
          error={formError}
          confirmDiscard={confirmDiscard}
          what="addendum"
          onKeepEditing={() => setConfirmDiscard(false)}
          onDiscard={onClose}
          onCancel={requestClose}
          submitLabel="Add addendum"
          submitDisabled={busy || !actor}
        />
      </form>
    </Dialog>
  );
}
