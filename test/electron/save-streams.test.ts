import { mkdtemp, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSaveStreams,
  DISK_FULL_MESSAGE,
  MAX_STREAMS_PER_OWNER,
  type StreamIo,
} from '../../electron/main/files/save-streams';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-streams-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const WINDOW = 1;
const OTHER_WINDOW = 2;
const bytes = (...values: number[]) => new Uint8Array(values);

describe('streaming saves', () => {
  it('writes the chunks to a partial file beside the target and renames it into place on end', async () => {
    const streams = createSaveStreams();
    const target = path.join(dir, 'engagement.fieldwork');
    const started = await streams.begin(WINDOW, target);
    expect(started).toMatchObject({ path: target, name: 'engagement.fieldwork' });
    await streams.write(WINDOW, started.streamId, bytes(1, 2, 3));
    await streams.write(WINDOW, started.streamId, bytes(4, 5));

    const during = await readdir(dir);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^engagement\.fieldwork\.partial-[0-9a-f]{8}$/);

    await expect(streams.end(WINDOW, started.streamId)).resolves.toEqual({
      path: target,
      name: 'engagement.fieldwork',
      bytesWritten: 5,
    });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3, 4, 5));
    expect(await readdir(dir)).toEqual(['engagement.fieldwork']);
    expect(streams.size).toBe(0);
    // A finished stream is gone.
    await expect(streams.write(WINDOW, started.streamId, bytes(6))).rejects.toThrow(/not in progress/);
  });

  it('keeps the order of writes the renderer did not wait for', async () => {
    const streams = createSaveStreams();
    const target = path.join(dir, 'ordered.fieldwork');
    const { streamId } = await streams.begin(WINDOW, target);
    await Promise.all([1, 2, 3, 4, 5].map((n) => streams.write(WINDOW, streamId, bytes(n, n))));
    await streams.end(WINDOW, streamId);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 1, 2, 2, 3, 3, 4, 4, 5, 5));
  });

  it("refuses another window's stream and ids it never handed out, for every step", async () => {
    const streams = createSaveStreams();
    const target = path.join(dir, 'mine.fieldwork');
    await writeFile(target, 'OLD');
    const { streamId } = await streams.begin(WINDOW, target);
    await streams.write(WINDOW, streamId, bytes(1));

    await expect(streams.write(OTHER_WINDOW, streamId, bytes(9))).rejects.toThrow(/not in progress/);
    await expect(streams.end(OTHER_WINDOW, streamId)).rejects.toThrow(/not in progress/);
    await expect(streams.abort(OTHER_WINDOW, streamId)).rejects.toThrow(/not in progress/);
    await expect(streams.write(WINDOW, 'made-up-id-12345', bytes(9))).rejects.toThrow(/not in progress/);
    await expect(streams.end(WINDOW, 'made-up-id-12345')).rejects.toThrow(/not in progress/);

    // The owner's stream was not disturbed by any of it.
    await streams.end(WINDOW, streamId);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1));
  });

  it('refuses a chunk over 16 MiB even if it got past the IPC schema', async () => {
    const streams = createSaveStreams();
    const { streamId } = await streams.begin(WINDOW, path.join(dir, 'big.fieldwork'));
    await expect(streams.write(WINDOW, streamId, new Uint8Array(16 * 1024 * 1024 + 1))).rejects.toThrow(
      /larger than 16 MiB/,
    );
    await streams.abort(WINDOW, streamId);
  });

  it('abort deletes the partial file and leaves an existing target as it was', async () => {
    const streams = createSaveStreams();
    const target = path.join(dir, 'report.fieldwork');
    await writeFile(target, 'GOOD OLD FILE');
    const { streamId } = await streams.begin(WINDOW, target);
    await streams.write(WINDOW, streamId, bytes(1, 2, 3));
    await streams.abort(WINDOW, streamId);
    expect(await readdir(dir)).toEqual(['report.fieldwork']);
    expect(await readFile(target, 'utf8')).toBe('GOOD OLD FILE');
    // Aborting twice is harmless; writing afterwards is refused.
    await expect(streams.abort(WINDOW, streamId)).resolves.toBeUndefined();
    await expect(streams.write(WINDOW, streamId, bytes(4))).rejects.toThrow(/not in progress/);
  });

  it('on a full disk says so in plain words, removes the partial file and keeps the old file', async () => {
    const target = path.join(dir, 'engagement.fieldwork');
    await writeFile(target, 'YESTERDAY');
    let writes = 0;
    const fullDisk: StreamIo = {
      open: async (file, flags) => {
        const handle = await open(file, flags);
        return {
          write: async (data, offset, length) => {
            writes += 1;
            if (writes === 1) return handle.write(data, offset, length);
            await handle.write(data, offset, 1); // a partial write, then the disk is full
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
      rename,
      unlink,
    };
    const streams = createSaveStreams(fullDisk);
    const { streamId } = await streams.begin(WINDOW, target);
    await streams.write(WINDOW, streamId, bytes(1, 2, 3));
    await expect(streams.write(WINDOW, streamId, bytes(4, 5, 6))).rejects.toThrow(DISK_FULL_MESSAGE);
    expect(DISK_FULL_MESSAGE).toBe(
      'The disk is full: the file was not saved. Free some space and try again.',
    );
    expect(await readdir(dir)).toEqual(['engagement.fieldwork']);
    expect(await readFile(target, 'utf8')).toBe('YESTERDAY');
    // The failed stream is gone; ending it is refused, aborting it is harmless.
    await expect(streams.end(WINDOW, streamId)).rejects.toThrow(/not in progress/);
    await expect(streams.abort(WINDOW, streamId)).resolves.toBeUndefined();
  });

  it('completes short writes (the OS may accept fewer bytes than asked)', async () => {
    const trickle: StreamIo = {
      open: async (file, flags) => {
        const handle = await open(file, flags);
        return {
          write: (data, offset, length) => handle.write(data, offset, Math.min(2, length)),
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
      rename,
      unlink,
    };
    const streams = createSaveStreams(trickle);
    const target = path.join(dir, 'slow.fieldwork');
    const { streamId } = await streams.begin(WINDOW, target);
    await streams.write(WINDOW, streamId, bytes(1, 2, 3, 4, 5, 6, 7));
    await streams.end(WINDOW, streamId);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3, 4, 5, 6, 7));
  });

  it('explains a missing folder at begin and leaves nothing behind', async () => {
    const streams = createSaveStreams();
    await expect(streams.begin(WINDOW, path.join(dir, 'gone', 'a.fieldwork'))).rejects.toThrow(
      'Could not save "a.fieldwork": the folder does not exist.',
    );
    expect(streams.size).toBe(0);
  });

  it('a closed window loses its open saves (partial files removed), other windows keep theirs', async () => {
    const streams = createSaveStreams();
    const mine = await streams.begin(WINDOW, path.join(dir, 'a.fieldwork'));
    const theirs = await streams.begin(OTHER_WINDOW, path.join(dir, 'b.fieldwork'));
    await streams.write(WINDOW, mine.streamId, bytes(1));
    await streams.releaseOwner(WINDOW);
    expect((await readdir(dir)).filter((name) => name.startsWith('a.fieldwork'))).toEqual([]);
    await streams.write(OTHER_WINDOW, theirs.streamId, bytes(2));
    await streams.end(OTHER_WINDOW, theirs.streamId);
    expect(await readdir(dir)).toEqual(['b.fieldwork']);
  });

  it(`limits one window to ${MAX_STREAMS_PER_OWNER} saves at once`, async () => {
    const streams = createSaveStreams();
    for (let i = 0; i < MAX_STREAMS_PER_OWNER; i += 1) {
      await streams.begin(WINDOW, path.join(dir, `f${i}.fieldwork`));
    }
    await expect(streams.begin(WINDOW, path.join(dir, 'one-more.fieldwork'))).rejects.toThrow(
      /Too many saves/,
    );
    await expect(streams.begin(OTHER_WINDOW, path.join(dir, 'other.fieldwork'))).resolves.toBeDefined();
    await streams.releaseOwner(WINDOW);
    await streams.releaseOwner(OTHER_WINDOW);
    expect(await readdir(dir)).toEqual([]);
  });
});
