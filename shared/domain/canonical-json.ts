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
  // Plain loops and string building: this runs over every record of a workpaper on each review refresh.
  let out: string;
  if (Array.isArray(obj)) {
    out = '[';
    for (let i = 0; i < obj.length; i += 1) {
      const item: unknown = obj[i];
      if (i > 0) out += ',';
      out += item === undefined ? 'null' : serialize(item, seen);
    }
    out += ']';
  } else {
    const record = obj as Record<string, unknown>; // a plain object: its own enumerable members
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    out = '{';
    let first = true;
    for (const key of keys) {
      const v = record[key];
      if (v === undefined) continue;
      if (!first) out += ',';
      first = false;
      out += `${JSON.stringify(key)}:${serialize(v, seen)}`;
    }
    out += '}';
  }
  seen.delete(obj);
  return out;
}
