/** Field helpers shared by the planning records, with messages written for the auditor beside the field. */
import { z } from 'zod';
import { CRITERIA, isCriterionId } from '../criteria/catalog';
import { isoDateSchema, uuidSchema } from '../records/base';

export const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
export const optionalDate = z.union([isoDateSchema, z.null()]);

const ORDER = new Map(CRITERIA.map((c) => [c.id as string, c.order]));

/** A set of criterion ids: known ids only, without duplicates, kept in catalog order. */
export const criteriaListSchema = z
  .array(
    z.string().refine((id): boolean => isCriterionId(id), {
      error: (issue) => `"${String(issue.input)}" is not a trust services criterion.`,
    }),
  )
  .max(61)
  .transform((ids) => sortCriteria(ids));

export function sortCriteria(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort((a, b) => (ORDER.get(a) ?? 999) - (ORDER.get(b) ?? 999));
}

/** A set of record ids (links to other records), without duplicates. */
export const idListSchema = z
  .array(uuidSchema)
  .max(500)
  .transform((ids) => [...new Set(ids)]);
