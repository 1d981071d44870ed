/**
 * Unsaved engagement edits ("drafts"), kept by the generic record autosave (app/autosave): typed text is
 * written synchronously to localStorage on every change, so a reload, a crash or leaving the screen
 * mid-save never loses it; the draft is cleared once every field in it is saved. When some fields are
 * invalid, the valid ones are saved anyway and only the invalid ones stay in the draft.
 */
import {
  engagementFields,
  engagementInputSchema,
  type Engagement,
  type EngagementInput,
} from '@shared/domain/engagement';
import { diffFields, splitFields } from '../../app/autosave/useRecordAutosave';

export type DraftPatch = Partial<EngagementInput>;

export function toInput(e: Engagement): EngagementInput {
  return engagementFields(e);
}

/** The fields of `draft` that differ from `base`. */
export function diffInput(base: EngagementInput, draft: EngagementInput): DraftPatch {
  return diffFields(base, draft);
}

/** Separates the savable part of a patch from the invalid part. */
export function splitPatch(base: EngagementInput, patch: DraftPatch) {
  return splitFields(engagementInputSchema, base, patch);
}

/** Drafts belong to the auditor who typed them, not to whoever signs in next on a shared laptop. */
export const engagementDraftKey = (engagementId: string, profileId: string) =>
  `engagement.${engagementId}.${profileId}`;
