/**
 * Evidence files under the app lock: the bytes are encrypted in 1 MiB AES-256-GCM chunks with WebCrypto
 * before they enter the database (and decrypted chunk by chunk when read), so memory holds one chunk
 * whatever the file size.
 *
 * Layout: header (28 bytes) then each chunk's ciphertext + 16-byte tag.
 *   magic "FWARES" 0x00 0x01 (8) | nonce prefix (8, random per file) | chunk bytes (u32 BE) | size (u64 BE)
 * Chunk i's nonce is the prefix + i (u32 BE); its additional data binds the header, the file's SHA-256,
 * i and whether it is the last chunk — so chunks cannot be reordered, dropped, truncated or moved to
 * another file. An empty file is one empty final chunk.
 */
import type { DataKey } from './keys';
import { SealBrokenError } from './errors';

export const EVIDENCE_MAGIC = Uint8Array.of(0x46, 0x57, 0x41, 0x52, 0x45, 0x53, 0x00, 0x01);
export const EVIDENCE_HEADER_BYTES = 28;
export const EVIDENCE_CHUNK_BYTES = 1024 * 1024;
export const EVIDENCE_TAG_BYTES = 16;

export interface EvidenceHeader {
  bytes: Uint8Array<ArrayBuffer>;
  noncePrefix: Uint8Array<ArrayBuffer>;
  chunkBytes: number;
  plainSize: number;
}

export function newEvidenceHeader(
  plainSize: number,
  chunkBytes: number = EVIDENCE_CHUNK_BYTES,
): EvidenceHeader {
  if (!Number.isSafeInteger(plainSize) || plainSize < 0) throw new Error('The file size is not valid.');
  const bytes = new Uint8Array(EVIDENCE_HEADER_BYTES);
  bytes.set(EVIDENCE_MAGIC);
  const noncePrefix = crypto.getRandomValues(new Uint8Array(8));
  bytes.set(noncePrefix, 8);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, chunkBytes, false);
  view.setUint32(20, Math.floor(plainSize / 2 ** 32), false);
  view.setUint32(24, plainSize % 2 ** 32, false);
  return { bytes, noncePrefix, chunkBytes, plainSize };
}

export function isEvidenceHeader(bytes: Uint8Array): boolean {
  return bytes.length >= EVIDENCE_HEADER_BYTES && EVIDENCE_MAGIC.every((b, i) => bytes[i] === b);
}

export function parseEvidenceHeader(bytes: Uint8Array, where: string): EvidenceHeader {
  if (!isEvidenceHeader(bytes)) throw new SealBrokenError(where);
  const copy = new Uint8Array(EVIDENCE_HEADER_BYTES);
  copy.set(bytes.subarray(0, EVIDENCE_HEADER_BYTES));
  const view = new DataView(copy.buffer);
  const chunkBytes = view.getUint32(16, false);
  const plainSize = view.getUint32(20, false) * 2 ** 32 + view.getUint32(24, false);
  if (chunkBytes < 16 || chunkBytes > 16 * 1024 * 1024 || !Number.isSafeInteger(plainSize)) {
    throw new SealBrokenError(where);
  }
  return { bytes: copy, noncePrefix: copy.slice(8, 16), chunkBytes, plainSize };
}

export function evidenceChunkCount(header: Pick<EvidenceHeader, 'plainSize' | 'chunkBytes'>): number {
  return Math.max(1, Math.ceil(header.plainSize / header.chunkBytes));
}

/** Size of the encrypted form of a file of `plainSize` bytes. */
export function sealedEvidenceSize(plainSize: number, chunkBytes: number = EVIDENCE_CHUNK_BYTES): number {
  return (
    EVIDENCE_HEADER_BYTES + plainSize + evidenceChunkCount({ plainSize, chunkBytes }) * EVIDENCE_TAG_BYTES
  );
}

function params(header: EvidenceHeader, sha256: string, index: number, final: boolean): AesGcmParamsLike {
  const iv = new Uint8Array(12);
  iv.set(header.noncePrefix);
  new DataView(iv.buffer).setUint32(8, index, false);
  const hash = new TextEncoder().encode(sha256);
  const aad = new Uint8Array(header.bytes.length + hash.length + 5);
  aad.set(header.bytes);
  aad.set(hash, header.bytes.length);
  const view = new DataView(aad.buffer);
  view.setUint32(header.bytes.length + hash.length, index, false);
  view.setUint8(header.bytes.length + hash.length + 4, final ? 1 : 0);
  return { name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 };
}

export async function encryptEvidenceChunk(
  key: DataKey,
  header: EvidenceHeader,
  sha256: string,
  index: number,
  final: boolean,
  plain: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.encrypt(params(header, sha256, index, final), key.web, plain));
}

export async function decryptEvidenceChunk(
  key: DataKey,
  header: EvidenceHeader,
  sha256: string,
  index: number,
  final: boolean,
  sealed: Uint8Array<ArrayBuffer>,
  where: string,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt(params(header, sha256, index, final), key.web, sealed));
  } catch {
    throw new SealBrokenError(where);
  }
}
