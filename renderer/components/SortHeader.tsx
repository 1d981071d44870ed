/** A sortable column header: a button inside <th> with aria-sort, keyboard operable. */
export type SortDir = 'asc' | 'desc';

interface SortHeaderProps<K extends string> {
  column: K;
  label: string;
  sortKey: K;
  sortDir: SortDir;
  onSort(column: K): void;
  className?: string;
}

export function SortHeader<K extends string>({
  column,
  label,
  sortKey,
  sortDir,
  onSort,
  className,
}: SortHeaderProps<K>) {
  const active = column === sortKey;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-indicator">
          {active ? (sortDir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}
