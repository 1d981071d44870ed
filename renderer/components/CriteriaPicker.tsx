/**
 * Picks the criteria a control (or CSOC, CUEC) supports: the mapped criteria as removable chips and a
 * searchable combobox listing the engagement's criteria. Keyboard: type an ID or words, ↑/↓ to move,
 * Enter to add or remove the highlighted criterion, Backspace in the empty box removes the last chip,
 * Esc closes the list. Typing or pasting a list ("CC6.1, CC6.2; CC7.1") and pressing Enter adds them all.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { CRITERIA, getCriterion } from '@shared/domain/criteria';
import { sortCriteria } from '@shared/domain/planning';
import type { ScopedCriterion } from '@shared/domain/engagement';

interface CriteriaPickerProps {
  label: string;
  value: readonly string[];
  onChange(ids: string[]): void;
  /** The engagement's criteria (categories in scope) with their applicability. */
  available: readonly ScopedCriterion[];
  disabled?: boolean;
  error?: string | undefined;
}

const compact = (s: string) => s.toLocaleLowerCase().replace(/[\s.]/gu, '');

/** Criterion ids written in free text ("cc 6.1; CC6.2."), for pasting a list into the box. */
export function idsInText(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(CC|PI|A|C|P)\s*(\d{1,2})\s*\.\s*(\d{1,2})/giu)) {
    const id = `${(m[1] ?? '').toUpperCase()}${Number(m[2])}.${Number(m[3])}`;
    if (getCriterion(id)) found.push(id);
  }
  return found;
}

/** The parts of a pasted list that are not criterion IDs ("CC9.9", "foo"), to say what was left out. */
export function unknownInText(text: string): string[] {
  return text
    .split(/[,;/\n]+/u)
    .map((part) => part.trim())
    .filter((part) => part !== '' && idsInText(part).length === 0);
}

export function CriteriaPicker({ label, value, onChange, available, disabled, error }: CriteriaPickerProps) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const selected = useMemo(() => new Set(value), [value]);
  const inScope = useMemo(() => new Map(available.map((c) => [c.id as string, c])), [available]);

  const options = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const qc = compact(q);
    if (!q) return available;
    return available.filter(
      (c) =>
        compact(c.id).startsWith(qc) ||
        `${c.title} ${c.groupName}`.toLocaleLowerCase().includes(q) ||
        compact(c.id).includes(qc),
    );
  }, [available, query]);
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  function toggle(id: string) {
    onChange(selected.has(id) ? value.filter((v) => v !== id) : sortCriteria([...value, id]));
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = Math.max(0, Math.min(options.length - 1, activeIndex + step));
      setActive(next);
      document.getElementById(`${baseId}-opt-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const pasted = idsInText(query);
      if (
        pasted.length > 1 ||
        (pasted.length === 1 && !open) ||
        (pasted.length === 1 && /[,;/\n]/u.test(query))
      ) {
        onChange(sortCriteria([...value, ...pasted]));
        const unknown = unknownInText(query);
        setNotice(
          unknown.length > 0
            ? `Added ${pasted.join(', ')}. Not criteria, so not added: ${unknown.join(', ')}.`
            : `Added ${pasted.join(', ')}.`,
        );
        setQuery('');
        return;
      }
      if (pasted.length === 0 && /[,;]/u.test(query)) {
        setNotice(`No trust services criterion found in “${query.trim()}”.`);
        return;
      }
      const option = options[activeIndex];
      if (open && option) {
        toggle(option.id);
        setQuery('');
      } else setOpen(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation(); // close the list, not the dialog around it
      setOpen(false);
    } else if (event.key === 'Backspace' && query === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  const activeOption = open ? options[activeIndex] : undefined;
  return (
    <div className={error ? 'field field-invalid criteria-picker' : 'field criteria-picker'}>
      <label htmlFor={`${baseId}-input`}>{label}</label>
      <ul className="chips" aria-label={`${label}: ${value.length} mapped`}>
        {value.map((id) => {
          const scoped = inScope.get(id);
          const note = !scoped ? ' (not in scope)' : !scoped.applicable ? ' (not applicable)' : '';
          return (
            <li
              key={id}
              className={note ? 'chip chip-warn' : 'chip'}
              title={`${id} ${getCriterion(id)?.title ?? ''}${note}`}
            >
              <span>
                {id}
                {note ? <span className="chip-note">{note}</span> : null}
              </span>
              {disabled ? null : (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${id}`}
                  onClick={() => {
                    onChange(value.filter((v) => v !== id));
                    inputRef.current?.focus();
                  }}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
        {value.length === 0 ? <li className="muted">None yet</li> : null}
      </ul>
      {disabled ? null : (
        <div className="combobox">
          <input
            ref={inputRef}
            id={`${baseId}-input`}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={activeOption ? `${baseId}-opt-${activeIndex}` : undefined}
            aria-invalid={error ? true : undefined}
            placeholder="Type an ID or words, e.g. 6.1 or access"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              setOpen(true);
              setNotice(null);
            }}
            onFocus={() => setOpen(true)}
            onBlur={(e) => {
              if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) setOpen(false); // relatedTarget is a DOM node
            }}
            onKeyDown={onKeyDown}
          />
          {open ? (
            <ul
              id={listId}
              tabIndex={-1}
              role="listbox"
              aria-label={`${label} options`}
              aria-multiselectable="true"
              className="listbox"
            >
              {options.length === 0 ? (
                <li className="muted listbox-empty" role="presentation">
                  {idsInText(query).length > 0
                    ? 'Press Enter to add the criteria typed.'
                    : `No criterion in scope matches “${query}”.`}
                </li>
              ) : (
                options.map((c, index) => (
                  <li
                    key={c.id}
                    id={`${baseId}-opt-${index}`}
                    role="option"
                    aria-selected={selected.has(c.id)}
                    className={index === activeIndex ? 'option option-active' : 'option'}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => toggle(c.id)}
                  >
                    <span className="option-check" aria-hidden="true">
                      {selected.has(c.id) ? '✓' : ''}
                    </span>
                    <span className="num option-id">{c.id}</span>
                    <span className="option-title">
                      {c.title}
                      {!c.applicable ? <span className="muted"> (not applicable)</span> : null}
                    </span>
                  </li>
                ))
              )}
            </ul>
          ) : null}
        </div>
      )}
      {notice ? (
        <p className="field-hint" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Every catalog criterion, for pickers outside an engagement's scope. */
export const ALL_CRITERIA_AS_SCOPED: readonly ScopedCriterion[] = CRITERIA.map((c) => ({
  ...c,
  applicable: true,
  naReason: null,
}));
