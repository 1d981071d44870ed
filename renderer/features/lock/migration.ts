/**
 * Runs the app lock's migration (encrypting everything when the lock is turned on, decrypting when it is
 * turned off) for the screens that show it: the settings dialog and the startup screen share one run, so
 * closing the dialog does not stop it and opening it again shows where it is.
 *
 * Around the run it keeps the unsaved drafts (localStorage) in step with the lock: sealed once the lock
 * is on, and decrypted BEFORE turning off finishes — the session forgets the key when it finishes, and a
 * draft still sealed then could never be read again.
 */
import { AppLockedError } from '@shared/at-rest';
import { restoreDrafts } from '../../db/at-rest/drafts';
import type { AtRestSession, MigrationProgress } from '../../db/at-rest/session';
import type { MigrationDirection } from './words';

export type MigrationRun =
  | { status: 'idle' }
  | {
      status: 'running';
      direction: MigrationDirection;
      progress: MigrationProgress | null;
      /** When this run started and how far the data was then (for the time estimate). */
      startedAt: number;
      startDone: number;
      /** When `progress` was reported. */
      updatedAt: number;
      pausing: boolean;
    }
  | { status: 'paused'; direction: MigrationDirection; progress: MigrationProgress | null }
  | { status: 'done'; direction: MigrationDirection; total: number }
  | { status: 'failed'; direction: MigrationDirection; error: unknown };

export interface MigrationRunnerDeps {
  session: AtRestSession;
  /** Where drafts are kept, and their key prefix. */
  storage: Storage;
  draftPrefix: string;
  /** Forgets a remembered unlock (turning the lock off). */
  forgetRememberedKey(): Promise<void>;
  now?: () => number;
  /** Records per batch (tests use small ones). */
  batchSize?: number;
}

export interface MigrationRunner {
  get(): MigrationRun;
  subscribe(listener: () => void): () => void;
  /** Starts (or resumes from its checkpoint) the pending migration; resolves to how this run ended. */
  start(): Promise<MigrationRun>;
  /** Stops after the batch in progress; the checkpoint keeps everything done so far. */
  pause(): void;
  /** Forgets a finished, paused or failed run (the dialog was closed). */
  reset(): void;
}

/** Locking (or closing the database) in the middle stops a run like Pause: it resumes after unlocking. */
function interruptedByLock(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return error instanceof AppLockedError || name === 'AppLockedError' || name === 'DatabaseClosedError';
}

export function createMigrationRunner(deps: MigrationRunnerDeps): MigrationRunner {
  const now = deps.now ?? (() => Date.now());
  const listeners = new Set<() => void>();
  let run: MigrationRun = { status: 'idle' };
  let current: Promise<MigrationRun> | null = null;
  let signal = { aborted: false };

  const set = (next: MigrationRun) => {
    run = next;
    for (const listener of listeners) listener();
  };
  const keepDrafts = () => {
    try {
      restoreDrafts(deps.session, deps.storage, deps.draftPrefix);
    } catch {
      // Storage unavailable: drafts then live in memory only, as the autosave already assumes.
    }
  };

  async function execute(direction: MigrationDirection): Promise<MigrationRun> {
    const start = deps.session.view().migration;
    signal = { aborted: false };
    const startedAt = now();
    set({
      status: 'running',
      direction,
      progress: null,
      startedAt,
      startDone: start?.done ?? 0,
      updatedAt: startedAt,
      pausing: false,
    });
    // Drafts follow the lock's current mode: sealed while turning on, plain while turning off (this is
    // the last moment the key is there to read sealed ones).
    keepDrafts();
    try {
      const outcome = await deps.session.migrate({
        signal,
        ...(deps.batchSize ? { batchSize: deps.batchSize } : {}),
        onProgress: (progress) => {
          if (run.status === 'running') set({ ...run, progress, updatedAt: now() });
        },
      });
      const progress = run.status === 'running' ? run.progress : null;
      if (outcome === 'paused') {
        set({ status: 'paused', direction, progress });
        return run;
      }
      if (direction === 'seal') keepDrafts();
      else await deps.forgetRememberedKey().catch(() => undefined);
      set({ status: 'done', direction, total: progress?.total ?? 0 });
    } catch (error) {
      const progress = run.status === 'running' ? run.progress : null;
      set(
        interruptedByLock(error)
          ? { status: 'paused', direction, progress }
          : { status: 'failed', direction, error },
      );
    }
    return run;
  }

  return {
    get: () => run,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (current) return current;
      const pending = deps.session.view().migration;
      if (!pending) return Promise.resolve(run);
      const running = execute(pending.direction).finally(() => {
        current = null;
      });
      current = running;
      return running;
    },
    pause() {
      signal.aborted = true;
      if (run.status === 'running') set({ ...run, pausing: true });
    },
    reset() {
      if (run.status !== 'running') set({ status: 'idle' });
    },
  };
}
