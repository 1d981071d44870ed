/**
 * The frame of a record list page (interviews, walkthroughs): title and New button, read-only banner and
 * summary, then either the empty state or the list (filter, Show, count) with the open record beside it.
 */
import { useState, type ReactNode } from 'react';
import { useAction } from '../app/useAction';

interface Props<S extends string> {
  /** Singular and plural nouns, from which the ids and labels are made ("interview", "interviews"). */
  noun: string;
  plural: string;
  title: string;
  withDetail: boolean;
  /** The read-only banner. */
  banner: ReactNode;
  summary: ReactNode;
  /** Adds a record; absent where the engagement cannot change. */
  onNew?: (() => Promise<void>) | undefined;
  /** Shown instead of the list while there is no record at all (deleted ones included). */
  empty: { title: string; text: ReactNode } | null;
  filterPlaceholder: string;
  query: string;
  setQuery(query: string): void;
  /** The Show choices before "Deleted", which is added while there are deleted records. */
  showOptions: readonly (readonly [NoInfer<S>, string])[];
  show: S;
  setShow(show: NoInfer<S>): void;
  counts: { visible: number; live: number; deleted: number };
  table: ReactNode;
  detail: ReactNode;
}

/** The filter text and the Show choice of a record list page. */
export function useListFilter<S extends string>(initial: S) {
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<S>(initial);
  return { query, setQuery, show, setShow };
}

export function RecordListPage<S extends string>(props: Props<S>) {
  const { noun, plural, show, counts } = props;
  const run = useAction();
  const onNew = props.onNew;
  const newButton = (label = `New ${noun}`) =>
    onNew ? (
      <button type="button" className="primary" onClick={() => void run(onNew)}>
        {label}
      </button>
    ) : null;

  return (
    <section
      className={props.withDetail ? 'page page-wide records-page with-detail' : 'page page-wide records-page'}
      aria-labelledby={`${plural}-title`}
    >
      <header className="page-header">
        <h1 id={`${plural}-title`}>{props.title}</h1>
        <div className="page-actions">{newButton()}</div>
      </header>
      {props.banner}
      {props.summary}

      {props.empty ? (
        <div className="empty-state">
          <h2>{props.empty.title}</h2>
          <p>{props.empty.text}</p>
          <div className="page-actions">{newButton(`Record the first ${noun}`)}</div>
        </div>
      ) : (
        <div className="master-detail">
          <div className="master">
            <div className="toolbar">
              <input
                type="search"
                aria-label={`Filter ${plural}`}
                placeholder={props.filterPlaceholder}
                value={props.query}
                onChange={(e) => props.setQuery(e.target.value)}
              />
              <select
                aria-label={`Show ${plural}`}
                value={show}
                onChange={(e) => props.setShow(e.target.value as S)}
              >
                {props.showOptions.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
                {counts.deleted > 0 || show === 'deleted' ? (
                  <option value="deleted">Deleted ({counts.deleted})</option>
                ) : null}
              </select>
              <span className="muted num" aria-live="polite">
                {counts.visible === counts.live && show === 'all'
                  ? `${counts.live} shown`
                  : `Showing ${counts.visible} of ${show === 'deleted' ? counts.deleted : counts.live}`}
              </span>
            </div>
            {props.table}
          </div>
          {props.detail}
        </div>
      )}
    </section>
  );
}
