/** The interview list: date, title, interviewees, controls and open follow-ups; arrows move through it. */
import { formatDate } from '@shared/domain/engagement';
import { describePerson, type Interview } from '@shared/domain/fieldwork';
import { workpaperKey } from '@shared/domain/review';
import type { SortDir } from '../../components/SortHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { RecordTable, type RecordColumn } from '../../components/RecordTable';
import { SignOffBadge } from '../review/SignOffBadge';
import type { WorkpaperReviews } from '../review/useWorkpaperReviews';

export type InterviewSortKey = 'date' | 'title' | 'people' | 'controls' | 'open' | 'signoff';

export function openFollowUps(i: Pick<Interview, 'followUps'>): number {
  return i.followUps.filter((f) => !f.done).length;
}

const COLUMNS: readonly RecordColumn<InterviewSortKey>[] = [
  { key: 'date', label: 'Date', className: 'col-day' },
  { key: 'title', label: 'Interview' },
  { key: 'people', label: 'Interviewees', className: 'col-people' },
  { key: 'controls', label: 'Controls', className: 'col-controls' },
  { key: 'open', label: 'Follow-ups', className: 'col-follow' },
  { key: 'signoff', label: 'Sign-off', className: 'col-signoff' },
];

interface Props {
  rows: readonly Interview[];
  references: ReadonlyMap<string, string>;
  /** Sign-offs by workpaper key (one read for the whole list). */
  reviews: WorkpaperReviews | undefined;
  selectedId: string | undefined;
  select(id: string | null): void;
  sortKey: InterviewSortKey;
  sortDir: SortDir;
  onSort(key: InterviewSortKey): void;
  emptyText: string;
}

export function InterviewsTable({ references, reviews, ...props }: Props) {
  return (
    <RecordTable
      {...props}
      label="Interviews"
      prefix="interview"
      columns={COLUMNS}
      cells={(r) => {
        const people = r.interviewees.map(describePerson).join('; ');
        const refs = r.controlIds.map((id) => references.get(id) ?? '?').join(', ');
        const open = openFollowUps(r);
        return (
          <>
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
            <td className="col-signoff">
              <SignOffBadge review={reviews?.get(workpaperKey('interview', r.id))} />
            </td>
          </>
        );
      }}
    />
  );
}
