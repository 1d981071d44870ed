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

/** A file name proposed in a dialog: no folders. */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'a file name, not a path');

export const saveFileRequestSchema = z.object({
  /** File name proposed in the dialog (no folders). */
  suggestedName: fileNameSchema,
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

// ---------------------------------------------------------------------------------------------------------
// Streaming files (exchange packages can be several GB): main writes and reads the bytes, the renderer
// passes chunks and ids, never paths.

/** Largest chunk one `file:save-stream-write` or `file:read` carries. */
export const MAX_STREAM_CHUNK_BYTES = 16 * 1024 * 1024;

/** Stream and handle ids are random tokens handed out by main. */
const tokenSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'an id handed out by Fieldwork');

export const saveStreamBeginSchema = z.object({
  suggestedName: fileNameSchema,
  filters: z.array(fileFilterSchema).max(10).default([]),
  /**
   * Write into the backup folder chosen in the backup settings, without a dialog. Only backup file names
   * (`Fieldwork backup YYYY-MM-DD HHmm.fieldwork`) are accepted there.
   */
  backupFolder: z.boolean().default(false),
});
export type SaveStreamBeginRequest = z.input<typeof saveStreamBeginSchema>;
export type SaveStreamBeginResult =
  { status: 'ready'; streamId: string; path: string; name: string } | { status: 'canceled' };

export const saveStreamWriteSchema = z.object({
  streamId: tokenSchema,
  chunk: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'chunk must be a Uint8Array')
    .refine((chunk) => chunk.byteLength <= MAX_STREAM_CHUNK_BYTES, 'chunk is larger than 16 MiB'),
});
export const streamIdSchema = z.object({ streamId: tokenSchema });
export interface SaveStreamEndResult {
  path: string;
  name: string;
  bytesWritten: number;
}

export const openStreamSchema = z.object({
  title: z.string().max(200).optional(),
  filters: z.array(fileFilterSchema).max(10).default([]),
});
export type OpenStreamRequest = z.input<typeof openStreamSchema>;
/** A file main opened for reading; the renderer reads it by `handleId` and never sees its path. */
export interface OpenedHandle {
  handleId: string;
  name: string;
  size: number;
}
export type OpenStreamResult = ({ status: 'opened' } & OpenedHandle) | { status: 'canceled' };

export const readRequestSchema = z.object({
  handleId: tokenSchema,
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  length: z.number().int().min(0).max(MAX_STREAM_CHUNK_BYTES),
});
export const handleIdSchema = z.object({ handleId: tokenSchema });

// ---------------------------------------------------------------------------------------------------------
// Scheduled backups (desktop only)

export const BACKUP_EVERY_DAYS = { min: 1, max: 30 } as const;
export const BACKUP_KEEP = { min: 1, max: 100 } as const;

/** The schedule the user can change; the folder is set only through the folder dialog. */
export const backupScheduleSchema = z.object({
  enabled: z.boolean(),
  everyDays: z.number().int().min(BACKUP_EVERY_DAYS.min).max(BACKUP_EVERY_DAYS.max),
  keep: z.number().int().min(BACKUP_KEEP.min).max(BACKUP_KEEP.max),
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

/** `backup-settings.json` in the app's user-data folder. */
export const backupSettingsSchema = backupScheduleSchema.extend({
  /** Absolute path of the folder chosen in the dialog, or null before one was chosen. */
  folder: z.string().min(1).max(4096).nullable(),
  /** ISO time of the last completed automatic backup. */
  lastBackupAt: z.iso.datetime({ offset: true }).nullable(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** What main asks the renderer to write when a backup is due. */
export interface BackupRunRequest {
  /** `Fieldwork backup YYYY-MM-DD HHmm.fieldwork`, to pass to `file:save-stream-begin` with `backupFolder`. */
  suggestedName: string;
}

export const backupCompletedSchema = z.object({ path: z.string().min(1).max(4096) });
export interface BackupCompletedResult {
  settings: BackupSettings;
  /** Names of the old backups removed to keep the last N. */
  removed: string[];
}

// ---------------------------------------------------------------------------------------------------------
// App lock (desktop only): main remembers the lock's data key for a while, encrypted with the OS keychain
// (`safeStorage`), so a restart within that time does not ask for the passphrase again. The renderer owns
// the lock itself and decides when to remember and forget; main only stores and expires.

/** Length of the app lock's data key (AES-256). */
export const LOCK_KEY_BYTES = 32;
/** How long an unlock may be remembered, in whole hours. */
export const LOCK_REMEMBER_HOURS = { min: 1, max: 72 } as const;

export const lockKeyRememberSchema = z.object({
  lockId: z.string().min(1).max(100),
  profileId: z.string().min(1).max(100),
  // The custom check and the refinement name no value, so an error message never echoes key bytes.
  key: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'key must be a Uint8Array')
    .refine((key) => key.byteLength === LOCK_KEY_BYTES, `key must be exactly ${LOCK_KEY_BYTES} bytes`),
  hours: z.number().int().min(LOCK_REMEMBER_HOURS.min).max(LOCK_REMEMBER_HOURS.max),
});
export type LockKeyRememberRequest = z.input<typeof lockKeyRememberSchema>;

/** Whether this computer can remember an unlock safely; `reason` says why not, in plain words. */
export interface LockKeyAvailability {
  available: boolean;
  reason?: string;
}

/** The unlock main remembered: the renderer checks `lockId` against its own lock before using `key`. */
export interface RememberedLockKey {
  lockId: string;
  profileId: string;
  /** The 32-byte data key. */
  key: Uint8Array;
  /** ISO time after which main no longer returns it (and deletes it). */
  expiresAt: string;
}

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
  'file:save-stream-begin': saveStreamBeginSchema,
  'file:save-stream-write': saveStreamWriteSchema,
  'file:save-stream-end': streamIdSchema,
  'file:save-stream-abort': streamIdSchema,
  'file:open-stream': openStreamSchema,
  'file:read': readRequestSchema,
  'file:close': handleIdSchema,
  'file:pending-opens': z.undefined(),
  'backup:get-settings': z.undefined(),
  'backup:choose-folder': z.undefined(),
  'backup:set-settings': backupScheduleSchema,
  'backup:check': z.undefined(),
  'backup:completed': backupCompletedSchema,
  'lock:key-status': z.undefined(),
  'lock:key-remember': lockKeyRememberSchema,
  'lock:key-recall': z.undefined(),
  'lock:key-forget': z.undefined(),
} as const;
export type IpcChannel = keyof typeof ipcChannels;

/** What each invoke channel resolves to. */
export interface IpcResults {
  'app:info': AppInfo;
  'file:save': SaveFileResult;
  'file:open': OpenFileResult;
  'file:reveal': void;
  'link:open-external': void;
  'file:save-stream-begin': SaveStreamBeginResult;
  'file:save-stream-write': void;
  'file:save-stream-end': SaveStreamEndResult;
  'file:save-stream-abort': void;
  'file:open-stream': OpenStreamResult;
  'file:read': Uint8Array;
  'file:close': void;
  /** Files the app was asked to open (double-click, command line) before the window listened. */
  'file:pending-opens': OpenedHandle[];
  'backup:get-settings': BackupSettings;
  /** The new settings, or null when the dialog was canceled. */
  'backup:choose-folder': BackupSettings | null;
  'backup:set-settings': BackupSettings;
  /** The window is ready to run backups: main checks now and sends `backup:run-request` when one is due. */
  'backup:check': void;
  'backup:completed': BackupCompletedResult;
  'lock:key-status': LockKeyAvailability;
  'lock:key-remember': void;
  /** Null when nothing is remembered, it expired, or it could not be read (then it is deleted). */
  'lock:key-recall': RememberedLockKey | null;
  'lock:key-forget': void;
}

/** Commands the application menu sends to the renderer (main -> renderer, one channel): see menu.ts. */
export { menuCommands, MENU_COMMAND_EVENT, type MenuCommand } from './menu';
import type { MenuCommand } from './menu';
/** Other main -> renderer events: see events.ts. */
export {
  FILE_OPEN_REQUEST_EVENT,
  BACKUP_RUN_REQUEST_EVENT,
  SYSTEM_LOCK_EVENT,
  systemLockReasons,
  type SystemLockReason,
} from './events';
import type { SystemLockReason } from './events';

/** The API the preload exposes as `window.fieldwork`: one function per channel and nothing else. */
export interface FieldworkApi {
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  revealFile(path: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** Subscribe to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;

  saveStreamBegin(request: SaveStreamBeginRequest): Promise<SaveStreamBeginResult>;
  saveStreamWrite(streamId: string, chunk: Uint8Array): Promise<void>;
  saveStreamEnd(streamId: string): Promise<SaveStreamEndResult>;
  saveStreamAbort(streamId: string): Promise<void>;
  openStream(request: OpenStreamRequest): Promise<OpenStreamResult>;
  readHandle(handleId: string, offset: number, length: number): Promise<Uint8Array>;
  closeHandle(handleId: string): Promise<void>;
  pendingOpens(): Promise<OpenedHandle[]>;
  /** Files opened by double-click / second launch while the window runs; returns the unsubscribe function. */
  onOpenRequest(listener: (file: OpenedHandle) => void): () => void;

  backupSettings(): Promise<BackupSettings>;
  chooseBackupFolder(): Promise<BackupSettings | null>;
  setBackupSettings(schedule: BackupSchedule): Promise<BackupSettings>;
  backupCheck(): Promise<void>;
  /** Main asks for a backup to be written; returns the unsubscribe function. */
  onBackupRequest(listener: (request: BackupRunRequest) => void): () => void;
  backupCompleted(path: string): Promise<BackupCompletedResult>;

  lockKeyStatus(): Promise<LockKeyAvailability>;
  rememberLockKey(request: LockKeyRememberRequest): Promise<void>;
  recallLockKey(): Promise<RememberedLockKey | null>;
  forgetLockKey(): Promise<void>;
  /** The OS locked the screen or is going to sleep; returns the unsubscribe function. */
  onSystemLock(listener: (reason: SystemLockReason) => void): () => void;
}

/** Errors crossing IPC lose their class; handlers reject with this shape in `message` so the UI can explain. */
export const IPC_ERROR_PREFIX = 'FieldworkIpcError:';
