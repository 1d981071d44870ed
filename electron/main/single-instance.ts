/**
 * One running Fieldwork at a time.
 *
 * Two instances would share one IndexedDB profile; Chromium would refuse the second's database lock or,
 * worse, the user would edit in two windows believing they are one. So a second launch quits at once and
 * the first instance brings its window forward instead.
 */

/** The part of Electron's `app` used; a real `app` satisfies it. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** The part of a `BrowserWindow` used. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Bring `window` to the front, restoring it when minimised. Does nothing for a missing/destroyed window. */
export function focusWindow(window: FocusableWindow | null | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Take the single-instance lock. Returns false (after asking the app to quit) when another instance holds
 * it — the caller must then stop starting up. Otherwise a later launch focuses `getWindow()`.
 */
export function setupSingleInstance(
  app: SingleInstanceApp,
  getWindow: () => FocusableWindow | null | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusWindow(getWindow()));
  return true;
}
