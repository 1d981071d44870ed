/**
 * Options for the one application window.
 *
 * Every security-relevant `webPreferences` flag is written out explicitly — even where it matches Electron's
 * current default — so a future default change or a copied template cannot silently weaken it, and so the
 * test can assert each one. The window starts hidden and is shown on `ready-to-show` to avoid a white flash.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (`dist/electron/preload.cjs`). */
  preloadPath: string;
  /** Development build: DevTools allowed. Never true in a packaged app. */
  isDev: boolean;
}

/** Matches the app's page background, so the window never flashes white before the first paint. */
export const WINDOW_BACKGROUND_COLOR = '#f7f7f5';

/** Build the `BrowserWindow` options for the main window. */
export function createWindowOptions({
  preloadPath,
  isDev,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Fieldwork',
    backgroundColor: WINDOW_BACKGROUND_COLOR,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: isDev,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}
