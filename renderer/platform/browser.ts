/**
 * The plain-browser host (browser mode and end-to-end tests): files are saved as downloads and opened
 * through a file input. There is no application menu.
 */
import type { FileFilter } from '@shared/ipc';
import type { LockKeyStore, OpenedSource, Platform, SaveStream } from './types';

const APP_VERSION = import.meta.env.VITE_APP_VERSION ?? 'dev';

function acceptFor(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`)).join(',');
}

/** "Chromium 156", "Firefox 140"… from the user-agent string, for the About dialog. */
export function browserName(userAgent: string): string {
  const match =
    /(Edg|Firefox|OPR)\/(\d+)/.exec(userAgent) ??
    /(HeadlessChrome|Chrome|Chromium)\/(\d+)/.exec(userAgent) ??
    /Version\/(\d+).*(Safari)/.exec(userAgent);
  if (!match) return 'a web browser';
  const names: Record<string, string> = {
    Edg: 'Edge',
    OPR: 'Opera',
    HeadlessChrome: 'Chromium (headless)',
    Chrome: 'Chrome',
  };
  if (match[2] === 'Safari') return `Safari ${match[1] ?? ''}`;
  const name = match[1] ?? '';
  return `${names[name] ?? name} ${match[2] ?? ''}`;
}

/** Offers `blob` as a download named `name`. */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser time to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Lets the user pick one file; null when the picker is canceled. */
function pickFile(filters: FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptFor(filters);
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ?? null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}

/**
 * A download written in pieces: each chunk becomes a Blob part at once (Chromium moves large Blob data to
 * disk), and `close` joins the parts into one Blob and downloads it.
 */
export function blobSaveStream(suggestedName: string, onClose = download): SaveStream {
  let parts: Blob[] | null = [];
  return {
    async write(chunk) {
      if (parts === null) throw new Error('This save was already finished or canceled.');
      parts.push(new Blob([chunk.slice()]));
    },
    async close() {
      if (parts === null) throw new Error('This save was already finished or canceled.');
      const blob = new Blob(parts, { type: 'application/octet-stream' });
      parts = null;
      onClose(suggestedName, blob);
      return { location: suggestedName, name: suggestedName, canReveal: false };
    },
    async abort() {
      parts = null;
    },
  };
}

/** A picked File as a random-access source: reads are `file.slice(a, b).arrayBuffer()`. */
export function fileSource(file: File): OpenedSource {
  return {
    name: file.name,
    size: file.size,
    blob: file,
    async read(offset, length) {
      try {
        return new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
      } catch {
        throw new Error(`Could not read “${file.name}”. Check that the file was not moved or changed.`);
      }
    },
    async close() {},
  };
}

export const BROWSER_LOCK_KEYS_REASON =
  'Only the desktop app can remember an unlock (it keeps it in the operating system’s keychain). ' +
  'In the browser the passphrase is asked each time Fieldwork opens.';

/**
 * A browser has no keychain to keep the lock's data key in; storing it in IndexedDB or localStorage would
 * put it beside the data it protects. So nothing is ever remembered here.
 */
export const browserLockKeys: LockKeyStore = {
  async status() {
    return { available: false, reason: BROWSER_LOCK_KEYS_REASON };
  },
  async remember() {
    throw new Error(BROWSER_LOCK_KEYS_REASON);
  },
  async recall() {
    return null;
  },
  async forget() {},
};

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async info() {
      return {
        kind: 'browser',
        version: APP_VERSION,
        details: `Browser mode · ${browserName(navigator.userAgent)}`,
      };
    },
    async saveFile(suggestedName, bytes) {
      download(suggestedName, new Blob([bytes.slice()]));
      return { location: suggestedName, name: suggestedName, canReveal: false };
    },
    async openFile(filters = []) {
      const file = await pickFile(filters);
      if (!file) return null;
      try {
        return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      } catch {
        throw new Error(`Could not read “${file.name}”. Check that the file is not open elsewhere.`);
      }
    },
    async revealFile() {
      throw new Error('Showing files in their folder needs the desktop app.');
    },
    async openExternal(url) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:') throw new Error('Only https links can be opened.');
      window.open(parsed.href, '_blank', 'noopener,noreferrer');
    },
    onMenuCommand() {
      return () => undefined;
    },
    async saveStream(suggestedName, _filters, options = {}) {
      if (options.backupFolder) throw new Error('Automatic backups need the desktop app.');
      return blobSaveStream(suggestedName);
    },
    async openSource(filters = []) {
      const file = await pickFile(filters);
      return file ? fileSource(file) : null;
    },
    onOpenRequest() {
      return () => undefined;
    },
    async backupSettings() {
      return null;
    },
    async chooseBackupFolder() {
      return null;
    },
    async setBackupSettings() {
      throw new Error('Automatic backups need the desktop app.');
    },
    onBackupRequest() {
      return () => undefined;
    },
    async backupCompleted() {
      throw new Error('Automatic backups need the desktop app.');
    },
    lockKeys: browserLockKeys,
    // A page cannot see the OS screen lock or sleep; the idle auto-lock covers the browser.
    onSystemLock() {
      return () => undefined;
    },
  };
}
