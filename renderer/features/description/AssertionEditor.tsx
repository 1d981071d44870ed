/**
 * Management's assertion (section II). Until someone edits it, it is the template filled live from the
 * engagement (organization, system, type, period, categories, carve-out and CUEC wording). Editing starts
 * from that text; "Reset to template" brings it back after a change of scope.
 */
import { useState } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import {
  assertionMismatches,
  assertionTemplate,
  ASSERTION_KEY,
  type DescriptionSection,
  type SubserviceOrg,
} from '@shared/domain/planning';
import { workpaperKey } from '@shared/domain/review';
import { repository, type Actor } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { useAction } from '../../app/useAction';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { StructuredText } from '../../components/StructuredText';
import { WorkpaperHeader } from '../review/WorkpaperHeader';
import { saveSection, sectionFields, sectionFieldsSchema, type SectionFields } from './commands';
import { SectionStatusSelect } from './SectionStatusSelect';
import { TextEditor } from './TextEditor';

interface Props {
  engagement: Engagement;
  record: DescriptionSection | null;
  actor: Actor;
  readOnly: boolean;
  subserviceOrgs: readonly SubserviceOrg[];
  hasCuecs: boolean;
}

export function AssertionEditor(props: Props) {
  const { engagement, record, actor, readOnly } = props;
  const run = useAction();
  const template = assertionTemplate({
    engagement,
    subserviceOrgs: props.subserviceOrgs,
    hasCuecs: props.hasCuecs,
  });
  if (!record || (record.body.trim() === '' && record.status === 'not-started')) {
    return (
      <article className="section-editor" aria-labelledby="section-title">
        <header className="detail-header">
          <h2 id="section-title">Management&apos;s assertion</h2>
        </header>
        <WorkpaperHeader
          engagementId={engagement.id}
          workpaper={workpaperKey('description', ASSERTION_KEY)}
        />
        <p className="guidance">
          Filled from the engagement. It states that the description presents the system in accordance with
          the description criteria, that the controls were suitably designed
          {engagement.kind === 'soc2-type2' ? ' and operated effectively throughout the period' : ''}, and
          carries the carve-out and CUEC caveats when the engagement has them.
        </p>
        {readOnly ? null : (
          <div className="page-actions">
            <button
              type="button"
              className="primary"
              onClick={() =>
                void run(() =>
                  saveSection(repository, actor, engagement.id, ASSERTION_KEY, record, {
                    body: template,
                    status: 'drafting',
                  }),
                )
              }
            >
              Edit this text
            </button>
          </div>
        )}
        <section className="generated-box" aria-label="Assertion template">
          <StructuredText source={template} />
        </section>
      </article>
    );
  }
  return <EditedAssertion {...props} record={record} template={template} />;
}

function EditedAssertion({
  engagement,
  record,
  actor,
  readOnly,
  template,
  subserviceOrgs,
  hasCuecs,
}: Props & { record: DescriptionSection; template: string }) {
  const [resetting, setResetting] = useState(false);
  const { draft, errors, state, change, flush } = useRecordAutosave<DescriptionSection, SectionFields>({
    record,
    fields: sectionFields,
    schema: sectionFieldsSchema,
    save: (current, patch) => saveSection(repository, actor, engagement.id, ASSERTION_KEY, current, patch),
    draftKey: `section.${engagement.id}.${ASSERTION_KEY}.${actor.id}`,
    readOnly,
  });
  const missing = assertionMismatches(draft.body, engagement, subserviceOrgs, hasCuecs);
  return (
    <article
      className="section-editor"
      aria-labelledby="section-title"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // relatedTarget is a DOM node
      }}
    >
      <header className="detail-header">
        <h2 id="section-title">Management&apos;s assertion</h2>
        <SectionStatusSelect
          value={draft.status}
          readOnly={readOnly}
          onChange={(status) => change({ status })}
        />
      </header>
      <WorkpaperHeader engagementId={engagement.id} workpaper={workpaperKey('description', ASSERTION_KEY)} />
      <SaveStatus state={state} />
      {missing.length > 0 ? (
        <p className="banner banner-warn" role="note">
          The assertion may be out of date: {missing.join('; ')}. Check the text, or reset it to the template.
        </p>
      ) : null}
      {draft.body !== template && !readOnly ? (
        <div className="page-actions">
          <button type="button" onClick={() => setResetting(true)}>
            Reset to template…
          </button>
        </div>
      ) : null}
      <TextEditor
        label="Assertion text"
        value={draft.body}
        onChange={(body) => change({ body })}
        readOnly={readOnly}
        error={errors.body}
        rows={20}
      />
      {resetting ? (
        <ConfirmDialog
          title="Reset the assertion to the template?"
          confirmLabel="Replace the text"
          onCancel={() => setResetting(false)}
          onConfirm={() => {
            setResetting(false);
            change({ body: template });
          }}
        >
          <p>
            The edited text is replaced by the template filled from the engagement as it is now. The previous
            text stays in the change history.
          </p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
