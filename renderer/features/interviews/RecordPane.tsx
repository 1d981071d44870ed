/**
 * The frame of an interview or walkthrough editor beside its list: title and close button (Esc closes,
 * after saving), the deleted banner with Restore or the save status, Delete… with its confirmation and an
 * Undo, and the form, which saves when the keyboard leaves it.
 */
import { useState, type ReactNode } from 'react';
import type { Engagement, ScopedCriterion } from '@shared/domain/engagement';
import type { ControlTest, EvidenceLink, Walkthrough } from '@shared/domain/fieldwork';
import type { Control } from '@shared/domain/planning';
import type { Profile } from '@shared/domain/profile';
import type { Actor } from '../../db';
import type { SaveState } from '../../app/autosave/useRecordAutosave';
import { useAction } from '../../app/useAction';
import { ControlChooser } from '../../components/ControlChooser';
import { CriteriaPicker } from '../../components/CriteriaPicker';
import { SaveStatus } from '../../components/SaveStatus';
import { DeleteRecordDialog } from './DeleteRecordDialog';

/** What the interview and walkthrough editors get from their page besides the record. */
export interface RecordEditorProps {
  engagement: Engagement;
  actor: Actor;
  readOnly: boolean;
  /** The record is deleted and the engagement can still change: offer to restore it. */
  canRestore: boolean;
  /** Live controls, and the references of every control (deleted ones included). */
  controls: readonly Control[];
  references: ReadonlyMap<string, string>;
  deletedReferences: ReadonlyMap<string, string>;
  criteria: readonly ScopedCriterion[];
  profiles: readonly Profile[];
  tests: readonly ControlTest[];
  walkthroughs: readonly Walkthrough[];
  onSelect(id: string | null): void;
}

/** The controls and the criteria a record concerns, each with its own label. */
export function ControlsAndCriteria({
  labels,
  value,
  error,
  readOnly,
  choices,
  onChange,
}: {
  labels: readonly [controls: string, criteria: string];
  value: { controlIds: readonly string[]; criteria: readonly string[] };
  error: string | undefined;
  readOnly: boolean;
  /** What there is to choose from. */
  choices: Pick<RecordEditorProps, 'controls' | 'deletedReferences' | 'criteria'>;
  onChange(patch: { controlIds: string[] } | { criteria: string[] }): void;
}) {
  return (
    <>
      <ControlChooser
        label={labels[0]}
        controls={choices.controls}
        value={value.controlIds}
        deletedReferences={choices.deletedReferences}
        disabled={readOnly}
        onChange={(controlIds) => onChange({ controlIds })}
      />
      <CriteriaPicker
        label={labels[1]}
        value={value.criteria}
        available={choices.criteria}
        disabled={readOnly}
        error={error}
        onChange={(criteria) => onChange({ criteria })}
      />
    </>
  );
}

interface Props {
  /** "interview", "walkthrough": in the ids and texts. */
  noun: string;
  /** The noun with a capital, as the title's kicker. */
  kicker: string;
  /** The record's title, or the placeholder for an untitled one. */
  name: string;
  record: { id: string; deleted: boolean };
  engagementId: string;
  /** The evidence link to the record, to say what is linked to it before deleting. */
  link: EvidenceLink;
  readOnly: boolean;
  canRestore: boolean;
  saveState: SaveState;
  /** Saves what is typed and not saved yet. */
  flush(): Promise<unknown>;
  onClose(): void;
  remove(): Promise<unknown>;
  restore(): Promise<unknown>;
  /** Other things linked to the record, in words, for the delete confirmation. */
  deleteDetails: readonly string[];
  /** Notes above the form. */
  notes?: ReactNode;
  /** What follows the form. */
  after?: ReactNode;
  /** The form's fields. */
  children: ReactNode;
}

export function RecordPane(props: Props) {
  const { noun, name, record, flush } = props;
  const run = useAction();
  const [deleting, setDeleting] = useState(false);
  const titleId = `${noun}-detail-title`;
  const close = () => void flush().then(() => props.onClose());

  return (
    <aside
      className="detail-pane record-pane"
      data-record={record.id}
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        // Esc in a dialog or an open list belongs to them; elsewhere it closes the editor.
        if (e.key !== 'Escape' || deleting || (e.target as HTMLElement).closest('dialog')) return;
        e.preventDefault();
        // Leaving the field first commits a person or follow-up typed but not yet added.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        close();
      }}
    >
      <header className="detail-header">
        <h2 id={titleId}>
          <span className="detail-kicker">{props.kicker}</span> {name}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={`Close ${noun}`}
          title="Close (Esc)"
          onClick={close}
        >
          ×
        </button>
      </header>
      {record.deleted ? (
        <div className="banner banner-neutral" role="status">
          This {noun} is deleted. It stays in the audit trail with its links.
          {props.canRestore ? (
            <button type="button" onClick={() => void run(props.restore, `Restored “${name}”.`)}>
              Restore
            </button>
          ) : null}
        </div>
      ) : (
        <SaveStatus state={props.saveState} />
      )}
      {props.readOnly ? null : (
        <div className="detail-actions">
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete…
          </button>
        </div>
      )}
      {props.notes}
      <div
        className="detail-form"
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // relatedTarget is a DOM node
        }}
      >
        {props.children}
      </div>
      {props.after}
      {deleting ? (
        <DeleteRecordDialog
          noun={noun}
          name={name}
          engagementId={props.engagementId}
          link={props.link}
          details={props.deleteDetails}
          onCancel={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            void run(
              async () => {
                await flush();
                await props.remove();
                props.onClose();
              },
              `Deleted the ${noun} “${name}”.`,
              { label: 'Undo', run: props.restore },
            );
          }}
        />
      ) : null}
    </aside>
  );
}
