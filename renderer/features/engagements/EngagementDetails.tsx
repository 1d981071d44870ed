/** The engagement's details, edited in place and autosaved (see useAutosave.ts). */
import type { Engagement } from '@shared/domain/engagement';
import type { Actor } from '../../db';
import { EngagementForm } from './EngagementForm';
import { useEngagementAutosave } from './useAutosave';
import { SaveStatus } from '../../components/SaveStatus';

/** Mounted once the signed-in auditor is known, so their own unsaved draft is restored. */
export function EngagementDetails({
  engagement,
  actor,
  readOnly,
}: {
  engagement: Engagement;
  actor: Actor;
  readOnly: boolean;
}) {
  const { draft, errors, state, change, flush } = useEngagementAutosave(engagement, actor, readOnly);
  return (
    <>
      <h2 className="section-title">Engagement details</h2>
      <SaveStatus state={state} />
      <div
        onBlur={(event) => {
          // Leaving the form (not moving between its fields) saves at once.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // relatedTarget is a DOM node
        }}
      >
        <EngagementForm
          mode="edit"
          engagementId={engagement.id}
          values={draft}
          errors={errors}
          onChange={change}
          disabled={readOnly}
        />
      </div>
    </>
  );
}
