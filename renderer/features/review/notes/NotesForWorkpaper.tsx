/**
 * One workpaper's review notes, compactly, for its header: each note with its status, target, who raised
 * it and who answers, its response, and the actions the signed-in auditor has (respond, clear, reopen);
 * editing and deleting are on the Review notes page, which each note links to.
 */
import { formatDateTime, type Engagement } from '@shared/domain/engagement';
import { formatNoteNumber, REVIEW_NOTE_STATUS_LABELS, type ReviewNote } from '@shared/domain/review';
import { StatusBadge } from '../../../components/StatusBadge';
import { routeToHash } from '../../../store/route';
import { isReadOnly } from '../../engagements/ReadOnlyBanner';
import { useActor } from '../../../app/hooks';
import { NoteActions } from './NoteActions';
import { NOTE_STATUS_TONES, profileName, targetLabel } from './noteView';
import { useProfileMap, useWorkpaperNotes } from './useNotesData';

interface Props {
  /** The live engagement (its phase decides whether anything can change). */
  engagement: Engagement;
  /** The workpaper key (`test:<id>`, `control-matrix`, …). */
  workpaper: string;
}

export function NotesForWorkpaper({ engagement, workpaper }: Props) {
  const notes = useWorkpaperNotes(engagement.id, workpaper);
  const { byId } = useProfileMap();
  const actor = useActor();
  const readOnly = isReadOnly(engagement) || !actor;
  if (!notes) return null;
  const open = notes.filter((n) => n.status !== 'cleared').length;
  const titleId = `wp-notes-${workpaper.replace(/[^a-z0-9-]/giu, '-')}`;
  return (
    <section className="wp-notes" aria-labelledby={titleId}>
      <h3 id={titleId} className="wp-notes-title">
        Review notes{' '}
        <span className="muted num">
          {notes.length === 0
            ? '(none)'
            : open > 0
              ? `(${open} not cleared of ${notes.length})`
              : `(all ${notes.length} cleared)`}
        </span>
      </h3>
      {notes.length > 0 ? (
        <ul className="wp-notes-list">
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} engagement={engagement} readOnly={readOnly} profiles={byId} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function NoteItem({
  note,
  engagement,
  readOnly,
  profiles,
}: {
  note: ReviewNote;
  engagement: Engagement;
  readOnly: boolean;
  profiles: Parameters<typeof profileName>[0];
}) {
  const id = formatNoteNumber(note.number);
  const itemId = `wp-note-${note.id}`;
  const href = routeToHash({ name: 'engagement', id: engagement.id, area: 'notes', item: note.id });
  return (
    <li
      id={itemId}
      tabIndex={-1}
      className={note.status === 'cleared' ? 'wp-note note-is-cleared' : 'wp-note'}
    >
      <p className="wp-note-head">
        <a href={href} title={`Open ${id} in Review notes`}>
          <strong>{id}</strong>
        </a>{' '}
        <StatusBadge tone={NOTE_STATUS_TONES[note.status]}>
          {REVIEW_NOTE_STATUS_LABELS[note.status]}
        </StatusBadge>{' '}
        <span className="wp-note-target">{targetLabel(note.target)}</span>
        <span className="muted">
          {' '}
          · {note.raisedByName}, <span className="num">{formatDateTime(note.raisedAt)}</span> · to{' '}
          {profileName(profiles, note.assignedTo)}
        </span>
      </p>
      <p className="pre-wrap note-text">{note.text}</p>
      {note.response ? (
        <p className="wp-note-response">
          <span className="muted">
            {note.respondedByName}
            {note.respondedAt ? `, ${formatDateTime(note.respondedAt)}` : ''}:
          </span>{' '}
          <span className="pre-wrap">{note.response}</span>
        </p>
      ) : null}
      {note.status === 'cleared' ? (
        <p className="muted wp-note-cleared">
          Cleared by {note.clearedByName}
          {note.clearedAt ? `, ${formatDateTime(note.clearedAt)}` : ''}. Read-only.
        </p>
      ) : null}
      <NoteActions
        note={note}
        engagement={engagement}
        readOnly={readOnly}
        focusAfter={`#${CSS.escape(itemId)}`}
      />
    </li>
  );
}
