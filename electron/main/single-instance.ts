/**
 * One running Fieldwork at a time.
 *
 * Two instances would share one IndexedDB profile; Chromium would refuse the second's database lock or,
 * worse, the user would edit in two windows believing they are one. So a second launch quits at once and
 * the first instance brings its window forward instead — and opens the `.fieldwork` file the second launch
 * was given (a double-click while the app runs, on Windows and Linux), which Electron forwards as its argv.
 */

/** The part of Electron's `app` used; a real `app` satisfies it. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown;
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
 * it — the caller must then stop starting up. Otherwise a later launch focuses `getWindow()` and hands its
 * command line (and working directory) to `onSecondLaunch`, e.g. to open the file it names.
 */
export function setupSingleInstance(
  app: SingleInstanceApp,
  getWindow: () => FocusableWindow | null | undefined,
  onSecondLaunch?: (argv: readonly string[], workingDirectory: string) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow(getWindow());
    if (onSecondLaunch && Array.isArray(argv)) onSecondLaunch(argv, workingDirectory ?? '');
  });
  return true;
}
