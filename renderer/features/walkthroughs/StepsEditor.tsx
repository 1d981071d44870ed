/**
 * The walkthrough narrative: the instance followed step by step from trigger to output. Each step says
 * what happens, who does it, the systems and reports (IPE) used and what comes out, and carries the
 * evidence inspected or observed at that step. Steps move with buttons (keyboard and mouse alike).
 */
import { useState } from 'react';
import { STEP_KINDS, STEP_KIND_LABELS, type StepKind, type WalkthroughStep } from '@shared/domain/fieldwork';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { focusWhenReady } from '../../components/focus';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { moveStep, newStep } from './commands';

interface Props {
  engagementId: string;
  walkthroughId: string;
  steps: readonly WalkthroughStep[];
  onChange(steps: WalkthroughStep[]): void;
  errors: Readonly<Record<string, string>>;
  readOnly: boolean;
  /** Evidence files linked to each step, by step id. */
  evidenceCounts: ReadonlyMap<string, number>;
}

type TextKey = 'description' | 'performer' | 'systems' | 'reports' | 'outputs';

export function StepsEditor(props: Props) {
  const { engagementId, walkthroughId, steps, onChange, errors, readOnly, evidenceCounts } = props;
  const [removing, setRemoving] = useState<number | null>(null);

  const set = (index: number, patch: Partial<WalkthroughStep>) =>
    onChange(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, delta: number) => {
    const step = steps[index];
    if (!step) return;
    onChange(moveStep(steps, index, delta));
    // Keep the keyboard on the moved step: on the same button, or the other one at either end.
    const to = index + delta;
    const edge = (delta < 0 && to === 0) || (delta > 0 && to === steps.length - 1);
    const button = delta < 0 !== edge ? 'up' : 'down';
    requestAnimationFrame(() => document.getElementById(`step-${step.id}-${button}`)?.focus());
  };
  const add = () => {
    const step = newStep(steps.length === 0 ? 'trigger' : 'step');
    onChange([...steps, step]);
    focusWhenReady([`[data-step="${step.id}"] textarea`, `[data-step="${step.id}"] select`], false, 180);
  };
  const remove = (index: number) => {
    onChange(steps.filter((_, i) => i !== index));
    setRemoving(null);
    requestAnimationFrame(() => document.getElementById('add-walkthrough-step')?.focus());
  };
  const askRemove = (index: number) => {
    const s = steps[index];
    const hasContent =
      s &&
      ([s.description, s.performer, s.systems, s.reports, s.outputs].some((t) => t.trim()) ||
        evidenceCounts.get(s.id));
    if (hasContent) setRemoving(index);
    else remove(index);
  };

  const text = (index: number, key: TextKey, label: string, hint?: string) => {
    const step = steps[index];
    if (!step) return null;
    const input =
      key === 'description' ? (
        <textarea
          rows={3}
          value={step[key]}
          readOnly={readOnly}
          onChange={(e) => set(index, { [key]: e.target.value })}
        />
      ) : (
        <input
          value={step[key]}
          readOnly={readOnly}
          onChange={(e) => set(index, { [key]: e.target.value })}
        />
      );
    return (
      <Field label={label} hint={hint} error={errors[`steps.${index}.${key}`]}>
        {input}
      </Field>
    );
  };

  const removingStep = removing === null ? undefined : steps[removing];
  const removingFiles = removingStep ? (evidenceCounts.get(removingStep.id) ?? 0) : 0;
  return (
    <section className="walkthrough-steps" aria-labelledby="walkthrough-steps-title">
      <h3 id="walkthrough-steps-title" className="record-section-title">
        Narrative{' '}
        <span className="muted num">
          ({steps.length} step{steps.length === 1 ? '' : 's'})
        </span>
      </h3>
      {steps.length === 0 ? (
        <p className="muted">
          Follow one instance from its trigger to its output: each step, hand-off and decision, who performs
          it, the systems and reports used, and the evidence you inspected or observed.
        </p>
      ) : (
        <ol className="steps">
          {steps.map((step, index) => {
            const n = index + 1;
            return (
              <li key={step.id} className="step-card" data-step={step.id}>
                <div role="group" aria-labelledby={`step-${step.id}-title`}>
                  <div className="step-head">
                    <h4 id={`step-${step.id}-title`}>Step {n}</h4>
                    <select
                      aria-label={`Kind of step ${n}`}
                      value={step.kind}
                      disabled={readOnly}
                      onChange={(e) => set(index, { kind: e.target.value as StepKind })}
                    >
                      {STEP_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {STEP_KIND_LABELS[k]}
                        </option>
                      ))}
                    </select>
                    {readOnly ? null : (
                      <span className="step-tools">
                        <button
                          type="button"
                          id={`step-${step.id}-up`}
                          className="tool-button"
                          aria-label={`Move step ${n} up`}
                          title="Move up"
                          disabled={index === 0}
                          onClick={() => move(index, -1)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          id={`step-${step.id}-down`}
                          className="tool-button"
                          aria-label={`Move step ${n} down`}
                          title="Move down"
                          disabled={index === steps.length - 1}
                          onClick={() => move(index, 1)}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className="tool-button"
                          aria-label={`Remove step ${n}`}
                          title="Remove step"
                          onClick={() => askRemove(index)}
                        >
                          Remove
                        </button>
                      </span>
                    )}
                  </div>
                  {text(index, 'description', 'What happens')}
                  <div className="form-row">
                    {text(index, 'performer', 'Performed by')}
                    {text(index, 'systems', 'Systems used')}
                  </div>
                  <div className="form-row">
                    {text(index, 'reports', 'Reports used (IPE)')}
                    {text(index, 'outputs', 'Outputs')}
                  </div>
                  <EvidencePanel
                    compact
                    engagementId={engagementId}
                    link={{ kind: 'walkthrough', id: walkthroughId, detail: step.id }}
                    title={`Evidence for step ${n}`}
                    readOnly={readOnly}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {readOnly ? null : (
        <button type="button" id="add-walkthrough-step" onClick={add}>
          {steps.length === 0 ? 'Add the trigger (first step)' : 'Add step'}
        </button>
      )}
      {removingStep && removing !== null ? (
        <ConfirmDialog
          danger
          title={`Remove step ${removing + 1}?`}
          confirmLabel="Remove step"
          onCancel={() => setRemoving(null)}
          onConfirm={() => remove(removing)}
        >
          <p>Its description, people, systems, reports and outputs are removed from the narrative.</p>
          {removingFiles > 0 ? (
            <p>
              {removingFiles === 1 ? 'Its evidence file stays' : `Its ${removingFiles} evidence files stay`}{' '}
              in the evidence library and linked to this walkthrough.
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
