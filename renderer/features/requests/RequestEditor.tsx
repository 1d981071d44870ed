/** One request, edited beside the list and autosaved. */
import {
  formatRequestNumber,
  REQUEST_PRIORITIES,
  REQUEST_PRIORITY_LABELS,
  REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPES,
  REQUEST_TYPE_LABELS,
  requestFieldsSchema,
  type Control,
  type Request,
  type RequestFields,
} from '@shared/domain/planning';
import { withoutMeta } from '@shared/domain/records';
import { repository, type Actor } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { ControlChooser } from '../../components/ControlChooser';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { updateRequest } from './commands';
import { EvidencePanel } from '../evidence/EvidencePanel';

function requestFields(r: Request): RequestFields {
  return withoutMeta(r);
}

interface Props {
  request: Request;
  actor: Actor;
  readOnly: boolean;
  controls: readonly Control[];
  deletedReferences?: ReadonlyMap<string, string>;
  onClose(): void;
}

export function RequestEditor({ request, actor, readOnly, controls, deletedReferences, onClose }: Props) {
  const { draft, errors, state, change, flush } = useRecordAutosave<Request, RequestFields>({
    record: request,
    fields: requestFields,
    schema: requestFieldsSchema,
    save: (record, patch) => updateRequest(repository, actor, record, patch),
    draftKey: `request.${request.id}.${actor.id}`,
    readOnly,
  });
  const choice = <K extends 'type' | 'status' | 'priority'>(
    key: K,
    options: readonly string[],
    labels: Record<string, string>,
  ) => (
    <select
      value={draft[key]}
      disabled={readOnly}
      onChange={(e) => change({ [key]: e.target.value } as Partial<RequestFields>)}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {labels[o]}
        </option>
      ))}
    </select>
  );
  const date = (key: 'requestedOn' | 'dueOn' | 'receivedOn') => (
    <input
      type="date"
      value={draft[key] ?? ''}
      readOnly={readOnly}
      onChange={(e) => change({ [key]: e.target.value || null })}
    />
  );

  return (
    <aside
      className="detail-pane"
      data-request={request.id}
      aria-labelledby="request-detail-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          void flush().then(onClose);
        }
      }}
    >
      <header className="detail-header">
        <h2 id="request-detail-title">
          <span className="num">{formatRequestNumber(request.number)}</span> {request.title}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close request"
          title="Close (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <SaveStatus state={state} />
      <div
        className="detail-form"
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // relatedTarget is a DOM node
        }}
      >
        <Field label="Title" required error={errors.title}>
          <input
            value={draft.title}
            readOnly={readOnly}
            onChange={(e) => change({ title: e.target.value })}
          />
        </Field>
        <Field
          label="What is needed"
          error={errors.description}
          hint="What, for which period or date range, in which format (a system export with its query, not a screenshot)."
        >
          <textarea
            rows={4}
            value={draft.description}
            readOnly={readOnly}
            onChange={(e) => change({ description: e.target.value })}
          />
        </Field>
        <div className="form-row">
          <Field label="Type">{choice('type', REQUEST_TYPES, REQUEST_TYPE_LABELS)}</Field>
          <Field label="Status">{choice('status', REQUEST_STATUSES, REQUEST_STATUS_LABELS)}</Field>
          <Field label="Priority">{choice('priority', REQUEST_PRIORITIES, REQUEST_PRIORITY_LABELS)}</Field>
        </div>
        <div className="form-row">
          <Field label="Client owner" error={errors.clientOwner}>
            <input
              value={draft.clientOwner}
              readOnly={readOnly}
              onChange={(e) => change({ clientOwner: e.target.value })}
            />
          </Field>
          <Field label="Auditor contact" error={errors.auditorContact}>
            <input
              value={draft.auditorContact}
              readOnly={readOnly}
              onChange={(e) => change({ auditorContact: e.target.value })}
            />
          </Field>
        </div>
        <div className="form-row">
          <Field label="Requested" error={errors.requestedOn}>
            {date('requestedOn')}
          </Field>
          <Field label="Due" error={errors.dueOn}>
            {date('dueOn')}
          </Field>
          <Field label="Date provided" error={errors.receivedOn}>
            {date('receivedOn')}
          </Field>
        </div>
        <Field label="Comments (auditor and client)" error={errors.comments}>
          <textarea
            rows={4}
            value={draft.comments}
            readOnly={readOnly}
            onChange={(e) => change({ comments: e.target.value })}
          />
        </Field>
        <ControlChooser
          label="Related controls"
          controls={controls}
          value={draft.controlIds}
          deletedReferences={deletedReferences}
          disabled={readOnly}
          onChange={(ids) => change({ controlIds: ids })}
        />
        <EvidencePanel
          engagementId={request.engagementId}
          link={{ kind: 'request', id: request.id }}
          title="Evidence received for this request"
          readOnly={readOnly}
          defaults={{ source: 'request', requestId: request.id }}
          compact
        />
      </div>
    </aside>
  );
}
