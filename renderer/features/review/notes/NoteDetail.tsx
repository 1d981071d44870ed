/**
 * One review note beside the list: the whole note, what it is about, who raised it and when, who should
 * answer it, the thread (note, response, clearance) and the actions open to the signed-in auditor. A
 * cleared note is read-only and shown greyed, with who cleared it and when.
 */
import type { Engagement } from '@shared/domain/engagement';
import { formatDateTime } from '@shared/domain/engagement';
import type { Profile } from '@shared/domain/profile';
import {
  formatNoteNumber,
  REVIEW_NOTE_STATUS_LABELS,
  type ReviewNote,
  type WorkpaperInfo,
} from '@shared/domain/review';
import { StatusBadge } from '../../../components/StatusBadge';
import { NoteActions } from './NoteActions';
import { NOTE_STATUS_TONES, profileName, targetLabel } from './noteView';
import { WorkpaperLink } from './WorkpaperLink';

interface Props {
  note: ReviewNote;
  engagement: Engagement;
  workpaper: WorkpaperInfo | undefined;
  profiles: ReadonlyMap<string, Profile>;
  readOnly: boolean;
  onClose(): void;
}

export function NoteDetail({ note, engagement, workpaper, profiles, readOnly, onClose }: Props) {
  const id = formatNoteNumber(note.number);
  const titleId = `note-detail-title-${note.id}`;
  const cleared = note.status === 'cleared';
  return (
    <aside
      className={cleared ? 'detail-pane note-detail note-is-cleared' : 'detail-pane note-detail'}
      data-record={note.id}
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        // Esc closes the pane, unless it belongs to a dialog or a field being typed in.
        const target = e.target as HTMLElement; // keyboard events come from elements
        if (e.key !== 'Escape' || target.closest('dialog') || target.matches('textarea, input, select'))
          return;
        e.preventDefault();
        onClose();
      }}
    >
      <header className="detail-header">
        <h2 id={titleId} tabIndex={-1}>
          <span className="detail-kicker">Review note</span>
          {id}{' '}
          <StatusBadge tone={NOTE_STATUS_TONES[note.status]}>
            {REVIEW_NOTE_STATUS_LABELS[note.status]}
          </StatusBadge>
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={`Close ${id}`}
          title="Close (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {cleared ? (
        <p className="banner banner-neutral note-cleared-banner" role="status">
          Cleared by {note.clearedByName || 'a reviewer'}
          {note.clearedAt ? ` on ${formatDateTime(note.clearedAt)}` : ''}. A cleared note is read-only; reopen
          it to change it.
        </p>
      ) : null}
      <dl className="facts note-facts">
        <dt>Workpaper</dt>
        <dd>
          <WorkpaperLink engagementId={engagement.id} info={workpaper} />
        </dd>
        <dt>About</dt>
        <dd>{targetLabel(note.target)}</dd>
        <dt>Raised by</dt>
        <dd>
          {note.raisedByName}, <span className="num">{formatDateTime(note.raisedAt)}</span>
        </dd>
        <dt>Assigned to</dt>
        <dd>{profileName(profiles, note.assignedTo)}</dd>
        {note.reopened > 0 ? (
          <>
            <dt>Reopened</dt>
            <dd>{note.reopened === 1 ? 'once' : `${note.reopened} times`} after being cleared</dd>
          </>
        ) : null}
      </dl>

      <ol className="note-thread" aria-label={`${id} thread`}>
        <li className="note-message">
          <p className="note-message-head">
            <strong>{note.raisedByName}</strong> raised the note{' '}
            <span className="muted num">{formatDateTime(note.raisedAt)}</span>
          </p>
          <p className="pre-wrap note-text">{note.text}</p>
        </li>
        {note.response ? (
          <li className="note-message note-message-response">
            <p className="note-message-head">
              <strong>{note.respondedByName}</strong> responded{' '}
              {note.respondedAt ? (
                <span className="muted num">{formatDateTime(note.respondedAt)}</span>
              ) : null}
            </p>
            <p className="pre-wrap note-text">{note.response}</p>
          </li>
        ) : null}
        {cleared ? (
          <li className="note-message note-message-cleared">
            <p className="note-message-head">
              <strong>{note.clearedByName}</strong> cleared the note{' '}
              {note.clearedAt ? <span className="muted num">{formatDateTime(note.clearedAt)}</span> : null}
            </p>
          </li>
        ) : null}
      </ol>
      {!note.response && !cleared ? <p className="muted note-waiting">No response yet.</p> : null}

      <NoteActions
        note={note}
        engagement={engagement}
        readOnly={readOnly}
        focusAfter={`#${CSS.escape(titleId)}`}
        onDeleted={onClose}
      />
    </aside>
  );
}
