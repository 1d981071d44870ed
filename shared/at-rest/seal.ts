/**
 * Sealing one stored record's contents under the app lock's data key: AES-256-GCM with a random 96-bit
 * nonce per write, additional data naming the table and the record's key (so a sealed value cannot be
 * moved to another record or table unnoticed).
 *
 * This runs INSIDE IndexedDB transactions (the Dexie middleware seals on write and opens on read), where
 * awaiting anything but IndexedDB would let the transaction commit early. WebCrypto is asynchronous, so
 * records use the synchronous, audited AES-GCM of @noble/ciphers; evidence files, which are encrypted
 * before their transaction starts, use WebCrypto (evidence.ts). Both are AES-256-GCM under the same key.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { fromBase64, toBase64 } from '../exchange/crypto/base64';
import { SealBrokenError } from './errors';

export const SEAL_VERSION = 1;
const NONCE_BYTES = 12;

/** What a sealed record holds instead of its contents (structured-cloned by IndexedDB as is). */
export interface SealedValue {
  v: typeof SEAL_VERSION;
  iv: Uint8Array;
  ct: Uint8Array;
}

export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SealedValue>;
  return v.v === SEAL_VERSION && v.iv instanceof Uint8Array && v.ct instanceof Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Additional data binding a sealed value to its place: `table`, NUL, the JSON of its primary key. */
export function recordContext(table: string, primaryKey: unknown): Uint8Array {
  return encoder.encode(`fieldwork-record/v1\u0000${table}\u0000${JSON.stringify(primaryKey)}`);
}

/**
 * JSON of a record's contents. Records are plain data (they pass zod schemas); anything JSON cannot carry
 * faithfully is refused rather than silently changed on the way through the lock.
 */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`A record holds the number ${v}.`);
    if (typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol') {
      throw new Error(`A record holds a ${typeof v}, which cannot be stored encrypted.`);
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new Error('A record holds an object that is not plain data, which cannot be stored encrypted.');
      }
    }
    return v;
  });
}

export function sealJson(key: Uint8Array, value: unknown, context: Uint8Array): SealedValue {
  const iv = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const ct = gcm(key, iv, context).encrypt(encoder.encode(toJson(value)));
  return { v: SEAL_VERSION, iv, ct };
}

/** The sealed JSON text, or SealBrokenError naming `where` when the tag does not match. */
export function openSealedText(
  key: Uint8Array,
  sealed: SealedValue,
  context: Uint8Array,
  where: string,
): string {
  let plain: Uint8Array;
  try {
    plain = gcm(key, sealed.iv, context).decrypt(sealed.ct);
  } catch {
    throw new SealBrokenError(where);
  }
  return decoder.decode(plain);
}

/** The sealed contents, or SealBrokenError naming `where` when the tag does not match. */
export function openJson(key: Uint8Array, sealed: SealedValue, context: Uint8Array, where: string): unknown {
  return JSON.parse(openSealedText(key, sealed, context, where)) as unknown;
}

/** A sealed value written as text (base64), for places that store strings: lock settings, drafts. */
export interface SealedText {
  iv: string;
  ct: string;
}

export function sealToText(key: Uint8Array, value: unknown, context: Uint8Array): SealedText {
  const sealed = sealJson(key, value, context);
  return { iv: toBase64(sealed.iv), ct: toBase64(sealed.ct) };
}

/** The value sealed by sealToText; SealBrokenError naming `where` when it was changed or is not base64. */
export function openFromText(
  key: Uint8Array,
  sealed: SealedText,
  context: Uint8Array,
  where: string,
): unknown {
  const iv = fromBase64(sealed.iv);
  const ct = fromBase64(sealed.ct);
  if (!iv || !ct) throw new SealBrokenError(where);
  return openJson(key, { v: SEAL_VERSION, iv, ct }, context, where);
}
