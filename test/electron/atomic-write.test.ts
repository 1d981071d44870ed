import { mkdtemp, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeWriteError,
  writeFileAtomic,
  type AtomicWriteIo,
} from '../../electron/main/ipc/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failWith = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temporary file', async () => {
    const target = path.join(dir, 'out.bin');
    const data = new Uint8Array(100_000).map((_, index) => index % 251);
    expect(await writeFileAtomic(target, data)).toBe(100_000);
    expect(new Uint8Array(await readFile(target))).toEqual(data);
    expect(await readdir(dir)).toEqual(['out.bin']);
  });

  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EACCES', 'you do not have permission to write there'],
    ['EROFS', 'the disk or folder is read-only'],
  ])('on %s keeps the old file, removes the temp file and says "%s"', async (code, words) => {
    const target = path.join(dir, 'report.pdf');
    await writeFile(target, 'ORIGINAL');
    const io: AtomicWriteIo = {
      open: async (file, flags) => {
        const handle = await open(file, flags);
        return {
          writeFile: async (data) => {
            await handle.writeFile(data.subarray(0, 2));
            throw failWith(code);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
      rename,
      unlink,
    };
    const error = await writeFileAtomic(target, new Uint8Array([1, 2, 3, 4]), io).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `Could not save "report.pdf": ${words}. Any existing file with that name was left unchanged.`,
    );
    expect(((error as Error).cause as { code: string }).code).toBe(code);
    expect(await readFile(target, 'utf8')).toBe('ORIGINAL');
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it('keeps the old file when the final rename fails', async () => {
    const target = path.join(dir, 'a.txt');
    await writeFile(target, 'KEEP');
    const io: AtomicWriteIo = { open, rename: async () => Promise.reject(failWith('EBUSY')), unlink };
    await expect(writeFileAtomic(target, new Uint8Array([9]), io)).rejects.toThrow(
      /in use by another program/,
    );
    expect(await readFile(target, 'utf8')).toBe('KEEP');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('describes unknown errors without jargon', () => {
    expect(describeWriteError('x.pdf', new Error('weird'))).toBe(
      'Could not save "x.pdf": an unexpected error occurred. Any existing file with that name was left unchanged.',
    );
  });
});
