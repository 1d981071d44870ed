/**
 * The one place that knows whether the UI runs inside Electron (the preload exposed `window.fieldwork`)
 * or in a plain browser. Everything else asks `platform`.
 */
import type { FieldworkApi } from '@shared/ipc';
import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';

declare global {
  interface Window {
    fieldwork?: FieldworkApi;
  }
}

export const platform: Platform = window.fieldwork
  ? createElectronPlatform(window.fieldwork)
  : createBrowserPlatform();

export type { Platform, SavedFile, OpenedFile, HostInfo } from './types';
