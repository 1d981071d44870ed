/**
 * Streaming opens: the renderer reads a (possibly multi-GB) file in pieces through a handle id, never a
 * path. A handle is opened only for a file the user picked in a dialog or asked the app to open
 * (double-click, command line); it belongs to the window it was given to, and is closed when that window
 * closes. Reads are bounded (16 MiB) and answered with a buffer that owns exactly the bytes read.
 */
import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { MAX_STREAM_CHUNK_BYTES, type OpenedHandle } from '../../../shared/ipc';

/** The file-system calls used (node:fs/promises satisfies it). */
export interface ReadIo {
  open(file: string, flags: string): Promise<ReadableFileHandle>;
}

export interface ReadableFileHandle {
  stat(): Promise<{ size: number; isFile(): boolean }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

export const nodeReadIo: ReadIo = { open: fsp.open };

/** Files one window may hold open at once. */
export const MAX_HANDLES_PER_OWNER = 64;

const NOT_OPEN = 'This file is not open (it was closed or never opened).';

interface ReadHandle {
  owner: number;
  path: string;
  name: string;
  size: number;
  file: ReadableFileHandle;
}

export interface ReadHandles {
  /** Open `filePath` for `owner`; plain-words errors for a missing file, a folder, no permission. */
  open(owner: number, filePath: string): Promise<OpenedHandle>;
  read(owner: number, handleId: string, offset: number, length: number): Promise<Uint8Array>;
  close(owner: number, handleId: string): Promise<void>;
  releaseOwner(owner: number): Promise<void>;
  readonly size: number;
}

export function createReadHandles(io: ReadIo = nodeReadIo): ReadHandles {
  const handles = new Map<string, ReadHandle>();

  function owned(owner: number, handleId: string): ReadHandle {
    const handle = handles.get(handleId);
    if (!handle || handle.owner !== owner) throw new Error(NOT_OPEN);
    return handle;
  }

  return {
    get size() {
      return handles.size;
    },

    async open(owner, filePath) {
      let count = 0;
      for (const handle of handles.values()) if (handle.owner === owner) count += 1;
      if (count >= MAX_HANDLES_PER_OWNER) {
        throw new Error('Too many files are open; close an import and try again.');
      }
      const source = path.resolve(filePath);
      const name = path.basename(source);
      const file = await io.open(source, 'r').catch(() => {
        throw new Error(`Could not open "${name}": the file cannot be found or read.`);
      });
      try {
        const info = await file.stat();
        if (!info.isFile()) throw new Error(`Could not open "${name}": it is not a file.`);
        const handleId = randomUUID();
        handles.set(handleId, { owner, path: source, name, size: info.size, file });
        return { handleId, name, size: info.size };
      } catch (error) {
        await file.close().catch(() => undefined);
        throw error;
      }
    },

    async read(owner, handleId, offset, length) {
      const handle = owned(owner, handleId);
      if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0) {
        throw new Error('A read outside the file was refused.');
      }
      if (length > MAX_STREAM_CHUNK_BYTES) throw new Error('A read larger than 16 MiB was refused.');
      const wanted = Math.max(0, Math.min(length, handle.size - offset));
      const buffer = new Uint8Array(wanted);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await handle.file
          .read(buffer, filled, wanted - filled, offset + filled)
          .catch(() => {
            throw new Error(`Could not read "${handle.name}": the disk reported an error.`);
          });
        if (bytesRead === 0) break; // the file shrank since it was opened
        filled += bytesRead;
      }
      return filled === wanted ? buffer : buffer.slice(0, filled);
    },

    async close(owner, handleId) {
      const handle = handles.get(handleId);
      if (!handle) return;
      if (handle.owner !== owner) throw new Error(NOT_OPEN);
      handles.delete(handleId);
      await handle.file.close().catch(() => undefined);
    },

    async releaseOwner(owner) {
      const mine = [...handles.entries()].filter(([, handle]) => handle.owner === owner);
      for (const [id] of mine) handles.delete(id);
      await Promise.all(mine.map(([, handle]) => handle.file.close().catch(() => undefined)));
    },
  };
}
