/** The Electron host: everything goes through `window.fieldwork`, the preload's typed IPC bridge. */
import { IPC_ERROR_PREFIX, MAX_STREAM_CHUNK_BYTES, type FieldworkApi, type OpenedHandle } from '@shared/ipc';
import type { LockKeyStore, OpenedSource, Platform, SaveStream } from './types';

/** A file main opened for reading, as a random-access source read in ≤ 16 MiB pieces over IPC. */
export function handleSource(api: FieldworkApi, handle: OpenedHandle): OpenedSource {
  return {
    name: handle.name,
    size: handle.size,
    async read(offset, length) {
      if (length <= MAX_STREAM_CHUNK_BYTES) return api.readHandle(handle.handleId, offset, length);
      const out = new Uint8Array(Math.max(0, Math.min(length, handle.size - offset)));
      let filled = 0;
      while (filled < out.length) {
        const piece = await api.readHandle(
          handle.handleId,
          offset + filled,
          Math.min(MAX_STREAM_CHUNK_BYTES, out.length - filled),
        );
        if (piece.length === 0) break;
        out.set(piece, filled);
        filled += piece.length;
      }
      return filled === out.length ? out : out.slice(0, filled);
    },
    close: () => api.closeHandle(handle.handleId),
  };
}

/** A save main streams to disk; chunks larger than the IPC limit are split. */
function saveStream(api: FieldworkApi, streamId: string): SaveStream {
  return {
    async write(chunk) {
      for (let offset = 0; offset < chunk.length; offset += MAX_STREAM_CHUNK_BYTES) {
        const piece =
          offset === 0 && chunk.length <= MAX_STREAM_CHUNK_BYTES
            ? chunk
            : chunk.subarray(offset, offset + MAX_STREAM_CHUNK_BYTES);
        await api.saveStreamWrite(streamId, piece);
      }
    },
    async close() {
      const saved = await api.saveStreamEnd(streamId);
      return { location: saved.path, name: saved.name, canReveal: true };
    },
    abort: () => api.saveStreamAbort(streamId),
  };
}

/**
 * The plain words of an error main threw: Electron delivers "Error invoking remote method 'x': Error:
 * FieldworkIpcError: <words>", and only the words mean anything to the user.
 */
export function plainIpcError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const at = message.indexOf(IPC_ERROR_PREFIX);
  return at === -1 ? new Error(message) : new Error(message.slice(at + IPC_ERROR_PREFIX.length).trim());
}

/** The lock's data key, remembered by main under the OS keychain (main/lock/key-cache.ts). */
export function electronLockKeys(api: FieldworkApi): LockKeyStore {
  return {
    status: () => api.lockKeyStatus(),
    async remember({ lockId, profileId, key, hours }) {
      // Refusals (no keychain, a Linux session without a keyring) are explained to the user as they are.
      await api.rememberLockKey({ lockId, profileId, key, hours }).catch((error: unknown) => {
        throw plainIpcError(error);
      });
    },
    recall: () => api.recallLockKey(),
    forget: () => api.forgetLockKey(),
  };
}

export function createElectronPlatform(api: FieldworkApi): Platform {
  // Opened files go to the current listeners, or wait for the next one (a view remounting between the
  // unsubscribe and the next subscribe must not lose the file the app was started with).
  const openListeners = new Set<(file: OpenedSource) => void>();
  const undelivered: OpenedSource[] = [];
  let listening = false;
  function dispatch(file: OpenedSource): void {
    if (openListeners.size === 0) undelivered.push(file);
    for (const listener of openListeners) listener(file);
  }

  return {
    kind: 'electron',
    async info() {
      const info = await api.appInfo();
      return {
        kind: 'electron',
        version: info.version,
        details: `Electron ${info.electronVersion} · Chromium ${info.chromeVersion} · ${info.platform}`,
      };
    },
    async saveFile(suggestedName, bytes, filters = []) {
      const result = await api.saveFile({ suggestedName, bytes, filters });
      return result.status === 'saved' ? { location: result.path, name: result.name, canReveal: true } : null;
    },
    async openFile(filters = []) {
      const result = await api.openFile({ filters });
      return result.status === 'opened' ? { name: result.name, bytes: result.bytes } : null;
    },
    revealFile: (location) => api.revealFile(location),
    openExternal: (url) => api.openExternal(url),
    onMenuCommand: (listener) => api.onMenuCommand(listener),

    async saveStream(suggestedName, filters = [], options = {}) {
      const result = await api.saveStreamBegin({
        suggestedName,
        filters,
        backupFolder: options.backupFolder === true,
      });
      return result.status === 'ready' ? saveStream(api, result.streamId) : null;
    },
    async openSource(filters = []) {
      const result = await api.openStream({ filters });
      return result.status === 'opened' ? handleSource(api, result) : null;
    },
    onOpenRequest(listener) {
      openListeners.add(listener);
      if (!listening) {
        listening = true;
        api.onOpenRequest((handle) => dispatch(handleSource(api, handle)));
        // Files that arrived before anyone listened (the double-click that started the app).
        api.pendingOpens().then(
          (handles) => handles.forEach((handle) => dispatch(handleSource(api, handle))),
          (error: unknown) => console.error('Could not fetch the files the app was asked to open:', error),
        );
      }
      for (const file of undelivered.splice(0)) listener(file);
      return () => {
        openListeners.delete(listener);
      };
    },

    backupSettings: () => api.backupSettings(),
    chooseBackupFolder: () => api.chooseBackupFolder(),
    setBackupSettings: (schedule) => api.setBackupSettings(schedule),
    onBackupRequest(listener) {
      const unsubscribe = api.onBackupRequest(listener);
      api
        .backupCheck()
        .catch((error: unknown) => console.error('Could not check the backup schedule:', error));
      return unsubscribe;
    },
    async backupCompleted(location) {
      await api.backupCompleted(location);
    },

    lockKeys: electronLockKeys(api),
    onSystemLock: (listener) => api.onSystemLock(() => listener()),
  };
}
