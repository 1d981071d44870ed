/** What the UI needs from its host, whether Electron or a plain browser. */
import type { BackupRunRequest, BackupSchedule, BackupSettings, FileFilter, MenuCommand } from '@shared/ipc';
import type { RandomAccessSource } from '@shared/exchange/types';

export interface SavedFile {
  /** Where the file went: a full path in Electron, the download name in a browser. */
  location: string;
  name: string;
  /** Electron only: the file can be shown in its folder. */
  canReveal: boolean;
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file being written in pieces (an exchange package): write chunks in order, then close or abort. */
export interface SaveStream {
  /** Appends a chunk (any size; split into ≤ 16 MiB pieces on the way to disk in Electron). */
  write(chunk: Uint8Array): Promise<void>;
  /** Finishes the file: in Electron flushed and moved into place atomically; in a browser downloaded. */
  close(): Promise<SavedFile>;
  /** Discards what was written; an existing file with the same name stays as it was. */
  abort(): Promise<void>;
}

/** A file opened for reading in pieces (an exchange package of possibly several GB). */
export interface OpenedSource extends RandomAccessSource {
  readonly name: string;
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Releases the file (Electron closes its handle); reading afterwards fails. */
  close(): Promise<void>;
  /** Browser only: the File itself, so stored evidence can be kept as `blob.slice(...)` without copying. */
  readonly blob?: Blob;
}

export interface SaveStreamOptions {
  /**
   * Desktop only: write into the backup folder chosen in the backup settings, without a dialog. The name
   * must be the one from the backup request (`Fieldwork backup YYYY-MM-DD HHmm.fieldwork`).
   */
  backupFolder?: boolean;
}

export interface HostInfo {
  kind: 'electron' | 'browser';
  version: string;
  details: string;
}

/**
 * The app lock's data key remembered by the desktop app for a while after an unlock, so a restart within
 * that time does not ask for the passphrase again. Stored by the main process encrypted with the
 * operating system's keychain (Electron `safeStorage`), never in plain; a browser has no such store.
 */
export interface RememberedUnlock {
  /** The app lock this key belongs to (`AtRestConfig.lockId`); a key for another lock is ignored. */
  lockId: string;
  /** The profile that unlocked; the app signs it in again. */
  profileId: string;
  /** The 32-byte data key. */
  key: Uint8Array;
  /** ISO time after which the key is no longer returned (and is deleted). */
  expiresAt: string;
}

export interface LockKeyStatus {
  available: boolean;
  /** Why the unlock cannot be remembered here, in plain words (no keychain, browser…). */
  reason?: string;
}

export interface LockKeyStore {
  /** Whether this host can remember an unlock securely (desktop with an OS keychain). */
  status(): Promise<LockKeyStatus>;
  /** Remembers `key` for `hours` (1–72); replaces what was remembered. Rejects when not available. */
  remember(entry: { lockId: string; profileId: string; key: Uint8Array; hours: number }): Promise<void>;
  /** The remembered key if one is stored and not expired; expired or unreadable entries are deleted. */
  recall(): Promise<RememberedUnlock | null>;
  /** Deletes whatever is remembered (locking, turning the lock off, changing the passphrase). */
  forget(): Promise<void>;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  info(): Promise<HostInfo>;
  /** Saves bytes to a file the user chooses; `null` when the user cancels. */
  saveFile(suggestedName: string, bytes: Uint8Array, filters?: FileFilter[]): Promise<SavedFile | null>;
  /** Reads a file the user chooses; `null` when the user cancels. */
  openFile(filters?: FileFilter[]): Promise<OpenedFile | null>;
  revealFile(location: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** Application-menu commands (Electron only; the browser has none). Returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;

  /** Starts writing a file the user chooses, in pieces; `null` when the user cancels. */
  saveStream(
    suggestedName: string,
    filters?: FileFilter[],
    options?: SaveStreamOptions,
  ): Promise<SaveStream | null>;
  /** Opens a file the user chooses for reading in pieces; `null` when the user cancels. */
  openSource(filters?: FileFilter[]): Promise<OpenedSource | null>;
  /**
   * `.fieldwork` files the app was asked to open (double-click, second launch; desktop only). Files that
   * arrived before the call are delivered right after subscribing. Returns the unsubscribe function.
   */
  onOpenRequest(listener: (file: OpenedSource) => void): () => void;

  /** Automatic backup settings; `null` in a browser (no automatic backups there). */
  backupSettings(): Promise<BackupSettings | null>;
  /** Lets the user choose the backup folder; the new settings, or `null` when canceled or in a browser. */
  chooseBackupFolder(): Promise<BackupSettings | null>;
  /** Changes the schedule (desktop only; rejects in a browser). Turning it on needs a folder first. */
  setBackupSettings(schedule: BackupSchedule): Promise<BackupSettings>;
  /**
   * Called when a scheduled backup is due (desktop only): write it with
   * `saveStream(request.suggestedName, filters, { backupFolder: true })`, then call `backupCompleted`.
   * Subscribing tells the desktop app the window is ready, which checks at once. Returns the unsubscribe.
   */
  onBackupRequest(listener: (request: BackupRunRequest) => void): () => void;
  /** Records the backup written at `location` (from `SaveStream.close()`) and prunes old ones. */
  backupCompleted(location: string): Promise<void>;

  /** Where the app lock's data key can be remembered between launches (desktop only). */
  readonly lockKeys: LockKeyStore;
  /**
   * The operating system locked the screen or is going to sleep (desktop only; a browser never calls it):
   * the app locks itself too. Returns the unsubscribe function.
   */
  onSystemLock(listener: () => void): () => void;
}
