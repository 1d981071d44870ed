/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, `undefined` members dropped,
 * non-finite numbers refused. The same value always yields the same string, so hashes over it are
 * stable across machines and app versions.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, new Set());
}

function serialize(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: cannot serialize ${typeof value}`);
  }
  const obj = value as object; // narrowed by the switch above: a non-null object
  if (seen.has(obj)) throw new TypeError('canonicalJson: circular structure');
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = `[${obj.map((item) => (item === undefined ? 'null' : serialize(item, seen))).join(',')}]`;
  } else {
    const entries = Object.entries(obj)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${serialize(v, seen)}`).join(',')}}`;
  }
  seen.delete(obj);
  return out;
}
