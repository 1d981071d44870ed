/**
 * The engagement's tickmark legend: the built-in marks and the firm's own (T traced, V vouched…), each
 * saying whether it counts as a pass, an exception or not applicable. Every mark used is defined here.
 */
import { useState } from 'react';
import {
  TICKMARK_OUTCOMES,
  TICKMARK_OUTCOME_LABELS,
  type LegendEntry,
  type TickmarkOutcome,
} from '@shared/domain/fieldwork';
import { focusWhenReady } from '../../components/focus';
import { repository, type Actor } from '../../db';
import { createRecord, setDeleted } from '../../db/records';
import { useAction } from '../../app/useAction';

export function LegendEditor({
  engagementId,
  legend,
  actor,
  readOnly,
  used,
}: {
  engagementId: string;
  legend: readonly LegendEntry[];
  actor: Actor;
  readOnly: boolean;
  /** Marks present in this test's cells: a removed mark still in use stays explained here. */
  used: ReadonlySet<string>;
}) {
  const run = useAction();
  const [adding, setAdding] = useState(false);
  const [symbol, setSymbol] = useState('');
  const [meaning, setMeaning] = useState('');
  const [outcome, setOutcome] = useState<TickmarkOutcome>('pass');
  const taken = new Set(legend.filter((t) => !t.removed).map((t) => t.symbol.toLocaleLowerCase()));
  const clash =
    symbol.trim() !== '' && (taken.has(symbol.trim().toLocaleLowerCase()) || /^[xnv ]/iu.test(symbol.trim()));
  return (
    <div className="legend" role="group" aria-label="Tickmark legend">
      <span className="legend-title">Legend:</span>
      {legend
        .filter((t) => !t.removed)
        .map((t) => (
          <span key={t.id} className="legend-entry" title={TICKMARK_OUTCOME_LABELS[t.outcome]}>
            <strong className={`legend-symbol mark-${t.outcome === 'exception' ? 'exception' : t.outcome}`}>
              {t.symbol}
            </strong>{' '}
            {t.meaning}
            {!t.builtIn && !readOnly ? (
              <button
                type="button"
                className="link-button"
                aria-label={`Remove the mark ${t.symbol} from the legend`}
                onClick={() =>
                  void run(
                    () => setDeleted(repository, actor, 'tickmark', [t.id], true),
                    `Removed ${t.symbol} from the legend; cells already marked keep it.`,
                  )
                }
              >
                ×
              </button>
            ) : null}
          </span>
        ))}
      {legend
        .filter((t) => t.removed && used.has(t.id))
        .map((t) => (
          <span
            key={t.id}
            className="legend-entry"
            title="Removed from the legend; cells marked with it keep it"
          >
            <strong className="legend-symbol">{t.symbol}</strong> {t.meaning}{' '}
            <span className="muted">(removed, still used)</span>
          </span>
        ))}
      {readOnly ? null : adding ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (clash || !symbol.trim() || !meaning.trim()) return;
            void run(
              () =>
                createRecord(repository, actor, 'tickmark', {
                  engagementId,
                  symbol: symbol.trim(),
                  meaning: meaning.trim(),
                  outcome,
                }),
              `Added ${symbol.trim()} to the legend.`,
            ).then(() => {
              setAdding(false);
              setSymbol('');
              setMeaning('');
              focusWhenReady(['.legend .add-tickmark']);
            });
          }}
        >
          <label className="inline-field">
            Mark
            <input
              className="symbol-input"
              maxLength={6}
              autoFocus
              value={symbol}
              onChange={(e) => setSymbol(e.target.value)}
            />
          </label>
          <label className="inline-field">
            Meaning
            <input value={meaning} onChange={(e) => setMeaning(e.target.value)} />
          </label>
          <label className="inline-field">
            Counts as
            <select value={outcome} onChange={(e) => setOutcome(e.target.value as TickmarkOutcome)}>
              {TICKMARK_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {TICKMARK_OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={clash || !symbol.trim() || !meaning.trim()}>
            Add
          </button>
          <button
            type="button"
            onClick={() => {
              setAdding(false);
              focusWhenReady(['.legend .add-tickmark']);
            }}
          >
            Cancel
          </button>
          {clash ? <span className="error-text">That mark or its key is already used.</span> : null}
        </form>
      ) : (
        <button type="button" className="link-button add-tickmark" onClick={() => setAdding(true)}>
          Add a firm tickmark…
        </button>
      )}
    </div>
  );
}
