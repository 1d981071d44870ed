/**
 * The encrypted file's header: 8 magic bytes ("FWENC", 0, major 1, minor 0), the header length as a u32
 * big-endian, and the header JSON (UTF-8) with the key derivation parameters, the chunk size and the
 * nonce prefix. The reader checks every value, and refuses key derivation settings outside safe bounds
 * before spending any memory or time on them (a hostile file must not exhaust the machine).
 */
import { ExchangeError } from '../types';
import { fromBase64, toBase64 } from './base64';

export const MAGIC = Uint8Array.of(0x46, 0x57, 0x45, 0x4e, 0x43, 0x00, 0x01, 0x00);
/** The part of the magic that says "encrypted Fieldwork file" whatever the version. */
export const MAGIC_PREFIX_BYTES = 6;
export const MAGIC_MAJOR_AT = 6;
/** Magic plus the header length field. */
export const PREFIX_BYTES = MAGIC.length + 4;
export const MAX_HEADER_BYTES = 4096;
export const TAG_BYTES = 16;
export const SALT_BYTES = 16;
export const NONCE_PREFIX_BYTES = 8;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
export const MIN_CHUNK_BYTES = 16;
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

/** How the key is derived from the passphrase (the salt is random per file). */
export type KdfParams =
  | { name: 'argon2id'; memoryKiB: number; iterations: number; parallelism: number }
  | { name: 'pbkdf2-sha256'; iterations: number };

export type KdfHeader = KdfParams & { salt: string };

export interface EncryptionHeader {
  v: 1;
  kdf: KdfHeader;
  cipher: 'AES-256-GCM';
  chunkBytes: number;
  noncePrefix: string;
}

/** Argon2id 64 MiB, 3 passes: about half a second on a laptop. */
export const DEFAULT_KDF: KdfParams = {
  name: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 1,
};
/** The cheapest settings a reader accepts: for tests only. */
export const TEST_KDF: KdfParams = { name: 'argon2id', memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };

export const KDF_BOUNDS = {
  argon2id: { memoryKiB: [19 * 1024, 1024 * 1024], iterations: [2, 20], parallelism: [1, 4] },
  pbkdf2: { iterations: [600_000, 10_000_000] },
} as const;

/** Why the KDF settings are outside what a reader accepts, or null when they are fine. */
export function kdfProblem(kdf: KdfParams): string | null {
  const within = (value: number, [min, max]: readonly [number, number]): boolean =>
    Number.isSafeInteger(value) && value >= min && value <= max;
  if (kdf.name === 'argon2id') {
    const b = KDF_BOUNDS.argon2id;
    if (!within(kdf.memoryKiB, b.memoryKiB)) return 'Argon2id memory';
    if (!within(kdf.iterations, b.iterations)) return 'Argon2id iterations';
    if (!within(kdf.parallelism, b.parallelism)) return 'Argon2id parallelism';
    return null;
  }
  if (kdf.name === 'pbkdf2-sha256') {
    return within(kdf.iterations, KDF_BOUNDS.pbkdf2.iterations) ? null : 'PBKDF2 iterations';
  }
  return 'key derivation method';
}

/** The header JSON with its keys in a fixed order. */
export function encodeHeader(header: EncryptionHeader): Uint8Array<ArrayBuffer> {
  const kdf =
    header.kdf.name === 'argon2id'
      ? {
          name: header.kdf.name,
          memoryKiB: header.kdf.memoryKiB,
          iterations: header.kdf.iterations,
          parallelism: header.kdf.parallelism,
          salt: header.kdf.salt,
        }
      : { name: header.kdf.name, iterations: header.kdf.iterations, salt: header.kdf.salt };
  const json = JSON.stringify({
    v: header.v,
    kdf,
    cipher: header.cipher,
    chunkBytes: header.chunkBytes,
    noncePrefix: header.noncePrefix,
  });
  return new TextEncoder().encode(json);
}

/** Magic, header length (u32 big-endian) and header: everything before the first chunk. */
export function headerPrefix(header: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(PREFIX_BYTES + header.length);
  out.set(MAGIC);
  new DataView(out.buffer).setUint32(MAGIC.length, header.length, false);
  out.set(header, PREFIX_BYTES);
  return out;
}

export function newHeader(kdf: KdfParams, chunkBytes: number): EncryptionHeader {
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
  const noncePrefix = toBase64(crypto.getRandomValues(new Uint8Array(NONCE_PREFIX_BYTES)));
  return { v: 1, kdf: { ...kdf, salt }, cipher: 'AES-256-GCM', chunkBytes, noncePrefix };
}

export interface ParsedHeader {
  header: EncryptionHeader;
  salt: Uint8Array<ArrayBuffer>;
  noncePrefix: Uint8Array<ArrayBuffer>;
}

function damagedHeader(what: string): ExchangeError {
  return new ExchangeError('corrupt', 'The encrypted file is damaged: its header is invalid.', what);
}

/** Parses and checks the header JSON: known values only, key derivation within safe bounds. */
export function parseHeader(bytes: Uint8Array): ParsedHeader {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw damagedHeader('header JSON');
  }
  const root = record(value, ['v', 'kdf', 'cipher', 'chunkBytes', 'noncePrefix'], 'header');
  if (root.v !== 1) throw damagedHeader('v');
  if (root.cipher !== 'AES-256-GCM') throw damagedHeader('cipher');
  const chunkBytes = root.chunkBytes;
  if (
    typeof chunkBytes !== 'number' ||
    !Number.isSafeInteger(chunkBytes) ||
    chunkBytes < MIN_CHUNK_BYTES ||
    chunkBytes > MAX_CHUNK_BYTES
  ) {
    throw damagedHeader('chunkBytes');
  }
  const noncePrefix = typeof root.noncePrefix === 'string' ? fromBase64(root.noncePrefix) : null;
  if (!noncePrefix || noncePrefix.length !== NONCE_PREFIX_BYTES) throw damagedHeader('noncePrefix');
  const kdf = parseKdf(root.kdf);
  const salt = fromBase64(kdf.salt);
  if (!salt || salt.length !== SALT_BYTES) throw damagedHeader('salt');
  const header: EncryptionHeader = {
    v: 1,
    kdf,
    cipher: 'AES-256-GCM',
    chunkBytes,
    noncePrefix: toBase64(noncePrefix),
  };
  return { header, salt: copy(salt), noncePrefix: copy(noncePrefix) };
}

function parseKdf(value: unknown): KdfHeader {
  const name = isObject(value) ? value.name : undefined;
  let kdf: KdfHeader;
  if (name === 'argon2id') {
    const r = record(value, ['name', 'memoryKiB', 'iterations', 'parallelism', 'salt'], 'kdf');
    kdf = {
      name,
      memoryKiB: numberOf(r.memoryKiB),
      iterations: numberOf(r.iterations),
      parallelism: numberOf(r.parallelism),
      salt: stringOf(r.salt),
    };
  } else if (name === 'pbkdf2-sha256') {
    const r = record(value, ['name', 'iterations', 'salt'], 'kdf');
    kdf = { name, iterations: numberOf(r.iterations), salt: stringOf(r.salt) };
  } else {
    throw new ExchangeError(
      'unsafe',
      'The encrypted file asks for a key derivation method Fieldwork does not know.',
      'kdf.name',
    );
  }
  const problem = kdfProblem(kdf);
  if (problem) {
    throw new ExchangeError(
      'unsafe',
      'The encrypted file asks for key derivation settings outside the safe range.',
      problem,
    );
  }
  return kdf;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as an object with exactly `keys`. */
function record(value: unknown, keys: readonly string[], what: string): Record<string, unknown> {
  if (!isObject(value)) throw damagedHeader(what);
  const actual = Object.keys(value);
  if (actual.length !== keys.length || !keys.every((key) => Object.hasOwn(value, key))) {
    throw damagedHeader(what);
  }
  return value;
}

function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}
