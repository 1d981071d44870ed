/**
 * Opens an encrypted file as a random-access view of its plaintext. Before any key is derived the header
 * is checked (known values, safe key derivation bounds) and the file size must split into whole chunks;
 * then the first and the last chunk are decrypted, so a wrong passphrase, an altered header and a
 * truncated file are all caught at once. Every later read decrypts (and so authenticates) the chunks it
 * covers; the two most recent chunks are kept for sequential reads.
 */
import { ExchangeError, type RandomAccessSource } from '../types';
import {
  MAGIC,
  MAGIC_MAJOR_AT,
  MAGIC_PREFIX_BYTES,
  MAX_HEADER_BYTES,
  PREFIX_BYTES,
  TAG_BYTES,
  parseHeader,
  type KdfHeader,
} from './header';
import { decryptChunk, deriveKey, sha256, type ChunkCipher } from './keys';

export const WRONG_PASSPHRASE_MESSAGE = 'The passphrase is wrong or the file was changed.';
const CACHED_CHUNKS = 2;
const MAX_CHUNKS = 0x100000000;

function wrongPassphrase(detail?: string): ExchangeError {
  return new ExchangeError('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE, detail);
}

/** Whether the source starts like an encrypted Fieldwork file (of any version). */
export async function isEncrypted(source: RandomAccessSource): Promise<boolean> {
  if (source.size < MAGIC_PREFIX_BYTES) return false;
  const head = await source.read(0, MAGIC_PREFIX_BYTES);
  return head.length === MAGIC_PREFIX_BYTES && head.every((byte, i) => byte === MAGIC[i]);
}

/**
 * Keeps derived keys for files opened again with the same passphrase (a preview, then the import), so
 * the slow key derivation runs once. Held in memory only, keyed by a hash; drop it to forget the keys.
 */
export class KeyCache {
  readonly #keys = new Map<string, Promise<CryptoKeyLike>>();
  readonly #capacity: number;

  constructor(capacity = 4) {
    this.#capacity = capacity;
  }

  async get(
    passphrase: string,
    kdf: KdfHeader,
    derive: () => Promise<CryptoKeyLike>,
  ): Promise<CryptoKeyLike> {
    const id = await cacheId(passphrase, kdf);
    const known = this.#keys.get(id);
    if (known) return known;
    const pending = derive();
    this.#keys.set(id, pending);
    pending.catch(() => this.#keys.delete(id));
    while (this.#keys.size > this.#capacity) {
      const oldest = this.#keys.keys().next();
      if (oldest.done) break;
      this.#keys.delete(oldest.value);
    }
    return pending;
  }
}

async function cacheId(passphrase: string, kdf: KdfHeader): Promise<string> {
  const text = JSON.stringify([
    kdf.name,
    kdf.salt,
    kdf.iterations,
    'memoryKiB' in kdf ? kdf : null,
    passphrase,
  ]);
  const digest = await sha256(new TextEncoder().encode(text));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface OpenEncryptedOptions {
  keyCache?: KeyCache;
}

export async function openEncrypted(
  source: RandomAccessSource,
  passphrase: string,
  options: OpenEncryptedOptions = {},
): Promise<RandomAccessSource> {
  if (!(await isEncrypted(source))) {
    throw new ExchangeError('not-a-package', 'The file is not an encrypted Fieldwork file.');
  }
  const prefixBytes = await readExact(source, 0, PREFIX_BYTES);
  const major = prefixBytes[MAGIC_MAJOR_AT] ?? 0;
  if (major > 1) {
    throw new ExchangeError(
      'newer-version',
      'This file was encrypted by a newer version of Fieldwork. Update Fieldwork to open it.',
    );
  }
  const headerLength = new DataView(prefixBytes.buffer, prefixBytes.byteOffset).getUint32(
    MAGIC.length,
    false,
  );
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength > source.size) {
    throw new ExchangeError(
      'corrupt',
      'The encrypted file is damaged: its header is invalid.',
      'header length',
    );
  }
  const prefix = await readExact(source, 0, PREFIX_BYTES + headerLength);
  const parsed = parseHeader(prefix.subarray(PREFIX_BYTES));
  const { chunkBytes } = parsed.header;

  // The size must split into whole chunks with a shorter last one; checked before the slow derivation.
  const bodyStart = PREFIX_BYTES + headerLength;
  const body = source.size - bodyStart;
  const sealedBytes = chunkBytes + TAG_BYTES;
  const count = Math.floor(body / sealedBytes) + 1;
  const lastSealed = body % sealedBytes;
  if (lastSealed < TAG_BYTES || count > MAX_CHUNKS) throw wrongPassphrase('file size');
  const size = (count - 1) * chunkBytes + (lastSealed - TAG_BYTES);

  const derive = (): Promise<CryptoKeyLike> => deriveKey(passphrase, parsed.header.kdf, parsed.salt);
  const key = options.keyCache
    ? await options.keyCache.get(passphrase, parsed.header.kdf, derive)
    : await derive();
  const cipher: ChunkCipher = { key, noncePrefix: parsed.noncePrefix, headerHash: await sha256(prefix) };

  const cache = new Map<number, Promise<Uint8Array>>();
  const chunk = (index: number): Promise<Uint8Array> => {
    const cached = cache.get(index);
    if (cached) {
      cache.delete(index);
      cache.set(index, cached);
      return cached;
    }
    const pending = readChunk(source, cipher, bodyStart, sealedBytes, count, lastSealed, index);
    cache.set(index, pending);
    pending.catch(() => cache.delete(index));
    while (cache.size > CACHED_CHUNKS) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cache.delete(oldest.value);
    }
    return pending;
  };

  await chunk(0);
  if (count > 1) await chunk(count - 1);

  return {
    size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const start = Math.min(Math.max(0, offset), size);
      const end = Math.min(start + Math.max(0, length), size);
      if (end <= start) return new Uint8Array(0);
      const first = Math.floor(start / chunkBytes);
      const last = Math.floor((end - 1) / chunkBytes);
      if (first === last) {
        const plain = await chunk(first);
        // A copy: the cached chunk must not change if the caller writes into what it got.
        return plain.slice(start - first * chunkBytes, end - first * chunkBytes);
      }
      const out = new Uint8Array(end - start);
      for (let index = first; index <= last; index++) {
        const plain = await chunk(index);
        const chunkStart = index * chunkBytes;
        const from = Math.max(start, chunkStart);
        const to = Math.min(end, chunkStart + plain.length);
        out.set(plain.subarray(from - chunkStart, to - chunkStart), from - start);
      }
      return out;
    },
  };
}

async function readChunk(
  source: RandomAccessSource,
  cipher: ChunkCipher,
  bodyStart: number,
  sealedBytes: number,
  count: number,
  lastSealed: number,
  index: number,
): Promise<Uint8Array> {
  const final = index === count - 1;
  const length = final ? lastSealed : sealedBytes;
  const sealed = await readExact(source, bodyStart + index * sealedBytes, length);
  try {
    return await decryptChunk(cipher, index, final, sealed);
  } catch {
    throw wrongPassphrase(`chunk ${index}`);
  }
}

/** Exactly `length` bytes in a buffer of their own (WebCrypto wants an ArrayBuffer-backed array). */
async function readExact(
  source: RandomAccessSource,
  offset: number,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw wrongPassphrase(`byte ${offset}`);
  const out = new Uint8Array(length);
  out.set(bytes);
  return out;
}
