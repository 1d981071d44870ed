/** The Electron host: everything goes through `window.fieldwork`, the preload's typed IPC bridge. */
import type { FieldworkApi } from '@shared/ipc';
import type { Platform } from './types';

export function createElectronPlatform(api: FieldworkApi): Platform {
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
  };
}
