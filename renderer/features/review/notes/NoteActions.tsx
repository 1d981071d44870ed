/**
 * What the signed-in auditor can do with one review note, by its status and by who they are: respond or
 * revise the response (the preparer, or whoever it is assigned to), clear or reopen (the reviewer), edit
 * or delete (the reviewer who raised it). A refused action is disabled with the data layer's reason; a
 * refusal at the last moment (another window changed the note) is shown as it comes.
 */
import { useId, useState } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import { formatNoteNumber, type ReviewNote } from '@shared/domain/review';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { focusWhenReady } from '../../../components/focus';
import { clearNote, deleteNote, editNote, reopenNote, respondToNote } from '../commands';
import { AssigneeSelect } from './AssigneeSelect';
import { noteActions, type ActionOffer } from './noteView';
import { useNoteCommand } from './useNoteCommand';

interface Props {
  note: ReviewNote;
  engagement: Engagement;
  /** The engagement cannot change (locked or archived): nothing is offered. */
  readOnly: boolean;
  /** Where the keyboard goes after an action (the action's button may be gone). */
  focusAfter: string;
  onDeleted?(): void;
}

type Mode = 'buttons' | 'respond' | 'edit';

export function NoteActions({ note, engagement, readOnly, focusAfter, onDeleted }: Props) {
  const { actor, run, error, busy, clearError } = useNoteCommand();
  const id = formatNoteNumber(note.number);
  const offers = actor ? noteActions(note, actor) : null;
  // The assignee answering an open note sees the response box at once in the detail pane.
  const answering = note.status === 'open' && !!offers?.respond.visible && !offers.respond.problem;
  /** What the auditor asked for; until then the assignee of an open note gets the response box. */
  const [chosen, setMode] = useState<Mode | null>(null);
  const firstStep = answering && note.assignedTo === actor?.id;
  const mode: Mode = chosen ?? (firstStep ? 'respond' : 'buttons');
  const [deleting, setDeleting] = useState(false);
  const reasonId = useId();

  if (readOnly || !actor || !offers) return null;
  const after = (ok: boolean) => {
    if (!ok) return;
    setMode('buttons');
    focusWhenReady([focusAfter]);
  };

  const respondLabel = note.response ? 'Revise response' : 'Respond';
  const shown: [ActionOffer, string][] = [
    [offers.respond, respondLabel],
    [offers.clear, 'Clear note'],
    [offers.reopen, 'Reopen note'],
    [offers.edit, 'Edit note'],
    [offers.delete, 'Delete…'],
  ];
  // One line per distinct reason, under the buttons it disables.
  const reasons = new Map<string, string>();
  for (const [offer, label] of shown) {
    if (offer.visible && offer.problem && !reasons.has(offer.problem)) reasons.set(offer.problem, label);
  }
  const reasonOf = (label: string) => `${reasonId}-${label.replace(/\W+/gu, '-')}`;

  const button = (offer: ActionOffer, label: string, onClick: () => void, className?: string) =>
    offer.visible ? (
      <button
        type="button"
        className={className}
        disabled={busy || !!offer.problem}
        aria-describedby={offer.problem ? reasonOf(reasons.get(offer.problem) ?? label) : undefined}
        onClick={onClick}
      >
        {label}
      </button>
    ) : null;

  return (
    <div className="note-actions">
      {mode === 'respond' ? (
        <ResponseForm
          note={note}
          busy={busy}
          onCancel={chosen === 'respond' ? () => setMode('buttons') : undefined}
          onSave={(response) =>
            void run((repo, a) => respondToNote(repo, a, note.id, response), `Response to ${id} saved.`).then(
              after,
            )
          }
        />
      ) : null}
      {mode === 'edit' ? (
        <EditForm
          note={note}
          engagement={engagement}
          busy={busy}
          onCancel={() => setMode('buttons')}
          onSave={(patch) =>
            void run((repo, a) => editNote(repo, a, note.id, patch), `${id} changed.`).then(after)
          }
        />
      ) : null}
      {mode === 'buttons' ? (
        <div className="note-action-buttons">
          {button(
            offers.respond,
            respondLabel,
            () => {
              clearError();
              setMode('respond');
            },
            note.assignedTo === actor.id && note.status === 'open' ? 'primary' : undefined,
          )}
          {button(
            offers.clear,
            'Clear note',
            () => void run((repo, a) => clearNote(repo, a, note.id), `${id} cleared.`).then(after),
            note.status === 'responded' ? 'primary' : undefined,
          )}
          {button(
            offers.reopen,
            'Reopen note',
            () => void run((repo, a) => reopenNote(repo, a, note.id), `${id} reopened.`).then(after),
          )}
          {button(offers.edit, 'Edit note', () => {
            clearError();
            setMode('edit');
          })}
          {button(offers.delete, 'Delete…', () => setDeleting(true), 'danger')}
        </div>
      ) : null}
      {mode === 'buttons'
        ? [...reasons].map(([problem, label]) => (
            <p key={label} id={reasonOf(label)} className="note-action-reason">
              {problem}
            </p>
          ))
        : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${id}?`}
          confirmLabel="Delete note"
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            void run((repo, a) => deleteNote(repo, a, note.id), `${id} deleted.`).then((ok) => {
              if (ok) onDeleted?.();
            });
          }}
        >
          <p>
            {id} is removed from the review notes. Its number is not used again, and the audit trail keeps
            what it said.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function ResponseForm({
  note,
  busy,
  onCancel,
  onSave,
}: {
  note: ReviewNote;
  busy: boolean;
  onCancel: (() => void) | undefined;
  onSave(response: string): void;
}) {
  const [text, setText] = useState(note.response);
  const fieldId = useId();
  const id = formatNoteNumber(note.number);
  return (
    <form
      className="note-form"
      aria-label={`Response to ${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text);
      }}
    >
      <label htmlFor={fieldId}>{note.response ? 'Revised response' : 'Response'}</label>
      <textarea
        id={fieldId}
        rows={5}
        value={text}
        // The form appears on request (or as the assignee's first step): the keyboard goes into it.
        autoFocus={onCancel !== undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="note-form-actions">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          Save response
        </button>
      </div>
    </form>
  );
}

function EditForm({
  note,
  engagement,
  busy,
  onCancel,
  onSave,
}: {
  note: ReviewNote;
  engagement: Engagement;
  busy: boolean;
  onCancel(): void;
  onSave(patch: { text: string; assignedTo: string | null }): void;
}) {
  const [text, setText] = useState(note.text);
  const [assignee, setAssignee] = useState(note.assignedTo ?? '');
  const textId = useId();
  const assigneeId = useId();
  const id = formatNoteNumber(note.number);
  return (
    <form
      className="note-form"
      aria-label={`Edit ${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ text, assignedTo: assignee || null });
      }}
    >
      <label htmlFor={textId}>Note</label>
      <textarea id={textId} rows={5} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
      <label htmlFor={assigneeId}>Assigned to</label>
      <AssigneeSelect id={assigneeId} engagement={engagement} value={assignee} onChange={setAssignee} />
      <div className="note-form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save note
        </button>
      </div>
    </form>
  );
}
