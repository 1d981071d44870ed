/** Chooses several controls from the matrix: a filter box over a checkbox list (retired controls left out). */
import { useMemo, useState } from 'react';
import { compareReferences, type Control } from '@shared/domain/planning';

interface Props {
  label: string;
  controls: readonly Control[];
  value: readonly string[];
  onChange(ids: string[]): void;
  disabled?: boolean;
  /** References of deleted controls, to name links that still point to one. */
  deletedReferences?: ReadonlyMap<string, string>;
}

export function ControlChooser({ label, controls, value, onChange, disabled, deletedReferences }: Props) {
  const [query, setQuery] = useState('');
  const selected = new Set(value);
  const options = useMemo(
    () =>
      controls
        .filter((c) => !c.deleted && (c.status !== 'retired' || value.includes(c.id)))
        .sort((a, b) => compareReferences(a.reference, b.reference)),
    [controls, value],
  );
  const q = query.trim().toLocaleLowerCase();
  const shown = q
    ? options.filter((c) =>
        `${c.reference} ${c.title} ${c.description} ${c.criteria.join(' ')}`.toLocaleLowerCase().includes(q),
      )
    : options;
  return (
    <fieldset className="control-chooser" disabled={disabled}>
      <legend>
        {label} <span className="muted num">({value.length} chosen)</span>
      </legend>
      <input
        type="search"
        aria-label={`Filter ${label.toLocaleLowerCase()}`}
        placeholder="Filter controls…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="chooser-list">
        {shown.map((c) => (
          <li key={c.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={selected.has(c.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, c.id] : value.filter((id) => id !== c.id))
                }
              />
              <span className="num">{c.reference}</span>
              <span className="chooser-title">{c.title || c.description}</span>
            </label>
          </li>
        ))}
        {value
          .filter((id) => !options.some((c) => c.id === id))
          .map((id) => (
            <li key={id}>
              <label className="checkbox">
                <input type="checkbox" checked onChange={() => onChange(value.filter((v) => v !== id))} />
                <span className="muted">{deletedReferences?.get(id) ?? 'Deleted control'}</span>
                <span className="chooser-title muted">deleted control: untick to remove the link</span>
              </label>
            </li>
          ))}
        {shown.length === 0 ? (
          <li className="muted">
            {options.length === 0 ? 'The control matrix is empty.' : 'No control matches.'}
          </li>
        ) : null}
      </ul>
    </fieldset>
  );
}
