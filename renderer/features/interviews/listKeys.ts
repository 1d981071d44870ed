/**
 * Keyboard use of a record list beside its editor (interviews, walkthroughs): ↑/↓ and Home/End move
 * through the rows, opening each beside the list; Enter takes the keyboard into the editor; Esc closes it.
 * Rows carry `id="<prefix>-row-<record id>"` and `data-id`; the editor is a `.detail-pane[data-record]`
 * with a `.detail-form`.
 */
import type { KeyboardEvent } from 'react';
import { focusWhenReady } from '../../components/focus';

export function rowId(prefix: string, id: string): string {
  return `${prefix}-row-${id}`;
}

/** Focuses the first field of the record's editor once it is rendered (after Enter on a row, or a new record). */
export function focusEditor(id: string, selectText = false): void {
  const pane = `.detail-pane[data-record="${id}"] .detail-form`;
  focusWhenReady([`${pane} input:not([type="checkbox"])`, `${pane} textarea`], selectText);
}

export function onListKey(
  event: KeyboardEvent,
  ids: readonly string[],
  selectedId: string | undefined,
  select: (id: string | null) => void,
  prefix: string,
): void {
  const target = event.target as HTMLElement; // keyboard events come from elements
  // Keys typed in the filter or pressed on the sort buttons stay theirs.
  if (target.closest('th') || target.matches('input, select, textarea')) return;
  if (event.key === 'Escape' && selectedId) {
    event.preventDefault();
    select(null);
    return;
  }
  if (event.key === 'Enter' && target.matches('tr')) {
    const id = target.dataset.id;
    if (!id) return;
    event.preventDefault();
    select(id);
    focusEditor(id);
    return;
  }
  const index = ids.findIndex((id) => id === selectedId);
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index < 0 ? 0 : index - 1,
    Home: 0,
    End: ids.length - 1,
  };
  const to = moves[event.key];
  if (to === undefined || ids.length === 0) return;
  event.preventDefault();
  const next = ids[Math.max(0, Math.min(ids.length - 1, to))];
  if (next) {
    select(next);
    focusWhenReady([`#${rowId(prefix, next)}`]);
  }
}
