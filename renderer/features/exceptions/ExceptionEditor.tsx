/**
 * One exception, autosaved: the items and attributes the X marks put in it (read-only), the auditor's
 * evaluation (condition, type, cause, compensating controls, nature, severity, status) and, kept apart,
 * management's response. Used beside the exception list and inside the test workpaper (`compact`).
 * See soc2-domain.md §2.5, §5.5.
 */
import { useId, useState } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import {
  EXCEPTION_SEVERITIES,
  EXCEPTION_SEVERITY_LABELS,
  EXCEPTION_TYPES,
  EXCEPTION_TYPE_LABELS,
  exceptionFieldsSchema,
  formatExceptionNumber,
  type ControlException,
  type ExceptionFields,
  type ExceptionSeverity,
  type ExceptionType,
} from '@shared/domain/fieldwork';
import { withoutMeta } from '@shared/domain/records';
import { repository, type Actor } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { useAction } from '../../app/useAction';
import { ControlChooser } from '../../components/ControlChooser';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { focusFirstInvalid } from '../../components/focus';
import { updateException } from '../testing/commands';
import { setExceptionStatus } from './commands';
import { ExceptionItems } from './ExceptionItems';
import { ExceptionStatusBadge } from './ExceptionStatusBadge';
import { evaluationIssues } from './exceptionView';
import { NatureField } from './NatureField';
import { useExceptionContext } from './useExceptionContext';

type TextField = 'description' | 'rootCause' | 'compensatingControls' | 'managementResponse';

function exceptionFields(e: ControlException): ExceptionFields {
  return withoutMeta(e);
}

export interface ExceptionEditorProps {
  exception: ControlException;
  engagement: Engagement;
  actor: Actor;
  readOnly: boolean;
  /** Shows a close button (and Esc closes) when given. */
  onClose?: () => void;
  /** Inside the test workpaper: no frame of its own and no test/control line (the workpaper shows them). */
  compact?: boolean;
}

export function ExceptionEditor({
  exception,
  engagement,
  actor,
  readOnly,
  onClose,
  compact,
}: ExceptionEditorProps) {
  const titleId = useId();
  const run = useAction();
  const ctx = useExceptionContext(exception, engagement.id);
  const locked = readOnly || exception.deleted;
  const { draft, errors, state, change, flush } = useRecordAutosave<ControlException, ExceptionFields>({
    record: exception,
    fields: exceptionFields,
    schema: exceptionFieldsSchema,
    save: (record, patch) => updateException(repository, actor, record, patch),
    draftKey: `exception.${exception.id}.${actor.id}`,
    readOnly: locked,
  });
  // After a refused "Mark evaluated", the schema's messages stay beside the fields until they are fixed.
  const [attempted, setAttempted] = useState(false);
  const refused = attempted && exception.status === 'open' ? evaluationIssues(draft) : {};
  const shown: Record<string, string> = { ...refused, ...errors };
  const number = formatExceptionNumber(exception.number);
  const selector = `[data-exception="${exception.id}"]`;

  async function markEvaluated() {
    if (Object.keys(evaluationIssues(draft)).length > 0) {
      setAttempted(true);
      focusFirstInvalid(selector);
      return;
    }
    setAttempted(false);
    await flush();
    await run(
      () => setExceptionStatus(repository, actor, exception.id, 'evaluated'),
      `${number} marked evaluated.`,
    );
  }
  async function reopen() {
    await flush();
    await run(() => setExceptionStatus(repository, actor, exception.id, 'open'), `${number} reopened.`);
  }
  const close = onClose ? () => void flush().then(onClose) : undefined;
  const testRef = ctx.test?.reference;
  /** A free-text field of the evaluation. */
  const textArea = (field: TextField, label: string, hint: string, rows: number) => (
    <Field label={label} error={shown[field]} hint={hint}>
      <textarea
        rows={rows}
        value={draft[field]}
        readOnly={locked}
        onChange={(e) => change({ [field]: e.target.value })}
      />
    </Field>
  );
  const Title = compact ? 'h3' : 'h2';
  const Section = compact ? 'h4' : 'h3';
  const Frame = compact ? 'section' : 'aside';

  return (
    <Frame
      className={compact ? 'exception-editor exception-editor-compact' : 'detail-pane exception-editor'}
      data-exception={exception.id}
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        // Esc in a dialog belongs to it; elsewhere it closes the editor (when it can be closed).
        if (e.key !== 'Escape' || !close || (e.target as HTMLElement).closest('dialog')) return;
        e.preventDefault();
        close();
      }}
    >
      <header className="detail-header">
        <Title id={titleId}>
          <span className="detail-kicker">Exception</span> <span className="num">{number}</span>{' '}
          <ExceptionStatusBadge status={exception.status} />
        </Title>
        {close ? (
          <button
            type="button"
            className="icon-button"
            aria-label={`Close ${number}`}
            title="Close (Esc)"
            onClick={close}
          >
            ×
          </button>
        ) : null}
      </header>
      {compact ? null : (
        <p className="exception-refs">
          Test{' '}
          {testRef ? (
            <a
              className="num"
              href={`#/engagements/${encodeURIComponent(engagement.id)}/tests/${encodeURIComponent(exception.testId)}`}
            >
              {testRef}
            </a>
          ) : (
            <span className="muted">(deleted test)</span>
          )}{' '}
          · Control <span className="num">{ctx.control?.reference ?? '?'}</span>
          {ctx.control?.title ? ` ${ctx.control.title}` : ''}
          {ctx.control?.deleted ? <span className="muted"> (deleted)</span> : null}
        </p>
      )}
      {exception.deleted ? (
        <p className="banner banner-neutral" role="status">
          This exception was removed when the last X mark of its items was cleared on the test. It stays in
          the audit trail, and {number} is not used again.
        </p>
      ) : (
        <SaveStatus state={state} />
      )}
      <ExceptionItems
        items={ctx.affected}
        found={ctx.found}
        testReference={testRef}
        number={number}
        loading={ctx.loading}
      />
      <div
        className="detail-form"
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // relatedTarget is a DOM node
        }}
      >
        <Section className="record-section-title">Auditor’s evaluation</Section>
        {textArea(
          'description',
          'Description of the condition',
          'Neutral, factual wording usable in the report: what was found, for which items.',
          4,
        )}
        <Field label="Type of exception" error={shown.type}>
          <select
            value={draft.type}
            disabled={locked}
            onChange={(e) => change({ type: e.target.value as ExceptionType })}
          >
            {EXCEPTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {EXCEPTION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        {textArea(
          'rootCause',
          'Root cause',
          'The cause given by management, and the auditor’s view of it.',
          3,
        )}
        {textArea(
          'compensatingControls',
          'Compensating controls considered',
          'Which controls, whether they were tested, and what they show for the criterion.',
          3,
        )}
        <ControlChooser
          label="Compensating controls"
          controls={ctx.controls.filter((c) => c.id !== exception.controlId)}
          value={draft.compensatingControlIds}
          deletedReferences={ctx.deletedReferences}
          disabled={locked}
          onChange={(ids) => change({ compensatingControlIds: ids })}
        />
        <NatureField
          value={draft.nature}
          error={shown.nature}
          readOnly={locked}
          onChange={(nature) => change({ nature })}
        />
        <Field
          label="Severity (firm class)"
          error={shown.severity}
          hint="Optional. Whether a criterion is still met is judged separately, from all its controls."
        >
          <select
            value={draft.severity ?? ''}
            disabled={locked}
            onChange={(e) => change({ severity: (e.target.value || null) as ExceptionSeverity | null })}
          >
            <option value="">Not classified</option>
            {EXCEPTION_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {EXCEPTION_SEVERITY_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        {locked ? null : (
          <div className="exception-status-row">
            {exception.status === 'open' ? (
              <button type="button" className="primary" onClick={() => void markEvaluated()}>
                Mark evaluated
              </button>
            ) : (
              <button type="button" onClick={() => void reopen()}>
                Reopen
              </button>
            )}
            {Object.keys(refused).length > 0 ? (
              <p className="field-error" role="alert">
                Not marked evaluated: complete the highlighted fields.
              </p>
            ) : (
              <p className="field-hint">
                {exception.status === 'open'
                  ? 'Evaluated needs a description and whether the exception is isolated or systemic.'
                  : 'Evaluated. A new X on this test starts a new exception instead of joining this one.'}
              </p>
            )}
          </div>
        )}

        <section className="exception-management" aria-labelledby={`${titleId}-mgmt`}>
          <Section id={`${titleId}-mgmt`} className="record-section-title">
            Management’s response
          </Section>
          {textArea(
            'managementResponse',
            'Response provided by management',
            'Management’s own words, not the auditor’s result: it is reported apart from the test results and is not tested.',
            4,
          )}
        </section>
      </div>
    </Frame>
  );
}
