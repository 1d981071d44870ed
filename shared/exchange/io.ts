/**
 * Small byte plumbing shared by the exchange layers: random-access sources over memory and Blob-like
 * objects, an in-memory sink for tests and small files, chunking and collecting async byte streams, and
 * the cancellation check every long loop runs between chunks.
 */
import { ExchangeCancelledError, type ByteSink, type RandomAccessSource } from './types';

/** A RandomAccessSource over bytes already in memory (tests, small files). Reads are views, not copies. */
export function bytesSource(bytes: Uint8Array): RandomAccessSource {
  return {
    size: bytes.length,
    read(offset: number, length: number): Promise<Uint8Array> {
      const start = clamp(offset, 0, bytes.length);
      const end = clamp(offset + Math.max(0, length), start, bytes.length);
      return Promise.resolve(bytes.subarray(start, end));
    },
  };
}

/** What a Blob or File offers; declared here because shared/ compiles without the DOM types. */
export interface BlobLike {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** A RandomAccessSource over a Blob or File: each read slices and reads only the bytes asked for. */
export function blobSource(blob: BlobLike): RandomAccessSource {
  return {
    size: blob.size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const start = clamp(offset, 0, blob.size);
      const end = clamp(offset + Math.max(0, length), start, blob.size);
      if (end === start) return new Uint8Array(0);
      return new Uint8Array(await blob.slice(start, end).arrayBuffer());
    },
  };
}

export interface MemorySink extends ByteSink {
  /** Everything written so far, as one array. */
  bytes(): Uint8Array;
  readonly closed: boolean;
  readonly aborted: boolean;
}

/** A ByteSink that keeps what is written in memory (tests, small packages). */
export function memorySink(): MemorySink {
  let parts: Uint8Array[] = [];
  let closed = false;
  let aborted = false;
  return {
    write(chunk: Uint8Array): Promise<void> {
      if (closed || aborted) return Promise.reject(new Error('The sink is already closed.'));
      // Copy: callers may reuse their buffer after the write resolves.
      parts.push(chunk.slice());
      return Promise.resolve();
    },
    close(): Promise<void> {
      closed = true;
      return Promise.resolve();
    },
    abort(): Promise<void> {
      aborted = true;
      parts = [];
      return Promise.resolve();
    },
    bytes(): Uint8Array {
      return concat(parts);
    },
    get closed() {
      return closed;
    },
    get aborted() {
      return aborted;
    },
  };
}

/** Yields `bytes` in views of at most `size` bytes (nothing for empty bytes). */
export async function* chunksOf(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  const step = Math.max(1, Math.floor(size));
  for (let offset = 0; offset < bytes.length; offset += step) {
    yield bytes.subarray(offset, Math.min(offset + step, bytes.length));
  }
}

/** Reads a whole async byte stream into one array (only for streams known to be small). */
export async function collect(iterable: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of iterable) parts.push(chunk);
  return concat(parts);
}

/** Throws ExchangeCancelledError when the run was cancelled. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExchangeCancelledError();
}

/** Joins byte arrays into one new array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
