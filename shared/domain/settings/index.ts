/**
 * Firm settings kept on this machine (not part of any engagement): the firm's sample-size table. A test
 * copies the size and the table's basis sentence when it is planned, so editing the table later never
 * changes what a test recorded.
 */
import { z } from 'zod';
import { recordMetaSchema } from '../records/base';
import { sampleSizeTableSchema } from '../sampling/size-table';

/** The one firm-settings record's id (records need a UUID; there is only ever one of these). */
export const FIRM_SETTINGS_ID = '00000000-0000-4000-8000-000000000001';

export const CLEARED_NOTE_POLICIES = ['keep', 'delete'] as const;
export type ClearedNotePolicy = (typeof CLEARED_NOTE_POLICIES)[number];

/** The firm's documentation policy (soc2-domain.md §6): copied onto an engagement when its report is released. */
export const reviewPolicySchema = z.object({
  /** Days after the report release date to assemble the final file (AU-C 230: at most 60). */
  assemblyDays: z.number().int().min(1, 'Use at least 1 day.').max(60, 'AU-C 230 allows at most 60 days.'),
  /** Years to keep the documentation after release (at least 5; firms commonly keep 7 to 10). */
  retentionYears: z
    .number()
    .int()
    .min(5, 'Documentation is kept at least 5 years (AU-C 230).')
    .max(30, 'Use at most 30 years.'),
  /** Whether cleared review notes are kept or deleted when the file is assembled (logged either way). */
  clearedNotesAtAssembly: z.enum(CLEARED_NOTE_POLICIES),
});
export type ReviewPolicy = z.output<typeof reviewPolicySchema>;
export const DEFAULT_REVIEW_POLICY: ReviewPolicy = {
  assemblyDays: 60,
  retentionYears: 7,
  clearedNotesAtAssembly: 'keep',
};

const firmSettingsShape = {
  sampleSizeTable: sampleSizeTableSchema,
  reviewPolicy: reviewPolicySchema.default(DEFAULT_REVIEW_POLICY),
};

/** The policy in a stored settings record (records saved before the policy existed have none). */
export function reviewPolicyOf(
  stored: { reviewPolicy?: ReviewPolicy; deleted: boolean } | undefined,
): ReviewPolicy {
  return stored && !stored.deleted && stored.reviewPolicy ? stored.reviewPolicy : DEFAULT_REVIEW_POLICY;
}
export const firmSettingsFieldsSchema = z.object(firmSettingsShape);
export type FirmSettingsFields = z.output<typeof firmSettingsFieldsSchema>;
export const firmSettingsSchema = recordMetaSchema.extend(firmSettingsShape);
export type FirmSettings = z.output<typeof firmSettingsSchema>;
