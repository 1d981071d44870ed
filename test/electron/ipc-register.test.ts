import { describe, expect, it, vi } from 'vitest';
import { createSenderCheck } from '../../electron/main/ipc/sender';
import {
  registerIpcHandlers,
  type InvokeEventLike,
  type IpcHandlers,
  type IpcMainLike,
} from '../../electron/main/ipc/register';
import { IPC_ERROR_PREFIX, ipcChannels } from '../../shared/ipc';

type Listener = Parameters<IpcMainLike['handle']>[1];

/** Records `handle()` registrations like Electron's ipcMain, and lets a test invoke them. */
class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  }
}

const appInfo = {
  name: 'Fieldwork',
  version: '0.1.0',
  platform: 'linux',
  electronVersion: '45.4.1',
  chromeVersion: '140',
  isPackaged: false,
};

const settings = { enabled: false, folder: null, everyDays: 7, keep: 10, lastBackupAt: null };

function setup(devServerUrl?: string) {
  const handlers = {
    'app:info': vi.fn(() => appInfo),
    'file:save': vi.fn(async () => ({ status: 'canceled' as const })),
    'file:open': vi.fn(async () => ({ status: 'canceled' as const })),
    'file:reveal': vi.fn(async () => undefined),
    'link:open-external': vi.fn(async () => undefined),
    'file:save-stream-begin': vi.fn(async () => ({ status: 'canceled' as const })),
    'file:save-stream-write': vi.fn(async () => undefined),
    'file:save-stream-end': vi.fn(async () => ({ path: '/x', name: 'x', bytesWritten: 0 })),
    'file:save-stream-abort': vi.fn(async () => undefined),
    'file:open-stream': vi.fn(async () => ({ status: 'canceled' as const })),
    'file:read': vi.fn(async () => new Uint8Array()),
    'file:close': vi.fn(async () => undefined),
    'file:pending-opens': vi.fn(async () => []),
    'backup:get-settings': vi.fn(async () => settings),
    'backup:choose-folder': vi.fn(async () => null),
    'backup:set-settings': vi.fn(async () => settings),
    'backup:check': vi.fn(async () => undefined),
    'backup:completed': vi.fn(async () => ({ settings, removed: [] })),
    'lock:key-status': vi.fn(async () => ({ available: true })),
    'lock:key-remember': vi.fn(async () => undefined),
    'lock:key-recall': vi.fn(async () => null),
    'lock:key-forget': vi.fn(async () => undefined),
  } satisfies IpcHandlers;
  const ipcMain = new FakeIpcMain();
  registerIpcHandlers(ipcMain, handlers, { isTrustedSender: createSenderCheck({ devServerUrl }) });
  return { ipcMain, handlers };
}

const fromApp: InvokeEventLike = {
  senderFrame: { url: 'app://fieldwork/index.html#/engagements' },
  sender: { id: 7 },
};

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract exactly once', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.listeners.keys()].sort()).toEqual(Object.keys(ipcChannels).sort());
  });

  it.each([
    ['https://evil.example', { senderFrame: { url: 'https://evil.example/' } }],
    ['file://', { senderFrame: { url: 'file:///home/user/fieldwork/index.html' } }],
    ['a look-alike host', { senderFrame: { url: 'app://fieldwork.evil/index.html' } }],
    ['another app:// host', { senderFrame: { url: 'app://other/index.html' } }],
    ['credentials in the URL', { senderFrame: { url: 'app://x@fieldwork/index.html' } }],
    ['a dev server when not in dev', { senderFrame: { url: 'http://localhost:5173/' } }],
    ['a null senderFrame', { senderFrame: null }],
    ['a missing senderFrame', {}],
    ['a non-URL', { senderFrame: { url: 'about:blank' } }],
  ])('refuses %s before the handler runs', async (_label, event: InvokeEventLike) => {
    const { ipcMain, handlers } = setup();
    await expect(ipcMain.invoke('link:open-external', event, { url: 'https://example.com' })).rejects.toThrow(
      /did not come from the Fieldwork window/,
    );
    expect(handlers['link:open-external']).not.toHaveBeenCalled();
  });

  it('trusts exactly the dev server origin in dev', async () => {
    const { ipcMain, handlers } = setup('http://localhost:5173/');
    await expect(
      ipcMain.invoke('app:info', { senderFrame: { url: 'http://localhost:5173/x' } }),
    ).resolves.toEqual(appInfo);
    await expect(
      ipcMain.invoke('app:info', { senderFrame: { url: 'http://localhost:5174/' } }),
    ).rejects.toThrow();
    await expect(
      ipcMain.invoke('app:info', { senderFrame: { url: 'https://localhost:5173/' } }),
    ).rejects.toThrow();
    expect(handlers['app:info']).toHaveBeenCalledTimes(1);
  });

  it('rejects a bad argument with a clear, prefixed message and never calls the handler', async () => {
    const { ipcMain, handlers } = setup();
    const error = await ipcMain
      .invoke('file:save', fromApp, { suggestedName: '../../etc/passwd', bytes: 'not bytes' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message.startsWith(IPC_ERROR_PREFIX)).toBe(true);
    expect(message).toContain('Invalid request for "file:save"');
    expect(message).toContain('a file name, not a path');
    expect(message).toContain('bytes');
    expect(handlers['file:save']).not.toHaveBeenCalled();

    await expect(ipcMain.invoke('app:info', fromApp, { sneaky: true })).rejects.toThrow(/Invalid request/);
    await expect(ipcMain.invoke('file:reveal', fromApp, { path: '/x' }, 'extra')).rejects.toThrow(
      /one argument/,
    );
  });

  it('passes the parsed argument (defaults filled) to the handler', async () => {
    const { ipcMain, handlers } = setup();
    const bytes = new Uint8Array([1, 2, 3]);
    await ipcMain.invoke('file:save', fromApp, { suggestedName: 'report.pdf', bytes });
    expect(handlers['file:save']).toHaveBeenCalledExactlyOnceWith(
      { suggestedName: 'report.pdf', filters: [], bytes },
      { senderId: 7 },
    );
    await ipcMain.invoke('file:open', fromApp, {});
    expect(handlers['file:open']).toHaveBeenCalledExactlyOnceWith(
      { filters: [], maxBytes: 1024 ** 3 },
      { senderId: 7 },
    );
    await ipcMain.invoke('file:save-stream-begin', fromApp, { suggestedName: 'a.fieldwork' });
    expect(handlers['file:save-stream-begin']).toHaveBeenCalledExactlyOnceWith(
      { suggestedName: 'a.fieldwork', filters: [], backupFolder: false },
      { senderId: 7 },
    );
    await expect(ipcMain.invoke('app:info', fromApp)).resolves.toEqual(appInfo);
  });

  it('refuses a stream chunk over 16 MiB, a read over 16 MiB and ids main never hands out', async () => {
    const { ipcMain, handlers } = setup();
    const streamId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    await ipcMain.invoke('file:save-stream-write', fromApp, {
      streamId,
      chunk: new Uint8Array(16 * 1024 * 1024),
    });
    expect(handlers['file:save-stream-write']).toHaveBeenCalledTimes(1);
    await expect(
      ipcMain.invoke('file:save-stream-write', fromApp, {
        streamId,
        chunk: new Uint8Array(16 * 1024 * 1024 + 1),
      }),
    ).rejects.toThrow(/chunk is larger than 16 MiB/);
    await expect(
      ipcMain.invoke('file:read', fromApp, { handleId: streamId, offset: 0, length: 16 * 1024 * 1024 + 1 }),
    ).rejects.toThrow(/Invalid request for "file:read"/);
    await expect(
      ipcMain.invoke('file:read', fromApp, { handleId: streamId, offset: -1, length: 10 }),
    ).rejects.toThrow(/Invalid request/);
    await expect(
      ipcMain.invoke('file:save-stream-end', fromApp, { streamId: '../../etc/passwd' }),
    ).rejects.toThrow(/an id handed out by Fieldwork/);
    await expect(
      ipcMain.invoke('backup:set-settings', fromApp, { enabled: true, everyDays: 0, keep: 500 }),
    ).rejects.toThrow(/Invalid request/);
    expect(handlers['file:save-stream-write']).toHaveBeenCalledTimes(1);
    expect(handlers['file:read']).not.toHaveBeenCalled();
    expect(handlers['file:save-stream-end']).not.toHaveBeenCalled();
    expect(handlers['backup:set-settings']).not.toHaveBeenCalled();
  });

  it('prefixes handler errors exactly once', async () => {
    const { ipcMain, handlers } = setup();
    handlers['file:reveal'].mockRejectedValueOnce(new Error('The disk is gone.'));
    await expect(ipcMain.invoke('file:reveal', fromApp, { path: '/x' })).rejects.toThrow(
      `${IPC_ERROR_PREFIX} The disk is gone.`,
    );
    handlers['file:reveal'].mockRejectedValueOnce(new Error(`${IPC_ERROR_PREFIX} Already prefixed.`));
    await expect(ipcMain.invoke('file:reveal', fromApp, { path: '/x' })).rejects.toThrow(
      new Error(`${IPC_ERROR_PREFIX} Already prefixed.`),
    );
  });
});
