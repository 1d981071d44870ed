/** The trail's filters: words, person, record type, a date range and post-release changes only. */
import type { Dispatch, SetStateAction } from 'react';

export interface TrailFilterValues {
  query: string;
  actor: string;
  entity: string;
  from: string;
  to: string;
}

export const NO_FILTERS: TrailFilterValues = { query: '', actor: '', entity: '', from: '', to: '' };

interface Props {
  values: TrailFilterValues;
  setValues: Dispatch<SetStateAction<TrailFilterValues>>;
  actors: readonly { id: string; name: string }[];
  /** Absent when the list shows one record (its type is known). */
  recordTypes: readonly { entity: string; label: string }[] | null;
  postReleaseOnly: boolean;
  setPostReleaseOnly(value: boolean): void;
  onClear(): void;
  /** Whether any filter is set (Clear filters has something to clear). */
  filtered: boolean;
}

const n = (value: number) => value.toLocaleString('en-US');

export function TrailFilters(props: Props) {
  const { values, setValues } = props;
  const set = (key: keyof TrailFilterValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <div className="toolbar toolbar-wrap trail-toolbar" role="search" aria-label="Filter the audit trail">
      <input
        type="search"
        aria-label="Search the audit trail"
        placeholder="Search records, fields, values, reasons…"
        value={values.query}
        onChange={set('query')}
      />
      <select aria-label="Person" value={values.actor} onChange={set('actor')}>
        <option value="">Everyone</option>
        {props.actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {props.recordTypes ? (
        <select aria-label="Record type" value={values.entity} onChange={set('entity')}>
          <option value="">All record types</option>
          {props.recordTypes.map((t) => (
            <option key={t.entity} value={t.entity}>
              {t.label}
            </option>
          ))}
        </select>
      ) : null}
      <label className="inline-field">
        From
        <input type="date" value={values.from} max={values.to || undefined} onChange={set('from')} />
      </label>
      <label className="inline-field">
        To
        <input type="date" value={values.to} min={values.from || undefined} onChange={set('to')} />
      </label>
      <label className="inline-field">
        <input
          type="checkbox"
          checked={props.postReleaseOnly}
          onChange={(e) => props.setPostReleaseOnly(e.target.checked)}
        />
        Post-release only
      </label>
      <button type="button" className="link-button" disabled={!props.filtered} onClick={props.onClear}>
        Clear filters
      </button>
    </div>
  );
}

/** How many events the list shows, or how far the reading has got. */
export function TrailCount({
  counts,
  progress,
  filtered,
}: {
  /** Events shown and in all; `null` while loading. */
  counts: { shown: number; total: number } | null;
  /** Events read so far while older ones are still coming in; `null` once all are read. */
  progress: { read: number; total: number } | null;
  filtered: boolean;
}) {
  const events = (total: number) => `event${total === 1 ? '' : 's'}`;
  return (
    <span className="muted num trail-count" aria-live="polite">
      {counts === null
        ? 'Loading…'
        : progress
          ? `Reading events… ${n(progress.read)} of ${n(progress.total)}`
          : !filtered
            ? `${n(counts.total)} ${events(counts.total)}`
            : `Showing ${n(counts.shown)} of ${n(counts.total)} ${events(counts.total)}`}
    </span>
  );
}
