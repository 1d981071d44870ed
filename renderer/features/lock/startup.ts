/**
 * What happens before the database is opened, and right after an unlock. Kept apart from the React gate
 * (app/StartupGate.tsx) with its dependencies passed in, so it runs under test on fake-indexeddb.
 *
 * Order matters: the lock's configuration is read with a raw IndexedDB peek and adopted BEFORE Dexie
 * opens the database, because opening runs schema upgrades, and upgrading encrypted records needs the key.
 */
import type { Profile } from '@shared/domain/profile';
import type { Peeked } from '../../db/at-rest/peek';
import type { AtRestSession } from '../../db/at-rest/session';
import type { LockKeyStore } from '../../platform/types';
import { lockScreenProfiles } from './words';

/** The lock's stored settings could not be read: nothing can be unlocked, nothing is opened. */
export class LockSettingsDamagedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LockSettingsDamagedError';
  }
}

export type StartupResult =
  /** Not locked (no lock, or unlocked with a remembered key: then `profileId` signs in). */
  | { kind: 'open'; profileId: string | null }
  /** Locked: show the lock screen with these profiles. */
  | { kind: 'locked'; profiles: Profile[] };

export interface StartupDeps {
  session: AtRestSession;
  lockKeys: Pick<LockKeyStore, 'recall' | 'forget'>;
  /** peekDatabase(db.name) */
  peek(): Promise<Peeked | null>;
}

/** Reads the lock's configuration, then tries a remembered unlock (desktop) when the lock is on. */
export async function prepareStartup({ session, lockKeys, peek }: StartupDeps): Promise<StartupResult> {
  const peeked = await peek();
  try {
    session.adopt(peeked?.config);
  } catch (error) {
    throw new LockSettingsDamagedError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  if (!session.view().locked) return { kind: 'open', profileId: null };
  const profileId = await unlockWithRemembered(session, lockKeys);
  if (profileId) return { kind: 'open', profileId };
  return { kind: 'locked', profiles: lockScreenProfiles(peeked?.profiles ?? []) };
}

/**
 * The profile signed in by the key the desktop app remembered, or null. A key that does not fit this lock
 * (another lock, a profile whose passphrase was removed) is forgotten so it is not tried again.
 */
async function unlockWithRemembered(
  session: AtRestSession,
  lockKeys: Pick<LockKeyStore, 'recall' | 'forget'>,
): Promise<string | null> {
  // An unreadable keychain is the same as nothing remembered: the passphrase still works.
  const remembered = await lockKeys.recall().catch(() => null);
  if (!remembered) return null;
  try {
    if (await session.unlockWithKey(remembered.lockId, remembered.profileId, remembered.key)) {
      return remembered.profileId;
    }
  } finally {
    remembered.key.fill(0);
  }
  await lockKeys.forget().catch(() => undefined);
  return null;
}

/**
 * Remembers this unlock with the desktop app (OS keychain) when the lock's setting asks for it and the host
 * can: true when remembered. Only a profile with a passphrase is remembered: the remembered key signs that
 * profile in again, which the lock only allows for profiles it knows.
 */
export async function rememberUnlock(
  session: AtRestSession,
  lockKeys: Pick<LockKeyStore, 'status' | 'remember'>,
  profileId: string,
): Promise<boolean> {
  const view = session.view();
  if (view.locked || !view.lockId || view.rememberHours <= 0) return false;
  if (!view.profileSlots.includes(profileId)) return false;
  if (!(await lockKeys.status()).available) return false;
  const key = session.exportKey();
  try {
    await lockKeys.remember({ lockId: view.lockId, profileId, key, hours: view.rememberHours });
  } finally {
    key.fill(0);
  }
  return true;
}
