/**
 * Branded identifiers. Every record id is a UUIDv7: globally unique (two auditors' copies of one
 * engagement can be merged later without collisions) and time-ordered (sorts by creation).
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type EngagementId = Brand<string, 'EngagementId'>;
export type ProfileId = Brand<string, 'ProfileId'>;
export type RecordId = Brand<string, 'RecordId'>;
export type CriterionId = Brand<string, 'CriterionId'>;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when `value` is a lower-case RFC 9562 UUID string. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

let lastMs = 0;
let lastSeq = 0;

/**
 * A new UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, a 12-bit counter that keeps ids
 * created in the same millisecond ordered, variant bits, then 62 random bits.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    lastSeq = 0;
  } else {
    // Same millisecond (or a clock step backwards): keep monotonic by counting within lastMs.
    lastSeq += 1;
    if (lastSeq > 0xfff) {
      lastMs += 1;
      lastSeq = 0;
    }
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = lastMs;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((lastSeq >> 8) & 0x0f);
  bytes[7] = lastSeq & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Milliseconds since the epoch encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

export const newEngagementId = (): EngagementId => uuidv7() as EngagementId; // brand a fresh UUID
export const newProfileId = (): ProfileId => uuidv7() as ProfileId; // brand a fresh UUID
export const newRecordId = (): RecordId => uuidv7() as RecordId; // brand a fresh UUID
