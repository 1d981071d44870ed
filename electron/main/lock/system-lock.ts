/**
 * Telling the UI that the computer locked its screen or is going to sleep, so the app locks too: someone
 * who walks up to an unlocked laptop after it wakes should meet the passphrase prompt, not the evidence.
 *
 * Main only forwards the event; the renderer locks, and it calls `lock:key-forget` when it does, so a
 * remembered unlock does not outlive the lock. Electron reports `lock-screen` on macOS and Windows only;
 * `suspend` everywhere. On Linux a screen lock without sleep is therefore covered by the idle auto-lock.
 */
import { SYSTEM_LOCK_EVENT, type SystemLockReason } from '../../../shared/ipc/events';

/** The part of Electron's `powerMonitor` used here (an EventEmitter in tests). */
export interface PowerMonitorLike {
  on(event: 'lock-screen', listener: () => void): unknown;
  on(event: 'suspend', listener: () => void): unknown;
  removeListener(event: 'lock-screen', listener: () => void): unknown;
  removeListener(event: 'suspend', listener: () => void): unknown;
}

/** The part of a `BrowserWindow` used here. */
export interface LockableWindow {
  isDestroyed(): boolean;
  readonly webContents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };
}

/** Sends `SYSTEM_LOCK_EVENT` with the reason to every live window. */
export function sendSystemLock(windows: Iterable<LockableWindow>, reason: SystemLockReason): void {
  for (const window of windows) {
    if (!window.isDestroyed() && !window.webContents.isDestroyed()) {
      window.webContents.send(SYSTEM_LOCK_EVENT, reason);
    }
  }
}

/**
 * Subscribes to the power monitor (call after `ready`: powerMonitor cannot be used before) and forwards
 * each lock or sleep to the windows `windows()` returns at that moment. Returns the unsubscribe function.
 */
export function forwardSystemLock(
  powerMonitor: PowerMonitorLike,
  windows: () => Iterable<LockableWindow>,
): () => void {
  const onLockScreen = () => sendSystemLock(windows(), 'lock-screen');
  const onSuspend = () => sendSystemLock(windows(), 'suspend');
  powerMonitor.on('lock-screen', onLockScreen);
  powerMonitor.on('suspend', onSuspend);
  return () => {
    powerMonitor.removeListener('lock-screen', onLockScreen);
    powerMonitor.removeListener('suspend', onSuspend);
  };
}
