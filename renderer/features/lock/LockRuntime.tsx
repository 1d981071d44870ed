/**
 * While the app runs with the lock on: the idle auto-lock, the computer's own screen lock or sleep
 * (desktop), and Ctrl+L (Cmd+L). Rendered beside the app by the startup gate, so it is unmounted with the
 * app whenever Fieldwork locks, and starts counting afresh after each unlock.
 */
import { useEffect } from 'react';
import { db } from '../../db';
import { platform } from '../../platform';
import { IdleTimer } from './idle';
import { lockApp, lockIsOn, useAtRestView } from './session';
import { isLockShortcut } from './words';

/** The input that counts as "in use": keyboard, mouse, touch and wheel (not window focus or visibility). */
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'touchstart', 'wheel'] as const;

export function LockRuntime() {
  const view = useAtRestView();
  const active = lockIsOn(view) && !view.locked;
  const idleMinutes = view.idleMinutes;

  useEffect(() => {
    if (!active) return undefined;
    const timer = new IdleTimer({
      timeoutMs: idleMinutes * 60_000,
      onIdle: lockApp,
      // A migration or export in progress would fail if the database closed under it: wait for its end.
      isBusy: () => db.atRest.view().busy > 0,
    });
    timer.start();
    const onActivity = () => timer.activity();
    const options = { capture: true, passive: true } as const;
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, options);
    // Background windows' timers are slowed down or frozen: decide again as soon as it is seen.
    const onVisible = () => {
      if (document.visibilityState === 'visible') timer.check();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    // A long operation ended: lock now if the idle time passed meanwhile.
    const unsubscribe = db.atRest.subscribe(() => {
      if (db.atRest.view().busy === 0) timer.check();
    });
    return () => {
      timer.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, options);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
      unsubscribe();
    };
  }, [active, idleMinutes]);

  useEffect(() => {
    if (!active) return undefined;
    // The computer's screen locks or it goes to sleep: lock at once, busy or not (the laptop may be left).
    return platform.onSystemLock(lockApp);
  }, [active]);

  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      lockApp();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  return null;
}
