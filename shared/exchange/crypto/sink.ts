/**
 * Encrypts a byte stream on its way to another sink: writes the header, then gathers the plaintext into
 * chunks of `chunkBytes`, encrypting and passing each on as soon as it is full; `close` seals the last,
 * shorter chunk (empty when the size is a whole number of chunks) with the "final" flag. Memory holds one
 * chunk, whatever the file size.
 */
import { ExchangeError, type ByteSink } from '../types';
import {
  DEFAULT_CHUNK_BYTES,
  DEFAULT_KDF,
  MAX_CHUNK_BYTES,
  MIN_CHUNK_BYTES,
  encodeHeader,
  headerPrefix,
  kdfProblem,
  newHeader,
  type KdfParams,
} from './header';
import { fromBase64 } from './base64';
import { deriveKey, encryptChunk, sha256, type ChunkCipher } from './keys';

export interface EncryptOptions {
  kdf?: KdfParams;
  /** Plaintext bytes per chunk (default 1 MiB). */
  chunkBytes?: number;
}

const MAX_CHUNKS = 0x100000000;

export async function encryptingSink(
  inner: ByteSink,
  passphrase: string,
  options: EncryptOptions = {},
): Promise<ByteSink> {
  if (passphrase.length === 0) {
    throw new ExchangeError('passphrase-required', 'Enter a passphrase to encrypt the file.');
  }
  const kdf = options.kdf ?? DEFAULT_KDF;
  const problem = kdfProblem(kdf);
  // A file readers would refuse must never be written.
  if (problem) throw new Error(`The key derivation settings are outside the accepted range (${problem}).`);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw new Error(`The chunk size must be ${MIN_CHUNK_BYTES}..${MAX_CHUNK_BYTES} bytes.`);
  }

  const header = newHeader(kdf, chunkBytes);
  const prefix = headerPrefix(encodeHeader(header));
  const salt = fromBase64(header.kdf.salt);
  const noncePrefix = fromBase64(header.noncePrefix);
  if (!salt || !noncePrefix) throw new Error('The encryption header could not be built.');
  const cipher: ChunkCipher = {
    key: await deriveKey(passphrase, header.kdf, new Uint8Array(salt)),
    noncePrefix: new Uint8Array(noncePrefix),
    headerHash: await sha256(prefix),
  };
  await inner.write(prefix);

  const buffer = new Uint8Array(chunkBytes);
  let filled = 0;
  let index = 0;
  let state: 'open' | 'closed' | 'aborted' = 'open';

  const seal = async (final: boolean): Promise<void> => {
    if (index >= MAX_CHUNKS) throw new Error('The file is too large to encrypt with this chunk size.');
    // WebCrypto copies the input when called, so the buffer can be refilled right after.
    const sealed = await encryptChunk(cipher, index, final, buffer.subarray(0, filled));
    index += 1;
    filled = 0;
    await inner.write(sealed);
  };

  return {
    async write(chunk: Uint8Array): Promise<void> {
      if (state !== 'open') throw new Error('The encrypting sink is already closed.');
      let used = 0;
      while (used < chunk.length) {
        const take = Math.min(chunk.length - used, chunkBytes - filled);
        buffer.set(chunk.subarray(used, used + take), filled);
        filled += take;
        used += take;
        // A full chunk is never the last: the last one is always shorter (possibly empty).
        if (filled === chunkBytes) await seal(false);
      }
    },
    async close(): Promise<void> {
      if (state !== 'open') throw new Error('The encrypting sink is already closed.');
      state = 'closed';
      await seal(true);
      buffer.fill(0);
      await inner.close();
    },
    async abort(): Promise<void> {
      state = 'aborted';
      buffer.fill(0);
      await inner.abort();
    },
  };
}
