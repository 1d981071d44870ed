/**
 * One walkthrough, edited beside the list and autosaved: the process and the instance traced, who took
 * part, the narrative with evidence per step, the controls identified, the risks they address and the
 * conclusions on design and implementation (soc2-domain.md §3.3).
 */
import { ENGAGEMENT_KIND_LABELS } from '@shared/domain/engagement';
import {
  controlResult,
  isType1,
  walkthroughFieldsSchema,
  type Evidence,
  type Walkthrough,
  type WalkthroughFields,
} from '@shared/domain/fieldwork';
import { withoutMeta } from '@shared/domain/records';
import { workpaperKey } from '@shared/domain/review';
import { repository } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { Field } from '../../components/Field';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { WorkpaperHeader } from '../review/WorkpaperHeader';
import { AuditorsField } from '../interviews/AuditorsField';
import { PeopleEditor } from '../interviews/PeopleEditor';
import { ControlsAndCriteria, RecordPane, type RecordEditorProps } from '../interviews/RecordPane';
import { deleteWalkthroughs, restoreWalkthroughs, updateWalkthrough } from './commands';
import { ConclusionsField } from './ConclusionsField';
import { StepsEditor } from './StepsEditor';

function walkthroughFields(r: Walkthrough): WalkthroughFields {
  return withoutMeta(r);
}

interface Props extends RecordEditorProps {
  walkthrough: Walkthrough;
  /** Evidence linked to this walkthrough or any of its steps. */
  evidence: readonly Evidence[];
}

export function WalkthroughEditor(props: Props) {
  const { walkthrough, engagement, actor, readOnly, canRestore, references, evidence } = props;
  const { draft, errors, state, change, flush } = useRecordAutosave<Walkthrough, WalkthroughFields>({
    record: walkthrough,
    fields: walkthroughFields,
    schema: walkthroughFieldsSchema,
    save: (record, patch) => updateWalkthrough(repository, actor, record, patch),
    draftKey: `walkthrough.${walkthrough.id}.${actor.id}`,
    readOnly,
  });
  const name = draft.title.trim() || 'Untitled walkthrough';
  const type1 = isType1(engagement.kind);

  const stepCounts = new Map<string, number>();
  for (const e of evidence) {
    for (const l of e.links) {
      if (l.kind === 'walkthrough' && l.id === walkthrough.id && l.detail) {
        stepCounts.set(l.detail, (stepCounts.get(l.detail) ?? 0) + 1);
      }
    }
  }
  // The draft's conclusions count at once, before they are saved.
  const current = { ...walkthrough, ...draft, deleted: walkthrough.deleted };
  const others = props.walkthroughs.filter((w) => w.id !== walkthrough.id);
  const live = new Set(props.controls.map((c) => c.id));
  const results = draft.controlIds
    .filter((id) => live.has(id))
    .map((id) => ({
      id,
      reference: references.get(id) ?? '?',
      result: controlResult(id, engagement.kind, props.tests, [...others, current]),
    }));
  const linkedControls = draft.controlIds.map((id) => references.get(id)).filter(Boolean);

  return (
    <RecordPane
      noun="walkthrough"
      kicker="Walkthrough"
      name={name}
      record={walkthrough}
      engagementId={engagement.id}
      link={{ kind: 'walkthrough', id: walkthrough.id }}
      readOnly={readOnly}
      canRestore={canRestore}
      saveState={state}
      flush={flush}
      onClose={() => props.onSelect(null)}
      remove={() => deleteWalkthroughs(repository, actor, [walkthrough.id])}
      restore={() => restoreWalkthroughs(repository, actor, [walkthrough.id])}
      deleteDetails={[
        ...(draft.steps.length > 0
          ? [`Its narrative has ${draft.steps.length} step${draft.steps.length === 1 ? '' : 's'}.`]
          : []),
        ...(linkedControls.length > 0 && type1
          ? [
              `It is the test of ${linkedControls.join(', ')}: without it their status goes back to “Not walked through” unless another walkthrough covers them.`,
            ]
          : []),
      ]}
      notes={
        <>
          <WorkpaperHeader
            engagementId={engagement.id}
            workpaper={workpaperKey('walkthrough', walkthrough.id)}
          />
          <p className="hint-box record-kind-note">
            {type1
              ? `${ENGAGEMENT_KIND_LABELS[engagement.kind]}: this walkthrough is the main test of the controls it identifies; its conclusions are their result.`
              : `${ENGAGEMENT_KIND_LABELS[engagement.kind]}: this walkthrough concludes on design and implementation; operating effectiveness is tested separately (Tests of controls).`}
          </p>
          {evidence.length === 0 && !walkthrough.deleted ? (
            <p className="warning-box record-note" role="note">
              <span aria-hidden="true">! </span>
              Inquiry-only walkthroughs are not acceptable: attach what you inspected or observed.
            </p>
          ) : null}
        </>
      }
    >
      <Field
        label="Process or control walked through"
        required
        error={errors.title}
        hint="e.g. Change management — standard change"
      >
        <input value={draft.title} readOnly={readOnly} onChange={(e) => change({ title: e.target.value })} />
      </Field>
      <div className="form-row">
        <Field label="First day" error={errors.startDate}>
          <input
            type="date"
            value={draft.startDate ?? ''}
            readOnly={readOnly}
            onChange={(e) => change({ startDate: e.target.value || null })}
          />
        </Field>
        <Field label="Last day" error={errors.endDate}>
          <input
            type="date"
            value={draft.endDate ?? ''}
            readOnly={readOnly}
            onChange={(e) => change({ endDate: e.target.value || null })}
          />
        </Field>
      </div>
      <Field
        label="Instance traced"
        error={errors.instance}
        hint="The identifier of the one instance followed end to end: ticket, change or user ID."
      >
        <input
          value={draft.instance}
          readOnly={readOnly}
          onChange={(e) => change({ instance: e.target.value })}
        />
      </Field>
      <PeopleEditor
        legend="Client participants"
        noun="participant"
        field="participants"
        value={draft.participants}
        errors={errors}
        readOnly={readOnly}
        onChange={(participants) => change({ participants })}
      />
      <AuditorsField
        legend="Auditors"
        value={draft.auditorIds}
        profiles={props.profiles}
        team={engagement.team}
        readOnly={readOnly}
        onChange={(auditorIds) => change({ auditorIds })}
      />
      <StepsEditor
        engagementId={engagement.id}
        walkthroughId={walkthrough.id}
        steps={draft.steps}
        errors={errors}
        readOnly={readOnly}
        evidenceCounts={stepCounts}
        onChange={(steps) => change({ steps })}
      />
      <EvidencePanel
        engagementId={engagement.id}
        link={{ kind: 'walkthrough', id: walkthrough.id }}
        title="All evidence for this walkthrough"
        readOnly={readOnly}
      />
      <ControlsAndCriteria
        labels={['Controls identified', 'Criteria addressed']}
        value={draft}
        error={errors.criteria}
        readOnly={readOnly}
        choices={props}
        onChange={change}
      />
      <Field
        label="Risks addressed"
        error={errors.risks}
        hint="What could go wrong that the controls prevent or detect, and any gap in design you saw."
      >
        <textarea
          rows={3}
          value={draft.risks}
          readOnly={readOnly}
          onChange={(e) => change({ risks: e.target.value })}
        />
      </Field>
      <ConclusionsField
        draft={draft}
        errors={errors}
        readOnly={readOnly}
        kind={engagement.kind}
        results={results}
        onChange={change}
      />
      <Field label="Changes since the prior period" error={errors.changesSincePrior}>
        <textarea
          rows={2}
          value={draft.changesSincePrior}
          readOnly={readOnly}
          onChange={(e) => change({ changesSincePrior: e.target.value })}
        />
      </Field>
    </RecordPane>
  );
}
