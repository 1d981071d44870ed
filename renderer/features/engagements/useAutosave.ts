/**
 * Autosave for the engagement details: the generic record autosave (app/autosave/useRecordAutosave.ts)
 * with the engagement's schema, which also checks the dates against each other. Every keystroke goes to a
 * local draft at once, the status says "Unsaved changes" until the save lands, and the save runs shortly
 * after typing stops, when focus leaves the form, or when the window is hidden or closed. Invalid fields are
 * held back (and shown); the valid ones are saved regardless.
 *
 * The form shows the stored engagement overlaid with the unsaved fields, so changes made elsewhere (another
 * window, the Scope screen) appear in every field not being edited here.
 */
import { engagementInputSchema, type Engagement, type EngagementInput } from '@shared/domain/engagement';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { repository, type Actor } from '../../db';
import { updateEngagement } from './commands';
import { engagementDraftKey, toInput } from './draft';

export function useEngagementAutosave(engagement: Engagement, actor: Actor, readOnly: boolean) {
  return useRecordAutosave<Engagement, EngagementInput>({
    record: engagement,
    fields: toInput,
    schema: engagementInputSchema,
    save: (record, patch) => updateEngagement(repository, actor, record, patch),
    draftKey: engagementDraftKey(engagement.id, actor.id),
    readOnly,
  });
}
