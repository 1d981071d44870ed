/**
 * A sortable list of records whose rows are focusable (`id="<prefix>-row-<record id>"`): a click opens a
 * record beside the list; ↑/↓, Home/End move through it, Enter goes into the editor, Esc closes it.
 */
import type { ReactNode } from 'react';
import { SortHeader, type SortDir } from './SortHeader';
import { focusEditor, onListKey, rowId } from './listKeys';

export interface RecordColumn<K extends string> {
  key: K;
  label: string;
  className?: string;
}

interface Props<T extends { id: string }, K extends string> {
  /** The table's accessible name ("Interviews"). */
  label: string;
  /** Of the row ids ("interview"). */
  prefix: string;
  columns: readonly RecordColumn<K>[];
  rows: readonly T[];
  selectedId: string | undefined;
  select(id: string | null): void;
  sortKey: K;
  sortDir: SortDir;
  onSort(key: K): void;
  emptyText: string;
  /** The cells of one row. */
  cells(row: T): ReactNode;
}

export function RecordTable<T extends { id: string }, K extends string>(props: Props<T, K>) {
  const { prefix, rows, selectedId, select } = props;
  const ids = rows.map((r) => r.id);
  const selectedIndex = ids.indexOf(selectedId ?? '');
  return (
    <div
      className="table-wrap table-scroll"
      onKeyDown={(e) =>
        onListKey(e, {
          ids,
          selectedId,
          select,
          focusTarget: (id) => `#${rowId(prefix, id)}`,
          onEnter: (id) => {
            select(id);
            focusEditor(id);
          },
        })
      }
    >
      <table className="grid grid-fixed" aria-label={props.label}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <SortHeader
                key={c.key}
                column={c.key}
                label={c.label}
                sortKey={props.sortKey}
                sortDir={props.sortDir}
                onSort={props.onSort}
                className={c.className}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, index) => {
            const isSelected = r.id === selectedId;
            return (
              <tr
                key={r.id}
                id={rowId(prefix, r.id)}
                data-id={r.id}
                tabIndex={isSelected || (selectedIndex < 0 && index === 0) ? 0 : -1}
                aria-selected={isSelected}
                className={isSelected ? 'row-selected' : undefined}
                onClick={() => select(r.id)}
              >
                {props.cells(r)}
              </tr>
            );
          })}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length} className="muted">
                {props.emptyText}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
