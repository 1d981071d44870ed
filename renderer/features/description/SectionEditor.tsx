/** One system description section: guidance, content from records where relevant, the text and its status. */
import {
  generatedSectionText,
  type DescriptionSection,
  type DescriptionSectionDefinition,
  type GeneratedContext,
} from '@shared/domain/planning';
import { workpaperKey } from '@shared/domain/review';
import { repository, type Actor } from '../../db';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { SaveStatus } from '../../components/SaveStatus';
import { StructuredText } from '../../components/StructuredText';
import { WorkpaperHeader } from '../review/WorkpaperHeader';
import { saveSection, sectionFields, sectionFieldsSchema, type SectionFields } from './commands';
import { SectionStatusSelect } from './SectionStatusSelect';
import { TextEditor } from './TextEditor';

type Editable = DescriptionSection | { id: ''; body: string; status: 'not-started' };

const GENERATED_SOURCE: Record<
  NonNullable<DescriptionSectionDefinition['generated']>,
  { label: string; area: string }
> = {
  'not-applicable': { label: 'Scope & criteria', area: 'scope' },
  subservice: { label: 'Subservice & CUECs', area: 'complementary' },
  cuecs: { label: 'Subservice & CUECs', area: 'complementary' },
  controls: { label: 'Controls', area: 'controls' },
};

/** The records behind a generated section are empty: its text is a statement of "none", not a finding yet. */
function isEmptySource(
  kind: NonNullable<DescriptionSectionDefinition['generated']>,
  ctx: GeneratedContext,
): boolean {
  switch (kind) {
    case 'subservice':
      return ctx.subserviceOrgs.every((o) => o.deleted);
    case 'cuecs':
      return ctx.userEntityControls.every((u) => u.deleted);
    case 'controls':
      return ctx.controls.every((c) => c.deleted);
    default:
      return false; // the scope is always recorded; "all criteria relevant" is a statement, not a gap
  }
}

interface Props {
  engagementId: string;
  definition: DescriptionSectionDefinition;
  record: DescriptionSection | null;
  actor: Actor;
  readOnly: boolean;
  context: GeneratedContext;
}

export function SectionEditor({ engagementId, definition, record, actor, readOnly, context }: Props) {
  const editable: Editable = record ?? { id: '', body: '', status: 'not-started' };
  const { draft, errors, state, change, flush } = useRecordAutosave<Editable, SectionFields>({
    record: editable,
    fields: sectionFields,
    schema: sectionFieldsSchema,
    save: (current, patch) =>
      saveSection(
        repository,
        actor,
        engagementId,
        definition.key,
        current.id ? (current as DescriptionSection) : null,
        patch,
      ),
    draftKey: `section.${engagementId}.${definition.key}.${actor.id}`,
    readOnly,
  });
  const source = definition.generated ? GENERATED_SOURCE[definition.generated] : null;

  return (
    <article
      className="section-editor"
      aria-labelledby="section-title"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // relatedTarget is a DOM node
      }}
    >
      <header className="detail-header">
        <h2 id="section-title">
          {definition.dc ? <span className="muted num">{definition.dc} · </span> : null}
          {definition.title}
        </h2>
        <SectionStatusSelect
          value={draft.status}
          readOnly={readOnly}
          onChange={(status) => change({ status })}
        />
      </header>
      <WorkpaperHeader engagementId={engagementId} workpaper={workpaperKey('description', definition.key)} />
      <p className="guidance">{definition.guidance}</p>
      <SaveStatus state={state} />
      {definition.generated && source ? (
        <section className="generated-box" aria-label="From your records">
          <h3>
            From your records{' '}
            <a className="small" href={`#/engagements/${engagementId}/${source.area}`}>
              edit on {source.label}
            </a>
          </h3>
          {isEmptySource(definition.generated, context) ? (
            <p className="muted">
              Nothing is recorded on {source.label} yet. Until something is, the description will say:
            </p>
          ) : null}
          <StructuredText source={generatedSectionText(definition.generated, context)} />
        </section>
      ) : null}
      <TextEditor
        label={definition.generated ? 'Additional narrative' : 'Section text'}
        value={draft.body}
        onChange={(body) => change({ body })}
        readOnly={readOnly}
        outline={definition.outline}
        error={errors.body}
        placeholder={definition.guidance}
      />
    </article>
  );
}
