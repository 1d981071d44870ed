/**
 * SHA-256 of large files, read in chunks so a 500 MB file never sits in memory whole. Uses hash-wasm's
 * incremental hasher (WebCrypto can only digest a whole buffer). Runs in a Web Worker in the app, in
 * Node for the benchmark and the CLI; the result is the same lowercase hex `sha256sum` prints.
 */
import { createSHA256, type IHasher } from 'hash-wasm';

/** What a Blob or File offers; declared here because shared/ compiles without the DOM types. */
export interface ByteSource {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export const HASH_CHUNK_BYTES = 4 * 1024 * 1024;

export class HashCancelledError extends Error {
  constructor() {
    super('Hashing was cancelled.');
    this.name = 'HashCancelledError';
  }
}

/** A fresh hasher per file, so two files hashed at once never mix (hash-wasm caches the compiled module). */
function hasher(): Promise<IHasher> {
  return createSHA256();
}

export interface HashOptions {
  /** Called after each chunk with the bytes hashed so far. */
  onProgress?: (bytesDone: number) => void;
  /** Checked between chunks. */
  isCancelled?: () => boolean;
  chunkBytes?: number;
}

export async function sha256OfSource(source: ByteSource, options: HashOptions = {}): Promise<string> {
  const h = await hasher();
  h.init();
  const chunk = options.chunkBytes ?? HASH_CHUNK_BYTES;
  let offset = 0;
  // Read the next chunk while the current one is hashed: reading is I/O, hashing is CPU.
  let pending = source.size > 0 ? source.slice(0, Math.min(chunk, source.size)).arrayBuffer() : null;
  while (pending) {
    const buffer = await pending;
    if (options.isCancelled?.()) throw new HashCancelledError();
    const next = offset + buffer.byteLength;
    pending =
      next < source.size ? source.slice(next, Math.min(next + chunk, source.size)).arrayBuffer() : null;
    h.update(new Uint8Array(buffer));
    offset = next;
    options.onProgress?.(offset);
  }
  return h.digest('hex');
}

/** SHA-256 of bytes already in memory (small files, tests). */
export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const h = await hasher();
  h.init();
  h.update(bytes);
  return h.digest('hex');
}
