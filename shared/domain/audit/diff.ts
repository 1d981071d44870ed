/**
 * Field-level differences between two versions of a record, for the audit trail and, later, for merges.
 * Bookkeeping fields are left out: they change on every write and say nothing about the content.
 */
import { canonicalJson } from '../canonical-json';
import type { FieldChange } from './chain';

export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set([
  'rev',
  'updatedAt',
  'updatedBy',
  'clock',
  'createdAt',
]);

export function diffRecords(
  before: Readonly<Record<string, unknown>> | undefined,
  after: Readonly<Record<string, unknown>>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    if (BOOKKEEPING_FIELDS.has(key)) continue;
    const a = before?.[key];
    const b = after[key];
    if (a === undefined && b === undefined) continue;
    if (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b)) continue;
    changes[key] = { before: a ?? null, after: b ?? null };
  }
  return changes;
}
