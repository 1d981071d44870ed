/**
 * Field paths: how the merge and the per-field clocks address the values of a record. A record's content
 * (every field but the bookkeeping ones, `deleted` included) is flattened: plain objects are opened
 * (`report.basis`, `marks.<attributeId>`), everything else — text, numbers, arrays, null — is one value.
 * Empty objects have no paths; setting a path creates the objects on its way.
 */
import { META_FIELDS } from './base';

/** Bookkeeping fields: never merged, never clocked (every meta field but the tombstone, which merges). */
export const UNCLOCKED_FIELDS: ReadonlySet<string> = new Set(META_FIELDS.filter((f) => f !== 'deleted'));

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

/** The content of a record as path -> value (values are the record's own, not copies). */
export function flattenRecord(record: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const visit = (prefix: string, value: unknown) => {
    if (isPlainObject(value)) {
      for (const key of Object.keys(value).sort()) visit(`${prefix}.${key}`, value[key]);
    } else if (value !== undefined) out.set(prefix, value);
  };
  for (const key of Object.keys(record).sort()) {
    if (UNCLOCKED_FIELDS.has(key)) continue;
    visit(key, record[key]);
  }
  return out;
}

/** Reads one path; `undefined` when any step is missing. */
export function getPath(record: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (!isPlainObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * Sets (or, for `undefined`, removes) one path in place, creating plain objects on the way. Callers pass
 * a copy they own (`structuredClone`).
 */
export function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let target: Record<string, unknown> = record;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (!isPlainObject(next)) {
      if (value === undefined) return;
      target[key] = {};
    }
    target = target[key] as Record<string, unknown>; // made a plain object just above
  }
  const last = keys[keys.length - 1] ?? path;
  if (value === undefined) delete target[last];
  else target[last] = value;
}

/** The stamp of the write that last set `path`: its own clock, else the record's (records from before clocks). */
export function pathClock(
  record: Readonly<{ clock: string; fieldClocks?: Readonly<Record<string, string>> }>,
  path: string,
): string {
  if (!record.fieldClocks) return record.clock;
  return record.fieldClocks[path] ?? '';
}

/** Paths whose values differ between two versions (either may lack a path). */
export function changedPaths(
  before: Readonly<Record<string, unknown>> | undefined,
  after: Readonly<Record<string, unknown>>,
  equal: (a: unknown, b: unknown) => boolean,
): string[] {
  const a = before ? flattenRecord(before) : new Map<string, unknown>();
  const b = flattenRecord(after);
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => !equal(a.get(p), b.get(p))).sort();
}
