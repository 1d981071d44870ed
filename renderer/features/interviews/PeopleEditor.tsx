/**
 * People met on site (name, title, organization): the interviewees of an interview, the client participants
 * of a walkthrough. Rows are edited in place; a new person is typed in the last row and added with Enter,
 * the Add button, or by leaving the row with a name typed.
 */
import { useId, useState } from 'react';
import type { Person } from '@shared/domain/fieldwork';

interface Props {
  /** "Interviewees", "Client participants". */
  legend: string;
  /** One of them, in lower case: "interviewee", "participant". */
  noun: string;
  value: readonly Person[];
  onChange(people: Person[]): void;
  /** The editor's field errors; keys such as `interviewees.0.name`. */
  errors: Readonly<Record<string, string>>;
  field: string;
  readOnly: boolean;
}

const EMPTY: Person = { name: '', title: '', organization: '' };

export function PeopleEditor({ legend, noun, value, onChange, errors, field, readOnly }: Props) {
  const baseId = useId();
  const [fresh, setFresh] = useState<Person>(EMPTY);
  const newNameId = `${baseId}-new-name`;

  const add = (refocus: boolean) => {
    if (!fresh.name.trim()) return;
    onChange([
      ...value,
      { name: fresh.name.trim(), title: fresh.title.trim(), organization: fresh.organization.trim() },
    ]);
    setFresh(EMPTY);
    if (refocus) document.getElementById(newNameId)?.focus();
  };
  const set = (index: number, patch: Partial<Person>) =>
    onChange(value.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const fieldError = (i: number) =>
    errors[`${field}.${i}.name`] ?? errors[`${field}.${i}.title`] ?? errors[`${field}.${i}.organization`];

  return (
    <fieldset className="people-editor">
      <legend>
        {legend} <span className="muted num">({value.length})</span>
      </legend>
      {value.length > 0 || !readOnly ? (
        <div className="people-grid people-head" aria-hidden="true">
          <span>Name</span>
          <span>Title / role</span>
          <span>Organization</span>
        </div>
      ) : null}
      {value.length > 0 ? (
        <ul className="people-rows">
          {value.map((p, i) => {
            const error = fieldError(i);
            const n = i + 1;
            return (
              // People have no id of their own; rows are positions in the list.
              <li key={i}>
                <div className="people-grid">
                  <input
                    aria-label={`Name of ${noun} ${n}`}
                    value={p.name}
                    title={p.name}
                    readOnly={readOnly}
                    aria-invalid={errors[`${field}.${i}.name`] ? true : undefined}
                    onChange={(e) => set(i, { name: e.target.value })}
                  />
                  <input
                    aria-label={`Title of ${noun} ${n}`}
                    value={p.title}
                    title={p.title}
                    readOnly={readOnly}
                    onChange={(e) => set(i, { title: e.target.value })}
                  />
                  <input
                    aria-label={`Organization of ${noun} ${n}`}
                    value={p.organization}
                    title={p.organization}
                    readOnly={readOnly}
                    onChange={(e) => set(i, { organization: e.target.value })}
                  />
                  {readOnly ? null : (
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove ${noun} ${n}${p.name ? ` (${p.name})` : ''}`}
                      title="Remove"
                      onClick={() => {
                        onChange(value.filter((_, j) => j !== i));
                        document.getElementById(newNameId)?.focus();
                      }}
                    >
                      ×
                    </button>
                  )}
                </div>
                {error ? (
                  <p className="field-error" role="alert">
                    {noun.charAt(0).toUpperCase() + noun.slice(1)} {n}: {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : readOnly ? (
        <p className="muted">None recorded.</p>
      ) : null}
      {readOnly ? null : (
        <div
          className="people-grid people-new"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.target as HTMLElement).matches('input')) {
              e.preventDefault();
              add(true);
            }
          }}
          onBlur={(e) => {
            // Leaving the row with a name typed adds the person: typed text is never dropped.
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) add(false); // relatedTarget is a DOM node
          }}
        >
          <input
            id={newNameId}
            aria-label={`New ${noun}: name`}
            placeholder="Name"
            value={fresh.name}
            onChange={(e) => setFresh({ ...fresh, name: e.target.value })}
          />
          <input
            aria-label={`New ${noun}: title or role`}
            placeholder="Title, e.g. CTO"
            value={fresh.title}
            onChange={(e) => setFresh({ ...fresh, title: e.target.value })}
          />
          <input
            aria-label={`New ${noun}: organization`}
            placeholder="Organization"
            value={fresh.organization}
            onChange={(e) => setFresh({ ...fresh, organization: e.target.value })}
          />
          <button
            type="button"
            aria-label={`Add ${noun}`}
            title="Add (Enter)"
            disabled={!fresh.name.trim()}
            onClick={() => add(true)}
          >
            Add
          </button>
        </div>
      )}
    </fieldset>
  );
}
