/**
 * Evidence bytes under the app lock: encrypted into a new Blob before they are stored, decrypted into a
 * new Blob when read. One 1 MiB chunk is in memory at a time; each finished chunk becomes a small Blob
 * (which the browser may keep on disk), and the result is composed from them without copying.
 */
import {
  EVIDENCE_HEADER_BYTES,
  EVIDENCE_TAG_BYTES,
  decryptEvidenceChunk,
  encryptEvidenceChunk,
  evidenceChunkCount,
  newEvidenceHeader,
  parseEvidenceHeader,
  sealedEvidenceSize,
  SealBrokenError,
  type DataKey,
} from '@shared/at-rest';

async function bytesOf(blob: Blob, start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/** The encrypted form of `blob` (the bytes of the evidence file with SHA-256 `sha256`). */
export async function sealEvidence(key: DataKey, sha256: string, blob: Blob): Promise<Blob> {
  const header = newEvidenceHeader(blob.size);
  const count = evidenceChunkCount(header);
  const parts: Blob[] = [new Blob([header.bytes])];
  for (let i = 0; i < count; i += 1) {
    const start = i * header.chunkBytes;
    const plain = await bytesOf(blob, start, Math.min(blob.size, start + header.chunkBytes));
    parts.push(new Blob([await encryptEvidenceChunk(key, header, sha256, i, i === count - 1, plain)]));
  }
  return new Blob(parts, { type: 'application/octet-stream' });
}

/** The evidence file's bytes from their encrypted form; SealBrokenError when anything was changed. */
export async function openEvidence(key: DataKey, sha256: string, sealed: Blob, type = ''): Promise<Blob> {
  const where = `the evidence file ${sha256.slice(0, 12)}…`;
  const header = parseEvidenceHeader(await bytesOf(sealed, 0, EVIDENCE_HEADER_BYTES), where);
  const count = evidenceChunkCount(header);
  if (sealed.size !== sealedEvidenceSize(header.plainSize, header.chunkBytes))
    throw new SealBrokenError(where);
  const parts: Blob[] = [];
  let offset = EVIDENCE_HEADER_BYTES;
  for (let i = 0; i < count; i += 1) {
    const plainBytes = Math.min(header.chunkBytes, header.plainSize - i * header.chunkBytes);
    const chunk = await bytesOf(sealed, offset, offset + plainBytes + EVIDENCE_TAG_BYTES);
    offset += plainBytes + EVIDENCE_TAG_BYTES;
    parts.push(new Blob([await decryptEvidenceChunk(key, header, sha256, i, i === count - 1, chunk, where)]));
  }
  return new Blob(parts, type ? { type } : {});
}
