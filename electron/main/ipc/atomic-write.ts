/**
 * Writing a file so that it is either completely there or not changed at all.
 *
 * Auditors save over yesterday's export or engagement file. Writing in place would, on a full disk or a
 * yanked USB stick, leave half a file and destroy the good one. Instead the bytes go to a uniquely named
 * temporary file in the same folder (same file system, so the final rename is atomic), are flushed to disk,
 * and only then renamed over the target. On any failure the temporary file is removed and the error is
 * translated into words an auditor can act on.
 */
import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls used; injectable so tests can simulate a full disk on the real file system. */
export interface AtomicWriteIo {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export interface WritableHandle {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeIo: AtomicWriteIo = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink };

/** Plain-words explanations for the error codes a save commonly meets. */
const PLAIN_REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'you do not have permission to write there',
  EPERM: 'the operating system did not allow writing there',
  EROFS: 'the disk or folder is read-only',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'a folder with that name already exists',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
};

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** Turn a Node file-system error into "Could not save "x": the disk is full." style text. */
export function describeWriteError(fileName: string, error: unknown): string {
  const code = codeOf(error);
  const reason = (code !== undefined ? PLAIN_REASONS[code] : undefined) ?? 'an unexpected error occurred';
  return `Could not save "${fileName}": ${reason}. Any existing file with that name was left unchanged.`;
}

/**
 * Write `bytes` to `target` atomically. Resolves to the number of bytes written; rejects with a plain-words
 * Error (the original error as `cause`) and leaves any existing `target` untouched.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  io: AtomicWriteIo = nodeIo,
): Promise<number> {
  const directory = path.dirname(target);
  const temporary = path.join(directory, `.${path.basename(target)}.${randomUUID()}.fieldwork-tmp`);
  let created = false;
  try {
    const handle = await io.open(temporary, 'wx');
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temporary, target);
    created = false;
    return bytes.byteLength;
  } catch (error) {
    if (created) await io.unlink(temporary).catch(() => undefined);
    throw new Error(describeWriteError(path.basename(target), error), { cause: error });
  }
}
