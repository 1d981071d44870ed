/**
 * From passphrase to AES-256-GCM key, and the per-chunk cipher calls. The key comes from Argon2id
 * (hash-wasm) or PBKDF2-SHA256 (WebCrypto) and is imported as a non-extractable WebCrypto key; the raw
 * bytes are wiped right after. Each chunk's nonce is the file's 8-byte prefix plus the chunk index, and
 * its additional data binds the header, the index and whether it is the last chunk.
 */
import { argon2id } from 'hash-wasm';
import type { KdfHeader } from './header';

export const KEY_BYTES = 32;

/** The passphrase as bytes: NFC first, so the same characters typed on any system give the same key. */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

export async function deriveKey(
  passphrase: string,
  kdf: KdfHeader,
  salt: Uint8Array<ArrayBuffer>,
): Promise<CryptoKeyLike> {
  const password = passphraseBytes(passphrase);
  try {
    if (kdf.name === 'pbkdf2-sha256') {
      const base = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveKey']);
      return await crypto.subtle.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: kdf.iterations },
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      );
    }
    const raw = await argon2id({
      password,
      salt,
      iterations: kdf.iterations,
      parallelism: kdf.parallelism,
      memorySize: kdf.memoryKiB,
      hashLength: KEY_BYTES,
      outputType: 'binary',
    });
    const keyBytes = new Uint8Array(KEY_BYTES);
    keyBytes.set(raw);
    raw.fill(0);
    try {
      return await crypto.subtle.importKey('raw', keyBytes, { name: 'AES-GCM' }, false, [
        'encrypt',
        'decrypt',
      ]);
    } finally {
      keyBytes.fill(0);
    }
  } finally {
    password.fill(0);
  }
}

/** Everything a chunk's cipher call needs besides its bytes. */
export interface ChunkCipher {
  key: CryptoKeyLike;
  noncePrefix: Uint8Array<ArrayBuffer>;
  /** SHA-256 of the bytes before the first chunk (magic, header length, header). */
  headerHash: Uint8Array<ArrayBuffer>;
}

function nonce(cipher: ChunkCipher, index: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12);
  out.set(cipher.noncePrefix);
  new DataView(out.buffer).setUint32(8, index, false);
  return out;
}

function additionalData(cipher: ChunkCipher, index: number, final: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(cipher.headerHash.length + 5);
  out.set(cipher.headerHash);
  const view = new DataView(out.buffer);
  view.setUint32(cipher.headerHash.length, index, false);
  view.setUint8(cipher.headerHash.length + 4, final ? 1 : 0);
  return out;
}

function params(cipher: ChunkCipher, index: number, final: boolean): AesGcmParamsLike {
  return {
    name: 'AES-GCM',
    iv: nonce(cipher, index),
    additionalData: additionalData(cipher, index, final),
    tagLength: 128,
  };
}

/** Ciphertext followed by the 16-byte tag. */
export async function encryptChunk(
  cipher: ChunkCipher,
  index: number,
  final: boolean,
  plain: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.encrypt(params(cipher, index, final), cipher.key, plain));
}

/** The plaintext, or a rejection when the tag does not match (wrong key, altered, moved or truncated). */
export async function decryptChunk(
  cipher: ChunkCipher,
  index: number,
  final: boolean,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.decrypt(params(cipher, index, final), cipher.key, sealed));
}

export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}
