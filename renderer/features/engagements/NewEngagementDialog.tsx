/** Create an engagement. Nothing is saved until every field is valid. */
import { useState, type FormEvent } from 'react';
import { emptyEngagementFields, type EngagementInput } from '@shared/domain/engagement';
import { ValidationError } from '@shared/domain/errors';
import { Dialog } from '../../components/Dialog';
import { focusFirstInvalid } from '../../components/focus';
import { describeError } from '../../components/ErrorText';
import { repository } from '../../db';
import { useAppStore } from '../../store';
import type { Profile } from '@shared/domain/profile';
import { actorOf } from '../profiles/commands';
import { createEngagement } from './commands';
import { EngagementForm } from './EngagementForm';
import { FormFooter } from '../../components/FormFooter';

export function NewEngagementDialog({ profile }: { profile: Profile }) {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [values, setValues] = useState<EngagementInput>(() => ({
    ...emptyEngagementFields(),
    firm: profile.firm,
    team: [profile.id],
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  /** Closing with typed input asks first: typed text is never thrown away silently. */
  function requestClose() {
    if (dirty && !confirmDiscard) setConfirmDiscard(true);
    else closeDialog();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      const created = await createEngagement(repository, actorOf(profile), values);
      closeDialog();
      notify('success', `Engagement “${created.serviceOrganization}” created.`);
      navigate({ name: 'engagement', id: created.id, area: 'scope' });
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(error.fields);
        const n = Object.keys(error.fields).length;
        setFormError(
          `Not saved. Fix the ${n === 1 ? 'highlighted field' : `${n} highlighted fields`} above.`,
        );
        focusFirstInvalid('dialog');
      } else {
        setFormError(describeError(error).text);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="New engagement" onClose={requestClose} wide>
      <form onSubmit={submit} noValidate aria-label="New engagement">
        <EngagementForm
          mode="create"
          values={values}
          errors={errors}
          onChange={(patch) => {
            setDirty(true);
            setConfirmDiscard(false);
            setFormError(null);
            setValues((v) => ({ ...v, ...patch }));
            setErrors((e) => {
              const next = { ...e };
              for (const key of Object.keys(patch)) delete next[key];
              return next;
            });
          }}
        />
        <FormFooter
          error={formError}
          confirmDiscard={confirmDiscard}
          what="new engagement"
          onKeepEditing={() => setConfirmDiscard(false)}
          onDiscard={closeDialog}
          onCancel={requestClose}
          submitLabel="Create engagement"
          submitDisabled={busy}
        />
      </form>
    </Dialog>
  );
}
