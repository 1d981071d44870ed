/**
 * Raises a review note on a workpaper: what it is about (the whole workpaper or a finer target), the
 * note, and who should answer it (by default the preparer who signed the workpaper). Nothing is saved
 * until Save; closing with typed text asks first.
 */
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import { ValidationError } from '@shared/domain/errors';
import { formatNoteNumber, type NoteTarget, type ReviewNote } from '@shared/domain/review';
import { Dialog } from '../../../components/Dialog';
import { describeError } from '../../../components/ErrorText';
import { Field } from '../../../components/Field';
import { focusFirstInvalid } from '../../../components/focus';
import { db, repository } from '../../../db';
import { useActor } from '../../../app/hooks';
import { useAppStore } from '../../../store';
import { raiseReviewNote } from '../commands';
import { AssigneeSelect } from './AssigneeSelect';
import { sameTarget } from './noteView';
import { suggestedAssignee } from './queries';
import { useWorkpaperDirectory } from './useNotesData';
import { FormFooter } from '../../../components/FormFooter';

/** A place inside the workpaper a note can point at ("Procedure", "Item 3 — CHG-10042"). */
export interface NoteTargetOption {
  target: NoteTarget;
  label: string;
}

export interface RaiseNoteDialogProps {
  engagement: Engagement;
  /** The workpaper key (`test:<id>`, `control-matrix`, …). */
  workpaper: string;
  /** Optional finer targets offered besides "the whole workpaper". */
  targets?: readonly NoteTargetOption[];
  /** Pre-selected target (e.g. the sample item the auditor was on). */
  initialTarget?: NoteTarget;
  onClose(): void;
  /** Called with the saved note, just before `onClose` (a list may open it). */
  onRaised?(note: ReviewNote): void;
}

const WHOLE: NoteTargetOption = { target: { kind: 'workpaper' }, label: 'Whole workpaper' };

/** The whole workpaper, the given targets, and the initial target when it is none of them. */
function targetOptions(targets: readonly NoteTargetOption[], initial: NoteTarget | undefined) {
  const options = [WHOLE, ...targets.filter((t) => t.target.kind !== 'workpaper')];
  if (initial && initial.kind !== 'workpaper' && !options.some((o) => sameTarget(o.target, initial))) {
    options.push({
      target: initial,
      label: initial.label || (initial.kind === 'field' ? initial.field : 'Item'),
    });
  }
  return options;
}

export function RaiseNoteDialog({
  engagement,
  workpaper,
  targets = [],
  initialTarget,
  onClose,
  onRaised,
}: RaiseNoteDialogProps) {
  const actor = useActor();
  const notify = useAppStore((s) => s.notify);
  const directory = useWorkpaperDirectory(engagement);
  const info = directory?.describe(workpaper);
  const suggested = useLiveQuery(
    () => suggestedAssignee(db, engagement.id, workpaper),
    [engagement.id, workpaper],
  );
  const [options] = useState(() => targetOptions(targets, initialTarget));
  const [targetIndex, setTargetIndex] = useState(() =>
    Math.max(0, initialTarget ? options.findIndex((o) => sameTarget(o.target, initialTarget)) : 0),
  );
  const [text, setText] = useState('');
  /** `undefined` until the auditor chooses: the suggestion (the preparer) applies meanwhile. */
  const [chosenAssignee, setChosenAssignee] = useState<string | undefined>(undefined);
  const assignee = chosenAssignee ?? suggested ?? '';
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  function requestClose() {
    if (text.trim() && !confirmDiscard) setConfirmDiscard(true);
    else onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!actor) return;
    setFormError(null);
    if (!text.trim()) {
      setErrors({ text: 'Write the note.' });
      focusFirstInvalid('dialog');
      return;
    }
    setBusy(true);
    try {
      const note = await raiseReviewNote(repository, actor, engagement.id, {
        workpaper,
        target: (options[targetIndex] ?? WHOLE).target,
        text,
        assignedTo: assignee || null,
      });
      notify('success', `${formatNoteNumber(note.number)} raised${info ? ` on ${info.reference}` : ''}.`);
      onRaised?.(note);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
        focusFirstInvalid('dialog');
      }
      setFormError(describeError(error).text);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="New review note" onClose={requestClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <p className="note-dialog-workpaper">
          <span className="muted">Workpaper </span>
          {info ? (
            <strong>
              {info.reference} — {info.title}
            </strong>
          ) : (
            <span className="muted">{directory ? 'This workpaper no longer exists.' : 'Loading…'}</span>
          )}
        </p>
        {options.length > 1 ? (
          <Field label="About" hint="The whole workpaper, or the part of it the note concerns.">
            <select
              value={targetIndex}
              onChange={(e) => {
                setTargetIndex(Number(e.target.value));
                setConfirmDiscard(false);
              }}
            >
              {options.map((o, i) => (
                <option key={i} value={i}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label="Note" required error={errors.text} hint="What the preparer should do or explain.">
          <textarea
            rows={6}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setConfirmDiscard(false);
              setErrors((x) => {
                const { text: _text, ...rest } = x;
                return rest;
              });
            }}
          />
        </Field>
        <Field
          label="Assigned to"
          error={errors.assignedTo}
          hint={suggested && !chosenAssignee ? 'The preparer who signed this workpaper.' : undefined}
        >
          <AssigneeSelect
            engagement={engagement}
            value={assignee}
            onChange={(id) => {
              setChosenAssignee(id);
              setConfirmDiscard(false);
            }}
          />
        </Field>
        <FormFooter
          error={formError}
          confirmDiscard={confirmDiscard}
          what="note"
          onKeepEditing={() => setConfirmDiscard(false)}
          onDiscard={onClose}
          onCancel={requestClose}
          submitLabel="Save note"
          submitDisabled={busy || !actor || !info}
        />
      </form>
    </Dialog>
  );
}
