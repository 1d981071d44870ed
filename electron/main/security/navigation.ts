/**
 * Navigation and window-open guards for every webContents.
 *
 * The UI is a single-page app: it never needs to navigate its window elsewhere, open a second window or
 * embed a `<webview>`. Any of those would mean running untrusted content next to the preload bridge, so all
 * are refused. A link the user clicks (`target=_blank`) arrives at the window-open handler; if it is an https
 * URL it is handed to the external-link opener (which re-validates it) and opened in the user's browser.
 *
 * The decisions are pure functions so they can be tested without Electron; `attachNavigationGuards` only
 * wires them to a webContents (or to any object with the same `on`/`setWindowOpenHandler` shape).
 */

/** The part of an Electron event the guards use. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The subset of Electron's `WebContents` the guards attach to; a real `WebContents` satisfies it. */
export interface GuardableWebContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Receives a URL that passed the guard's own https check; expected to be the validating external opener. */
export type ExternalOpener = (url: string) => Promise<void>;

/** Called when something is refused or fails, for logging. Defaults to `console.warn`. */
export type GuardLogger = (message: string) => void;

/** Events whose default action is always cancelled. */
export const BLOCKED_EVENTS = [
  'will-navigate',
  'will-frame-navigate',
  'will-redirect',
  'will-attach-webview',
] as const;

/** Cancel a navigation, redirect or webview attachment. */
export function preventNavigation(event: PreventableEvent): void {
  event.preventDefault();
}

/** True when `raw` parses as an `https:` URL (the opener still applies its full checks). */
export function isHttpsUrl(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The window-open decision: never create a window; pass https links to `openExternal`.
 * The returned promise-free object is what Electron's `setWindowOpenHandler` expects.
 */
export function handleWindowOpen(
  url: string,
  openExternal: ExternalOpener,
  log: GuardLogger = console.warn,
): { action: 'deny' } {
  if (isHttpsUrl(url)) {
    openExternal(url).catch((error: unknown) => {
      log(`Fieldwork: did not open external link: ${error instanceof Error ? error.message : String(error)}`);
    });
  } else {
    log(`Fieldwork: blocked a new window for a non-https URL`);
  }
  return { action: 'deny' };
}

/** Attach all guards to `contents`. Call for every webContents (e.g. from `app.on('web-contents-created')`). */
export function attachNavigationGuards(
  contents: GuardableWebContents,
  openExternal: ExternalOpener,
  log: GuardLogger = console.warn,
): void {
  contents.on('will-navigate', preventNavigation);
  contents.on('will-frame-navigate', preventNavigation);
  contents.on('will-redirect', preventNavigation);
  contents.on('will-attach-webview', preventNavigation);
  contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, openExternal, log));
}
