/**
 * Files on disk as the exchange codec's byte source and sink, for the command line.
 *
 * `fileSource` reads any range of a (possibly multi-GB) file through one open handle. `fileSink` writes a
 * package to a temporary file in the target's folder and renames it over the target only when the writer
 * closed it, so a failed or cancelled write never leaves half a file nor damages an existing one.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ByteSink, RandomAccessSource } from '../shared/exchange/types';

export interface FileSource extends RandomAccessSource {
  close(): Promise<void>;
}

/** Opens `path` for random-access reading. Throws a plain-words error when it cannot be read. */
export async function fileSource(path: string): Promise<FileSource> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new Error(`Cannot read ${path}: no such file, or no permission.`);
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw new Error(`${path} is not a file.`);
  }
  const size = info.size;
  return {
    size,
    async read(offset, length) {
      const wanted = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(wanted);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await handle.read(buffer, filled, wanted - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === wanted ? buffer : buffer.subarray(0, filled);
    },
    close: () => handle.close(),
  };
}

/** The temporary file a sink writes before the rename. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.partial`);
}

/**
 * A sink writing to `path` through a temporary file: `close` flushes and renames it into place, `abort`
 * (or any failed write) removes it.
 */
export async function fileSink(path: string): Promise<ByteSink> {
  const temporary = temporaryPathFor(path);
  let handle: FileHandle | null;
  try {
    handle = await open(temporary, 'wx');
  } catch {
    throw new Error(`Cannot write ${path}: the folder does not exist or is not writable.`);
  }
  const discard = async () => {
    const open = handle;
    handle = null;
    await open?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
  };
  return {
    async write(chunk) {
      if (!handle) throw new Error('The output file was already closed.');
      try {
        let offset = 0;
        while (offset < chunk.byteLength) {
          const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
          offset += bytesWritten;
        }
      } catch (error) {
        await discard();
        throw error;
      }
    },
    async close() {
      if (!handle) throw new Error('The output file was already closed.');
      try {
        await handle.sync();
        await handle.close();
        handle = null;
        await rename(temporary, path);
      } catch (error) {
        await discard();
        throw error;
      }
    },
    abort: discard,
  };
}
