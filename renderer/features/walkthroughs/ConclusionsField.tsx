/**
 * The walkthrough's conclusions: suitably designed (an explanation is required when not) and placed in
 * operation. On a Type 1 engagement (and readiness) these conclusions are the controls' results, shown
 * beneath; on a Type 2 the controls' operating effectiveness is tested separately.
 */
import { useId } from 'react';
import { ENGAGEMENT_KIND_LABELS, type EngagementKind } from '@shared/domain/engagement';
import {
  isType1,
  TYPE1_RESULT_LABELS,
  type ControlResult,
  type WalkthroughFields,
  type YesNo,
} from '@shared/domain/fieldwork';
import { Field } from '../../components/Field';
import { StatusBadge, type Tone } from '../../components/StatusBadge';

export const RESULT_TONE: Record<ControlResult, Tone> = {
  effective: 'good',
  exceptions: 'warn',
  'not-effective': 'bad',
  'in-progress': 'info',
  'not-tested': 'neutral',
};

type Draft = Pick<
  WalkthroughFields,
  'designConclusion' | 'designExplanation' | 'implementationConclusion' | 'implementationNotes'
>;

interface Props {
  draft: Draft;
  onChange(patch: Partial<Draft>): void;
  errors: Readonly<Record<string, string>>;
  readOnly: boolean;
  kind: EngagementKind;
  /** Type 1: each identified control with its resulting status. */
  results: readonly { id: string; reference: string; result: ControlResult }[];
}

function YesNoGroup(props: {
  legend: string;
  yes: string;
  no: string;
  value: YesNo | null;
  onChange(value: YesNo | null): void;
  readOnly: boolean;
}) {
  const name = useId();
  const options: [YesNo | null, string][] = [
    ['yes', props.yes],
    ['no', props.no],
    [null, 'Not concluded yet'],
  ];
  return (
    <fieldset className="radio-group yes-no" disabled={props.readOnly}>
      <legend>{props.legend}</legend>
      {options.map(([value, label]) => (
        <label key={label} className="radio">
          <input
            type="radio"
            name={name}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export function ConclusionsField({ draft, onChange, errors, readOnly, kind, results }: Props) {
  const notDesigned = draft.designConclusion === 'no';
  return (
    <section className="conclusions" aria-labelledby="walkthrough-conclusions-title">
      <h3 id="walkthrough-conclusions-title" className="record-section-title">
        Conclusions
      </h3>
      <div className="conclusion-pair">
        <YesNoGroup
          legend="Suitably designed?"
          yes="Yes"
          no="No"
          value={draft.designConclusion}
          readOnly={readOnly}
          onChange={(designConclusion) => onChange({ designConclusion })}
        />
        <Field
          label={notDesigned ? 'Why the design is not suitable' : 'Design notes'}
          required={notDesigned}
          error={errors.designExplanation}
          hint={notDesigned ? 'Required: the gap, the criterion at risk, and who was told.' : undefined}
        >
          <textarea
            rows={notDesigned ? 4 : 2}
            value={draft.designExplanation}
            readOnly={readOnly}
            onChange={(e) => onChange({ designExplanation: e.target.value })}
          />
        </Field>
      </div>
      <div className="conclusion-pair">
        <YesNoGroup
          legend="Placed in operation?"
          yes="Yes"
          no="No"
          value={draft.implementationConclusion}
          readOnly={readOnly}
          onChange={(implementationConclusion) => onChange({ implementationConclusion })}
        />
        <Field label="Implementation notes" error={errors.implementationNotes}>
          <textarea
            rows={2}
            value={draft.implementationNotes}
            readOnly={readOnly}
            onChange={(e) => onChange({ implementationNotes: e.target.value })}
          />
        </Field>
      </div>
      {isType1(kind) ? (
        <div className="type1-results">
          <h4>Resulting status of the controls ({ENGAGEMENT_KIND_LABELS[kind]})</h4>
          {results.length === 0 ? (
            <p className="muted">Tick the controls identified (above) to see their status here.</p>
          ) : (
            <ul className="result-list">
              {results.map((r) => (
                <li key={r.id}>
                  <span className="num result-ref">{r.reference}</span>
                  <StatusBadge tone={RESULT_TONE[r.result]}>{TYPE1_RESULT_LABELS[r.result]}</StatusBadge>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
