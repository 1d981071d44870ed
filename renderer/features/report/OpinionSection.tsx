/**
 * The opinion is the auditor's judgement; Fieldwork only suggests one from the criteria roll-up (a
 * criterion not met suggests a qualification, many suggest an adverse opinion) and names the criteria
 * behind the suggestion. A modified opinion needs the auditor's words for its "basis for" paragraph.
 */
import {
  OPINION_LABELS,
  OPINION_TYPES,
  type OpinionType,
  type ReportSettings,
} from '@shared/domain/engagement';
import type { OpinionSuggestion } from '@shared/exports/report';
import { Field } from '../../components/Field';
import { StatusBadge } from '../../components/StatusBadge';

const OPINION_HELP: Record<OpinionType, string> = {
  unmodified: 'Every applicable criterion is met; deviations may still be reported in section IV.',
  qualified: 'One or more criteria are not met (or cannot be evaluated), material but not pervasive.',
  adverse: 'Criteria are not met so widely that the description or the controls cannot be relied on.',
  disclaimer:
    'Sufficient evidence could not be obtained and the possible effects are material and pervasive.',
};

export function OpinionSection({
  draft,
  errors,
  suggestion,
  readOnly,
  onChange,
}: {
  draft: ReportSettings;
  errors: Record<string, string>;
  suggestion: OpinionSuggestion | undefined;
  readOnly: boolean;
  onChange(patch: Partial<ReportSettings>): void;
}) {
  const effective = draft.opinion ?? suggestion?.opinion ?? 'unmodified';
  const modified = effective !== 'unmodified';
  return (
    <section className="report-section" aria-labelledby="opinion-title">
      <div className="section-head">
        <h2 id="opinion-title">Opinion</h2>
        {draft.opinion ? (
          <StatusBadge tone={draft.opinion === 'unmodified' ? 'good' : 'warn'}>
            {OPINION_LABELS[draft.opinion]} chosen
          </StatusBadge>
        ) : (
          <StatusBadge tone="neutral">Not chosen yet</StatusBadge>
        )}
      </div>
      {suggestion ? (
        <div className="opinion-suggestion" role="note" aria-label="Suggestion from the criteria roll-up">
          <p>
            Suggested from the criteria roll-up: <strong>{OPINION_LABELS[suggestion.opinion]}</strong>
            {draft.opinion && draft.opinion !== suggestion.opinion
              ? ` — you chose ${OPINION_LABELS[draft.opinion].toLowerCase()}.`
              : '.'}
            {!draft.opinion ? ' Drafts use the suggestion until you choose.' : ''}
          </p>
          {suggestion.reasons.length > 0 ? (
            <ul>
              {suggestion.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
          {!readOnly && draft.opinion !== suggestion.opinion ? (
            <button type="button" onClick={() => onChange({ opinion: suggestion.opinion })}>
              Use the suggestion ({OPINION_LABELS[suggestion.opinion].toLowerCase()})
            </button>
          ) : null}
        </div>
      ) : null}
      <fieldset className="opinion-choices" disabled={readOnly}>
        <legend>Opinion in the report</legend>
        {OPINION_TYPES.map((type) => (
          <label key={type} className="opinion-choice">
            <input
              type="radio"
              name="opinion"
              value={type}
              checked={draft.opinion === type}
              onChange={() => onChange({ opinion: type })}
            />
            <span>
              <strong>{OPINION_LABELS[type]}</strong>
              {suggestion?.opinion === type ? (
                <>
                  {' '}
                  <StatusBadge tone="info">Suggested</StatusBadge>
                </>
              ) : null}
              <span className="opinion-help">{OPINION_HELP[type]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {modified ? (
        <Field
          label={`Basis for the ${OPINION_LABELS[effective].toLowerCase()} opinion`}
          hint="The report lists the affected criteria itself; say here which controls failed or what could not be examined, and why it matters."
          error={errors.basis}
        >
          <textarea
            rows={6}
            value={draft.basis}
            readOnly={readOnly}
            onChange={(event) => onChange({ basis: event.target.value })}
          />
        </Field>
      ) : null}
    </section>
  );
}
