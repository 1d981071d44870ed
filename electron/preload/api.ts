/**
 * The `window.fieldwork` API, built from the IPC contract.
 *
 * One function per channel and the event subscriptions (`onMenuCommand`, `onOpenRequest`,
 * `onBackupRequest`, `onSystemLock`), nothing else: the raw `ipcRenderer` is never exposed, so a
 * compromised page can only call the few validated channels. `satisfies FieldworkApi` makes a missing or
 * mistyped function a compile error. Kept apart from `index.ts` (which imports Electron) so it can be
 * tested under Node with a fake `ipcRenderer`.
 */
import type { IpcRendererEvent } from 'electron';
// Values from the zod-free menu module only; the contract is imported for types, so zod stays out of the bundle.
import type { FieldworkApi, IpcChannel, IpcResults } from '../../shared/ipc/contract';
import { MENU_COMMAND_EVENT, menuCommands, type MenuCommand } from '../../shared/ipc/menu';
import {
  BACKUP_RUN_REQUEST_EVENT,
  FILE_OPEN_REQUEST_EVENT,
  SYSTEM_LOCK_EVENT,
  isBackupRunRequest,
  isOpenedHandle,
  isSystemLockReason,
} from '../../shared/ipc/events';

/** The part of Electron's `ipcRenderer` used; a real `ipcRenderer` satisfies it. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

/** True for the commands the contract defines; anything else sent on the menu channel is dropped. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return menuCommands.some((command) => command === value);
}

/** Build the API over `ipcRenderer`. */
export function createFieldworkApi(ipcRenderer: IpcRendererLike) {
  function invoke<C extends IpcChannel>(channel: C, argument?: unknown): Promise<IpcResults[C]> {
    // `invoke` resolves to whatever main returned; main's handler map is typed with IpcResults[C] per channel.
    return ipcRenderer.invoke(channel, argument) as Promise<IpcResults[C]>;
  }

  /** Subscribe to a main -> renderer event, passing on only payloads `accept` recognises (never the event). */
  function subscribe<T>(
    channel: string,
    accept: (value: unknown) => value is T,
    listener: (value: T) => void,
  ) {
    const wrapped = (_event: IpcRendererEvent, value: unknown): void => {
      if (accept(value)) listener(value);
    };
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  }

  return {
    appInfo: () => invoke('app:info'),
    saveFile: (request) => invoke('file:save', request),
    openFile: (request) => invoke('file:open', request),
    revealFile: (path) => invoke('file:reveal', { path }),
    openExternal: (url) => invoke('link:open-external', { url }),
    onMenuCommand: (listener) => subscribe(MENU_COMMAND_EVENT, isMenuCommand, listener),
    saveStreamBegin: (request) => invoke('file:save-stream-begin', request),
    saveStreamWrite: (streamId, chunk) => invoke('file:save-stream-write', { streamId, chunk }),
    saveStreamEnd: (streamId) => invoke('file:save-stream-end', { streamId }),
    saveStreamAbort: (streamId) => invoke('file:save-stream-abort', { streamId }),
    openStream: (request) => invoke('file:open-stream', request),
    readHandle: (handleId, offset, length) => invoke('file:read', { handleId, offset, length }),
    closeHandle: (handleId) => invoke('file:close', { handleId }),
    pendingOpens: () => invoke('file:pending-opens'),
    onOpenRequest: (listener) => subscribe(FILE_OPEN_REQUEST_EVENT, isOpenedHandle, listener),
    backupSettings: () => invoke('backup:get-settings'),
    chooseBackupFolder: () => invoke('backup:choose-folder'),
    setBackupSettings: (schedule) => invoke('backup:set-settings', schedule),
    backupCheck: () => invoke('backup:check'),
    onBackupRequest: (listener) => subscribe(BACKUP_RUN_REQUEST_EVENT, isBackupRunRequest, listener),
    backupCompleted: (path) => invoke('backup:completed', { path }),
    lockKeyStatus: () => invoke('lock:key-status'),
    rememberLockKey: ({ lockId, profileId, key, hours }) =>
      invoke('lock:key-remember', { lockId, profileId, key, hours }),
    recallLockKey: () => invoke('lock:key-recall'),
    forgetLockKey: () => invoke('lock:key-forget'),
    onSystemLock: (listener) => subscribe(SYSTEM_LOCK_EVENT, isSystemLockReason, listener),
  } satisfies FieldworkApi;
}
