/**
 * The app lock as the UI uses it: the live view of `db.atRest`, the one migration runner, locking, and
 * which lock dialog is open. The React gate (app/StartupGate.tsx) reacts to `view().locked`: it replaces
 * the app with the lock screen (unmounting every screen) and then closes the database.
 */
import { useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { db } from '../../db';
import type { AtRestView } from '../../db/at-rest/session';
import { DRAFT_KEY_PREFIX } from '../../app/autosave/useRecordAutosave';
import { platform } from '../../platform';
import { createMigrationRunner, type MigrationRun } from './migration';
import { deriveInWorker } from './deriveInWorker';

// Argon2id runs in a Worker, so the lock screen keeps painting while the passphrase is checked.
db.atRest.deriveWith(deriveInWorker);

const subscribeAtRest = (listener: () => void) => db.atRest.subscribe(listener);
const atRestView = () => db.atRest.view();

/** The lock's state, re-rendering on every change. */
export function useAtRestView(): AtRestView {
  return useSyncExternalStore(subscribeAtRest, atRestView);
}

/** True when the lock is on (or being turned on or off). */
export function lockIsOn(view: AtRestView): boolean {
  return view.state !== 'off';
}

export const migrationRunner = createMigrationRunner({
  session: db.atRest,
  storage: localStorage,
  draftPrefix: DRAFT_KEY_PREFIX,
  forgetRememberedKey: () => platform.lockKeys.forget(),
});

const subscribeRun = (listener: () => void) => migrationRunner.subscribe(listener);
const currentRun = () => migrationRunner.get();

export function useMigrationRun(): MigrationRun {
  return useSyncExternalStore(subscribeRun, currentRun);
}

/** Why the settings dialog was opened: `recovered` after an unlock with the recovery key. */
export type LockDialogIntent = 'settings' | 'recovered';

interface LockDialogState {
  /** The App lock dialog. */
  settings: LockDialogIntent | null;
  /** A profile without a passphrase was signed in while the lock is on: offer to set one. */
  offerFor: string | null;
  openSettings(intent?: LockDialogIntent): void;
  closeSettings(): void;
  offer(profileId: string | null): void;
  /** A profile with a passphrase the auditor wants to switch to while the lock is on: asked first. */
  switchTo: string | null;
  askSwitch(profileId: string | null): void;
}

export const useLockDialogs = create<LockDialogState>()((set) => ({
  settings: null,
  offerFor: null,
  openSettings: (intent = 'settings') => {
    // A run that finished earlier (e.g. the resume at start) is not shown again as "done".
    migrationRunner.reset();
    set({ settings: intent, offerFor: null });
  },
  closeSettings: () => set({ settings: null }),
  offer: (profileId) => set({ offerFor: profileId }),
  switchTo: null,
  askSwitch: (profileId) => set({ switchTo: profileId }),
}));

/**
 * Locks now: the key is wiped at once (nothing more can be read or written), a remembered unlock is
 * forgotten, and the gate swaps the app for the lock screen. Typed but unsaved text stays in the sealed
 * drafts and comes back after unlocking.
 */
export function lockApp(): void {
  if (!lockIsOn(db.atRest.view()) || db.atRest.view().locked) return;
  db.atRest.lock();
  tellOtherWindows('lock');
  void platform.lockKeys.forget().catch(() => undefined);
  // The settings shown before locking are not reopened after unlocking.
  useLockDialogs.setState({ settings: null, offerFor: null });
}

/**
 * Other windows of the same origin (tabs of the web build) follow this one: locking here locks them,
 * and after the lock is turned on or off they reload, so they read the new settings instead of failing on
 * records they can no longer read. The desktop app has one window; the channel costs nothing there.
 */
type LockMessage = 'lock' | 'settings-changed';
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('fieldwork-app-lock');

export function tellOtherWindows(message: LockMessage): void {
  channel?.postMessage(message);
}

if (channel) {
  channel.onmessage = (event: MessageEvent<LockMessage>) => {
    if (event.data === 'lock') lockApp();
    else if (event.data === 'settings-changed') window.location.reload();
  };
}

/** The menu's "Lock Fieldwork": locks when the lock is on, else opens its settings to turn it on. */
export function lockOrSetUp(): void {
  const view = db.atRest.view();
  if (lockIsOn(view)) lockApp();
  else useLockDialogs.getState().openSettings();
}
