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

function setup(devServerUrl?: string) {
  const handlers = {
    'app:info': vi.fn(() => appInfo),
    'file:save': vi.fn(async () => ({ status: 'canceled' as const })),
    'file:open': vi.fn(async () => ({ status: 'canceled' as const })),
    'file:reveal': vi.fn(async () => undefined),
    'link:open-external': vi.fn(async () => undefined),
  } satisfies IpcHandlers;
  const ipcMain = new FakeIpcMain();
  registerIpcHandlers(ipcMain, handlers, { isTrustedSender: createSenderCheck({ devServerUrl }) });
  return { ipcMain, handlers };
}

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://fieldwork/index.html#/engagements' } };

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
    expect(handlers['file:save']).toHaveBeenCalledExactlyOnceWith({
      suggestedName: 'report.pdf',
      filters: [],
      bytes,
    });
    await ipcMain.invoke('file:open', fromApp, {});
    expect(handlers['file:open']).toHaveBeenCalledExactlyOnceWith({ filters: [], maxBytes: 1024 ** 3 });
    await expect(ipcMain.invoke('app:info', fromApp)).resolves.toEqual(appInfo);
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
