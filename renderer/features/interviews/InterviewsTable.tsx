/** The interview list: date, title, interviewees, controls and open follow-ups; arrows move through it. */
import { formatDate } from '@shared/domain/engagement';
import { describePerson, type Interview } from '@shared/domain/fieldwork';
import { SortHeader, type SortDir } from '../../components/SortHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { onListKey, rowId } from './listKeys';

export type InterviewSortKey = 'date' | 'title' | 'people' | 'controls' | 'open';

export function openFollowUps(i: Pick<Interview, 'followUps'>): number {
  return i.followUps.filter((f) => !f.done).length;
}

interface Props {
  rows: readonly Interview[];
  references: ReadonlyMap<string, string>;
  selectedId: string | undefined;
  select(id: string | null): void;
  sortKey: InterviewSortKey;
  sortDir: SortDir;
  onSort(key: InterviewSortKey): void;
  emptyText: string;
}

export function InterviewsTable({
  rows,
  references,
  selectedId,
  select,
  sortKey,
  sortDir,
  onSort,
  emptyText,
}: Props) {
  const ids = rows.map((r) => r.id);
  const selectedIndex = ids.indexOf(selectedId ?? '');
  const header = (column: InterviewSortKey, label: string, className?: string) => (
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
    <div
      className="table-wrap table-scroll"
      onKeyDown={(e) => onListKey(e, ids, selectedId, select, 'interview')}
    >
      <table className="grid grid-fixed" aria-label="Interviews">
        <thead>
          <tr>
            {header('date', 'Date', 'col-day')}
            {header('title', 'Interview')}
            {header('people', 'Interviewees', 'col-people')}
            {header('controls', 'Controls', 'col-controls')}
            {header('open', 'Follow-ups', 'col-follow')}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, index) => {
            const people = r.interviewees.map(describePerson).join('; ');
            const refs = r.controlIds.map((id) => references.get(id) ?? '?').join(', ');
            const open = openFollowUps(r);
            const isSelected = r.id === selectedId;
            return (
              <tr
                key={r.id}
                id={rowId('interview', r.id)}
                data-id={r.id}
                tabIndex={isSelected || (selectedIndex < 0 && index === 0) ? 0 : -1}
                aria-selected={isSelected}
                className={isSelected ? 'row-selected' : undefined}
                onClick={() => select(r.id)}
              >
                <td className="num nowrap">{formatDate(r.date) || '—'}</td>
                <td className="ellipsis" title={[r.title, people].filter(Boolean).join(' · ')}>
                  {r.title}
                </td>
                <td className="ellipsis col-people" title={people}>
                  {r.interviewees.map((p) => p.name).join(', ') || '—'}
                </td>
                <td className="ellipsis num col-controls" title={refs}>
                  {refs || '—'}
                </td>
                <td className="col-follow">
                  {r.followUps.length === 0 ? (
                    <span className="muted">—</span>
                  ) : open > 0 ? (
                    <StatusBadge tone="warn" title={`${open} of ${r.followUps.length} follow-up items open`}>
                      {open} open
                    </StatusBadge>
                  ) : (
                    <StatusBadge tone="good" title="Every follow-up item is done">
                      Done
                    </StatusBadge>
                  )}
                </td>
              </tr>
            );
          })}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                {emptyText}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
