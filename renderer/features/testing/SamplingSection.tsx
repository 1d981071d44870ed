/**
 * Sample size and selection. The size is recommended from the firm table (or calculated statistically)
 * and capped at the population; overriding it needs a written rationale. The selection is seeded: the
 * default seed is derived from the engagement, the control reference and the population file's hash.
 */
import { useEffect, useState } from 'react';
import { z } from 'zod';
import {
  plannedSize,
  samplingProblem,
  samplingSchema,
  SELECTION_METHODS,
  SELECTION_METHOD_LABELS,
  STRATIFICATIONS,
  STRATIFICATION_LABELS,
  tallySample,
  type ControlTest,
  type LegendEntry,
  type SampleItem,
  type Sampling,
} from '@shared/domain/fieldwork';
import { additionalItemsToAccept, binomialSampleSize } from '@shared/domain/sampling';
import { repository } from '../../db';
import { useEngagementRecords, useProfiles } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { clearSelection, defaultSeed, expandSample, selectSample, updateTest } from './commands';
import type { WorkpaperProps } from './TestWorkpaper';

type SamplingFields = { sampling: Sampling };
const samplingFields = (t: ControlTest): SamplingFields => ({ sampling: t.sampling });
const samplingFieldsSchema = z.object({ sampling: samplingSchema }).superRefine((f, ctx) => {
  const message = samplingProblem(f.sampling);
  if (message) ctx.addIssue({ code: 'custom', path: ['sampling'], message });
});

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const STATISTICAL_PREFIX = 'Statistical size:';

/** N / n as auditors read it: "20" when whole, "4.84" otherwise. */
function formatStep(population: number | null, size: number): string {
  if (!population || size < 1) return '?';
  const step = population / size;
  return Number.isInteger(step) ? String(step) : step.toFixed(2);
}

export function SamplingSection(props: WorkpaperProps & { items: SampleItem[]; legend: LegendEntry[] }) {
  const { test, control, engagement, actor, readOnly, items, legend } = props;
  const run = useAction();
  const profiles = useProfiles();
  const selected = test.sampling.selectedAt !== null && items.length > 0;
  const [derived, setDerived] = useState('');
  const [manualKeys, setManualKeys] = useState('');
  const [expanding, setExpanding] = useState(false);
  const allTests = useEngagementRecords<ControlTest>('tests', engagement.id);
  useEffect(() => {
    let live = true;
    void defaultSeed(engagement, control, test).then((seed) => {
      if (live) setDerived(seed);
    });
    return () => {
      live = false;
    };
  }, [engagement, control, test]);

  const { draft, errors, state, change, flush } = useRecordAutosave<ControlTest, SamplingFields>({
    record: test,
    fields: samplingFields,
    schema: samplingFieldsSchema,
    save: (record, patch) => updateTest(repository, actor, record, patch),
    draftKey: `test-sampling.${test.id}.${actor.id}`,
    readOnly: readOnly || selected,
  });
  const s = draft.sampling;
  const set = (patch: Partial<Sampling>) => change({ sampling: { ...s, ...patch } });
  const statistical = binomialSampleSize({
    confidence: s.confidence,
    tolerableRate: s.tolerableRate,
    expectedRate: s.expectedRate,
  });
  const overridden = s.size !== null && s.recommendedSize !== null && s.size !== s.recommendedSize;
  const population = test.population.count;
  const canSelect =
    !readOnly && test.population.source !== 'none' && (s.method === 'manual' || (s.size ?? 0) > 0);
  const by = (id: string | null) => profiles?.find((p) => p.id === id)?.fullName ?? 'an auditor';
  // Another test of this control drawn from the same population with the same seed picks the same items.
  const effectiveSeed = s.seed.trim() || derived;
  const twin = (allTests ?? []).find(
    (t) =>
      t.id !== test.id &&
      t.controlId === test.controlId &&
      t.sampling.selectedAt !== null &&
      t.sampling.seed === effectiveSeed &&
      t.population.sha256 === test.population.sha256 &&
      t.population.count === test.population.count,
  );

  if (selected) {
    const tally = tallySample(
      items,
      test.attributes.map((a) => a.id),
      legend,
    );
    const suggestion =
      tally.deviations > 0
        ? additionalItemsToAccept(tally.size, tally.deviations, s.confidence, s.tolerableRate)
        : null;
    return (
      <section className="workpaper-section" id="wp-sampling" aria-labelledby="wp-sampling-title">
        <div className="section-head">
          <h2 id="wp-sampling-title">3 Sample</h2>
        </div>
        <dl className="facts">
          <dt>Selected</dt>
          <dd>
            {items.length} of {population?.toLocaleString('en-US') ?? '?'} items
            {test.sampling.census ? ' (the whole population)' : ''} —{' '}
            {SELECTION_METHOD_LABELS[test.sampling.method].toLocaleLowerCase()}
            {test.sampling.stratify !== 'none'
              ? `, ${STRATIFICATION_LABELS[test.sampling.stratify].toLocaleLowerCase()}`
              : ''}
            , on {test.sampling.selectedAt?.slice(0, 10)} by {by(test.sampling.selectedBy)}
          </dd>
          <dt>Size basis</dt>
          <dd>
            {test.sampling.basis}
            {test.sampling.overrideRationale
              ? ` Chosen size ${plannedSize(test.sampling) ?? 0}: ${test.sampling.overrideRationale}`
              : ''}
          </dd>
          {test.sampling.seed ? (
            <>
              <dt>Seed</dt>
              <dd className="mono">
                {test.sampling.seed}
                {test.sampling.seed === derived ? (
                  <span className="muted">
                    {' '}
                    (derived from the engagement, {control.reference} and the population hash)
                  </span>
                ) : null}
              </dd>
            </>
          ) : null}
          {test.sampling.interval ? (
            <>
              <dt>Interval and start</dt>
              <dd className="num">
                every {formatStep(population, plannedSize(test.sampling) ?? 0)} items, starting at item{' '}
                {test.sampling.start}
              </dd>
            </>
          ) : null}
          {test.sampling.expansions.map((x, i) => (
            <div key={x.at} className="facts-row">
              <dt>Expansion {i + 1}</dt>
              <dd>
                +{x.additional} items on {x.at.slice(0, 10)} by {by(x.by)}: {x.reason}
              </dd>
            </div>
          ))}
        </dl>
        {readOnly ? null : (
          <div className="inline-form">
            <button
              type="button"
              disabled={test.sampling.method === 'manual' || test.sampling.census}
              onClick={() => setExpanding(true)}
            >
              Expand the sample…
            </button>
            <button
              type="button"
              onClick={() =>
                void run(
                  () => clearSelection(repository, actor, test),
                  'Selection cleared; the items stay in the audit trail.',
                )
              }
            >
              Clear the selection
            </button>
          </div>
        )}
        {expanding ? (
          <ExpandDialog
            suggested={suggestion?.additional ?? 15}
            deviations={tally.deviations}
            size={tally.size}
            onClose={() => setExpanding(false)}
            onExpand={async (n, reason) => {
              const added = await run(
                () => expandSample(repository, actor, engagement, test, n, reason),
                `Added ${n} items from the same seeded sequence.`,
              );
              if (added) setExpanding(false);
            }}
          />
        ) : null}
      </section>
    );
  }

  return (
    <section className="workpaper-section" id="wp-sampling" aria-labelledby="wp-sampling-title">
      <div className="section-head">
        <h2 id="wp-sampling-title">3 Sample</h2>
        <SaveStatus state={state} />
      </div>
      <p>
        Recommended: <strong className="num">{s.recommendedSize ?? '—'} items</strong>
        {s.census ? ' (every item: the population is no larger than the table size)' : ''}.{' '}
        <span className="muted">{s.basis}</span>
      </p>
      <div className="field-row">
        <Field label="Sample size">
          <input
            type="number"
            min={1}
            step={1}
            value={s.size ?? ''}
            readOnly={readOnly}
            onChange={(e) => {
              const size = e.target.value === '' ? null : Math.max(0, Math.floor(Number(e.target.value)));
              // A statistical rationale no longer explains a size typed by hand.
              const stale =
                s.statistical &&
                s.overrideRationale.startsWith(STATISTICAL_PREFIX) &&
                size !== statistical.size;
              set(stale ? { size, statistical: false, overrideRationale: '' } : { size });
            }}
          />
        </Field>
        <Field label="Selection method">
          <select
            value={s.method}
            disabled={readOnly}
            onChange={(e) => set({ method: e.target.value as Sampling['method'] })}
          >
            {SELECTION_METHODS.map((m) => (
              <option key={m} value={m}>
                {SELECTION_METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {overridden ? (
        <Field
          label="Why a different size"
          error={errors.sampling}
          required
          hint="Required when the size differs from the recommendation, e.g. higher reliance, a prior-year exception."
        >
          <textarea
            rows={2}
            value={s.overrideRationale}
            readOnly={readOnly}
            onChange={(e) => set({ overrideRationale: e.target.value })}
          />
        </Field>
      ) : null}
      {population !== null && s.size !== null && s.size > population ? (
        <p className="warning-inline">
          The population has only {population} items: every item will be tested.
        </p>
      ) : null}
      <details className="statistical" open={s.statistical}>
        <summary>Statistical sample size (attribute sampling, binomial)</summary>
        <div className="field-row three">
          <Field label="Confidence">
            <select
              value={s.confidence}
              disabled={readOnly}
              onChange={(e) => set({ confidence: Number(e.target.value) === 0.95 ? 0.95 : 0.9 })}
            >
              <option value={0.9}>90% (risk of overreliance 10%)</option>
              <option value={0.95}>95% (risk of overreliance 5%)</option>
            </select>
          </Field>
          <Field label="Tolerable deviation rate (%)">
            <input
              type="number"
              min={1}
              max={50}
              step={1}
              value={Math.round(s.tolerableRate * 100)}
              readOnly={readOnly}
              onChange={(e) =>
                set({ tolerableRate: Math.min(0.5, Math.max(0.01, Number(e.target.value) / 100)) })
              }
            />
          </Field>
          <Field label="Expected deviation rate (%)">
            <input
              type="number"
              min={0}
              max={20}
              step={0.5}
              value={Math.round(s.expectedRate * 1000) / 10}
              readOnly={readOnly}
              onChange={(e) =>
                set({ expectedRate: Math.min(0.2, Math.max(0, Number(e.target.value) / 100)) })
              }
            />
          </Field>
        </div>
        <p>
          {statistical.size !== null ? (
            <>
              At {percent(s.confidence)} confidence, {percent(s.tolerableRate)} tolerable and{' '}
              {percent(s.expectedRate)} expected: <strong className="num">{statistical.size} items</strong>.{' '}
              {readOnly ? null : (
                <button
                  type="button"
                  onClick={() =>
                    set({
                      statistical: true,
                      size: statistical.size,
                      overrideRationale:
                        statistical.size === s.recommendedSize
                          ? ''
                          : `${STATISTICAL_PREFIX} ${percent(s.confidence)} confidence, ${percent(s.tolerableRate)} tolerable, ${percent(s.expectedRate)} expected deviation rate (AICPA attribute sampling tables).`,
                    })
                  }
                >
                  Use {statistical.size}
                </button>
              )}
            </>
          ) : statistical.reason === 'over-500' ? (
            'More than 500 items: raise the tolerable rate or lower the expected rate.'
          ) : (
            'The expected rate must be below the tolerable rate.'
          )}
        </p>
      </details>
      {s.method === 'random' ? (
        <Field
          label="Spread across the period"
          hint={
            test.population.dateColumn === null && test.population.source !== 'none'
              ? 'Needs a date column in the population.'
              : undefined
          }
        >
          <select
            value={s.stratify}
            disabled={readOnly}
            onChange={(e) => set({ stratify: e.target.value as Sampling['stratify'] })}
          >
            {STRATIFICATIONS.map((x) => (
              <option key={x} value={x}>
                {STRATIFICATION_LABELS[x]}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {s.method === 'manual' ? (
        <Field
          label="Items picked (one key per line)"
          hint="Haphazard selection: spread your picks across the period and avoid patterns."
        >
          <textarea
            rows={4}
            value={manualKeys}
            readOnly={readOnly}
            onChange={(e) => setManualKeys(e.target.value)}
          />
        </Field>
      ) : (
        <Field
          label="Seed"
          hint="Leave empty to use the seed derived from the engagement, the control and the population file: anyone with the same file re-performs the same sample."
        >
          <input
            className="mono"
            value={s.seed}
            placeholder={derived ? `${derived} (derived)` : 'derived when selecting'}
            readOnly={readOnly}
            onChange={(e) => set({ seed: e.target.value })}
          />
        </Field>
      )}
      {twin && s.method !== 'manual' ? (
        <p className="warning-inline" role="note">
          {twin.reference} tests the same control from the same population with this seed: it would select the
          same items. If this test needs other items, type another seed (it is recorded, so the sample can
          still be re-performed).
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="inline-form">
          <button
            type="button"
            className="primary"
            disabled={!canSelect || (overridden && !s.overrideRationale.trim())}
            onClick={() =>
              void flush().then(() =>
                run(async () => {
                  const fresh = await repository.db.tests.get(test.id);
                  if (!fresh) throw new Error('The test was removed.');
                  return selectSample(repository, actor, engagement, fresh, control, {
                    method: s.method,
                    stratify: s.stratify,
                    seed: s.seed,
                    manualKeys: manualKeys.split(/\r?\n|,|;/u),
                  });
                }, 'Sample selected.'),
              )
            }
          >
            Select the sample
          </button>
          {test.population.source === 'none' ? (
            <span className="muted">Record the population first.</span>
          ) : null}
        </div>
      )}
    </section>
  );
}

function ExpandDialog({
  suggested,
  deviations,
  size,
  onExpand,
  onClose,
}: {
  suggested: number;
  deviations: number;
  size: number;
  onExpand(n: number, reason: string): Promise<void>;
  onClose(): void;
}) {
  const [n, setN] = useState(String(suggested));
  const [reason, setReason] = useState(
    deviations > 0
      ? `${deviations} exception${deviations === 1 ? '' : 's'} in ${size} items: expanding the sample to decide whether ${deviations === 1 ? 'it is' : 'they are'} isolated.`
      : '',
  );
  const [busy, setBusy] = useState(false);
  const count = Number(n);
  return (
    <Dialog
      title="Expand the sample"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || !Number.isInteger(count) || count < 1 || !reason.trim()}
            onClick={() => {
              setBusy(true);
              void onExpand(count, reason).finally(() => setBusy(false));
            }}
          >
            Add {Number.isInteger(count) && count > 0 ? count : ''} items
          </button>
        </>
      }
    >
      <p>
        The new items continue the same seeded sequence, so they never repeat an item already selected and
        anyone can re-perform them.
      </p>
      <Field
        label="Items to add"
        hint={
          deviations > 0
            ? `${suggested} more items would support the tolerable rate if no further exception is found.`
            : undefined
        }
      >
        <input type="number" min={1} step={1} value={n} onChange={(e) => setN(e.target.value)} />
      </Field>
      <Field label="Why" required>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </Dialog>
  );
}
