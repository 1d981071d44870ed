/**
 * One walkthrough, edited beside the list and autosaved: the process and the instance traced, who took
 * part, the narrative with evidence per step, the controls identified, the risks they address and the
 * conclusions on design and implementation (soc2-domain.md §3.3).
 */
import { useState } from 'react';
import { ENGAGEMENT_KIND_LABELS, type Engagement, type ScopedCriterion } from '@shared/domain/engagement';
import {
  controlResult,
  isType1,
  walkthroughFieldsSchema,
  type ControlTest,
  type Evidence,
  type Walkthrough,
  type WalkthroughFields,
} from '@shared/domain/fieldwork';
import type { Control } from '@shared/domain/planning';
import type { Profile } from '@shared/domain/profile';
import { withoutMeta } from '@shared/domain/records';
import { repository, type Actor } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { useAction } from '../../app/useAction';
import { ControlChooser } from '../../components/ControlChooser';
import { CriteriaPicker } from '../../components/CriteriaPicker';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { AuditorsField } from '../interviews/AuditorsField';
import { DeleteRecordDialog } from '../interviews/DeleteRecordDialog';
import { PeopleEditor } from '../interviews/PeopleEditor';
import { deleteWalkthroughs, restoreWalkthroughs, updateWalkthrough } from './commands';
import { ConclusionsField } from './ConclusionsField';
import { StepsEditor } from './StepsEditor';

function walkthroughFields(r: Walkthrough): WalkthroughFields {
  return withoutMeta(r);
}

interface Props {
  walkthrough: Walkthrough;
  engagement: Engagement;
  actor: Actor;
  readOnly: boolean;
  canRestore: boolean;
  controls: readonly Control[];
  references: ReadonlyMap<string, string>;
  deletedReferences: ReadonlyMap<string, string>;
  criteria: readonly ScopedCriterion[];
  profiles: readonly Profile[];
  tests: readonly ControlTest[];
  walkthroughs: readonly Walkthrough[];
  /** Evidence linked to this walkthrough or any of its steps. */
  evidence: readonly Evidence[];
  onSelect(id: string | null): void;
}

export function WalkthroughEditor(props: Props) {
  const { walkthrough, engagement, actor, readOnly, canRestore, references, evidence } = props;
  const run = useAction();
  const [deleting, setDeleting] = useState(false);
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
  const close = () => void flush().then(() => props.onSelect(null));

  return (
    <aside
      className="detail-pane record-pane"
      data-record={walkthrough.id}
      aria-labelledby="walkthrough-detail-title"
      onKeyDown={(e) => {
        // Esc in a dialog or an open list belongs to them; elsewhere it closes the editor.
        if (e.key !== 'Escape' || deleting || (e.target as HTMLElement).closest('dialog')) return;
        e.preventDefault();
        // Leaving the field first commits a person typed but not yet added.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        close();
      }}
    >
      <header className="detail-header">
        <h2 id="walkthrough-detail-title">
          <span className="detail-kicker">Walkthrough</span> {name}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close walkthrough"
          title="Close (Esc)"
          onClick={close}
        >
          ×
        </button>
      </header>
      {walkthrough.deleted ? (
        <div className="banner banner-neutral" role="status">
          This walkthrough is deleted. It stays in the audit trail with its links.
          {canRestore ? (
            <button
              type="button"
              onClick={() =>
                void run(
                  () => restoreWalkthroughs(repository, actor, [walkthrough.id]),
                  `Restored “${name}”.`,
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
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete…
          </button>
        </div>
      )}
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
      <div
        className="detail-form"
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // relatedTarget is a DOM node
        }}
      >
        <Field
          label="Process or control walked through"
          required
          error={errors.title}
          hint="e.g. Change management — standard change"
        >
          <input
            value={draft.title}
            readOnly={readOnly}
            onChange={(e) => change({ title: e.target.value })}
          />
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
        <ControlChooser
          label="Controls identified"
          controls={props.controls}
          value={draft.controlIds}
          deletedReferences={props.deletedReferences}
          disabled={readOnly}
          onChange={(controlIds) => change({ controlIds })}
        />
        <CriteriaPicker
          label="Criteria addressed"
          value={draft.criteria}
          available={props.criteria}
          disabled={readOnly}
          error={errors.criteria}
          onChange={(criteria) => change({ criteria })}
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
      </div>
      {deleting ? (
        <DeleteRecordDialog
          noun="walkthrough"
          name={name}
          engagementId={engagement.id}
          link={{ kind: 'walkthrough', id: walkthrough.id }}
          details={[
            ...(draft.steps.length > 0
              ? [`Its narrative has ${draft.steps.length} step${draft.steps.length === 1 ? '' : 's'}.`]
              : []),
            ...(linkedControls.length > 0 && type1
              ? [
                  `It is the test of ${linkedControls.join(', ')}: without it their status goes back to “Not walked through” unless another walkthrough covers them.`,
                ]
              : []),
          ]}
          onCancel={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            void run(
              async () => {
                await flush();
                await deleteWalkthroughs(repository, actor, [walkthrough.id]);
                props.onSelect(null);
              },
              `Deleted the walkthrough “${name}”.`,
              { label: 'Undo', run: () => restoreWalkthroughs(repository, actor, [walkthrough.id]) },
            );
          }}
        />
      ) : null}
    </aside>
  );
}
