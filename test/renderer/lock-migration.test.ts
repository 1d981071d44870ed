/**
 * The migration runner the App lock dialog and the startup screen share (features/lock/migration.ts), on
 * fake-indexeddb: it runs the lock's migration to the end with progress, pauses and resumes, treats a lock
 * in the middle as a pause, and keeps unsaved drafts readable — sealed once the lock is on, and decrypted
 * before turning off finishes (after that the key is gone and a sealed draft could never be read).
 */
import { describe, expect, it, vi } from 'vitest';
import { TEST_KDF } from '../../shared/exchange/crypto';
import { draftText, readDraftText } from '../../renderer/db/at-rest/drafts';
import { createMigrationRunner, type MigrationRun } from '../../renderer/features/lock/migration';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { freshRepo, type2Input } from './helpers';

const PASSPHRASE = 'correct horse battery staple';
const kdf = { kdf: TEST_KDF };
const PREFIX = 'fieldwork.draft.';

/** localStorage for Node. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

async function setup() {
  const ctx = await freshRepo();
  const ids: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    ids.push((await createEngagement(ctx.repo, ctx.actor, type2Input({ systemName: `System ${i}` }))).id);
  }
  const storage = new MemoryStorage();
  const forget = vi.fn(async () => undefined);
  const runner = createMigrationRunner({
    session: ctx.db.atRest,
    storage,
    draftPrefix: PREFIX,
    forgetRememberedKey: forget,
    batchSize: 2,
  });
  const statuses: MigrationRun['status'][] = [];
  runner.subscribe(() => statuses.push(runner.get().status));
  return { ...ctx, ids, storage, forget, runner, statuses };
}

describe('the lock’s migration runner', () => {
  it('turning on: encrypts everything with progress, and seals drafts typed before', async () => {
    const { db, ids, storage, runner, statuses } = await setup();
    storage.setItem(`${PREFIX}engagement.x`, JSON.stringify({ systemName: 'typed, not saved' }));
    storage.setItem('fieldwork.currentProfileId', 'not a draft');
    await db.atRest.enable('profile-a', PASSPHRASE, kdf);

    const end = await runner.start();
    expect(end).toMatchObject({ status: 'done', direction: 'seal' });
    expect(end.status === 'done' && end.total).toBeGreaterThan(0);
    expect(statuses[0]).toBe('running');
    expect(db.atRest.view()).toMatchObject({ state: 'on', migration: null });
    expect((await db.engagements.get(ids[0] ?? ''))?.systemName).toBe('System 0');

    const draft = storage.getItem(`${PREFIX}engagement.x`) ?? '';
    expect(draft.startsWith('sealed-v1:')).toBe(true);
    expect(draft).not.toContain('typed');
    expect(readDraftText(db.atRest, 'engagement.x', draft)).toEqual({ systemName: 'typed, not saved' });
    expect(storage.getItem('fieldwork.currentProfileId')).toBe('not a draft');
  });

  it('pauses when asked and resumes from the checkpoint', async () => {
    const { db, runner } = await setup();
    await db.atRest.enable('profile-a', PASSPHRASE, kdf);
    const first = runner.start();
    runner.pause();
    expect(await first).toMatchObject({ status: 'paused', direction: 'seal' });
    expect(db.atRest.view().migration).not.toBeNull();
    expect(db.atRest.view().busy).toBe(0); // the idle lock is no longer held off
    expect(await runner.start()).toMatchObject({ status: 'done' });
    expect(db.atRest.view().state).toBe('on');
  });

  it('a lock in the middle stops it like a pause; after unlocking it finishes and nothing is lost', async () => {
    const { db, ids, runner } = await setup();
    await db.atRest.enable('profile-a', PASSPHRASE, kdf);
    const unsubscribe = db.atRest.subscribe(() => {
      const done = db.atRest.view().migration?.done ?? 0;
      if (done > 0 && !db.atRest.view().locked) db.atRest.lock();
    });
    const end = await runner.start();
    unsubscribe();
    expect(end.status).toBe('paused');
    await db.atRest.unlock('profile-a', PASSPHRASE);
    expect(await runner.start()).toMatchObject({ status: 'done' });
    const names = (await db.engagements.bulkGet(ids)).map((e) => e?.systemName);
    expect(names).toEqual(['System 0', 'System 1', 'System 2', 'System 3']);
  });

  it('turning off: decrypts drafts BEFORE the key is gone, then forgets a remembered unlock', async () => {
    const { db, storage, forget, runner } = await setup();
    await db.atRest.enable('profile-a', PASSPHRASE, kdf);
    await runner.start();
    // A draft typed while the lock was on, sealed like the autosave writes it.
    const sealed = draftText(db.atRest, 'control.c1', { description: 'half-typed test step' }) ?? '';
    expect(sealed.startsWith('sealed-v1:')).toBe(true);
    storage.setItem(`${PREFIX}control.c1`, sealed);

    await db.atRest.disable();
    const end = await runner.start();
    expect(end).toMatchObject({ status: 'done', direction: 'open' });
    expect(db.atRest.view()).toMatchObject({ state: 'off', locked: false });
    expect(JSON.parse(storage.getItem(`${PREFIX}control.c1`) ?? 'null')).toEqual({
      description: 'half-typed test step',
    });
    expect(forget).toHaveBeenCalledTimes(1);
  });

  it('reports a failure in plain words and can try again; reset() clears a finished run only', async () => {
    const { db, runner } = await setup();
    await db.atRest.enable('profile-a', PASSPHRASE, kdf);
    const realMigrate = db.atRest.migrate.bind(db.atRest);
    const spy = vi.spyOn(db.atRest, 'migrate').mockRejectedValueOnce(new Error('The disk is full.'));
    const failed = await runner.start();
    expect(failed.status).toBe('failed');
    expect(failed.status === 'failed' && (failed.error as Error).message).toBe('The disk is full.');
    spy.mockImplementation(realMigrate);
    expect(await runner.start()).toMatchObject({ status: 'done' });
    runner.reset();
    expect(runner.get()).toEqual({ status: 'idle' });
    // Nothing pending: start() does nothing.
    expect(await runner.start()).toEqual({ status: 'idle' });
  });
});
