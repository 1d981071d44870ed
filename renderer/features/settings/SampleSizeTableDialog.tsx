/**
 * The firm's sample-size table: sizes by control frequency and risk, each row with its basis. Editing it
 * changes the recommendation for tests planned from now on; tests already planned keep what they recorded.
 */
import { useState } from 'react';
import {
  DEFAULT_SAMPLE_SIZE_TABLE,
  sampleSizeTableSchema,
  SIZE_TABLE_ROWS,
  type SampleSizeTable,
  type SizeTableRowKey,
} from '@shared/domain/sampling';
import { FREQUENCY_LABELS } from '@shared/domain/planning';
import { repository } from '../../db';
import { useActor } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { Dialog } from '../../components/Dialog';
import { saveFirmSampleSizeTable } from './commands';

const ROW_LABELS: Record<SizeTableRowKey, string> = {
  ...FREQUENCY_LABELS,
  'event-driven': 'Event-driven, large population',
  'event-driven-small': 'Event-driven, small population',
};

export function SampleSizeTableDialog({ table, onClose }: { table: SampleSizeTable; onClose(): void }) {
  const actor = useActor();
  const run = useAction();
  const [draft, setDraft] = useState<SampleSizeTable>(table);
  const parsed = sampleSizeTableSchema.safeParse(draft);
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'The table is not valid.');
  const setRow = (key: SizeTableRowKey, patch: Partial<SampleSizeTable['rows'][SizeTableRowKey]>) =>
    setDraft({ ...draft, rows: { ...draft.rows, [key]: { ...draft.rows[key], ...patch } } });
  const size = (key: SizeTableRowKey, level: 'low' | 'moderate' | 'high') => (
    <input
      type="number"
      min={1}
      step={1}
      className="size-input"
      aria-label={`${ROW_LABELS[key]}, ${level} risk`}
      value={draft.rows[key][level]}
      disabled={!actor}
      onChange={(e) => setRow(key, { [level]: Math.floor(Number(e.target.value)) })}
    />
  );
  return (
    <Dialog
      title="Firm sample-size table"
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={() => setDraft(DEFAULT_SAMPLE_SIZE_TABLE)}>
            Reset to the shipped defaults
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!actor || problem !== null}
            onClick={() =>
              actor &&
              void run(
                () => saveFirmSampleSizeTable(repository, actor, draft),
                'Sample-size table saved.',
              ).then(onClose)
            }
          >
            Save the table
          </button>
        </>
      }
    >
      <p className="muted">
        Used to recommend a sample size from a control&apos;s frequency and risk; the population size caps it
        (every item is tested when the population is no larger) and automated controls are a test of one.
        Tests already planned keep the size and basis they recorded. No standard prescribes these numbers:
        they are the firm&apos;s methodology.
      </p>
      <div className="table-wrap">
        <table className="grid size-table" aria-label="Sample sizes by frequency and risk">
          <thead>
            <tr>
              <th scope="col">Frequency</th>
              <th scope="col" className="num">
                Low
              </th>
              <th scope="col" className="num">
                Moderate
              </th>
              <th scope="col" className="num">
                High
              </th>
              <th scope="col">Basis</th>
            </tr>
          </thead>
          <tbody>
            {SIZE_TABLE_ROWS.map((key) => (
              <tr key={key}>
                <th scope="row">{ROW_LABELS[key]}</th>
                <td>{size(key, 'low')}</td>
                <td>{size(key, 'moderate')}</td>
                <td>{size(key, 'high')}</td>
                <td>
                  <input
                    aria-label={`Basis for ${ROW_LABELS[key]}`}
                    value={draft.rows[key].basis}
                    disabled={!actor}
                    onChange={(e) => setRow(key, { basis: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="field">
        <label htmlFor="small-threshold">Small event-driven population: fewer than</label>
        <input
          id="small-threshold"
          type="number"
          min={1}
          value={draft.smallPopulationThreshold}
          onChange={(e) =>
            setDraft({ ...draft, smallPopulationThreshold: Math.floor(Number(e.target.value)) })
          }
        />
      </div>
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
    </Dialog>
  );
}
