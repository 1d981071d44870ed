/**
 * The exception list: number, control, test (a link to its workpaper), items affected, type, nature,
 * status and the start of the description. ↑/↓, Home/End move through it (opening each beside the list);
 * Esc closes the editor.
 */
import {
  EXCEPTION_NATURE_LABELS,
  formatExceptionNumber,
  type ControlException,
} from '@shared/domain/fieldwork';
import { SortHeader, type SortDir } from '../../components/SortHeader';
import { onListKey } from '../../components/listKeys';
import { ExceptionStatusBadge } from './ExceptionStatusBadge';
import { EXCEPTION_TYPE_SHORT, excerpt, type ExceptionLookups, type ExceptionSortKey } from './exceptionView';

interface Props {
  engagementId: string;
  rows: readonly ControlException[];
  lookups: ExceptionLookups;
  selectedId: string | undefined;
  select(id: string | null): void;
  sortKey: ExceptionSortKey;
  sortDir: SortDir;
  onSort(key: ExceptionSortKey): void;
}

export const openButtonId = (id: string) => `exception-open-${id}`;

export function ExceptionsTable(props: Props) {
  const { engagementId, rows, lookups, selectedId, select, sortKey, sortDir, onSort } = props;

  function onTableKey(event: React.KeyboardEvent) {
    onListKey(event, {
      ids: rows.map((r) => r.id),
      selectedId,
      select,
      focusTarget: (id) => `#${openButtonId(id)}`,
    });
  }

  const header = (column: ExceptionSortKey, label: string, className?: string) => (
    <SortHeader
      column={column}
      label={label}
      sortKey={sortKey}
      sortDir={sortDir}
      onSort={onSort}
      className={className}
    />
  );

  return (
    <div className="table-wrap table-scroll" onKeyDown={onTableKey}>
      <table className="grid grid-fixed exceptions-grid" aria-label="Exceptions">
        <thead>
          <tr>
            {header('number', '#', 'col-ex')}
            {header('control', 'Control', 'col-ex-control')}
            {header('test', 'Test', 'col-ex-test')}
            {header('items', 'Items', 'col-ex-items')}
            {header('type', 'Type', 'col-type')}
            {header('nature', 'Nature', 'col-ex-nature')}
            {header('status', 'Status', 'col-ex-status')}
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const number = formatExceptionNumber(e.number);
            const testRef = lookups.testRefs.get(e.testId);
            const description = excerpt(e.description);
            return (
              <tr
                key={e.id}
                className={e.id === selectedId ? 'row-selected' : undefined}
                aria-selected={e.id === selectedId}
              >
                <td className="num nowrap">
                  <button
                    type="button"
                    id={openButtonId(e.id)}
                    className="link-button"
                    onClick={() => select(e.id)}
                  >
                    {number}
                  </button>
                </td>
                <td className="num ellipsis col-ex-control" title={lookups.controlRefs.get(e.controlId)}>
                  {lookups.controlRefs.get(e.controlId) ?? '?'}
                </td>
                <td className="num ellipsis" title={testRef ? `Open test ${testRef}` : 'Deleted test'}>
                  {testRef ? (
                    <a
                      href={`#/engagements/${encodeURIComponent(engagementId)}/tests/${encodeURIComponent(e.testId)}`}
                    >
                      {testRef}
                    </a>
                  ) : (
                    <span className="muted">deleted</span>
                  )}
                </td>
                <td className="num">{e.sampleItemIds.length}</td>
                <td className="col-type ellipsis">{EXCEPTION_TYPE_SHORT[e.type]}</td>
                <td className="ellipsis col-ex-nature">
                  {e.nature ? EXCEPTION_NATURE_LABELS[e.nature] : <span className="muted">Not decided</span>}
                </td>
                <td>
                  <ExceptionStatusBadge status={e.status} />
                </td>
                <td className="ellipsis" title={e.description || undefined}>
                  {description || <span className="muted">Not described yet</span>}
                </td>
              </tr>
            );
          })}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted">
                No exception matches the filter.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
