/**
 * The firm's documentation policy, kept on this machine for every engagement: the assembly window, the
 * retention period and what happens to cleared review notes at assembly. A release copies the window and
 * the retention onto the engagement, so changing the policy later never moves a released file's dates.
 */
import { useState, type FormEvent } from 'react';
import { reviewPolicySchema, type ReviewPolicy } from '@shared/domain/settings';
import { ValidationError } from '@shared/domain/errors';
import { repository } from '../../db';
import { reviewPolicyProblem } from '@shared/domain/review';
import { useActor, useCurrentProfile } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { Field } from '../../components/Field';
import { saveReviewPolicy } from '../review/commands';
import { useFirmPolicy } from './useFirmPolicy';

interface Draft {
  assemblyDays: string;
  retentionYears: string;
  clearedNotesAtAssembly: ReviewPolicy['clearedNotesAtAssembly'];
}

const toDraft = (p: ReviewPolicy): Draft => ({
  assemblyDays: String(p.assemblyDays),
  retentionYears: String(p.retentionYears),
  clearedNotesAtAssembly: p.clearedNotesAtAssembly,
});

function PolicyForm({ policy }: { policy: ReviewPolicy }) {
  const actor = useActor();
  const run = useAction();
  const [draft, setDraft] = useState<Draft>(() => toDraft(policy));
  const refused = reviewPolicyProblem(useCurrentProfile().profile?.role ?? 'staff');
  const parsed = reviewPolicySchema.safeParse({
    assemblyDays: Number(draft.assemblyDays),
    retentionYears: Number(draft.retentionYears),
    clearedNotesAtAssembly: draft.clearedNotesAtAssembly,
  });
  const errors = parsed.success ? {} : ValidationError.fromZod(parsed.error).fields;
  const changed =
    draft.assemblyDays !== String(policy.assemblyDays) ||
    draft.retentionYears !== String(policy.retentionYears) ||
    draft.clearedNotesAtAssembly !== policy.clearedNotesAtAssembly;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!actor || !parsed.success) return;
    void run(() => saveReviewPolicy(repository, actor, parsed.data), 'Firm documentation policy saved.');
  }

  return (
    <form className="form policy-form" onSubmit={submit} noValidate aria-labelledby="policy-title">
      {refused ? <p className="field-hint">{refused}</p> : null}
      <fieldset className="plain-fieldset" disabled={refused !== null}>
        <div className="form-row">
          <Field
            label="Assembly window (days after release)"
            error={errors.assemblyDays}
            hint="The documentation completion date: the file is assembled and locked by then. AU-C 230 allows at most 60."
          >
            <input
              type="number"
              min={1}
              max={60}
              step={1}
              value={draft.assemblyDays}
              onChange={(e) => setDraft({ ...draft, assemblyDays: e.target.value })}
            />
          </Field>
          <Field
            label="Retention (years after release)"
            error={errors.retentionYears}
            hint="Nothing is deleted before then. At least 5 (AU-C 230); firms commonly keep 7 to 10."
          >
            <input
              type="number"
              min={5}
              max={30}
              step={1}
              value={draft.retentionYears}
              onChange={(e) => setDraft({ ...draft, retentionYears: e.target.value })}
            />
          </Field>
          <Field
            label="Cleared review notes at assembly"
            hint="Deleted notes are removed when the file is locked; each removal is logged in the audit trail."
          >
            <select
              value={draft.clearedNotesAtAssembly}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  clearedNotesAtAssembly: e.target.value === 'delete' ? 'delete' : 'keep',
                })
              }
            >
              <option value="keep">Keep them in the file</option>
              <option value="delete">Delete them</option>
            </select>
          </Field>
        </div>
      </fieldset>
      <div className="finalize-actions">
        <button
          type="submit"
          className="primary"
          disabled={!actor || !changed || !parsed.success || refused !== null}
        >
          Save policy
        </button>
        {changed ? (
          <button type="button" onClick={() => setDraft(toDraft(policy))}>
            Undo changes
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function FirmPolicySection() {
  const policy = useFirmPolicy();
  return (
    <section className="finalize-section" aria-labelledby="policy-title">
      <h2 id="policy-title">Firm documentation policy</h2>
      <p className="muted">
        Kept on this computer and used for every engagement. It can be changed at any time: a release copies
        the assembly window and the retention onto the engagement, so released files keep their dates; the
        cleared-notes choice applies when a file is assembled.
      </p>
      {policy ? (
        // Re-mounted when the stored policy changes (another window, a save), so the form shows it.
        <PolicyForm key={JSON.stringify(policy)} policy={policy} />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
