/** What the test checks: objective, techniques, procedure steps and the attributes A, B, C… */
import {
  attributeLetter,
  TECHNIQUES,
  TECHNIQUE_LABELS,
  controlTestObjectSchema,
  type ControlTest,
  type ControlTestFields,
} from '@shared/domain/fieldwork';
import { repository } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { updateTest } from './commands';
import type { WorkpaperProps } from './TestWorkpaper';

type DesignFields = Pick<
  ControlTestFields,
  'reference' | 'objective' | 'techniques' | 'procedure' | 'attributes'
>;
function designFields(t: ControlTest): DesignFields {
  return {
    reference: t.reference,
    objective: t.objective,
    techniques: t.techniques,
    procedure: t.procedure,
    attributes: t.attributes,
  };
}
const designSchema = controlTestObjectSchema.pick({
  reference: true,
  objective: true,
  techniques: true,
  procedure: true,
  attributes: true,
});

export function TestDesignSection({
  test,
  actor,
  readOnly,
  hasItems,
}: WorkpaperProps & { hasItems: boolean }) {
  const { draft, errors, state, change } = useRecordAutosave<ControlTest, DesignFields>({
    record: test,
    fields: designFields,
    schema: designSchema,
    save: (record, patch) => updateTest(repository, actor, record, patch),
    draftKey: `test-design.${test.id}.${actor.id}`,
    readOnly,
  });
  const inquiryOnly = draft.techniques.length > 0 && draft.techniques.every((t) => t === 'inquiry');
  const setAttribute = (index: number, text: string) =>
    change({ attributes: draft.attributes.map((a, i) => (i === index ? { ...a, text } : a)) });
  return (
    <section className="workpaper-section" id="wp-design" aria-labelledby="wp-design-title">
      <div className="section-head">
        <h2 id="wp-design-title">1 Test design</h2>
        <SaveStatus state={state} />
      </div>
      <div className="field-row">
        <Field label="Workpaper reference" error={errors.reference}>
          <input
            value={draft.reference}
            readOnly={readOnly}
            onChange={(e) => change({ reference: e.target.value })}
          />
        </Field>
        <fieldset className="techniques" disabled={readOnly}>
          <legend>Techniques</legend>
          {TECHNIQUES.map((t) => (
            <label key={t} className="checkbox">
              <input
                type="checkbox"
                checked={draft.techniques.includes(t)}
                onChange={(e) =>
                  change({
                    techniques: e.target.checked
                      ? [...draft.techniques, t]
                      : draft.techniques.filter((x) => x !== t),
                  })
                }
              />
              {TECHNIQUE_LABELS[t]}
            </label>
          ))}
        </fieldset>
      </div>
      {inquiryOnly ? (
        <p className="warning-inline" role="note">
          Inquiry alone never concludes a test: add observation, inspection or reperformance to corroborate
          what you were told.
        </p>
      ) : null}
      <Field label="Objective" error={errors.objective}>
        <textarea
          rows={2}
          value={draft.objective}
          readOnly={readOnly}
          onChange={(e) => change({ objective: e.target.value })}
        />
      </Field>
      <Field label="Procedure steps" error={errors.procedure} hint="What you do for each item, step by step.">
        <textarea
          rows={4}
          value={draft.procedure}
          readOnly={readOnly}
          onChange={(e) => change({ procedure: e.target.value })}
        />
      </Field>
      <fieldset className="attributes" disabled={readOnly}>
        <legend>Attributes checked on each sample item</legend>
        {draft.attributes.length === 0 ? (
          <p className="muted">
            Add what you check on every item, one sentence each, e.g. “Access was approved by the manager
            before it was granted”.
          </p>
        ) : null}
        <ol className="attribute-list">
          {draft.attributes.map((a, i) => (
            <li key={a.id}>
              <span className="attribute-letter" aria-hidden="true">
                {attributeLetter(i)}
              </span>
              <input
                aria-label={`Attribute ${attributeLetter(i)}`}
                value={a.text}
                onChange={(e) => setAttribute(i, e.target.value)}
              />
              <button
                type="button"
                className="link-button"
                aria-label={`Remove attribute ${attributeLetter(i)}`}
                disabled={hasItems && test.attributes.some((x) => x.id === a.id)}
                title={hasItems ? 'Attributes already tested on the sample cannot be removed' : undefined}
                onClick={() => change({ attributes: draft.attributes.filter((_, j) => j !== i) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          disabled={draft.attributes.length >= 26}
          onClick={() => change({ attributes: [...draft.attributes, { id: crypto.randomUUID(), text: '' }] })}
        >
          Add attribute
        </button>
        {errors.attributes ? <p className="field-error">{errors.attributes}</p> : null}
      </fieldset>
    </section>
  );
}
