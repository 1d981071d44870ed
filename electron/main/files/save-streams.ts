/**
 * Streaming saves: a package of several GB arrives from the renderer in chunks and goes straight to disk.
 *
 * `begin` opens `<name>.partial-<random>` next to the target (same folder, so the final rename is atomic);
 * `write` appends a chunk; `end` flushes to disk and renames over the target; `abort` deletes the partial
 * file. Each stream belongs to the window that began it: an id the caller did not get from `begin` (another
 * window's, a finished one, a guess) is refused. Any failure removes the partial file, so a full disk or a
 * yanked USB stick never leaves half a package nor damages an existing file with that name.
 */
import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { MAX_STREAM_CHUNK_BYTES } from '../../../shared/ipc';
import { describeWriteError } from '../ipc/atomic-write';

/** The file-system calls used; injectable so tests can simulate a full disk on the real file system. */
export interface StreamIo {
  open(file: string, flags: string): Promise<StreamFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export interface StreamFileHandle {
  /** Like `FileHandle.write(buffer, offset, length)`: may write fewer bytes than asked. */
  write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeStreamIo: StreamIo = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink };

export const DISK_FULL_MESSAGE = 'The disk is full: the file was not saved. Free some space and try again.';

/** Streams one window may have open at once (an export and a backup at the same time is normal). */
export const MAX_STREAMS_PER_OWNER = 8;

const NOT_IN_PROGRESS = 'This save is not in progress (it was finished, canceled or never started).';

interface SaveStream {
  owner: number;
  target: string;
  partial: string;
  handle: StreamFileHandle;
  bytesWritten: number;
  /** Writes run one after another even if the renderer does not wait. */
  queue: Promise<unknown>;
  failed: boolean;
}

export interface StartedStream {
  streamId: string;
  path: string;
  name: string;
}

export interface FinishedStream {
  path: string;
  name: string;
  bytesWritten: number;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** The plain-words error for a failed streaming save. */
export function describeStreamError(fileName: string, error: unknown): Error {
  const code = codeOf(error);
  const message =
    code === 'ENOSPC' || code === 'EDQUOT' ? DISK_FULL_MESSAGE : describeWriteError(fileName, error);
  return new Error(message, { cause: error });
}

/** The partial file's name beside the target. */
export function partialPathFor(target: string, random: string): string {
  return path.join(path.dirname(target), `${path.basename(target)}.partial-${random}`);
}

export interface SaveStreams {
  begin(owner: number, target: string): Promise<StartedStream>;
  write(owner: number, streamId: string, chunk: Uint8Array): Promise<void>;
  end(owner: number, streamId: string): Promise<FinishedStream>;
  /** Deletes the partial file. An id that is already gone (ended, failed) is not an error. */
  abort(owner: number, streamId: string): Promise<void>;
  /** The window closed: abort everything it left open. */
  releaseOwner(owner: number): Promise<void>;
  /** Open streams, for tests and diagnostics. */
  readonly size: number;
}

export function createSaveStreams(io: StreamIo = nodeStreamIo): SaveStreams {
  const streams = new Map<string, SaveStream>();

  /** The caller's stream, or a refusal that does not say whether the id exists for someone else. */
  function owned(owner: number, streamId: string): SaveStream {
    const stream = streams.get(streamId);
    if (!stream || stream.owner !== owner) throw new Error(NOT_IN_PROGRESS);
    return stream;
  }

  /** Close and delete the partial file, forgetting the stream. Never throws. */
  async function discard(streamId: string, stream: SaveStream): Promise<void> {
    streams.delete(streamId);
    stream.failed = true;
    await stream.handle.close().catch(() => undefined);
    await io.unlink(stream.partial).catch(() => undefined);
  }

  /** Run `step` after the stream's previous steps; on failure discard the stream and explain. */
  function enqueue<T>(streamId: string, stream: SaveStream, step: () => Promise<T>): Promise<T> {
    const run = stream.queue.then(async () => {
      if (stream.failed) throw new Error('This save already failed; start it again.');
      try {
        return await step();
      } catch (error) {
        await discard(streamId, stream);
        throw describeStreamError(path.basename(stream.target), error);
      }
    });
    stream.queue = run.catch(() => undefined);
    return run;
  }

  return {
    get size() {
      return streams.size;
    },

    async begin(owner, target) {
      let open = 0;
      for (const stream of streams.values()) if (stream.owner === owner) open += 1;
      if (open >= MAX_STREAMS_PER_OWNER) {
        throw new Error('Too many saves are in progress; wait for one to finish and try again.');
      }
      const partial = partialPathFor(target, randomUUID().slice(0, 8));
      let handle: StreamFileHandle;
      try {
        handle = await io.open(partial, 'wx');
      } catch (error) {
        throw describeStreamError(path.basename(target), error);
      }
      const streamId = randomUUID();
      streams.set(streamId, {
        owner,
        target,
        partial,
        handle,
        bytesWritten: 0,
        queue: Promise.resolve(),
        failed: false,
      });
      return { streamId, path: target, name: path.basename(target) };
    },

    async write(owner, streamId, chunk) {
      const stream = owned(owner, streamId);
      if (chunk.byteLength > MAX_STREAM_CHUNK_BYTES) {
        throw new Error('A chunk larger than 16 MiB was refused.');
      }
      return enqueue(streamId, stream, async () => {
        let offset = 0;
        while (offset < chunk.byteLength) {
          const { bytesWritten } = await stream.handle.write(chunk, offset, chunk.byteLength - offset);
          if (bytesWritten <= 0) throw new Error('The disk accepted no more bytes.');
          offset += bytesWritten;
        }
        stream.bytesWritten += chunk.byteLength;
      });
    },

    async end(owner, streamId) {
      const stream = owned(owner, streamId);
      return enqueue(streamId, stream, async () => {
        await stream.handle.sync();
        await stream.handle.close();
        await io.rename(stream.partial, stream.target);
        streams.delete(streamId);
        return { path: stream.target, name: path.basename(stream.target), bytesWritten: stream.bytesWritten };
      });
    },

    async abort(owner, streamId) {
      const stream = streams.get(streamId);
      if (!stream) return;
      if (stream.owner !== owner) throw new Error(NOT_IN_PROGRESS);
      // Wait for a write in flight, then delete.
      await stream.queue;
      await discard(streamId, stream);
    },

    async releaseOwner(owner) {
      const mine = [...streams.entries()].filter(([, stream]) => stream.owner === owner);
      await Promise.all(mine.map(([id, stream]) => stream.queue.then(() => discard(id, stream))));
    },
  };
}
