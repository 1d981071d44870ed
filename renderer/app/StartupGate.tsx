/**
 * Opens the database before anything else renders, and explains the failures an auditor can meet: storage
 * switched off (private windows), data written by a newer Fieldwork, another window holding an upgrade,
 * damaged app-lock settings.
 *
 * With the app lock on, the order is: read the lock's settings without opening the database (a raw peek;
 * opening runs schema upgrades, which need the key for encrypted records), unlock (a key the desktop app
 * remembered, or the lock screen), open, finish an interrupted migration, then the app. While the app
 * runs, locking (Lock, idle time, the computer's screen lock) swaps the app for the lock screen, which
 * unmounts every screen, and then closes the database so no decrypted record stays cached.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Dexie } from 'dexie';
import type { Profile } from '@shared/domain/profile';
import { db } from '../db';
import { LATEST_SCHEMA_VERSION } from '../db/schema';
import { peekDatabase } from '../db/at-rest/peek';
import { platform } from '../platform';
import { useAppStore } from '../store';
import { describeError, ErrorDetails } from '../components/ErrorText';
import { LockScreen, type UnlockedBy } from '../features/lock/LockScreen';
import { MigrationScreen } from '../features/lock/MigrationScreen';
import { LockRuntime } from '../features/lock/LockRuntime';
import { useAtRestView, useLockDialogs } from '../features/lock/session';
import { LockSettingsDamagedError, prepareStartup, rememberUnlock } from '../features/lock/startup';
import { lockScreenProfiles } from '../features/lock/words';

/** The database was upgraded by a newer Fieldwork (Dexie 4 would otherwise open it anyway). */
export class NewerDataError extends Error {
  constructor(found: number) {
    super(`database schema version ${found} is newer than this app's ${LATEST_SCHEMA_VERSION}`);
    this.name = 'NewerDataError';
  }
}

type Phase =
  | { kind: 'starting' }
  | { kind: 'locked'; profiles: Profile[] | null }
  | { kind: 'opening' }
  | { kind: 'migrating' }
  | { kind: 'open' }
  | { kind: 'failed'; title: string; text: string; detail: string };

/** Plain words for a database that would not open. */
export function explainOpenError(error: unknown): { title: string; text: string } {
  if (error instanceof LockSettingsDamagedError) {
    return { title: 'The app lock settings are damaged', text: error.message };
  }
  if (error instanceof Dexie.VersionError || error instanceof NewerDataError) {
    return {
      title: 'This data is from a newer Fieldwork',
      text: 'The engagements on this computer were saved by a newer version of Fieldwork. Install that version (or newer) to open them; nothing has been changed.',
    };
  }
  // Dexie's errors when opening; a DOMException of the same name from the raw peek that runs first.
  const name = (error as { name?: string } | null)?.name;
  if (
    error instanceof Dexie.MissingAPIError ||
    error instanceof Dexie.InvalidStateError ||
    name === 'InvalidStateError' ||
    name === 'SecurityError' ||
    typeof indexedDB === 'undefined'
  ) {
    return {
      title: 'Local storage is not available',
      text: 'Fieldwork keeps engagements in the browser’s local database, which is switched off here (for example in a private window). Open Fieldwork in a normal window or use the desktop app.',
    };
  }
  if (error instanceof Dexie.DatabaseClosedError || error instanceof Dexie.OpenFailedError) {
    return {
      title: 'The local database could not be opened',
      text: 'Another Fieldwork window may be upgrading the data. Close other Fieldwork windows and reload. If the disk is full, free some space first.',
    };
  }
  return {
    title: 'The local database could not be opened',
    text: 'Reload Fieldwork. If this keeps happening, send the details below to support; your data has not been changed.',
  };
}

function failure(error: unknown): Phase {
  return {
    kind: 'failed',
    ...explainOpenError(error),
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

/** Opens the database; refuses a schema this version does not know (closes and explains instead). */
async function openDatabase(): Promise<void> {
  await db.open();
  // Dexie 4 opens a higher-versioned database anyway, so compare the native version (Dexie × 10).
  const found = Math.floor(db.backendDB().version / 10);
  if (found > LATEST_SCHEMA_VERSION) {
    db.close();
    throw new NewerDataError(found);
  }
}

export function StartupGate({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const view = useAtRestView();
  const setCurrentProfile = useAppStore((s) => s.setCurrentProfile);
  const notify = useAppStore((s) => s.notify);

  /** Opens the database, then the pending migration (if any) or the app. */
  const open = useRef(async () => {
    setPhase({ kind: 'opening' });
    try {
      await openDatabase();
      setPhase(db.atRest.view().migration ? { kind: 'migrating' } : { kind: 'open' });
    } catch (error) {
      setPhase(failure(error));
    }
  });

  // Once, at start (the ref keeps React's development double-run from peeking and recalling twice).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    prepareStartup({
      session: db.atRest,
      lockKeys: platform.lockKeys,
      peek: () => peekDatabase(db.name),
    }).then(
      (result) => {
        if (result.kind === 'locked') {
          setPhase({ kind: 'locked', profiles: result.profiles });
          return;
        }
        if (result.profileId) setCurrentProfile(result.profileId);
        void open.current();
      },
      (error: unknown) => setPhase(failure(error)),
    );
  }, [setCurrentProfile]);

  // Locked while the app runs: this render already shows the lock screen in place of the app (so every
  // screen has unmounted); now close the database and read the profiles for the lock screen.
  const locked = view.locked;
  const running = phase.kind === 'open' || phase.kind === 'migrating';
  useEffect(() => {
    if (!locked || !running) return;
    db.close();
    peekDatabase(db.name).then(
      (peeked) => setPhase({ kind: 'locked', profiles: lockScreenProfiles(peeked?.profiles ?? []) }),
      () => setPhase({ kind: 'locked', profiles: [] }),
    );
  }, [locked, running]);

  function unlocked(profileId: string | null, by: UnlockedBy) {
    if (profileId) {
      setCurrentProfile(profileId);
      rememberUnlock(db.atRest, platform.lockKeys, profileId).catch((error: unknown) => {
        const { text, detail } = describeError(error);
        notify(
          'error',
          `Fieldwork could not remember this unlock, so it will ask again next time: ${text}`,
          detail,
        );
      });
    }
    // After the recovery key the passphrase was probably forgotten: offer to set a new one at once.
    if (by === 'recovery key') useLockDialogs.getState().openSettings('recovered');
    void open.current();
  }

  if (phase.kind === 'starting') return <p className="loading">Opening Fieldwork…</p>;
  if (phase.kind === 'failed') {
    return (
      <main className="setup">
        <div className="setup-card" role="alert">
          <h1>{phase.title}</h1>
          <p>{phase.text}</p>
          <ErrorDetails detail={phase.detail} />
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
        </div>
      </main>
    );
  }
  if (phase.kind === 'locked' || view.locked) {
    return <LockScreen profiles={phase.kind === 'locked' ? phase.profiles : null} onUnlocked={unlocked} />;
  }
  if (phase.kind === 'opening') return <p className="loading">Opening Fieldwork…</p>;
  if (phase.kind === 'migrating') return <MigrationScreen onDone={() => setPhase({ kind: 'open' })} />;
  return (
    <>
      {children}
      <LockRuntime />
    </>
  );
}
