import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import {
  chmod,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rename,
  rm,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, formatBytes, ownBytes, type HandlerDeps } from '../../electron/main/ipc/handlers';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const appInfo = {
  name: 'Fieldwork',
  version: '0.1.0',
  platform: 'linux',
  electronVersion: '45.4.1',
  chromeVersion: '140',
  isPackaged: true,
};

/** Dialog fakes that answer with the given path (or cancel), recording the options they were shown. */
function setup(answer: { save?: string | null; open?: string | null } = {}) {
  const saveOptions: SaveDialogOptions[] = [];
  const openOptions: OpenDialogOptions[] = [];
  const revealed: string[] = [];
  const deps: HandlerDeps = {
    showSaveDialog: async (options) => {
      saveOptions.push(options);
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' };
    },
    showOpenDialog: async (options) => {
      openOptions.push(options);
      return answer.open ? { canceled: false, filePaths: [answer.open] } : { canceled: true, filePaths: [] };
    },
    revealInFolder: (filePath) => revealed.push(filePath),
    openExternal: vi.fn(async () => undefined),
    appInfo,
  };
  return { handlers: createHandlers(deps), deps, saveOptions, openOptions, revealed };
}

const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13]);
const pdf = [{ name: 'PDF', extensions: ['pdf'] }];

describe('file:save', () => {
  it('shows the dialog with the suggested name and filters, then writes the exact bytes', async () => {
    const target = path.join(dir, 'report.pdf');
    const { handlers, saveOptions } = setup({ save: target });
    const result = await handlers['file:save']({ suggestedName: 'report.pdf', filters: pdf, bytes });
    expect(saveOptions[0]).toMatchObject({ defaultPath: 'report.pdf', filters: pdf });
    expect(result).toEqual({
      status: 'saved',
      path: target,
      name: 'report.pdf',
      bytesWritten: bytes.byteLength,
    });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it('returns canceled and writes nothing when the dialog is canceled', async () => {
    const { handlers } = setup({ save: null });
    await expect(handlers['file:save']({ suggestedName: 'a.pdf', filters: [], bytes })).resolves.toEqual({
      status: 'canceled',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('replaces an existing file on success', async () => {
    const target = path.join(dir, 'engagement.fieldwork');
    await writeFile(target, 'OLD CONTENT');
    const { handlers } = setup({ save: target });
    await handlers['file:save']({ suggestedName: 'engagement.fieldwork', filters: [], bytes });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('rejects in plain words when the folder does not exist', async () => {
    const target = path.join(dir, 'no-such-folder', 'report.pdf');
    const { handlers } = setup({ save: target });
    await expect(handlers['file:save']({ suggestedName: 'report.pdf', filters: [], bytes })).rejects.toThrow(
      'Could not save "report.pdf": the folder does not exist.',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves the existing file intact and no temp file behind when the disk fills up mid-write', async () => {
    const target = path.join(dir, 'report.xlsx');
    await writeFile(target, 'GOOD OLD REPORT');
    const { deps } = setup({ save: target });
    const handlers = createHandlers({
      ...deps,
      io: {
        open: async (file, flags) => {
          const handle = await open(file, flags);
          return {
            writeFile: async (data) => {
              await handle.writeFile(data.subarray(0, 3)); // a partial write, then the disk is full
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            },
            sync: () => handle.sync(),
            close: () => handle.close(),
          };
        },
        rename,
        unlink,
      },
    });
    await expect(handlers['file:save']({ suggestedName: 'report.xlsx', filters: [], bytes })).rejects.toThrow(
      /Could not save "report.xlsx": the disk is full\..*left unchanged/,
    );
    expect(await readFile(target, 'utf8')).toBe('GOOD OLD REPORT');
    expect(await readdir(dir)).toEqual(['report.xlsx']);
  });

  it.skipIf(process.getuid?.() === 0)(
    'rejects in plain words for a read-only folder, keeping the old file',
    async () => {
      const folder = path.join(dir, 'locked');
      await mkdir(folder);
      const target = path.join(folder, 'report.pdf');
      await writeFile(target, 'OLD');
      await chmod(folder, 0o500);
      try {
        const { handlers } = setup({ save: target });
        await expect(
          handlers['file:save']({ suggestedName: 'report.pdf', filters: [], bytes }),
        ).rejects.toThrow(/permission/);
        expect(await readFile(target, 'utf8')).toBe('OLD');
      } finally {
        await chmod(folder, 0o700);
      }
    },
  );
});

describe('file:open', () => {
  it('returns name, path and bytes of the chosen file', async () => {
    const source = path.join(dir, 'evidence.png');
    await writeFile(source, bytes);
    const { handlers, openOptions } = setup({ open: source });
    const result = await handlers['file:open']({ title: 'Import', filters: pdf, maxBytes: 1024 });
    expect(openOptions[0]).toMatchObject({ title: 'Import', filters: pdf, properties: ['openFile'] });
    expect(result).toEqual({ status: 'opened', path: source, name: 'evidence.png', bytes });
    if (result.status !== 'opened') throw new Error('expected opened');
    // Exactly the file's bytes travel over IPC: the view owns its whole buffer.
    expect(result.bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('ownBytes copies a view into a shared buffer and keeps an exact one', () => {
    const pool = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const view = pool.subarray(2, 5);
    const owned = ownBytes(view);
    expect(owned).toEqual(new Uint8Array([1, 2, 3]));
    expect(owned.buffer.byteLength).toBe(3);
    const exact = new Uint8Array([4, 5]);
    expect(ownBytes(exact).buffer).toBe(exact.buffer);
  });

  it('returns canceled when the dialog is canceled', async () => {
    const { handlers } = setup({ open: null });
    await expect(handlers['file:open']({ filters: [], maxBytes: 10 })).resolves.toEqual({
      status: 'canceled',
    });
  });

  it('refuses a file bigger than maxBytes before reading it, saying how big it is', async () => {
    const source = path.join(dir, 'huge.zip');
    await writeFile(source, new Uint8Array(3 * 1024));
    const { handlers } = setup({ open: source });
    await expect(handlers['file:open']({ filters: [], maxBytes: 2048 })).rejects.toThrow(
      '"huge.zip" is 3.0 KB, larger than the 2.0 KB Fieldwork can open here.',
    );
  });

  it('explains a vanished file and a folder', async () => {
    await expect(
      setup({ open: path.join(dir, 'gone.pdf') }).handlers['file:open']({ filters: [], maxBytes: 9 }),
    ).rejects.toThrow(/cannot be found/);
    await expect(setup({ open: dir }).handlers['file:open']({ filters: [], maxBytes: 9 })).rejects.toThrow(
      /not a file/,
    );
  });
});

describe('file:reveal', () => {
  it('reveals a path saved in this session and refuses any other', async () => {
    const target = path.join(dir, 'saved.pdf');
    const other = path.join(dir, 'other.pdf');
    await writeFile(other, 'x');
    const { handlers, revealed } = setup({ save: target });
    await expect(handlers['file:reveal']({ path: target })).rejects.toThrow(
      /saved or opened in this session/,
    );
    await handlers['file:save']({ suggestedName: 'saved.pdf', filters: [], bytes });
    await handlers['file:reveal']({ path: target });
    await expect(handlers['file:reveal']({ path: other })).rejects.toThrow(/saved or opened in this session/);
    await expect(handlers['file:reveal']({ path: '/etc/passwd' })).rejects.toThrow(/saved or opened/);
    expect(revealed).toEqual([target]);
  });

  it('reveals an opened path, but not once it was deleted', async () => {
    const source = path.join(dir, 'opened.fieldwork');
    await writeFile(source, bytes);
    const { handlers, revealed } = setup({ open: source });
    await handlers['file:open']({ filters: [], maxBytes: 1024 });
    await handlers['file:reveal']({ path: source });
    await rm(source);
    await expect(handlers['file:reveal']({ path: source })).rejects.toThrow(/no longer exists/);
    expect(revealed).toEqual([source]);
  });
});

describe('app:info and link:open-external', () => {
  it('returns the app info', async () => {
    expect(await setup().handlers['app:info'](undefined)).toEqual(appInfo);
  });

  it('opens only https links through the injected opener', async () => {
    const { handlers, deps } = setup();
    await handlers['link:open-external']({ url: 'https://example.com/docs' });
    expect(deps.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/docs');
    await expect(handlers['link:open-external']({ url: 'file:///etc/passwd' })).rejects.toThrow(/https/);
    expect(deps.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('formatBytes', () => {
  it('uses readable units', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1024 ** 3)).toBe('1.0 GB');
    expect(formatBytes(250 * 1024 ** 2)).toBe('250 MB');
  });
});
