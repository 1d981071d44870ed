/**
 * The one IPC contract between the renderer and the Electron main process.
 *
 * Each channel is `'area:verb'` with a zod schema for its single argument and a TypeScript result type.
 * Main registers handlers through `electron/main/ipc/register.ts` (sender origin checked first, argument
 * parsed second); the preload builds `window.fieldwork` from `FieldworkApi` with one function per channel.
 * To add a channel: add it to `ipcChannels` and `FieldworkApi`, handle it in `electron/main/ipc/handlers.ts`,
 * expose it in `electron/preload/index.ts`, and use it from `renderer/platform/electron.ts`.
 */
import { z } from 'zod';

/** File-type filter for save/open dialogs, e.g. `{ name: 'Excel workbook', extensions: ['xlsx'] }`. */
export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9*]{1,16}$/, 'extension without dot'))
    .min(1)
    .max(10),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

/** Largest file the open dialog will read into memory (evidence may be big, but not unbounded). */
export const MAX_OPEN_BYTES = 1024 * 1024 * 1024;

export const saveFileRequestSchema = z.object({
  /** File name proposed in the dialog (no folders). */
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'a file name, not a path'),
  filters: z.array(fileFilterSchema).max(10).default([]),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes must be a Uint8Array'),
});
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;
export type SaveFileResult =
  { status: 'saved'; path: string; name: string; bytesWritten: number } | { status: 'canceled' };

export const openFileRequestSchema = z.object({
  title: z.string().max(200).optional(),
  filters: z.array(fileFilterSchema).max(10).default([]),
  maxBytes: z.number().int().positive().max(MAX_OPEN_BYTES).default(MAX_OPEN_BYTES),
});
export type OpenFileRequest = z.input<typeof openFileRequestSchema>;
export type OpenFileResult =
  { status: 'opened'; path: string; name: string; bytes: Uint8Array } | { status: 'canceled' };

export const revealFileRequestSchema = z.object({ path: z.string().min(1).max(4096) });
export const openExternalRequestSchema = z.object({ url: z.string().min(1).max(2048) });

export interface AppInfo {
  name: string;
  version: string;
  /** `process.platform` of the main process, e.g. `win32`, `darwin`, `linux`. */
  platform: string;
  electronVersion: string;
  chromeVersion: string;
  isPackaged: boolean;
}

/** Invoke channels: renderer asks, main answers. */
export const ipcChannels = {
  'app:info': z.undefined(),
  'file:save': saveFileRequestSchema,
  'file:open': openFileRequestSchema,
  'file:reveal': revealFileRequestSchema,
  'link:open-external': openExternalRequestSchema,
} as const;
export type IpcChannel = keyof typeof ipcChannels;

/** What each invoke channel resolves to. */
export interface IpcResults {
  'app:info': AppInfo;
  'file:save': SaveFileResult;
  'file:open': OpenFileResult;
  'file:reveal': void;
  'link:open-external': void;
}

/** Commands the application menu sends to the renderer (main -> renderer, one channel): see menu.ts. */
export { menuCommands, MENU_COMMAND_EVENT, type MenuCommand } from './menu';
import type { MenuCommand } from './menu';

/** The API the preload exposes as `window.fieldwork`: one function per channel and nothing else. */
export interface FieldworkApi {
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  revealFile(path: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** Subscribe to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Errors crossing IPC lose their class; handlers reject with this shape in `message` so the UI can explain. */
export const IPC_ERROR_PREFIX = 'FieldworkIpcError:';
