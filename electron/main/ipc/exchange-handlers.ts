/**
 * The main-process side of the exchange channels: streaming saves and opens of `.fieldwork` packages,
 * files opened from outside the app, and scheduled backups.
 *
 * Like handlers.ts, everything Electron-specific (dialogs, sending events to a window) is injected, so this
 * runs under plain Node in tests with real temp folders. The renderer never names a path: it gets stream
 * and handle ids tied to its window, and the only folder it can write to without a dialog is the backup
 * folder the user chose, and there only backup file names.
 */
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_RUN_REQUEST_EVENT,
  FILE_OPEN_REQUEST_EVENT,
  type BackupRunRequest,
  type BackupSettings,
  type IpcChannel,
  type OpenedHandle,
} from '../../../shared/ipc';
import {
  BACKUP_SETTINGS_FILE,
  backupDue,
  backupFileName,
  isBackupFileName,
  pruneBackups,
  readBackupSettings,
  writeBackupSettings,
} from '../backup/backups';
import { createOpenQueue, type OpenQueue } from '../files/file-association';
import { createReadHandles, type ReadIo } from '../files/read-handles';
import { createSaveStreams, type StreamIo } from '../files/save-streams';
import type { IpcContext, IpcHandlers } from './register';
import type { BasicChannel } from './handlers';
import type { LockChannel } from './lock-handlers';

export type ExchangeChannel = Exclude<IpcChannel, BasicChannel | LockChannel>;
export type ExchangeHandlers = Pick<IpcHandlers, ExchangeChannel>;

/** A backup request not answered within this time is sent again (the window may have been busy or reloaded). */
export const BACKUP_RETRY_MS = 6 * 60 * 60 * 1000;

export interface ExchangeDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  /** `app.getPath('userData')`: where backup-settings.json lives. */
  userDataPath: string;
  /** Send an event to the window whose webContents has this id (nothing when it is gone). */
  send(ownerId: number, channel: string, payload: unknown): void;
  now?: () => Date;
  /** Paths saved or opened this session, shared with `file:reveal`. */
  knownPaths?: Set<string>;
  openQueue?: OpenQueue;
  /** Test seams; default node:fs. */
  streamIo?: StreamIo;
  readIo?: ReadIo;
}

export interface ExchangeServices {
  handlers: ExchangeHandlers;
  /** A `.fieldwork` path to open (argv, `open-file`, second launch). */
  fileOpened(filePath: string): void;
  /** The window with this webContents id closed: its streams are aborted and its handles closed. */
  windowClosed(ownerId: number): Promise<void>;
  /** Sends `backup:run-request` to the listening window when a backup is due; true when it did. */
  checkBackup(): Promise<boolean>;
}

/** The caller's webContents id; a call without one cannot own anything. */
function ownerOf(context: IpcContext): number {
  if (context.senderId === undefined) throw new Error('Refused: the request did not come from a window.');
  return context.senderId;
}

export function createExchangeHandlers(deps: ExchangeDeps): ExchangeServices {
  const now = deps.now ?? (() => new Date());
  const knownPaths = deps.knownPaths ?? new Set<string>();
  const queue = deps.openQueue ?? createOpenQueue();
  const streams = createSaveStreams(deps.streamIo);
  const handles = createReadHandles(deps.readIo);
  const settingsFile = path.join(deps.userDataPath, BACKUP_SETTINGS_FILE);

  /** Streams writing into the backup folder, and the backup files they produced this session. */
  const backupStreams = new Set<string>();
  const backupPaths = new Set<string>();
  let backupListener: number | null = null;
  let backupRequestedAt: number | null = null;

  /** Settings changes run one after another, so two quick changes never lose one. */
  let settingsQueue: Promise<unknown> = Promise.resolve();
  function updateSettings(change: (current: BackupSettings) => BackupSettings): Promise<BackupSettings> {
    const run = settingsQueue.then(async () =>
      writeBackupSettings(settingsFile, change(await readBackupSettings(settingsFile))),
    );
    settingsQueue = run.catch(() => undefined);
    return run;
  }

  function deliver(ownerId: number, filePath: string): void {
    handles.open(ownerId, filePath).then(
      (file) => deps.send(ownerId, FILE_OPEN_REQUEST_EVENT, file),
      (error: unknown) => console.warn('Could not open a file the app was asked to open:', error),
    );
  }

  async function checkBackup(): Promise<boolean> {
    const listener = backupListener;
    if (listener === null) return false;
    const settings = await readBackupSettings(settingsFile);
    const at = now();
    if (!backupDue(settings, at)) return false;
    if (backupRequestedAt !== null && at.getTime() - backupRequestedAt < BACKUP_RETRY_MS) return false;
    backupRequestedAt = at.getTime();
    const request: BackupRunRequest = { suggestedName: backupFileName(at) };
    deps.send(listener, BACKUP_RUN_REQUEST_EVENT, request);
    return true;
  }

  async function backupTarget(suggestedName: string): Promise<string> {
    const { folder } = await readBackupSettings(settingsFile);
    if (folder === null) throw new Error('Choose a backup folder in the backup settings first.');
    if (!isBackupFileName(suggestedName)) {
      throw new Error('Only Fieldwork backup files can be written to the backup folder.');
    }
    const isFolder = await stat(folder).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (!isFolder) {
      throw new Error(
        `The backup folder "${folder}" cannot be found (is the drive connected?). Choose it again in the backup settings.`,
      );
    }
    return path.join(folder, suggestedName);
  }

  const handlers: ExchangeHandlers = {
    'file:save-stream-begin': async ({ suggestedName, filters, backupFolder }, context) => {
      const owner = ownerOf(context);
      if (backupFolder) {
        const started = await streams.begin(owner, await backupTarget(suggestedName));
        backupStreams.add(started.streamId);
        return { status: 'ready', ...started };
      }
      const answer = await deps.showSaveDialog({
        defaultPath: suggestedName,
        filters,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (answer.canceled || answer.filePath === undefined || answer.filePath === '') {
        return { status: 'canceled' };
      }
      return { status: 'ready', ...(await streams.begin(owner, path.resolve(answer.filePath))) };
    },

    'file:save-stream-write': ({ streamId, chunk }, context) =>
      streams.write(ownerOf(context), streamId, chunk),

    'file:save-stream-end': async ({ streamId }, context) => {
      const saved = await streams.end(ownerOf(context), streamId);
      knownPaths.add(saved.path);
      if (backupStreams.delete(streamId)) backupPaths.add(saved.path);
      return saved;
    },

    'file:save-stream-abort': async ({ streamId }, context) => {
      await streams.abort(ownerOf(context), streamId);
      backupStreams.delete(streamId);
    },

    'file:open-stream': async ({ title, filters }, context) => {
      const owner = ownerOf(context);
      const answer = await deps.showOpenDialog({
        ...(title !== undefined && { title }),
        filters,
        properties: ['openFile'],
      });
      const chosen = answer.filePaths[0];
      if (answer.canceled || chosen === undefined) return { status: 'canceled' };
      const opened = await handles.open(owner, chosen);
      knownPaths.add(path.resolve(chosen));
      return { status: 'opened', ...opened };
    },

    'file:read': ({ handleId, offset, length }, context) =>
      handles.read(ownerOf(context), handleId, offset, length),

    'file:close': ({ handleId }, context) => handles.close(ownerOf(context), handleId),

    'file:pending-opens': async (_argument, context) => {
      const owner = ownerOf(context);
      const paths = queue.drain(owner, (filePath) => deliver(owner, filePath));
      const opened: OpenedHandle[] = [];
      for (const filePath of paths) {
        try {
          opened.push(await handles.open(owner, filePath));
        } catch (error) {
          console.warn('Could not open a file the app was asked to open:', error);
        }
      }
      return opened;
    },

    'backup:get-settings': () => readBackupSettings(settingsFile),

    'backup:choose-folder': async () => {
      const answer = await deps.showOpenDialog({
        title: 'Choose the folder for automatic backups',
        properties: ['openDirectory', 'createDirectory'],
      });
      const chosen = answer.filePaths[0];
      if (answer.canceled || chosen === undefined) return null;
      return updateSettings((current) => ({ ...current, folder: path.resolve(chosen) }));
    },

    'backup:set-settings': async (schedule) => {
      const settings = await updateSettings((current) => ({ ...current, ...schedule }));
      await checkBackup();
      return settings;
    },

    'backup:check': async (_argument, context) => {
      backupListener = ownerOf(context);
      backupRequestedAt = null;
      await checkBackup();
    },

    'backup:completed': async ({ path: reported }) => {
      const saved = path.resolve(reported);
      if (!backupPaths.has(saved)) {
        throw new Error(
          'Only a backup Fieldwork wrote into the backup folder in this session can be recorded.',
        );
      }
      backupPaths.delete(saved);
      backupRequestedAt = null;
      const settings = await updateSettings((current) => ({ ...current, lastBackupAt: now().toISOString() }));
      const removed =
        settings.folder !== null && path.dirname(saved) === settings.folder
          ? await pruneBackups(settings.folder, settings.keep)
          : [];
      return { settings, removed };
    },
  };

  return {
    handlers,
    fileOpened: (filePath) => queue.push(path.resolve(filePath)),
    async windowClosed(ownerId) {
      queue.stop(ownerId);
      if (backupListener === ownerId) {
        backupListener = null;
        backupRequestedAt = null;
      }
      await Promise.all([streams.releaseOwner(ownerId), handles.releaseOwner(ownerId)]);
    },
    checkBackup,
  };
}
