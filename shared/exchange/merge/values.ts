/**
 * How the merge compares and combines field values: canonical-JSON equality, "empty" values (for records
 * merged by natural key), long texts (offered "keep both") and the "keep both" text itself.
 */
import { canonicalJson } from '../../domain/canonical-json';

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** Equal as stored: same primitive, or same canonical JSON for arrays and objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isObject(a) && isObject(b)) return canonicalJson(a) === canonicalJson(b);
  return false;
}

/**
 * Deep equality of plain data without building strings (members set to `undefined` count as absent).
 * Used to skip identical records quickly; `sameValue` stays the reference.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>; // a plain object: its own members
  const y = b as Record<string, unknown>; // a plain object: its own members
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    count += 1;
    if (!deepEqual(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) count -= 1;
  return count === 0;
}

/** Nothing entered: '', null, an empty list or no value at all. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

export const LONG_TEXT_CHARS = 80;

const isLong = (v: string) => v.length > LONG_TEXT_CHARS || v.includes('\n');

/** Both values are text and at least one is more than a line: "keep both" makes sense. */
export function isLongText(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && (isLong(a) || isLong(b));
}

/**
 * "Keep both": the two texts with a blank line between, the earlier write first (by clock stamp, then by
 * text), so merging A into B and B into A give the same text.
 */
export function keepBoth(mine: string, theirs: string, mineStamp: string, theirsStamp: string): string {
  const mineFirst = mineStamp !== theirsStamp ? mineStamp < theirsStamp : mine <= theirs;
  return mineFirst ? `${mine}\n\n${theirs}` : `${theirs}\n\n${mine}`;
}

/** A deep copy of plain record data (objects, arrays, primitives). */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneValue(v)) as T; // same shape, copied
  if (isObject(value) && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneValue(v);
    return out as T; // same shape, copied
  }
  return value;
}
