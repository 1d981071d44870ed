/**
 * Unsaved engagement edits ("drafts"). Typed text is written synchronously to localStorage on every change,
 * so a reload, a crash or leaving the screen mid-save never loses it; the draft is cleared once every field
 * in it is saved. When some fields are invalid, the valid ones are saved anyway and only the invalid ones
 * stay in the draft.
 */
import {
  engagementFields,
  engagementInputSchema,
  type Engagement,
  type EngagementInput,
} from '@shared/domain/engagement';
import { canonicalJson } from '@shared/domain/canonical-json';
import { ValidationError } from '@shared/domain/errors';

export type DraftPatch = Partial<EngagementInput>;

const KEY_PREFIX = 'fieldwork.draft.engagement.';

export function toInput(e: Engagement): EngagementInput {
  return engagementFields(e);
}

/** The fields of `draft` that differ from `base`. */
export function diffInput(base: EngagementInput, draft: EngagementInput): DraftPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof EngagementInput)[]) {
    if (canonicalJson(draft[key] ?? null) !== canonicalJson(base[key] ?? null)) patch[key] = draft[key];
  }
  return patch as DraftPatch; // keys and values come from an EngagementInput
}

export interface SplitResult {
  /** Fields that can be saved now (together they keep the engagement valid). */
  accepted: DraftPatch;
  /** Field -> message for what cannot be saved yet. */
  errors: Record<string, string>;
}

/** Separates the savable part of a patch from the invalid part. */
export function splitPatch(base: EngagementInput, patch: DraftPatch): SplitResult {
  const whole = engagementInputSchema.safeParse({ ...base, ...patch });
  if (whole.success) return { accepted: patch, errors: {} };
  const errors = ValidationError.fromZod(whole.error).fields;
  const accepted: DraftPatch = {};
  for (const key of Object.keys(patch) as (keyof EngagementInput)[]) {
    if (key in errors) continue;
    const candidate = { ...base, ...accepted, [key]: patch[key] };
    if (engagementInputSchema.safeParse(candidate).success) Object.assign(accepted, { [key]: patch[key] });
  }
  return { accepted, errors };
}

/** Drafts belong to the auditor who typed them, not to whoever signs in next on a shared laptop. */
const draftKey = (engagementId: string, profileId: string) => `${KEY_PREFIX}${engagementId}.${profileId}`;

export function loadDraft(engagementId: string, profileId: string): DraftPatch | null {
  try {
    const raw = localStorage.getItem(draftKey(engagementId, profileId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as DraftPatch) : null; // written by saveDraft below
  } catch {
    return null;
  }
}

export function saveDraft(engagementId: string, profileId: string, patch: DraftPatch): void {
  try {
    const key = draftKey(engagementId, profileId);
    if (Object.keys(patch).length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(patch));
  } catch {
    // Storage full or unavailable: the draft then lives in memory only, as before this safeguard.
  }
}
