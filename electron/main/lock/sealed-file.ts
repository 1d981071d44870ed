/**
 * The small owner-only file that holds the remembered unlock (already encrypted by the OS keychain).
 *
 * Written as temp file + fsync + rename in the same folder, so after a crash or a full disk the file is
 * either the old entry or the new one, never half of each; created with mode 0o600 (owner only; Windows
 * ignores the mode, where the user-data folder is private to the user anyway). Errors are turned into
 * plain words that never include the contents.
 */
import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** The `code` of a Node file-system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** Temporary files for `filePath` are `.<name>.<uuid>.tmp` beside it. */
function temporaryPrefix(filePath: string): string {
  return `.${path.basename(filePath)}.`;
}

/** Replaces `filePath` with `bytes` atomically, owner-only. Rejects in plain words; no temp file is left. */
export async function writeSealedFile(filePath: string, bytes: Uint8Array): Promise<void> {
  const directory = path.dirname(filePath);
  const temporary = path.join(directory, `${temporaryPrefix(filePath)}${randomUUID()}.tmp`);
  try {
    await fsp.mkdir(directory, { recursive: true, mode: 0o700 });
    const handle = await fsp.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temporary, filePath);
  } catch (error) {
    await fsp.rm(temporary, { force: true }).catch(() => undefined);
    throw new Error(
      `Fieldwork could not remember the unlock (${errorCode(error) ?? 'an unexpected error'} while ` +
        'writing in its settings folder). You will be asked for the passphrase next time.',
      { cause: error },
    );
  }
}

/**
 * The file's bytes; null when there is no file; 'bad' when it is larger than `maxBytes` or cannot be read
 * (the caller deletes it).
 */
export async function readSealedFile(filePath: string, maxBytes: number): Promise<Buffer | null | 'bad'> {
  try {
    const handle = await fsp.open(filePath, 'r');
    try {
      const { size } = await handle.stat();
      return size > maxBytes ? 'bad' : await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? null : 'bad';
  }
}

/** Deletes the file (no error when absent). */
export async function removeSealedFile(filePath: string): Promise<void> {
  await fsp.rm(filePath, { force: true });
}

/** Deletes temporary files a crash between write and rename left beside `filePath` (encrypted, still copies). */
export async function removeLeftoverTemporaries(filePath: string): Promise<void> {
  const directory = path.dirname(filePath);
  const prefix = temporaryPrefix(filePath);
  const names = await fsp.readdir(directory).catch(() => []);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => fsp.rm(path.join(directory, name), { force: true })),
  );
}
