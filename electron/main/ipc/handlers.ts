/**
 * The main-process side of every IPC channel: native dialogs and files on disk.
 *
 * Everything Electron-specific (dialogs, shell) is injected, so this runs under plain Node in tests with a
 * real temp folder. The renderer never names a path it wants written or read: paths come only from a dialog
 * the user answered. `file:reveal` therefore only accepts paths this session saved or opened, so a
 * compromised renderer cannot probe the disk or reveal arbitrary locations.
 */
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppInfo, IpcResults } from '../../../shared/ipc';
import { createExternalLinkOpener } from '../security/external-links';
import { writeFileAtomic, type AtomicWriteIo } from './atomic-write';
import type { IpcArgument } from './register';

export interface HandlerDeps {
  /** `dialog.showSaveDialog` bound to the main window. */
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  /** `dialog.showOpenDialog` bound to the main window. */
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  /** `shell.showItemInFolder`. */
  revealInFolder(filePath: string): void;
  /** `shell.openExternal`; wrapped here by the https-only opener, so the raw function may be passed. */
  openExternal(url: string): Promise<void>;
  appInfo: AppInfo;
  /** Test seam for simulating disk failures; defaults to node:fs. */
  io?: AtomicWriteIo;
  /** Paths saved or opened this session (shared with the streaming channels so `file:reveal` knows them). */
  knownPaths?: Set<string>;
}

/** The channels handled here; the exchange channels are in exchange-handlers.ts. */
export type BasicChannel = 'app:info' | 'file:save' | 'file:open' | 'file:reveal' | 'link:open-external';
/** These handlers do not need to know which window called (assignable to `Pick<IpcHandlers, BasicChannel>`). */
export type BasicHandlers = {
  [C in BasicChannel]: (argument: IpcArgument<C>) => Promise<IpcResults[C]> | IpcResults[C];
};

/** "1.5 GB"-style size for messages. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * A Uint8Array that owns its whole ArrayBuffer. IPC clones the entire underlying buffer of a view, so a
 * Buffer carved out of Node's shared pool would carry unrelated memory to the renderer; copy in that case.
 */
export function ownBytes(buffer: Uint8Array): Uint8Array {
  const whole = buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.byteLength;
  return whole ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
}

/** Build the handler map. Paths saved or opened are remembered in this closure for `file:reveal`. */
export function createHandlers(deps: HandlerDeps): BasicHandlers {
  const knownPaths = deps.knownPaths ?? new Set<string>();
  const openExternal = createExternalLinkOpener(deps.openExternal);

  return {
    'app:info': () => ({ ...deps.appInfo }),

    'file:save': async ({ suggestedName, filters, bytes }) => {
      const answer = await deps.showSaveDialog({
        defaultPath: suggestedName,
        filters,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (answer.canceled || answer.filePath === undefined || answer.filePath === '')
        return { status: 'canceled' };
      const target = path.resolve(answer.filePath);
      const bytesWritten = await writeFileAtomic(target, bytes, deps.io);
      knownPaths.add(target);
      return { status: 'saved', path: target, name: path.basename(target), bytesWritten };
    },

    'file:open': async ({ title, filters, maxBytes }) => {
      const answer = await deps.showOpenDialog({
        ...(title !== undefined && { title }),
        filters,
        properties: ['openFile'],
      });
      const chosen = answer.filePaths[0];
      if (answer.canceled || chosen === undefined) return { status: 'canceled' };
      const source = path.resolve(chosen);
      const name = path.basename(source);
      const info = await stat(source).catch(() => {
        throw new Error(`Could not open "${name}": the file cannot be found or read.`);
      });
      if (!info.isFile()) throw new Error(`Could not open "${name}": it is not a file.`);
      if (info.size > maxBytes) {
        throw new Error(
          `"${name}" is ${formatBytes(info.size)}, larger than the ${formatBytes(maxBytes)} Fieldwork can open here.`,
        );
      }
      const buffer = await readFile(source).catch(() => {
        throw new Error(`Could not open "${name}": the file could not be read.`);
      });
      if (buffer.byteLength > maxBytes) throw new Error(`"${name}" grew while it was being read; try again.`);
      knownPaths.add(source);
      return {
        status: 'opened',
        path: source,
        name,
        bytes: ownBytes(buffer),
      };
    },

    'file:reveal': async ({ path: requested }) => {
      const target = path.resolve(requested);
      if (!knownPaths.has(target)) {
        throw new Error('Fieldwork can only show files it saved or opened in this session.');
      }
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (!exists) throw new Error(`"${path.basename(target)}" no longer exists.`);
      deps.revealInFolder(target);
    },

    'link:open-external': ({ url }) => openExternal(url),
  };
}
