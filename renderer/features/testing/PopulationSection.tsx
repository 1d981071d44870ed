/**
 * The population: where it came from (a file stored with its hash, or a count), what it holds, and the
 * completeness and accuracy work on it (information produced by the entity, soc2-domain.md §2.7).
 */
import { useState } from 'react';
import {
  IPE_RESULTS,
  IPE_RESULT_LABELS,
  populationSchema,
  shortHash,
  type ControlTest,
  type Population,
} from '@shared/domain/fieldwork';
import { formatDate } from '@shared/domain/engagement';
import { z } from 'zod';
import { repository } from '../../db';
import { useAction } from '../../app/useAction';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { engagementPeriod, setPopulationCount, setPopulationFile, updateTest } from './commands';
import { PopulationImportDialog } from './PopulationImportDialog';
import { useFirmSampleSizeTable } from '../settings/commands';
import type { WorkpaperProps } from './TestWorkpaper';

type PopulationFields = { population: Population };
const populationFields = (t: ControlTest): PopulationFields => ({ population: t.population });
const populationFieldsSchema = z.object({ population: populationSchema });

export function PopulationSection(props: WorkpaperProps & { hasItems: boolean }) {
  const { test, control, engagement, actor, readOnly, hasItems } = props;
  const run = useAction();
  const firmTable = useFirmSampleSizeTable()?.table;
  const [dialog, setDialog] = useState<'import' | 'count' | null>(null);
  const [count, setCount] = useState('');
  const [countDescription, setCountDescription] = useState(test.population.description);
  const p = test.population;
  const period = engagementPeriod(engagement);

  return (
    <section className="workpaper-section" id="wp-population" aria-labelledby="wp-population-title">
      <div className="section-head">
        <h2 id="wp-population-title">2 Population</h2>
      </div>
      {p.source === 'none' ? (
        <p className="muted">
          Record what the sample is drawn from: import the client&apos;s listing (its SHA-256 is recorded, so
          anyone with the same file re-performs the same sample), or enter a count for a simple population
          such as 12 monthly reviews.
        </p>
      ) : (
        <dl className="facts">
          <dt>Population</dt>
          <dd>
            <strong className="num">{(p.count ?? 0).toLocaleString('en-US')} items</strong>
            {p.description ? ` — ${p.description}` : ''}
          </dd>
          {p.source === 'file' ? (
            <>
              <dt>File</dt>
              <dd>
                {p.fileName}, sheet “{p.sheet}”, key column “{p.keyLabel || '—'}”, date column “
                {p.dateLabel || 'none'}”
                <div className="mono hash-full" title="SHA-256 of the population file">
                  SHA-256 {p.sha256}
                </div>
              </dd>
              {p.firstDate ? (
                <>
                  <dt>Dates</dt>
                  <dd className="num">
                    {formatDate(p.firstDate)} – {formatDate(p.lastDate)}
                    {p.outsidePeriod > 0 ? (
                      <span className="text-warn">
                        {' '}
                        · {p.outsidePeriod} item{p.outsidePeriod === 1 ? '' : 's'} outside the period
                      </span>
                    ) : null}
                    {p.dateColumn !== null && p.undated > 0 ? ` · ${p.undated} undated` : ''}
                  </dd>
                </>
              ) : null}
            </>
          ) : (
            <>
              <dt>Source</dt>
              <dd>Count entered by the auditor; items are numbered 1 to {p.count}.</dd>
            </>
          )}
        </dl>
      )}
      {readOnly ? null : (
        <div className="inline-form">
          <button type="button" disabled={hasItems} onClick={() => setDialog('import')}>
            {p.source === 'file' ? 'Import another file…' : 'Import population file…'}
          </button>
          <button
            type="button"
            disabled={hasItems}
            onClick={() => setDialog(dialog === 'count' ? null : 'count')}
          >
            Enter a count…
          </button>
          {hasItems ? <span className="muted">The sample is selected: the population is fixed.</span> : null}
        </div>
      )}
      {dialog === 'count' ? (
        <form
          className="inline-form count-form"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(count);
            if (!Number.isInteger(n) || n < 1) return;
            void run(
              () =>
                setPopulationCount(repository, actor, test, control, n, countDescription.trim(), firmTable),
              `Population of ${n} items recorded.`,
            ).then(() => setDialog(null));
          }}
        >
          <Field label="Number of items">
            <input type="number" min={1} step={1} value={count} onChange={(e) => setCount(e.target.value)} />
          </Field>
          <Field label="What they are">
            <input
              value={countDescription}
              placeholder="e.g. monthly access reviews"
              onChange={(e) => setCountDescription(e.target.value)}
            />
          </Field>
          <button type="submit" className="primary" disabled={!(Number(count) >= 1)}>
            Record the count
          </button>
        </form>
      ) : null}
      {dialog === 'import' ? (
        <PopulationImportDialog
          period={period}
          onClose={() => setDialog(null)}
          onImport={async (file, sha256, choice) => {
            const saved = await run(
              () =>
                setPopulationFile(
                  repository,
                  actor,
                  engagement,
                  test,
                  control,
                  { file, sha256 },
                  choice,
                  firmTable,
                ),
              'Population imported and its file stored as evidence.',
            );
            return saved !== undefined;
          }}
        />
      ) : null}
      {p.source !== 'none' ? <IpeEditor key={`${p.sha256 ?? 'count'}-${p.count ?? 0}`} {...props} /> : null}
    </section>
  );
}

function IpeEditor({ test, actor, readOnly }: WorkpaperProps) {
  const { draft, errors, state, change } = useRecordAutosave<ControlTest, PopulationFields>({
    record: test,
    fields: populationFields,
    schema: populationFieldsSchema,
    save: (record, patch) => updateTest(repository, actor, record, patch),
    draftKey: `test-ipe.${test.id}.${test.population.sha256 ?? test.population.count}.${actor.id}`,
    readOnly,
  });
  const ipe = draft.population.ipe;
  const set = (patch: Partial<typeof ipe>) =>
    change({ population: { ...draft.population, ipe: { ...ipe, ...patch } } });
  const text = (
    key: 'sourceSystem' | 'report' | 'parameters' | 'generatedBy' | 'periodCovered',
    label: string,
    hint?: string,
  ) => (
    <Field label={label} hint={hint}>
      <input value={ipe[key]} readOnly={readOnly} onChange={(e) => set({ [key]: e.target.value })} />
    </Field>
  );
  const mismatch =
    ipe.recordCount !== null && test.population.count !== null && ipe.recordCount !== test.population.count;
  return (
    <fieldset className="ipe" aria-describedby="ipe-hint">
      <legend>Completeness and accuracy of the population</legend>
      <SaveStatus state={state} />
      <p id="ipe-hint" className="field-hint">
        How you know the listing is complete and accurate: where it came from, how it was produced, and what
        you did to check it (trace and vouch, sequence gaps, reconcile the count).
      </p>
      <div className="field-row">
        {text('sourceSystem', 'Source system')}
        {text('report', 'Report or query')}
      </div>
      <div className="field-row">
        {text('parameters', 'Parameters / filters')}
        {text('generatedBy', 'Generated by')}
      </div>
      <div className="field-row">
        <Field label="Generated on">
          <input
            type="date"
            value={ipe.generatedOn ?? ''}
            readOnly={readOnly}
            onChange={(e) => set({ generatedOn: e.target.value || null })}
          />
        </Field>
        <Field
          label="Record count per the system"
          error={errors.population}
          hint={
            mismatch ? `The file holds ${test.population.count} items: explain the difference.` : undefined
          }
        >
          <input
            type="number"
            min={0}
            value={ipe.recordCount ?? ''}
            readOnly={readOnly}
            onChange={(e) =>
              set({
                recordCount: e.target.value === '' ? null : Math.max(0, Math.floor(Number(e.target.value))),
              })
            }
          />
        </Field>
      </div>
      {text('periodCovered', 'Period covered by the listing')}
      <Field label="Procedures performed">
        <textarea
          rows={3}
          value={ipe.procedures}
          readOnly={readOnly}
          onChange={(e) => set({ procedures: e.target.value })}
        />
      </Field>
      <div className="field-row">
        <Field label="Result">
          <select
            value={ipe.result}
            disabled={readOnly}
            onChange={(e) => set({ result: e.target.value as typeof ipe.result })}
          >
            {IPE_RESULTS.map((r) => (
              <option key={r} value={r}>
                {IPE_RESULT_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Notes on the result">
          <input
            value={ipe.resultNotes}
            readOnly={readOnly}
            onChange={(e) => set({ resultNotes: e.target.value })}
          />
        </Field>
      </div>
      {test.population.sha256 ? (
        <p className="muted">
          Population file fingerprint: <span className="mono">{shortHash(test.population.sha256)}</span>
        </p>
      ) : null}
    </fieldset>
  );
}
