/**
 * The engagement's review notes: number, status, workpaper (a link to it), target, the note's first
 * line, who raised it and when, who should answer, and the last thing that happened. Rows are focusable:
 * ↑/↓, Home/End move through them, Enter opens the note beside the list, Esc closes it.
 */
import { formatDate, formatDateTime, localIsoDate } from '@shared/domain/engagement';
import type { Profile } from '@shared/domain/profile';
import {
  formatNoteNumber,
  REVIEW_NOTE_STATUS_LABELS,
  type ReviewNote,
  type WorkpaperInfo,
} from '@shared/domain/review';
import { RecordTable, type RecordColumn } from '../../../components/RecordTable';
import type { SortDir } from '../../../components/SortHeader';
import { StatusBadge } from '../../../components/StatusBadge';
import {
  firstLine,
  lastActivity,
  NOTE_STATUS_TONES,
  profileName,
  targetLabel,
  type NoteSortKey,
} from './noteView';
import { WorkpaperLink } from './WorkpaperLink';

const COLUMNS: readonly RecordColumn<NoteSortKey>[] = [
  { key: 'number', label: 'Note', className: 'col-note-number' },
  { key: 'status', label: 'Status', className: 'col-note-status' },
  { key: 'workpaper', label: 'Workpaper', className: 'col-note-workpaper' },
  { key: 'target', label: 'About', className: 'col-note-target' },
  { key: 'text', label: 'Text', className: 'col-note-text' },
  { key: 'raised', label: 'Raised', className: 'col-note-raised' },
  { key: 'assigned', label: 'Assigned to', className: 'col-note-assigned' },
  { key: 'activity', label: 'Last activity', className: 'col-note-activity' },
];

/** The local day of a moment, `23 Nov 2026` (the time is in the cell's tooltip and beside the list). */
const dayOf = (iso: string) => formatDate(localIsoDate(new Date(iso)));

interface Props {
  engagementId: string;
  rows: readonly ReviewNote[];
  describe(key: string): WorkpaperInfo | undefined;
  profiles: ReadonlyMap<string, Profile>;
  selectedId: string | undefined;
  select(id: string | null): void;
  sortKey: NoteSortKey;
  sortDir: SortDir;
  onSort(key: NoteSortKey): void;
}

export function NotesTable(props: Props) {
  const { engagementId, describe, profiles } = props;
  return (
    <RecordTable
      label="Review notes"
      prefix="note"
      columns={COLUMNS}
      rows={props.rows}
      selectedId={props.selectedId}
      select={props.select}
      sortKey={props.sortKey}
      sortDir={props.sortDir}
      onSort={props.onSort}
      emptyText="No review note matches the filter."
      cells={(n) => {
        const activity = lastActivity(n);
        const info = describe(n.workpaper);
        const assigned = profileName(profiles, n.assignedTo);
        const assignee = n.assignedTo ? profiles.get(n.assignedTo) : undefined;
        const line = firstLine(n.text);
        return (
          <>
            <td className="num nowrap">
              <strong>{formatNoteNumber(n.number)}</strong>
            </td>
            <td>
              <StatusBadge tone={NOTE_STATUS_TONES[n.status]}>
                {REVIEW_NOTE_STATUS_LABELS[n.status]}
              </StatusBadge>
            </td>
            <td className="ellipsis" title={info ? `${info.reference} — ${info.title}` : 'Removed workpaper'}>
              <WorkpaperLink engagementId={engagementId} info={info} short />
            </td>
            <td className="ellipsis col-note-target" title={targetLabel(n.target)}>
              {targetLabel(n.target)}
            </td>
            <td className="ellipsis" title={n.text}>
              {line}
            </td>
            <td
              className="ellipsis col-note-raised"
              title={`${n.raisedByName}, ${formatDateTime(n.raisedAt)}`}
            >
              {profiles.get(n.raisedBy)?.initials ?? n.raisedByName}{' '}
              <span className="muted num">{dayOf(n.raisedAt)}</span>
            </td>
            <td className="ellipsis col-note-assigned" title={assigned}>
              {assignee ? assignee.fullName : <span className="muted">{assigned}</span>}
            </td>
            <td
              className="ellipsis col-note-activity"
              title={`${activity.what} ${formatDateTime(activity.at)}`}
            >
              {activity.what} <span className="muted num">{dayOf(activity.at)}</span>
            </td>
          </>
        );
      }}
    />
  );
}
