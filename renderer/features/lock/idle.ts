/**
 * The idle auto-lock's timer: calls `onIdle` once `timeoutMs` have passed since the last input.
 *
 * Time is measured on the wall clock (`now()`), never by counting timer ticks: browsers slow down or
 * freeze timers in hidden windows and while the computer sleeps, and a laptop closed for an hour must be
 * locked when it is opened again, not 15 minutes later. So the timer only wakes the check; the check
 * compares timestamps. Input just records a timestamp (no timer churn on every mouse move).
 *
 * A long operation (the encryption migration, an export) makes `isBusy()` true: locking would close the
 * database under it, so the lock waits until `check()` is called after the operation ends.
 */

/** The clock and timers the idle timer uses (tests inject fake ones). */
export interface IdleClock {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/**
 * The real clock. Looked up at each call, not captured at import, so tests' fake timers (which replace
 * the globals) apply too.
 */
export const systemClock: IdleClock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimer: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>), // what setTimer returned
};

export interface IdleTimerOptions {
  timeoutMs: number;
  onIdle(): void;
  /** True while something must not be interrupted by the lock. */
  isBusy?: () => boolean;
  clock?: IdleClock;
}

export class IdleTimer {
  private timeoutMs: number;
  private readonly onIdle: () => void;
  private readonly isBusy: () => boolean;
  private readonly clock: IdleClock;
  private last = 0;
  private handle: unknown = null;
  private running = false;

  constructor(options: IdleTimerOptions) {
    this.timeoutMs = IdleTimer.checkedTimeout(options.timeoutMs);
    this.onIdle = options.onIdle;
    this.isBusy = options.isBusy ?? (() => false);
    this.clock = options.clock ?? systemClock;
  }

  private static checkedTimeout(ms: number): number {
    if (!Number.isFinite(ms) || ms <= 0) throw new Error('The idle time must be a positive number.');
    return ms;
  }

  /** Starts counting from now. */
  start(): void {
    this.running = true;
    this.last = this.clock.now();
    this.schedule(this.timeoutMs);
  }

  /** Stops for good (until `start()`); nothing fires after this. */
  stop(): void {
    this.running = false;
    this.clear();
  }

  get active(): boolean {
    return this.running;
  }

  /** Keyboard, mouse, touch or wheel input: the idle time starts again. */
  activity(): void {
    if (this.running) this.last = this.clock.now();
  }

  /** A new idle time (the setting changed), counted from the last input. */
  setTimeoutMs(ms: number): void {
    this.timeoutMs = IdleTimer.checkedTimeout(ms);
    this.check();
  }

  /**
   * Decides now: locks when the idle time has passed (and nothing is busy), otherwise waits for the rest.
   * Call it when the window becomes visible again and when a busy operation ends.
   */
  check(): void {
    if (!this.running) return;
    const idleFor = this.clock.now() - this.last;
    if (idleFor < this.timeoutMs) {
      this.schedule(this.timeoutMs - idleFor);
      return;
    }
    if (this.isBusy()) {
      // Nothing to wait for on the clock: the end of the busy operation calls check() again.
      this.clear();
      return;
    }
    this.stop();
    this.onIdle();
  }

  private schedule(ms: number): void {
    this.clear();
    this.handle = this.clock.setTimer(() => {
      this.handle = null;
      this.check();
    }, ms);
  }

  private clear(): void {
    if (this.handle !== null) this.clock.clearTimer(this.handle);
    this.handle = null;
  }
}
