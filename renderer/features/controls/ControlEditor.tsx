/** One control, edited in place beside the matrix and autosaved. */
import { useState } from 'react';
import {
  CONTROL_FREQUENCIES,
  CONTROL_NATURES,
  CONTROL_STATUSES,
  CONTROL_STATUS_LABELS,
  CONTROL_TYPES,
  CONTROL_TYPE_LABELS,
  controlFieldsSchema,
  FREQUENCY_LABELS,
  NATURE_LABELS,
  RISK_LABELS,
  RISK_LEVELS,
  type Control,
  type ControlFields,
} from '@shared/domain/planning';
import type { ScopedCriterion } from '@shared/domain/engagement';
import { withoutMeta } from '@shared/domain/records';
import { repository, type Actor } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { CriteriaPicker } from '../../components/CriteriaPicker';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { useAction } from '../../app/useAction';
import { duplicateControl, restoreControls, updateControl } from './commands';
import { DeleteControlsDialog } from './DeleteControlsDialog';
import { ControlFieldwork } from '../testing/ControlFieldwork';

function controlFields(r: Control): ControlFields {
  return withoutMeta(r);
}

interface Props {
  control: Control;
  actor: Actor;
  readOnly: boolean;
  /** The control is deleted and the engagement can still change: offer to restore it. */
  canRestore?: boolean;
  criteria: readonly ScopedCriterion[];
  onSelect(id: string | null): void;
}

export function ControlEditor({ control, actor, readOnly, canRestore, criteria, onSelect }: Props) {
  const run = useAction();
  const [deleting, setDeleting] = useState(false);
  const { draft, errors, state, change, flush } = useRecordAutosave<Control, ControlFields>({
    record: control,
    fields: controlFields,
    schema: controlFieldsSchema,
    save: (record, patch) => updateControl(repository, actor, record, patch),
    draftKey: `control.${control.id}.${actor.id}`,
    readOnly,
  });

  const select = <K extends keyof ControlFields>(
    key: K,
    options: readonly string[],
    labels: Record<string, string>,
  ) => (
    <select
      value={(draft[key] as string | null) ?? ''}
      onChange={(e) =>
        change({ [key]: e.target.value === '' ? null : e.target.value } as Partial<ControlFields>)
      }
      disabled={readOnly}
    >
      {key === 'status' ? null : <option value="">Not set</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {labels[o]}
        </option>
      ))}
    </select>
  );

  return (
    <aside
      className="detail-pane"
      data-control={control.id}
      aria-labelledby="control-detail-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !deleting) {
          e.preventDefault();
          void flush().then(() => onSelect(null));
        }
      }}
    >
      <header className="detail-header">
        <h2 id="control-detail-title">
          <span className="num">{control.reference}</span>{' '}
          <span className="detail-subtitle">{control.title || control.description}</span>
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close control"
          title="Close (Esc)"
          onClick={() => onSelect(null)}
        >
          ×
        </button>
      </header>
      {control.deleted ? (
        <div className="banner banner-neutral" role="status">
          This control is deleted. It stays in the audit trail, and links to it from requests and subservice
          organizations are kept.
          {canRestore ? (
            <button
              type="button"
              onClick={() =>
                void run(
                  () => restoreControls(repository, actor, [control.id]),
                  `${control.reference} is restored.`,
                )
              }
            >
              Restore
            </button>
          ) : null}
        </div>
      ) : (
        <SaveStatus state={state} />
      )}
      {readOnly ? null : (
        <div className="detail-actions">
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                await flush();
                const copy = await duplicateControl(repository, actor, control);
                onSelect(copy.id);
              }, `Duplicated ${control.reference}.`)
            }
          >
            Duplicate
          </button>
          <button
            type="button"
            onClick={() =>
              void run(
                () =>
                  updateControl(repository, actor, control, {
                    status: control.status === 'retired' ? 'draft' : 'retired',
                  }),
                control.status === 'retired'
                  ? `${control.reference} is active again (draft).`
                  : `${control.reference} is retired.`,
              )
            }
          >
            {control.status === 'retired' ? 'Reactivate' : 'Retire'}
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete…
          </button>
        </div>
      )}
      <div
        className="detail-form"
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // relatedTarget is a DOM node
        }}
      >
        <div className="form-row">
          <Field label="Reference" required error={errors.reference}>
            <input
              value={draft.reference}
              onChange={(e) => change({ reference: e.target.value })}
              readOnly={readOnly}
            />
          </Field>
          <Field label="Status">{select('status', CONTROL_STATUSES, CONTROL_STATUS_LABELS)}</Field>
        </div>
        <Field label="Title" error={errors.title}>
          <input
            value={draft.title}
            onChange={(e) => change({ title: e.target.value })}
            readOnly={readOnly}
          />
        </Field>
        <Field
          label="Description"
          required
          error={errors.description}
          hint="Who does what, when, and what evidence it leaves."
        >
          <textarea
            rows={5}
            value={draft.description}
            onChange={(e) => change({ description: e.target.value })}
            readOnly={readOnly}
          />
        </Field>
        <CriteriaPicker
          label="Mapped criteria"
          value={draft.criteria}
          onChange={(ids) => change({ criteria: ids })}
          available={criteria}
          disabled={readOnly}
          error={errors.criteria}
        />
        <div className="form-row">
          <Field label="Owner" error={errors.owner}>
            <input
              value={draft.owner}
              onChange={(e) => change({ owner: e.target.value })}
              readOnly={readOnly}
            />
          </Field>
          <Field label="Frequency">{select('frequency', CONTROL_FREQUENCIES, FREQUENCY_LABELS)}</Field>
        </div>
        <div className="form-row">
          <Field label="Nature">{select('nature', CONTROL_NATURES, NATURE_LABELS)}</Field>
          <Field label="Type">{select('controlType', CONTROL_TYPES, CONTROL_TYPE_LABELS)}</Field>
        </div>
        <div className="form-row">
          <Field label="Risk / reliance">{select('risk', RISK_LEVELS, RISK_LABELS)}</Field>
          <label className="checkbox checkbox-field">
            <input
              type="checkbox"
              checked={draft.key}
              disabled={readOnly}
              onChange={(e) => change({ key: e.target.checked })}
            />
            Key control
          </label>
        </div>
        <Field
          label="Related system components"
          error={errors.components}
          hint="Applications, databases, infrastructure the control relies on."
        >
          <input
            value={draft.components}
            onChange={(e) => change({ components: e.target.value })}
            readOnly={readOnly}
          />
        </Field>
        <Field label="Notes" error={errors.notes}>
          <textarea
            rows={3}
            value={draft.notes}
            onChange={(e) => change({ notes: e.target.value })}
            readOnly={readOnly}
          />
        </Field>
      </div>
      <ControlFieldwork control={control} actor={actor} readOnly={readOnly} />
      {deleting ? (
        <DeleteControlsDialog
          controls={[control]}
          actor={actor}
          onClose={() => setDeleting(false)}
          onDeleted={() => onSelect(null)}
        />
      ) : null}
    </aside>
  );
}
