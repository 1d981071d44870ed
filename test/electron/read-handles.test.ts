import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadHandles } from '../../electron/main/files/read-handles';

let dir: string;
let file: string;
const content = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 251));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-handles-'));
  file = path.join(dir, 'engagement.fieldwork');
  await writeFile(file, content);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('read handles', () => {
  it('reads any range of the file, clipped at its end, into buffers that own their bytes', async () => {
    const handles = createReadHandles();
    const opened = await handles.open(1, file);
    expect(opened).toMatchObject({ name: 'engagement.fieldwork', size: 1000 });
    const middle = await handles.read(1, opened.handleId, 100, 50);
    expect(middle).toEqual(content.subarray(100, 150));
    expect(middle.buffer.byteLength).toBe(50);
    expect(await handles.read(1, opened.handleId, 990, 100)).toEqual(content.subarray(990));
    expect(await handles.read(1, opened.handleId, 5000, 10)).toEqual(new Uint8Array());
    await handles.close(1, opened.handleId);
    await expect(handles.read(1, opened.handleId, 0, 1)).rejects.toThrow(/not open/);
  });

  it("refuses another window's handle, made-up ids and oversized or negative reads", async () => {
    const handles = createReadHandles();
    const { handleId } = await handles.open(1, file);
    await expect(handles.read(2, handleId, 0, 10)).rejects.toThrow(/not open/);
    await expect(handles.close(2, handleId)).rejects.toThrow(/not open/);
    await expect(handles.read(1, 'made-up-handle-id', 0, 10)).rejects.toThrow(/not open/);
    await expect(handles.read(1, handleId, 0, 16 * 1024 * 1024 + 1)).rejects.toThrow(/larger than 16 MiB/);
    await expect(handles.read(1, handleId, -5, 10)).rejects.toThrow(/outside the file/);
    // Still usable by its owner.
    expect(await handles.read(1, handleId, 0, 3)).toEqual(content.subarray(0, 3));
  });

  it('explains a missing file and a folder in plain words', async () => {
    const handles = createReadHandles();
    await expect(handles.open(1, path.join(dir, 'gone.fieldwork'))).rejects.toThrow(
      'Could not open "gone.fieldwork": the file cannot be found or read.',
    );
    await expect(handles.open(1, dir)).rejects.toThrow(/it is not a file/);
    expect(handles.size).toBe(0);
  });

  it('closes every handle of a window that closed', async () => {
    const handles = createReadHandles();
    const a = await handles.open(1, file);
    const b = await handles.open(2, file);
    await handles.releaseOwner(1);
    await expect(handles.read(1, a.handleId, 0, 1)).rejects.toThrow(/not open/);
    expect(await handles.read(2, b.handleId, 0, 1)).toEqual(content.subarray(0, 1));
    expect(handles.size).toBe(1);
  });
});
