/**
 * Per-engagement scoping of one criterion. A criterion of a category in scope is applicable unless the
 * auditor marks it not applicable with a reason; the reason is disclosed in the report (DC 8).
 */
import { z } from 'zod';
import { isCriterionId } from '../criteria/catalog';
import { engagementRecordMetaSchema } from '../records/base';

export const MIN_NA_REASON_LENGTH = 10;

/** A reason the report can print: long enough and made of words, not "n/a" or a row of dots. */
export function isMeaningfulReason(reason: string): boolean {
  const trimmed = reason.trim();
  // "N/A", "NA" and "not applicable" say nothing about why: they do not count towards the words needed.
  const words = trimmed.replace(/\bn\s*\/?\s*a\b|\bnot\s+applicable\b/giu, ' ');
  return trimmed.length >= MIN_NA_REASON_LENGTH && (words.match(/\p{L}/gu)?.length ?? 0) >= 8;
}

export const criterionScopeFieldsSchema = z
  .object({
    criterionId: z.string().refine(isCriterionId, 'Unknown criterion.'),
    notApplicable: z.boolean(),
    reason: z.string().trim().max(2000, 'Keep the reason under 2000 characters.'),
  })
  .superRefine((s, ctx) => {
    if (s.notApplicable && !isMeaningfulReason(s.reason)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `Explain in words why the criterion does not apply (at least ${MIN_NA_REASON_LENGTH} characters); the report discloses it.`,
      });
    }
  });
export type CriterionScopeFields = z.output<typeof criterionScopeFieldsSchema>;

export const criterionScopeSchema = engagementRecordMetaSchema
  .extend({
    criterionId: z.string().refine(isCriterionId, 'Unknown criterion.'),
    notApplicable: z.boolean(),
    reason: z.string().trim().max(2000),
  })
  .superRefine((s, ctx) => {
    if (s.notApplicable && s.reason.length < MIN_NA_REASON_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'A not-applicable criterion needs a reason.',
      });
    }
  });
export type CriterionScope = z.output<typeof criterionScopeSchema>;
