import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createFieldworkApi, type IpcRendererLike } from '../../electron/preload/api';
import { MENU_COMMAND_EVENT, type FieldworkApi, type MenuCommand } from '../../shared/ipc';

class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => 'result');
}

describe('preload API', () => {
  it('exposes exactly one function per contract entry and nothing else', () => {
    const api = createFieldworkApi(new FakeIpcRenderer());
    const expected: (keyof FieldworkApi)[] = [
      'appInfo',
      'saveFile',
      'openFile',
      'revealFile',
      'openExternal',
      'onMenuCommand',
    ];
    expect(Object.keys(api).sort()).toEqual([...expected].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('maps each function to its channel and argument', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createFieldworkApi(ipc);
    const bytes = new Uint8Array([1]);
    await api.appInfo();
    await api.saveFile({ suggestedName: 'a.pdf', bytes });
    await api.openFile({ maxBytes: 10 });
    await api.revealFile('/tmp/a.pdf');
    await expect(api.openExternal('https://example.com')).resolves.toBe('result');
    expect(ipc.invoke.mock.calls).toEqual([
      ['app:info', undefined],
      ['file:save', { suggestedName: 'a.pdf', bytes }],
      ['file:open', { maxBytes: 10 }],
      ['file:reveal', { path: '/tmp/a.pdf' }],
      ['link:open-external', { url: 'https://example.com' }],
    ]);
  });

  it('onMenuCommand drops the event, ignores unknown commands and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = createFieldworkApi(ipc);
    const received: MenuCommand[] = [];
    const listener = vi.fn((command: MenuCommand) => received.push(command));
    const unsubscribe = api.onMenuCommand(listener);
    const event = { sender: 'secret ipcRenderer' };
    ipc.emit(MENU_COMMAND_EVENT, event, 'new-engagement');
    ipc.emit(MENU_COMMAND_EVENT, event, 'rm -rf');
    ipc.emit(MENU_COMMAND_EVENT, event, { command: 'about' });
    ipc.emit(MENU_COMMAND_EVENT, event, 'about');
    expect(received).toEqual(['new-engagement', 'about']);
    expect(listener.mock.calls.every((args) => args.length === 1)).toBe(true);
    unsubscribe();
    expect(ipc.listenerCount(MENU_COMMAND_EVENT)).toBe(0);
    ipc.emit(MENU_COMMAND_EVENT, event, 'about');
    expect(received).toHaveLength(2);
  });
});
