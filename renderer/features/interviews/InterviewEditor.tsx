/**
 * One interview, edited beside the list and autosaved: who was asked what, what they said, the follow-ups
 * (which can become requests), the controls and criteria it concerns and the evidence handed over. Warns
 * where the interview is a control's only support: inquiry alone never concludes a test.
 */
import { useState } from 'react';
import {
  controlSupport,
  interviewFieldsSchema,
  type FollowUp,
  type Interview,
  type InterviewFields,
} from '@shared/domain/fieldwork';
import { formatRequestNumber, type Request } from '@shared/domain/planning';
import { withoutMeta } from '@shared/domain/records';
import { workpaperKey } from '@shared/domain/review';
import { repository } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';
import { Field } from '../../components/Field';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { WorkpaperHeader } from '../review/WorkpaperHeader';
import { AuditorsField } from './AuditorsField';
import { FollowUpsField } from './FollowUpsField';
import { PeopleEditor } from './PeopleEditor';
import { ControlsAndCriteria, RecordPane, type RecordEditorProps } from './RecordPane';
import { createRequestFromFollowUp, deleteInterviews, restoreInterviews, updateInterview } from './commands';

function interviewFields(r: Interview): InterviewFields {
  return withoutMeta(r);
}

interface Props extends RecordEditorProps {
  interview: Interview;
  requests: ReadonlyMap<string, Request>;
}

export function InterviewEditor(props: Props) {
  const { interview, engagement, actor, readOnly, canRestore, controls, references } = props;
  const run = useAction();
  const notify = useAppStore((s) => s.notify);
  const navigate = useAppStore((s) => s.navigate);
  const [creating, setCreating] = useState<string | null>(null);
  const { draft, errors, state, change, flush } = useRecordAutosave<Interview, InterviewFields>({
    record: interview,
    fields: interviewFields,
    schema: interviewFieldsSchema,
    save: (record, patch) => updateInterview(repository, actor, record, patch),
    draftKey: `interview.${interview.id}.${actor.id}`,
    readOnly,
  });
  const name = draft.title.trim() || 'Untitled interview';

  // Controls this interview speaks to that nothing else supports yet: no walkthrough, no test.
  const live = new Set(controls.map((c) => c.id));
  const inquiryOnly = interview.deleted
    ? []
    : draft.controlIds.filter(
        (id) =>
          live.has(id) &&
          controlSupport(id, props.tests, props.walkthroughs, [{ controlIds: [id], deleted: false }])
            .inquiryOnly,
      );

  async function createRequest(item: FollowUp) {
    setCreating(item.id);
    const request = await run(async () => {
      await flush();
      return (await createRequestFromFollowUp(repository, actor, interview.id, item.id)).request;
    });
    setCreating(null);
    if (!request) return;
    const number = formatRequestNumber(request.number);
    notify('success', `Added ${number} to the request list as a draft.`, undefined, {
      label: `Open ${number}`,
      run: () => navigate({ name: 'engagement', id: engagement.id, area: 'requests', item: request.id }),
    });
  }

  const followUpRequests = interview.followUps
    .map((f) => (f.requestId ? props.requests.get(f.requestId) : undefined))
    .filter((r): r is Request => r !== undefined);

  const deleteDetails =
    followUpRequests.length > 0
      ? [
          `${followUpRequests.length === 1 ? 'One follow-up became a request' : `${followUpRequests.length} follow-ups became requests`} (${followUpRequests.map((r) => formatRequestNumber(r.number)).join(', ')}); the request list keeps ${followUpRequests.length === 1 ? 'it' : 'them'}.`,
        ]
      : [];

  return (
    <RecordPane
      noun="interview"
      kicker="Interview"
      name={name}
      record={interview}
      engagementId={engagement.id}
      link={{ kind: 'interview', id: interview.id }}
      readOnly={readOnly}
      canRestore={canRestore}
      saveState={state}
      flush={flush}
      onClose={() => props.onSelect(null)}
      remove={() => deleteInterviews(repository, actor, [interview.id])}
      restore={() => restoreInterviews(repository, actor, [interview.id])}
      deleteDetails={deleteDetails}
      notes={
        <>
          <WorkpaperHeader engagementId={engagement.id} workpaper={workpaperKey('interview', interview.id)} />
          {inquiryOnly.length > 0 ? (
            <ul className="record-notes" aria-label="Corroboration needed">
              {inquiryOnly.map((id) => (
                <li key={id} className="warning-box">
                  <span aria-hidden="true">! </span>
                  Inquiry alone does not support a conclusion on {references.get(id) ?? 'this control'}:
                  corroborate it with a walkthrough or a test (observation, inspection or reperformance).
                </li>
              ))}
            </ul>
          ) : null}
        </>
      }
      after={
        <EvidencePanel
          engagementId={engagement.id}
          link={{ kind: 'interview', id: interview.id }}
          title="Evidence from the interview"
          readOnly={readOnly}
        />
      }
    >
      <Field label="Title" required error={errors.title}>
        <input value={draft.title} readOnly={readOnly} onChange={(e) => change({ title: e.target.value })} />
      </Field>
      <div className="form-row">
        <Field label="Date" error={errors.date}>
          <input
            type="date"
            value={draft.date ?? ''}
            readOnly={readOnly}
            onChange={(e) => change({ date: e.target.value || null })}
          />
        </Field>
        <Field label="Place" error={errors.place} hint="Meeting room, site or video call.">
          <input
            value={draft.place}
            readOnly={readOnly}
            onChange={(e) => change({ place: e.target.value })}
          />
        </Field>
      </div>
      <PeopleEditor
        legend="Interviewees"
        noun="interviewee"
        field="interviewees"
        value={draft.interviewees}
        errors={errors}
        readOnly={readOnly}
        onChange={(interviewees) => change({ interviewees })}
      />
      <AuditorsField
        value={draft.auditorIds}
        profiles={props.profiles}
        team={engagement.team}
        readOnly={readOnly}
        onChange={(auditorIds) => change({ auditorIds })}
      />
      <Field label="Topics" error={errors.topics} hint="What you asked about, as an agenda.">
        <textarea
          rows={3}
          value={draft.topics}
          readOnly={readOnly}
          onChange={(e) => change({ topics: e.target.value })}
        />
      </Field>
      <Field
        label="Notes"
        error={errors.notes}
        hint="Saved as you type. Who said what, in their words where it matters; note what you must corroborate."
      >
        <textarea
          className="notes-area"
          rows={12}
          value={draft.notes}
          readOnly={readOnly}
          onChange={(e) => change({ notes: e.target.value })}
        />
      </Field>
      <FollowUpsField
        engagementId={engagement.id}
        value={draft.followUps}
        errors={errors}
        readOnly={readOnly}
        requests={props.requests}
        creating={creating}
        onChange={(followUps) => change({ followUps })}
        onCreateRequest={(item) => void createRequest(item)}
      />
      <ControlsAndCriteria
        labels={['Controls covered', 'Criteria discussed']}
        value={draft}
        error={errors.criteria}
        readOnly={readOnly}
        choices={props}
        onChange={change}
      />
    </RecordPane>
  );
}
