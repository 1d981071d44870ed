/**
 * The idle auto-lock's timer under fake timers: it locks after the idle time and not before, input starts
 * the time again, a busy operation holds the lock off until it ends, and time passes the same when the
 * window's timers are frozen (a hidden window, a sleeping laptop).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer, type IdleClock } from '../../../renderer/features/lock/idle';

const MINUTE = 60_000;

describe('IdleTimer with the real clock under fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks once the idle time has passed, not before', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer({ timeoutMs: 15 * MINUTE, onIdle });
    timer.start();
    vi.advanceTimersByTime(15 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(timer.active).toBe(false);
    // Once locked it stays quiet: the next unlock starts a new timer.
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts the idle time again on every input', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer({ timeoutMs: 15 * MINUTE, onIdle });
    timer.start();
    vi.advanceTimersByTime(10 * MINUTE);
    timer.activity();
    vi.advanceTimersByTime(10 * MINUTE); // 20 minutes since start, 10 since the input
    expect(onIdle).not.toHaveBeenCalled();
    timer.activity();
    vi.advanceTimersByTime(14 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('waits for a busy operation to end, then locks at once if the idle time passed meanwhile', () => {
    const onIdle = vi.fn();
    let busy = true;
    const timer = new IdleTimer({ timeoutMs: 5 * MINUTE, onIdle, isBusy: () => busy });
    timer.start();
    vi.advanceTimersByTime(30 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    busy = false;
    timer.check(); // the operation ended
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('after a busy operation, input during it still counts', () => {
    const onIdle = vi.fn();
    let busy = true;
    const timer = new IdleTimer({ timeoutMs: 5 * MINUTE, onIdle, isBusy: () => busy });
    timer.start();
    vi.advanceTimersByTime(6 * MINUTE);
    timer.activity(); // the auditor watched the progress and moved the mouse
    vi.advanceTimersByTime(1 * MINUTE);
    busy = false;
    timer.check();
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(4 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('applies a shorter idle time from the last input, and stop() prevents any lock', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer({ timeoutMs: 15 * MINUTE, onIdle });
    timer.start();
    vi.advanceTimersByTime(3 * MINUTE);
    timer.setTimeoutMs(2 * MINUTE); // already idle for longer than the new setting
    expect(onIdle).toHaveBeenCalledTimes(1);

    const other = vi.fn();
    const stopped = new IdleTimer({ timeoutMs: MINUTE, onIdle: other });
    stopped.start();
    stopped.stop();
    vi.advanceTimersByTime(10 * MINUTE);
    stopped.check();
    expect(other).not.toHaveBeenCalled();
  });

  it('refuses a zero or negative idle time', () => {
    expect(() => new IdleTimer({ timeoutMs: 0, onIdle: () => undefined })).toThrow(/positive/);
    expect(() => new IdleTimer({ timeoutMs: Number.NaN, onIdle: () => undefined })).toThrow(/positive/);
  });
});

/** A clock whose timers only fire when told to: a hidden window whose timers the browser froze. */
function frozenClock() {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  const clock: IdleClock = {
    now: () => now,
    setTimer(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimer(handle) {
      timers.delete(handle as number); // what setTimer returned
    },
  };
  return {
    clock,
    /** Wall-clock time passes; no timer fires. */
    pass(ms: number) {
      now += ms;
    },
    /** The browser finally runs the timers that are due (late). */
    fireDue() {
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.callback();
        }
      }
    },
    pending: () => timers.size,
  };
}

describe('IdleTimer when timers are frozen or late', () => {
  it('counts the time a hidden window spent with frozen timers: visible again, it locks at once', () => {
    const fake = frozenClock();
    const onIdle = vi.fn();
    const timer = new IdleTimer({ timeoutMs: 15 * 60_000, onIdle, clock: fake.clock });
    timer.start();
    fake.pass(40 * 60_000); // hidden for 40 minutes, no timer ran
    expect(onIdle).not.toHaveBeenCalled();
    timer.check(); // visibilitychange → visible
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('a timer firing late locks by the wall clock, and one firing early waits for the rest', () => {
    const fake = frozenClock();
    const onIdle = vi.fn();
    const timer = new IdleTimer({ timeoutMs: 10 * 60_000, onIdle, clock: fake.clock });
    timer.start();
    fake.pass(4 * 60_000);
    timer.activity();
    fake.pass(6 * 60_000);
    fake.fireDue(); // the first timer was due at 10 min, but input came at 4 min: reschedule
    expect(onIdle).not.toHaveBeenCalled();
    expect(fake.pending()).toBe(1);
    fake.pass(30 * 60_000); // throttled: fires much later than asked
    fake.fireDue();
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(fake.pending()).toBe(0);
  });

  it('keeps one timer however much input arrives (mouse moves do not create timers)', () => {
    const fake = frozenClock();
    const timer = new IdleTimer({ timeoutMs: 60_000, onIdle: () => undefined, clock: fake.clock });
    timer.start();
    for (let i = 0; i < 1000; i += 1) {
      fake.pass(10);
      timer.activity();
    }
    expect(fake.pending()).toBe(1);
  });
});
