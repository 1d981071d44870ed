/**
 * The `window.fieldwork` API, built from the IPC contract.
 *
 * One function per channel and `onMenuCommand`, nothing else: the raw `ipcRenderer` is never exposed, so a
 * compromised page can only call the few validated channels. `satisfies FieldworkApi` makes a missing or
 * mistyped function a compile error. Kept apart from `index.ts` (which imports Electron) so it can be
 * tested under Node with a fake `ipcRenderer`.
 */
import type { IpcRendererEvent } from 'electron';
// Values from the zod-free menu module only; the contract is imported for types, so zod stays out of the bundle.
import type { FieldworkApi, IpcChannel, IpcResults } from '../../shared/ipc/contract';
import { MENU_COMMAND_EVENT, menuCommands, type MenuCommand } from '../../shared/ipc/menu';

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

  return {
    appInfo: () => invoke('app:info'),
    saveFile: (request) => invoke('file:save', request),
    openFile: (request) => invoke('file:open', request),
    revealFile: (path) => invoke('file:reveal', { path }),
    openExternal: (url) => invoke('link:open-external', { url }),
    onMenuCommand: (listener) => {
      const wrapped = (_event: IpcRendererEvent, command: unknown): void => {
        if (isMenuCommand(command)) listener(command);
      };
      ipcRenderer.on(MENU_COMMAND_EVENT, wrapped);
      return () => {
        ipcRenderer.removeListener(MENU_COMMAND_EVENT, wrapped);
      };
    },
  } satisfies FieldworkApi;
}
