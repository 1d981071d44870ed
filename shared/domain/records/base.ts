/**
 * Fields every stored record carries. They make records merge-ready from day one: a globally unique id,
 * a revision bumped on every write, who/when stamps, a logical clock stamp that orders concurrent edits
 * across laptops, and a tombstone instead of a hard delete.
 */
import { z } from 'zod';
import { isUuid } from '../ids';

export const uuidSchema = z.string().refine(isUuid, 'must be a UUID');
export const isoDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'ISO timestamp');

export const recordMetaSchema = z.object({
  id: uuidSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** Profile id of the last writer. */
  updatedBy: z.string().min(1),
  rev: z.number().int().min(1),
  /** Hybrid logical clock stamp of the last write (see `clock.ts`). */
  clock: z.string().min(1),
  /** Tombstone: the record is deleted but kept (audit, merge). */
  deleted: z.boolean(),
  /**
   * The clock stamp of the write that last set each field path (`field-paths.ts`), for the three-way merge
   * of two auditors' copies. Absent on records written before exchange existed: every path then reads as
   * written at `clock`.
   */
  fieldClocks: z.record(z.string(), z.string().min(1)).optional(),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;

/** Meta fields of records that belong to one engagement. */
export const engagementRecordMetaSchema = recordMetaSchema.extend({ engagementId: uuidSchema });
export type EngagementRecordMeta = z.infer<typeof engagementRecordMetaSchema>;

export const META_FIELDS = [
  'id',
  'engagementId',
  'createdAt',
  'updatedAt',
  'updatedBy',
  'rev',
  'clock',
  'deleted',
  'fieldClocks',
] as const;

/** Audit dates outside this range are typing mistakes (a five-digit year, 0026 for 2026). */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30) and falls between MIN_YEAR and MAX_YEAR. */
export const isoDateSchema = z
  .string()
  .refine(isValidIsoDate, 'Enter a complete, valid date.')
  .refine((d) => {
    const year = Number(d.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }, `Enter a date between ${MIN_YEAR} and ${MAX_YEAR}.`);

export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export type MetaField = (typeof META_FIELDS)[number];

/** The fields an auditor edits: the record without its bookkeeping (id, revision, stamps, tombstone). */
export function withoutMeta<T extends object>(record: T): Omit<T, MetaField> {
  const copy = { ...record } as Record<string, unknown>; // a plain record: its own enumerable fields
  for (const field of META_FIELDS) delete copy[field];
  return copy as Omit<T, MetaField>; // exactly the meta keys were removed
}
