/**
 * Review records (soc2-domain.md §5.1, §6): sign-offs bound to the SHA-256 of what was signed, review
 * notes with their open → responded → cleared life, and the dated addenda that are the only change a
 * locked engagement accepts. The rules that connect them (who may sign what, when) are in `rules.ts` and
 * are enforced by the repository, not only by the screens.
 */
import { z } from 'zod';
import { PROFILE_ROLES, type ProfileRole } from '../profile/schema';
import { engagementRecordMetaSchema, isoDateTimeSchema, uuidSchema } from '../records/base';

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Sign-off levels in the order they are given. Preparer and reviewer always; manager and partner by engagement. */
export const SIGN_OFF_LEVELS = ['preparer', 'reviewer', 'manager', 'partner'] as const;
export type SignOffLevel = (typeof SIGN_OFF_LEVELS)[number];
export const SIGN_OFF_LEVEL_LABELS: Record<SignOffLevel, string> = {
  preparer: 'Preparer',
  reviewer: 'Reviewer',
  manager: 'Manager',
  partner: 'Partner',
};
/** The profile roles allowed to sign at each level. */
export const LEVEL_ROLES: Record<SignOffLevel, readonly ProfileRole[]> = {
  preparer: PROFILE_ROLES,
  // The usual levels are in-charge/senior, then manager, then partner (soc2-domain.md §5.1): staff
  // prepare, they do not review.
  reviewer: ['senior', 'manager', 'partner'],
  manager: ['manager', 'partner'],
  partner: ['partner'],
};
export const DEFAULT_SIGN_OFF_LEVELS: readonly SignOffLevel[] = ['preparer', 'reviewer'];

/** The levels an engagement requires, always including preparer and reviewer, in signing order. */
export const signOffLevelsSchema = z
  .array(z.enum(SIGN_OFF_LEVELS))
  .transform((levels) =>
    SIGN_OFF_LEVELS.filter((l) => l === 'preparer' || l === 'reviewer' || levels.includes(l)),
  );

/**
 * A workpaper key: `test:<id>`, `walkthrough:<id>`, `interview:<id>`, `description:<section key>`,
 * `control-matrix`, `request-list`, `report-draft`, or `addendum:<id>` (an addendum's review).
 */
export const workpaperKeySchema = z
  .string()
  .regex(
    /^(?:(?:test|walkthrough|interview|addendum):[0-9a-f-]{36}|description:[a-z-]{1,40}|control-matrix|request-list|report-draft)$/,
    'Unknown workpaper.',
  );

const signOffShape = {
  workpaper: workpaperKeySchema,
  level: z.enum(SIGN_OFF_LEVELS),
  /** The profile that signed; always the actor who wrote the record. */
  profileId: uuidSchema,
  name: text(120).min(1),
  initials: text(8).min(1),
  /** The profile's role when it signed. */
  role: z.enum(PROFILE_ROLES),
  signedAt: isoDateTimeSchema,
  /** SHA-256 of the workpaper's canonical content at signing (see `workpapers.ts`). */
  contentHash: z.string().regex(SHA256_HEX, 'must be a SHA-256 hash in hex'),
};
export const signOffFieldsSchema = z.object(signOffShape);
export type SignOffFields = z.output<typeof signOffFieldsSchema>;
export const signOffSchema = engagementRecordMetaSchema.extend(signOffShape);
export type SignOff = z.output<typeof signOffSchema>;

export const REVIEW_NOTE_STATUSES = ['open', 'responded', 'cleared'] as const;
export type ReviewNoteStatus = (typeof REVIEW_NOTE_STATUSES)[number];
export const REVIEW_NOTE_STATUS_LABELS: Record<ReviewNoteStatus, string> = {
  open: 'Open',
  responded: 'Responded',
  cleared: 'Cleared',
};

/** What a note points at inside its workpaper: the whole workpaper, one field, or one sample item. */
export const noteTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workpaper') }),
  z.object({ kind: z.literal('field'), field: text(80).min(1), label: text(200) }),
  z.object({ kind: z.literal('sample-item'), id: uuidSchema, label: text(200) }),
]);
export type NoteTarget = z.output<typeof noteTargetSchema>;

const reviewNoteShape = {
  /** RN-n, unique in the engagement and never reused. */
  number: z.number().int().min(1),
  workpaper: workpaperKeySchema,
  target: noteTargetSchema,
  text: text(10_000).min(1, 'Write the note.'),
  raisedBy: uuidSchema,
  raisedByName: text(120),
  raisedAt: isoDateTimeSchema,
  /** Profile id of who should respond (usually the preparer); null when nobody is named. */
  assignedTo: uuidSchema.nullable(),
  response: text(10_000),
  respondedBy: uuidSchema.nullable(),
  respondedByName: text(120),
  respondedAt: isoDateTimeSchema.nullable(),
  status: z.enum(REVIEW_NOTE_STATUSES),
  clearedBy: uuidSchema.nullable(),
  clearedByName: text(120),
  clearedAt: isoDateTimeSchema.nullable(),
  /** How often the note was reopened after being cleared. */
  reopened: z.number().int().min(0),
};
export const reviewNoteFieldsSchema = z.object(reviewNoteShape);
export type ReviewNoteFields = z.output<typeof reviewNoteFieldsSchema>;
export const reviewNoteSchema = engagementRecordMetaSchema.extend(reviewNoteShape).superRefine((n, ctx) => {
  if (n.status !== 'open' && n.status !== 'cleared' && !n.response) {
    ctx.addIssue({ code: 'custom', path: ['response'], message: 'Write the response.' });
  }
  if (n.status === 'cleared' && (!n.clearedBy || !n.clearedAt)) {
    ctx.addIssue({ code: 'custom', path: ['status'], message: 'A cleared note records who cleared it.' });
  }
});
export type ReviewNote = z.output<typeof reviewNoteSchema>;

export function formatNoteNumber(n: number): string {
  return `RN-${n}`;
}

const addendumShape = {
  /** AD-n in the order added. */
  number: z.number().int().min(1),
  /** The workpaper it amends, when it amends one. */
  workpaper: workpaperKeySchema.nullable(),
  text: text(20_000).min(1, 'Write the addendum.'),
  reason: text(2000).min(1, 'Give the reason for the addendum.'),
  authorId: uuidSchema,
  authorName: text(120),
  addedAt: isoDateTimeSchema,
};
export const addendumFieldsSchema = z.object(addendumShape);
export const addendumSchema = engagementRecordMetaSchema.extend(addendumShape);
export type Addendum = z.output<typeof addendumSchema>;

export function formatAddendumNumber(n: number): string {
  return `AD-${n}`;
}
