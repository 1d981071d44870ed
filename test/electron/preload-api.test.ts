import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createFieldworkApi, type IpcRendererLike } from '../../electron/preload/api';
import {
  BACKUP_RUN_REQUEST_EVENT,
  FILE_OPEN_REQUEST_EVENT,
  MENU_COMMAND_EVENT,
  SYSTEM_LOCK_EVENT,
  type FieldworkApi,
  type MenuCommand,
  type SystemLockReason,
} from '../../shared/ipc';

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
      'saveStreamBegin',
      'saveStreamWrite',
      'saveStreamEnd',
      'saveStreamAbort',
      'openStream',
      'readHandle',
      'closeHandle',
      'pendingOpens',
      'onOpenRequest',
      'backupSettings',
      'chooseBackupFolder',
      'setBackupSettings',
      'backupCheck',
      'onBackupRequest',
      'backupCompleted',
      'lockKeyStatus',
      'rememberLockKey',
      'recallLockKey',
      'forgetLockKey',
      'onSystemLock',
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

  it('maps the streaming and backup functions to their channels', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createFieldworkApi(ipc);
    const chunk = new Uint8Array([1, 2]);
    await api.saveStreamBegin({ suggestedName: 'a.fieldwork', backupFolder: true });
    await api.saveStreamWrite('s1', chunk);
    await api.saveStreamEnd('s1');
    await api.saveStreamAbort('s1');
    await api.openStream({ filters: [] });
    await api.readHandle('h1', 10, 20);
    await api.closeHandle('h1');
    await api.pendingOpens();
    await api.backupSettings();
    await api.chooseBackupFolder();
    await api.setBackupSettings({ enabled: true, everyDays: 3, keep: 4 });
    await api.backupCheck();
    await api.backupCompleted('/b/x.fieldwork');
    expect(ipc.invoke.mock.calls).toEqual([
      ['file:save-stream-begin', { suggestedName: 'a.fieldwork', backupFolder: true }],
      ['file:save-stream-write', { streamId: 's1', chunk }],
      ['file:save-stream-end', { streamId: 's1' }],
      ['file:save-stream-abort', { streamId: 's1' }],
      ['file:open-stream', { filters: [] }],
      ['file:read', { handleId: 'h1', offset: 10, length: 20 }],
      ['file:close', { handleId: 'h1' }],
      ['file:pending-opens', undefined],
      ['backup:get-settings', undefined],
      ['backup:choose-folder', undefined],
      ['backup:set-settings', { enabled: true, everyDays: 3, keep: 4 }],
      ['backup:check', undefined],
      ['backup:completed', { path: '/b/x.fieldwork' }],
    ]);
  });

  it('maps the app-lock functions to their channels, passing only the four request fields', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createFieldworkApi(ipc);
    const key = new Uint8Array(32).fill(9);
    await api.lockKeyStatus();
    const request = { lockId: 'lock-1', profileId: 'p-1', key, hours: 8, extra: 'dropped' };
    await api.rememberLockKey(request);
    await api.recallLockKey();
    await api.forgetLockKey();
    expect(ipc.invoke.mock.calls).toEqual([
      ['lock:key-status', undefined],
      ['lock:key-remember', { lockId: 'lock-1', profileId: 'p-1', key, hours: 8 }],
      ['lock:key-recall', undefined],
      ['lock:key-forget', undefined],
    ]);
  });

  it('onSystemLock passes on only the known reasons, without the event, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = createFieldworkApi(ipc);
    const received: SystemLockReason[] = [];
    const listener = vi.fn((reason: SystemLockReason) => received.push(reason));
    const unsubscribe = api.onSystemLock(listener);
    const event = { sender: 'secret ipcRenderer' };
    ipc.emit(SYSTEM_LOCK_EVENT, event, 'lock-screen');
    ipc.emit(SYSTEM_LOCK_EVENT, event, 'unlock-screen');
    ipc.emit(SYSTEM_LOCK_EVENT, event, { reason: 'suspend' });
    ipc.emit(SYSTEM_LOCK_EVENT, event, 'suspend');
    expect(received).toEqual(['lock-screen', 'suspend']);
    expect(listener.mock.calls.every((args) => args.length === 1)).toBe(true);
    unsubscribe();
    expect(ipc.listenerCount(SYSTEM_LOCK_EVENT)).toBe(0);
  });

  it('open and backup requests pass on only well-formed payloads, without the event, and unsubscribe', () => {
    const ipc = new FakeIpcRenderer();
    const api = createFieldworkApi(ipc);
    const opened: unknown[] = [];
    const requested: unknown[] = [];
    const stopOpen = api.onOpenRequest((file) => opened.push(file));
    const stopBackup = api.onBackupRequest((request) => requested.push(request));
    const event = { sender: 'secret ipcRenderer' };
    const good = { handleId: 'h1', name: 'a.fieldwork', size: 10 };
    ipc.emit(FILE_OPEN_REQUEST_EVENT, event, good);
    ipc.emit(FILE_OPEN_REQUEST_EVENT, event, { handleId: 'h2', name: 'b', size: -1 });
    ipc.emit(FILE_OPEN_REQUEST_EVENT, event, '/etc/passwd');
    ipc.emit(BACKUP_RUN_REQUEST_EVENT, event, {
      suggestedName: 'Fieldwork backup 2026-05-01 0900.fieldwork',
    });
    ipc.emit(BACKUP_RUN_REQUEST_EVENT, event, null);
    expect(opened).toEqual([good]);
    expect(requested).toEqual([{ suggestedName: 'Fieldwork backup 2026-05-01 0900.fieldwork' }]);
    stopOpen();
    stopBackup();
    expect(ipc.listenerCount(FILE_OPEN_REQUEST_EVENT)).toBe(0);
    expect(ipc.listenerCount(BACKUP_RUN_REQUEST_EVENT)).toBe(0);
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
