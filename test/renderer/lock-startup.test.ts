/**
 * The startup gate's steps before the database opens (features/lock/startup.ts) on fake-indexeddb: the
 * lock's settings are read with a peek and adopted first, a remembered key (desktop) unlocks only when it
 * fits this lock and is forgotten otherwise, damaged settings stop everything, and an unlock is remembered
 * only when the setting and the host allow it.
 */
import { describe, expect, it, vi } from 'vitest';
import { TEST_KDF } from '../../shared/exchange/crypto';
import { FieldworkDatabase } from '../../renderer/db/database';
import { AT_REST_META_KEY } from '../../renderer/db/at-rest/config';
import { peekDatabase } from '../../renderer/db/at-rest/peek';
import {
  LockSettingsDamagedError,
  prepareStartup,
  rememberUnlock,
} from '../../renderer/features/lock/startup';
import type { LockKeyStore, RememberedUnlock } from '../../renderer/platform/types';
import { createProfile } from '../../renderer/features/profiles/commands';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { freshRepo, type2Input } from './helpers';

const PASSPHRASE = 'correct horse battery staple';
const kdf = { kdf: TEST_KDF };

/** A keychain stand-in that records what it is asked. */
function fakeKeys(recalled: RememberedUnlock | null | Error = null, available = true) {
  const stored: { lockId: string; profileId: string; key: number[]; hours: number }[] = [];
  const keys = {
    status: vi.fn(async () => ({ available, ...(available ? {} : { reason: 'No keychain here.' }) })),
    remember: vi.fn(async (entry: { lockId: string; profileId: string; key: Uint8Array; hours: number }) => {
      // A real store copies the bytes when called (IPC); so does this one.
      stored.push({ ...entry, key: Array.from(entry.key) });
    }),
    recall: vi.fn(async () => {
      if (recalled instanceof Error) throw recalled;
      return recalled;
    }),
    forget: vi.fn(async () => undefined),
  } satisfies LockKeyStore;
  return { keys, stored };
}

/** A database with the lock on (and a second profile without a passphrase), closed as at shutdown. */
async function lockedDatabase() {
  const { db, repo, profile, actor } = await freshRepo();
  const engagement = await createEngagement(repo, actor, type2Input());
  const other = await createProfile(repo, {
    fullName: 'Ben Okafor',
    initials: 'BO',
    firm: 'Harbor & Reed LLP',
    role: 'manager',
  });
  await db.atRest.enable(profile.id, PASSPHRASE, kdf);
  await db.atRest.migrate();
  const key = db.atRest.exportKey();
  const lockId = db.atRest.view().lockId ?? '';
  db.close();
  // What the next start sees: a new database object with a new, empty lock session.
  const next = new FieldworkDatabase(db.name);
  return { db: next, profile, other, key, lockId, engagementId: engagement.id };
}

const startupOf = (db: FieldworkDatabase, keys: ReturnType<typeof fakeKeys>['keys']) =>
  prepareStartup({ session: db.atRest, lockKeys: keys, peek: () => peekDatabase(db.name) });

describe('startup before the database opens', () => {
  it('opens at once when there is no database yet or no lock, without asking the keychain', async () => {
    const fresh = new FieldworkDatabase(`lock-startup-none-${Date.now()}`);
    const { keys } = fakeKeys();
    expect(await startupOf(fresh, keys)).toEqual({ kind: 'open', profileId: null });

    const { db } = await freshRepo();
    db.close();
    const reopened = new FieldworkDatabase(db.name);
    expect(await startupOf(reopened, keys)).toEqual({ kind: 'open', profileId: null });
    expect(reopened.atRest.view().state).toBe('off');
    expect(keys.recall).not.toHaveBeenCalled();
  });

  it('with the lock on and nothing remembered: locked, listing the profiles, database still closed', async () => {
    const { db, profile, other } = await lockedDatabase();
    const { keys } = fakeKeys(null);
    const result = await startupOf(db, keys);
    expect(result.kind).toBe('locked');
    expect(result.kind === 'locked' && result.profiles.map((p) => p.id)).toEqual([profile.id, other.id]);
    expect(db.atRest.view()).toMatchObject({ locked: true, state: 'on', profileSlots: [profile.id] });
    expect(db.isOpen()).toBe(false);
  });

  it('a remembered key of this lock unlocks and signs its profile in; its bytes are wiped after', async () => {
    const { db, profile, key, lockId, engagementId } = await lockedDatabase();
    const remembered = { lockId, profileId: profile.id, key: key.slice(), expiresAt: '2999-01-01T00:00:00Z' };
    const { keys } = fakeKeys(remembered);
    expect(await startupOf(db, keys)).toEqual({ kind: 'open', profileId: profile.id });
    expect(db.atRest.view()).toMatchObject({ locked: false, unlockedBy: profile.id });
    expect(remembered.key.every((b) => b === 0)).toBe(true);
    expect(keys.forget).not.toHaveBeenCalled();
    await db.open();
    expect((await db.engagements.get(engagementId))?.serviceOrganization).toBe('Acme Cloud, Inc.');
  });

  it('a remembered key that does not fit is forgotten and the lock screen shows', async () => {
    const { db, profile, other, key, lockId } = await lockedDatabase();
    for (const remembered of [
      { lockId: 'another-lock', profileId: profile.id, key: key.slice(), expiresAt: '' },
      { lockId, profileId: profile.id, key: new Uint8Array(32).fill(9), expiresAt: '' },
      // A profile without a passphrase cannot be signed in by a remembered key.
      { lockId, profileId: other.id, key: key.slice(), expiresAt: '' },
    ]) {
      const { keys } = fakeKeys(remembered);
      const result = await startupOf(db, keys);
      expect(result.kind).toBe('locked');
      expect(keys.forget).toHaveBeenCalledTimes(1);
      expect(db.atRest.view().locked).toBe(true);
    }
  });

  it('an unreadable keychain is the same as nothing remembered', async () => {
    const { db } = await lockedDatabase();
    const { keys } = fakeKeys(new Error('keychain locked'));
    expect((await startupOf(db, keys)).kind).toBe('locked');
  });

  it('damaged lock settings stop the start with the plain message, and nothing is opened', async () => {
    const { db } = await lockedDatabase();
    const raw = new FieldworkDatabase(db.name);
    await raw.open(); // the lock screen would not; this test damages the row directly
    const row = await raw.meta.get(AT_REST_META_KEY);
    await raw.meta.put({ key: AT_REST_META_KEY, value: { ...(row?.value as object), slots: [] } });
    raw.close();
    const { keys } = fakeKeys();
    const started = startupOf(db, keys);
    await expect(started).rejects.toBeInstanceOf(LockSettingsDamagedError);
    await expect(started).rejects.toThrow(/app lock settings on this computer are damaged/);
    expect(keys.recall).not.toHaveBeenCalled();
  });
});

describe('remembering an unlock', () => {
  async function unlocked() {
    const locked = await lockedDatabase();
    await startupOf(locked.db, fakeKeys().keys);
    await locked.db.atRest.unlock(locked.profile.id, PASSPHRASE);
    return locked;
  }

  it('does nothing while the setting is 0 hours (the default)', async () => {
    const { db, profile } = await unlocked();
    const { keys } = fakeKeys();
    expect(await rememberUnlock(db.atRest, keys, profile.id)).toBe(false);
    expect(keys.remember).not.toHaveBeenCalled();
  });

  it('does nothing where the host cannot keep it (browser), or for a profile without a passphrase', async () => {
    const { db, profile, other } = await unlocked();
    await db.open();
    await db.atRest.setOptions({ rememberHours: 8 });
    const browser = fakeKeys(null, false);
    expect(await rememberUnlock(db.atRest, browser.keys, profile.id)).toBe(false);
    expect(browser.keys.remember).not.toHaveBeenCalled();
    const desktop = fakeKeys();
    expect(await rememberUnlock(db.atRest, desktop.keys, other.id)).toBe(false);
    expect(desktop.keys.remember).not.toHaveBeenCalled();
  });

  it('hands the keychain this lock’s key for the chosen hours, and wipes its own copy', async () => {
    const { db, profile, key, lockId } = await unlocked();
    await db.open();
    await db.atRest.setOptions({ rememberHours: 8 });
    const { keys, stored } = fakeKeys();
    expect(await rememberUnlock(db.atRest, keys, profile.id)).toBe(true);
    expect(stored).toEqual([{ lockId, profileId: profile.id, key: Array.from(key), hours: 8 }]);
    const passed = keys.remember.mock.calls[0]?.[0].key;
    expect(passed?.every((b) => b === 0)).toBe(true);
    // Locked, nothing is remembered.
    db.atRest.lock();
    expect(await rememberUnlock(db.atRest, keys, profile.id)).toBe(false);
  });
});
