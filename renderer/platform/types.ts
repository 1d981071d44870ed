/** What the UI needs from its host, whether Electron or a plain browser. */
import type { FileFilter, MenuCommand } from '@shared/ipc';

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

export interface HostInfo {
  kind: 'electron' | 'browser';
  version: string;
  details: string;
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
}
