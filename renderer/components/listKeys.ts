/**
 * Keyboard use of a record list beside its editor: ↑/↓ and Home/End move through the rows, opening each
 * beside the list and taking the focus to it; Esc closes the editor. Lists whose rows are focusable
 * (interviews, walkthroughs) also take Enter on a row into its editor. Keys typed in a filter field or
 * pressed on the sort buttons of the header stay theirs.
 */
import type { KeyboardEvent } from 'react';
import { focusWhenReady } from './focus';

export interface ListKeyOptions {
  /** The records in the order shown. */
  ids: readonly string[];
  selectedId: string | undefined;
  select(id: string | null): void;
  /** The selector of what takes the focus on the row just selected (`#evidence-open-…`). */
  focusTarget(id: string): string;
  /** Enter on a focused row (`tr[data-id]`); without it Enter is left alone. */
  onEnter?(id: string): void;
}

export function onListKey(event: KeyboardEvent, options: ListKeyOptions): void {
  const { ids, selectedId, select } = options;
  const target = event.target as HTMLElement; // keyboard events come from elements
  if (target.closest('th') || target.matches('input, select, textarea')) return;
  if (event.key === 'Escape' && selectedId) {
    event.preventDefault();
    select(null);
    return;
  }
  if (event.key === 'Enter' && options.onEnter && target.matches('tr')) {
    const id = target.dataset.id;
    if (!id) return;
    event.preventDefault();
    options.onEnter(id);
    return;
  }
  const index = ids.indexOf(selectedId ?? '');
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    Home: 0,
    End: ids.length - 1,
  };
  const to = moves[event.key];
  if (to === undefined || ids.length === 0) return;
  event.preventDefault();
  const next = ids[Math.max(0, Math.min(ids.length - 1, to))];
  if (next) {
    select(next);
    focusWhenReady([options.focusTarget(next)]);
  }
}

/** The id of a focusable row: `<prefix>-row-<record id>`. */
export function rowId(prefix: string, id: string): string {
  return `${prefix}-row-${id}`;
}

/** Focuses the first field of the record's editor once it is rendered (after Enter on a row, or a new record). */
export function focusEditor(id: string, selectText = false): void {
  const pane = `.detail-pane[data-record="${id}"] .detail-form`;
  focusWhenReady([`${pane} input:not([type="checkbox"])`, `${pane} textarea`], selectText);
}

/**
 * After an editor closes, takes the focus back to its row once the list has caught up (a deleted row is
 * gone by then: the first focusable row takes it instead).
 */
export function focusRowLater(prefix: string, id: string): void {
  setTimeout(() => focusWhenReady([`#${rowId(prefix, id)}`, '.table-scroll tbody tr[tabindex="0"]']), 150);
}
