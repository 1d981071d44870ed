/**
 * Evaluation and conclusion: deviations found against the sample size, the upper deviation limit at the
 * chosen confidence against the tolerable rate, the suggested conclusion, the auditor's conclusion with
 * its rationale, and the Section IV result sentence (suggested, or the auditor's own wording).
 */
import {
  conclusionProblem,
  controlTestObjectSchema,
  tallySample,
  TEST_CONCLUSIONS,
  TEST_CONCLUSION_LABELS,
  type ControlException,
  type ControlTest,
  type ControlTestFields,
  type LegendEntry,
  type SampleItem,
} from '@shared/domain/fieldwork';
import { evaluateTest, formatUpperLimit } from '@shared/domain/sampling';
import { resultText, suggestedTestResult } from '@shared/exports/report/results';
import { repository } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { StatusBadge } from '../../components/StatusBadge';
import { updateTest } from './commands';
import type { WorkpaperProps } from './TestWorkpaper';
import { CONCLUSION_TONE } from './TestsPage';

type ConclusionFields = Pick<ControlTestFields, 'conclusion' | 'rationale' | 'resultText'>;
const conclusionFields = (t: ControlTest): ConclusionFields => ({
  conclusion: t.conclusion,
  rationale: t.rationale,
  resultText: t.resultText,
});
const conclusionSchema = controlTestObjectSchema
  .pick({ conclusion: true, rationale: true, resultText: true })
  .superRefine((f, ctx) => {
    const message = conclusionProblem(f.conclusion, f.rationale);
    if (message) ctx.addIssue({ code: 'custom', path: ['rationale'], message });
  });

/** A rate as a percentage, rounded to one decimal (3.846% → 3.8%). */
const pct = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

export function EvaluationSection(
  props: WorkpaperProps & { items: SampleItem[]; legend: LegendEntry[]; exceptions: ControlException[] },
) {
  const { test, actor, readOnly, items, legend, exceptions } = props;
  const { draft, errors, state, change } = useRecordAutosave<ControlTest, ConclusionFields>({
    record: test,
    fields: conclusionFields,
    schema: conclusionSchema,
    save: (record, patch) => updateTest(repository, actor, record, patch),
    draftKey: `test-conclusion.${test.id}.${actor.id}`,
    readOnly,
  });
  const tally = tallySample(
    items,
    test.attributes.map((a) => a.id),
    legend,
  );
  const s = test.sampling;
  const evaluation =
    tally.size > 0
      ? evaluateTest({
          sampleSize: tally.size,
          deviations: tally.deviations,
          confidence: s.confidence,
          tolerableRate: s.tolerableRate,
          expectedRate: s.expectedRate,
        })
      : null;
  // Once concluded, exactly the sentence section IV prints when the field is left empty.
  const suggestedText =
    test.conclusion === null
      ? suggestedTestResult(test, items, tally.deviations, exceptions)
      : resultText({ ...test, resultText: '' }, items, tally.deviations, exceptions);
  const openExceptions = exceptions.filter((e) => e.status === 'open').length;
  // Only a fully tested sample can be concluded (the data layer refuses it too).
  const ready = tally.size > 0 && tally.blankCells === 0 && test.attributes.length > 0;

  return (
    <section className="workpaper-section" id="wp-evaluation" aria-labelledby="wp-evaluation-title">
      <div className="section-head">
        <h2 id="wp-evaluation-title">6 Evaluation and conclusion</h2>
        <SaveStatus state={state} />
      </div>
      {evaluation ? (
        <div className="evaluation" role="region" aria-label="Evaluation">
          <dl className="facts">
            <dt>Deviations</dt>
            <dd className="num">
              <strong>
                {tally.deviations} of {tally.size}
              </strong>{' '}
              items ({pct(evaluation.deviationRate)})
            </dd>
            <dt>Upper deviation limit</dt>
            <dd className="num">
              {formatUpperLimit(evaluation.upperLimit, s.tolerableRate)} at {Math.round(s.confidence * 100)}%
              confidence, against a tolerable rate of {Math.round(s.tolerableRate * 100)}%{' '}
              {evaluation.withinTolerable ? (
                <StatusBadge tone="good">within</StatusBadge>
              ) : (
                <StatusBadge tone={tally.deviations > 0 ? 'bad' : 'neutral'}>above</StatusBadge>
              )}
            </dd>
            <dt>Suggested</dt>
            <dd>
              {ready ? (
                <>
                  <StatusBadge tone={CONCLUSION_TONE[evaluation.suggestedConclusion]}>
                    {TEST_CONCLUSION_LABELS[evaluation.suggestedConclusion]}
                  </StatusBadge>{' '}
                  <span className="muted">{evaluation.explanation}</span>
                </>
              ) : (
                <span className="muted">Not yet: mark every item for every attribute first.</span>
              )}
            </dd>
          </dl>
          {tally.blankCells > 0 ? (
            <p className="warning-inline">
              {tally.blankCells} cell{tally.blankCells === 1 ? ' is' : 's are'} not marked yet (
              {tally.complete} of {tally.size} items complete).
            </p>
          ) : null}
          {openExceptions > 0 ? (
            <p className="warning-inline">
              {openExceptions} exception{openExceptions === 1 ? ' is' : 's are'} still open: describe and
              evaluate {openExceptions === 1 ? 'it' : 'them'} in section 5.
            </p>
          ) : null}
        </div>
      ) : (
        <p className="muted">Select the sample and mark the items to see the evaluation.</p>
      )}
      <div className="field-row">
        <Field label="Conclusion" error={errors.conclusion}>
          <select
            value={draft.conclusion ?? ''}
            disabled={readOnly || (!ready && draft.conclusion === null)}
            onChange={(e) =>
              change({ conclusion: (e.target.value || null) as ConclusionFields['conclusion'] })
            }
          >
            <option value="">(not concluded)</option>
            {TEST_CONCLUSIONS.map((c) => (
              <option key={c} value={c}>
                {TEST_CONCLUSION_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        {evaluation && ready && !readOnly && draft.conclusion !== evaluation.suggestedConclusion ? (
          <div className="field field-button">
            <button type="button" onClick={() => change({ conclusion: evaluation.suggestedConclusion })}>
              Use the suggested conclusion
            </button>
          </div>
        ) : null}
      </div>
      {draft.conclusion !== null && !ready ? (
        <p className="warning-inline" role="alert">
          The test is concluded but not every item is marked (items were added or attributes changed): finish
          the grid, then confirm the conclusion.
        </p>
      ) : null}
      <Field
        label="Rationale"
        error={errors.rationale}
        required={draft.conclusion !== null && draft.conclusion !== 'effective'}
      >
        <textarea
          rows={3}
          value={draft.rationale}
          readOnly={readOnly}
          onChange={(e) => change({ rationale: e.target.value })}
        />
      </Field>
      <Field
        label="Result in the report (Section IV)"
        hint={
          draft.resultText
            ? 'Your wording is used. Clear it to use the suggested sentence.'
            : 'Empty: the report prints the suggested sentence below.'
        }
      >
        <textarea
          rows={3}
          value={draft.resultText}
          placeholder={suggestedText}
          readOnly={readOnly}
          onChange={(e) => change({ resultText: e.target.value })}
        />
      </Field>
      {suggestedText ? (
        <p className="suggested-text">
          <span className="muted">Suggested: </span>
          {suggestedText}{' '}
          {readOnly ? null : (
            <button
              type="button"
              className="link-button"
              onClick={() => change({ resultText: suggestedText })}
            >
              Edit from this
            </button>
          )}
        </p>
      ) : null}
    </section>
  );
}
