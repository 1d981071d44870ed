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
  'fieldClocks',
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

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Object fields whose changes read better per inner value (others have their own readers, e.g. marks). */
const FLATTENED_FIELDS: ReadonlySet<string> = new Set(['report']);

/**
 * Changes to the engagement's report settings shown per inner value: `report.opinion: qualified → adverse`
 * instead of the whole object twice. Nested objects are opened too (`report.templates.scope`); other
 * fields, arrays and plain values stay as they are.
 */
export function flattenChanges(changes: Readonly<Record<string, FieldChange>>): [string, FieldChange][] {
  const out: [string, FieldChange][] = [];
  const visit = (path: string, change: FieldChange) => {
    const { before, after } = change;
    if (!isPlainObject(before) || !isPlainObject(after)) {
      out.push([path, change]);
      return;
    }
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      const a = before[key];
      const b = after[key];
      if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) continue;
      visit(`${path}.${key}`, { before: a ?? null, after: b ?? null });
    }
  };
  for (const [field, change] of Object.entries(changes)) {
    if (FLATTENED_FIELDS.has(field)) visit(field, change);
    else out.push([field, change]);
  }
  return out;
}
