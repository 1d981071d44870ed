/**
 * The app lock's keys. One random 256-bit data key encrypts this computer's engagement data; it is never
 * stored as such. Each profile's passphrase (and the one-time recovery key) opens a "key slot": the data
 * key encrypted (AES-256-GCM) under a key derived from that passphrase with the same KDF as encrypted
 * `.fieldwork` files (Argon2id 64 MiB by default). Changing a passphrase rewraps the data key in an instant;
 * nothing else is re-encrypted.
 */
import { toBase64, fromBase64 } from '../exchange/crypto/base64';
import { DEFAULT_KDF, kdfProblem, type KdfHeader, type KdfParams } from '../exchange/crypto/header';
import { deriveKey } from '../exchange/crypto/keys';
import { WrongPassphraseError } from './errors';

export const DATA_KEY_BYTES = 32;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;

/** The unlocked data key: raw bytes for the synchronous record cipher, a WebCrypto key for evidence. */
export interface DataKey {
  readonly raw: Uint8Array;
  readonly web: CryptoKeyLike;
}

export function newDataKeyBytes(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
}

/** A DataKey over a private copy of `raw` (the caller may wipe its own). */
export async function importDataKey(raw: Uint8Array): Promise<DataKey> {
  if (raw.length !== DATA_KEY_BYTES) throw new Error('The data key has the wrong length.');
  const copy = new Uint8Array(DATA_KEY_BYTES);
  copy.set(raw);
  const web = await crypto.subtle.importKey('raw', new Uint8Array(copy), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { raw: copy, web };
}

/** Overwrites the raw key bytes (locking). The WebCrypto key is non-extractable and dropped by the caller. */
export function wipeDataKey(key: DataKey): void {
  key.raw.fill(0);
}

export type KeySlotKind = 'profile' | 'recovery';

/** One way to open the data key; stored in the lock's configuration, which is not itself encrypted. */
export interface KeySlot {
  /** The profile id, or `recovery`. */
  id: string;
  kind: KeySlotKind;
  kdf: KdfHeader;
  /** Base64 nonce of the wrapping. */
  iv: string;
  /** Base64 data key + tag, encrypted under the passphrase key. */
  wrapped: string;
  createdAt: string;
}

export const RECOVERY_SLOT_ID = 'recovery';

/**
 * Turns a passphrase into the AES-GCM key that wraps a slot. The default runs here; the app runs the same
 * function in a Worker (Argon2id with 64 MiB takes about a second and would freeze the screen).
 */
export type DeriveKey = (
  passphrase: string,
  kdf: KdfHeader,
  salt: Uint8Array<ArrayBuffer>,
) => Promise<CryptoKeyLike>;

function slotContext(lockId: string, slotId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`fieldwork-app-lock/v1\u0000${lockId}\u0000${slotId}`);
}

export interface WrapOptions {
  lockId: string;
  slotId: string;
  kind: KeySlotKind;
  createdAt: string;
  kdf?: KdfParams;
  derive?: DeriveKey;
}

/** A key slot holding `dataKey` that opens with `passphrase`. */
export async function wrapDataKey(
  dataKey: Uint8Array,
  passphrase: string,
  options: WrapOptions,
): Promise<KeySlot> {
  if (passphrase.length === 0) throw new Error('Enter a passphrase.');
  const kdf = options.kdf ?? DEFAULT_KDF;
  const problem = kdfProblem(kdf);
  if (problem) throw new Error(`The key derivation settings are outside the accepted range (${problem}).`);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const header: KdfHeader = { ...kdf, salt: toBase64(salt) };
  const wrappingKey = await (options.derive ?? deriveKey)(passphrase, header, salt);
  const iv = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const plain = new Uint8Array(DATA_KEY_BYTES);
  plain.set(dataKey);
  try {
    const wrapped = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: slotContext(options.lockId, options.slotId), tagLength: 128 },
      wrappingKey,
      plain,
    );
    return {
      id: options.slotId,
      kind: options.kind,
      kdf: header,
      iv: toBase64(iv),
      wrapped: toBase64(new Uint8Array(wrapped)),
      createdAt: options.createdAt,
    };
  } finally {
    plain.fill(0);
  }
}

/** The data key from `slot`, or WrongPassphraseError. A slot with out-of-range KDF settings is refused first. */
export async function unwrapDataKey(
  slot: KeySlot,
  passphrase: string,
  lockId: string,
  derive: DeriveKey = deriveKey,
): Promise<Uint8Array> {
  const wrong = new WrongPassphraseError(slot.kind === 'recovery' ? 'recovery key' : 'passphrase');
  const problem = kdfProblem(slot.kdf);
  if (problem) throw new Error(`This lock's key settings are damaged (${problem}).`);
  const salt = fromBase64(slot.kdf.salt);
  const iv = fromBase64(slot.iv);
  const wrapped = fromBase64(slot.wrapped);
  if (!salt || !iv || iv.length !== NONCE_BYTES || !wrapped)
    throw new Error("This lock's key slot is damaged.");
  if (passphrase.length === 0) throw wrong;
  const wrappingKey = await derive(passphrase, slot.kdf, new Uint8Array(salt));
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: new Uint8Array(iv),
        additionalData: slotContext(lockId, slot.id),
        tagLength: 128,
      },
      wrappingKey,
      new Uint8Array(wrapped),
    );
  } catch {
    throw wrong;
  }
  const key = new Uint8Array(plain);
  if (key.length !== DATA_KEY_BYTES) throw wrong;
  return key;
}

// Recovery keys: 25 characters of Crockford base32 (125 bits), shown once in groups of five.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_CHARS = 25;

export function newRecoveryKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(RECOVERY_CHARS));
  const chars = Array.from(bytes, (b) => CROCKFORD.charAt(b & 31));
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += 5) groups.push(chars.slice(i, i + 5).join(''));
  return groups.join('-');
}

/** True when `text` is a recovery key in its canonical form (see normalizeRecoveryKey). */
export function isRecoveryKeyForm(text: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/.test(text);
}

/**
 * The canonical form of a typed recovery key: case, spaces and dashes ignored, and the letters people
 * confuse with digits read as those digits (O → 0, I and L → 1), as Crockford's alphabet intends.
 */
export function normalizeRecoveryKey(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const groups: string[] = [];
  for (let i = 0; i < plain.length; i += 5) groups.push(plain.slice(i, i + 5));
  return groups.join('-');
}
