/**
 * The app lock of one database: its configuration, the data key while unlocked, and the operations that
 * change it (turn on/off, unlock/lock, passphrases, the resumable migration between plain and encrypted).
 *
 * The middleware (middleware.ts) asks this object at every read and write whether to seal, open or refuse;
 * the UI subscribes to `view()` (useSyncExternalStore). Locking wipes the key bytes and closes the
 * database (which also drops Dexie's cached query results); unlocking opens it again.
 */
import { Dexie } from 'dexie';
import {
  AppLockedError,
  RECOVERY_SLOT_ID,
  WrongPassphraseError,
  importDataKey,
  newDataKeyBytes,
  newRecoveryKey,
  normalizeRecoveryKey,
  openFromText,
  sealToText,
  unwrapDataKey,
  wipeDataKey,
  wrapDataKey,
  type DataKey,
  type DeriveKey,
  type KeySlot,
} from '@shared/at-rest';
import type { KdfParams } from '@shared/exchange/crypto';
import {
  AT_REST_META_KEY,
  IDLE_MINUTES,
  REMEMBER_HOURS,
  parseAtRestConfig,
  type AtRestConfig,
  type AtRestState,
  type MigrationCheckpoint,
  type MigrationDirection,
} from './config';
import { openEvidence, sealEvidence } from './evidence-store';
import { OpenedCache, PLAIN_TABLES, type SealingMode } from './middleware';

/** What the UI shows about the lock (a new object whenever anything changes). */
export interface AtRestView {
  state: AtRestState | 'off';
  /** On (or migrating) and no key in memory. */
  locked: boolean;
  /** The profile whose passphrase unlocked (null after the recovery key, or when locked/off). */
  unlockedBy: string | null;
  lockId: string | null;
  /** Profiles that have a passphrase for the lock. */
  profileSlots: readonly string[];
  hasRecoveryKey: boolean;
  /** The recovery key was shown but the auditor never confirmed storing it (e.g. the app was closed). */
  recoveryKeyUnconfirmed: boolean;
  idleMinutes: number;
  rememberHours: number;
  /** A migration that still has to run (enabling or disabling), with how far it got. */
  migration: MigrationCheckpoint | null;
  /** Long operations that hold off the idle lock. */
  busy: number;
}

export interface MigrationProgress {
  direction: MigrationDirection;
  done: number;
  total: number;
  table: string | null;
}

export interface MigrateOptions {
  onProgress?: (progress: MigrationProgress) => void;
  signal?: { readonly aborted: boolean };
  /** Records per transaction (tests use small batches). */
  batchSize?: number;
  /** Called after each committed batch (tests interrupt here). */
  afterBatch?: (progress: MigrationProgress) => void | Promise<void>;
}

/** The database as the session needs it (a FieldworkDatabase; kept structural to avoid an import cycle). */
export interface LockableDatabase extends Dexie {
  meta: Dexie.Table<{ key: string; value: unknown }, string>;
  blobs: Dexie.Table<{ sha256: string; blob: Blob; size: number; storedAt: string; sealed?: 1 }, string>;
}

const CHECK_TEXT = 'fieldwork-app-lock-check';
const DEFAULT_BATCH = 400;

function recoveryContext(lockId: string): Uint8Array {
  return new TextEncoder().encode(`fieldwork-app-lock-recovery/v1\u0000${lockId}`);
}

function checkContext(lockId: string): Uint8Array {
  return new TextEncoder().encode(`fieldwork-app-lock-check/v1\u0000${lockId}`);
}

/** Plain words for the disk filling up during a migration; anything else is passed on. */
function explainMigrationError(error: unknown, direction: MigrationDirection): unknown {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new Error(
      `The disk is full, so Fieldwork stopped ${direction === 'seal' ? 'encrypting' : 'decrypting'} your data. Nothing is lost: free some space and it continues where it stopped.`,
      { cause: error },
    );
  }
  return error;
}

export class AtRestSession implements SealingMode {
  private config: AtRestConfig | null = null;
  private key: DataKey | null = null;
  private unlockedBy: string | null = null;
  private busyCount = 0;
  private current: AtRestView;
  private readonly listeners = new Set<() => void>();
  private migrating: Promise<'done' | 'paused'> | null = null;
  /** Recently opened records, for the middleware; emptied on lock. */
  readonly opened = new OpenedCache();

  /** Key derivation (Argon2id); the app moves it into a Worker with `deriveWith`. */
  private derive: DeriveKey | undefined = undefined;

  constructor(
    private readonly db: LockableDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.current = this.buildView();
  }

  /** Runs the passphrase key derivation with `derive` (the app passes one that uses a Worker). */
  deriveWith(derive: DeriveKey): void {
    this.derive = derive;
  }

  // ---- what the middleware asks ------------------------------------------------------------------

  writeMode(): 'seal' | 'plain' | 'locked' {
    if (!this.config) return 'plain';
    if (!this.key) return 'locked';
    return this.config.state === 'disabling' ? 'plain' : 'seal';
  }

  recordKey(): Uint8Array | null {
    return this.key?.raw ?? null;
  }

  // ---- state for the UI -------------------------------------------------------------------------

  view(): AtRestView {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private buildView(): AtRestView {
    const c = this.config;
    return {
      state: c?.state ?? 'off',
      locked: !!c && !this.key,
      unlockedBy: c && this.key ? this.unlockedBy : null,
      lockId: c?.lockId ?? null,
      profileSlots: c ? c.slots.filter((s) => s.kind === 'profile').map((s) => s.id) : [],
      hasRecoveryKey: !!c?.slots.some((s) => s.kind === 'recovery'),
      recoveryKeyUnconfirmed: c?.recoveryConfirmed === false,
      idleMinutes: c?.idleMinutes ?? IDLE_MINUTES.default,
      rememberHours: c?.rememberHours ?? REMEMBER_HOURS.default,
      migration: c?.migration ?? null,
      busy: this.busyCount,
    };
  }

  private changed(): void {
    this.current = this.buildView();
    for (const listener of this.listeners) listener();
  }

  /** The configuration as loaded (tests and the settings screen). */
  configuration(): AtRestConfig | null {
    return this.config;
  }

  // ---- loading ----------------------------------------------------------------------------------

  /** Takes the configuration read before the database was opened (see peek.ts). */
  adopt(stored: unknown): void {
    this.config = parseAtRestConfig(stored);
    this.changed();
  }

  /** Reads the configuration from the open database. */
  async load(): Promise<void> {
    const row = await this.db.meta.get(AT_REST_META_KEY);
    this.adopt(row?.value);
  }

  private async save(config: AtRestConfig | null): Promise<void> {
    if (config) await this.db.meta.put({ key: AT_REST_META_KEY, value: config });
    else await this.db.meta.delete(AT_REST_META_KEY);
    this.config = config;
    this.changed();
  }

  /** The stored configuration, read in the caller's transaction. */
  private async storedConfig(): Promise<AtRestConfig> {
    const config = parseAtRestConfig((await this.db.meta.get(AT_REST_META_KEY))?.value);
    if (!config) throw new Error('The app lock is not on.');
    return config;
  }

  /**
   * Changes the stored configuration as one read-modify-write transaction, so a change made while the
   * migration writes its checkpoints (or while a passphrase is being derived) is never lost to, or undone
   * by, a write based on an older copy. `change` returns null to remove the configuration.
   */
  private async update(change: (current: AtRestConfig) => AtRestConfig | null): Promise<void> {
    let next: AtRestConfig | null = null;
    await this.db.transaction('rw', this.db.meta, async () => {
      next = change(await this.storedConfig());
      if (next) await this.db.meta.put({ key: AT_REST_META_KEY, value: next });
      else await this.db.meta.delete(AT_REST_META_KEY);
    });
    this.config = next;
    this.changed();
  }

  private requireConfig(): AtRestConfig {
    if (!this.config) throw new Error('The app lock is not on.');
    return this.config;
  }

  /** The unlocked data key (for evidence and for remembering the unlock); AppLockedError when locked. */
  dataKey(): DataKey {
    if (!this.key) throw new AppLockedError();
    return this.key;
  }

  // ---- unlocking and locking --------------------------------------------------------------------

  /**
   * Opens the data key with a profile's passphrase (`slotId` = the profile id) or the recovery key
   * (`slotId` = RECOVERY_SLOT_ID). WrongPassphraseError when it does not open.
   */
  async unlock(slotId: string, secret: string): Promise<void> {
    const config = this.requireConfig();
    const slot = config.slots.find((s) => s.id === slotId);
    if (!slot) {
      throw new Error(
        'This profile has no passphrase for the app lock yet. Unlock with a profile that has one (or the recovery key), then set one for this profile.',
      );
    }
    const typed = slot.kind === 'recovery' ? normalizeRecoveryKey(secret) : secret;
    const raw = await unwrapDataKey(slot, typed, config.lockId, this.derive);
    try {
      await this.useKey(raw, slot.kind === 'profile' ? slot.id : null);
    } finally {
      raw.fill(0);
    }
  }

  /**
   * Unlocks with a key remembered by the desktop app. False (and nothing changes) when the key is not this
   * lock's, or the profile no longer has a passphrase.
   */
  async unlockWithKey(lockId: string, profileId: string, raw: Uint8Array): Promise<boolean> {
    const config = this.config;
    if (!config || config.lockId !== lockId || raw.length !== 32) return false;
    if (!config.slots.some((s) => s.kind === 'profile' && s.id === profileId)) return false;
    if (!this.keyMatches(config, raw)) return false;
    await this.useKey(raw, profileId);
    return true;
  }

  private keyMatches(config: AtRestConfig, raw: Uint8Array): boolean {
    const check = config.check;
    try {
      return openFromText(raw, check, checkContext(config.lockId), 'the lock check') === CHECK_TEXT;
    } catch {
      return false;
    }
  }

  private async useKey(raw: Uint8Array, profileId: string | null): Promise<void> {
    const key = await importDataKey(raw);
    if (this.key) wipeDataKey(this.key);
    this.key = key;
    this.unlockedBy = profileId;
    this.changed();
  }

  /**
   * Signs another profile in on an unlocked laptop: with the lock on, that profile's own passphrase is
   * needed, so a sign-off's name means someone who knew it was at the keyboard. WrongPassphraseError else.
   */
  async switchTo(profileId: string, passphrase: string): Promise<void> {
    this.dataKey();
    if (!(await this.verify(profileId, passphrase))) throw new WrongPassphraseError();
    this.unlockedBy = profileId;
    this.changed();
  }

  /** Forgets the key (wiping its bytes). The caller closes the database / shows the lock screen. */
  lock(): void {
    this.opened.clear();
    if (this.key) wipeDataKey(this.key);
    this.key = null;
    this.unlockedBy = null;
    this.changed();
  }

  /** A copy of the data key's bytes, to be remembered by the desktop app; AppLockedError when locked. */
  exportKey(): Uint8Array {
    return this.dataKey().raw.slice();
  }

  /** Holds off the idle lock while a long operation runs; call the returned function when it ends. */
  hold(): () => void {
    this.busyCount += 1;
    this.changed();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busyCount -= 1;
      this.changed();
    };
  }

  // ---- turning the lock on and off -------------------------------------------------------------

  /**
   * Turns the lock on for this computer: a new data key, a key slot for `profileId`'s passphrase and one
   * for a new recovery key (returned: show it once). The data is then encrypted by `migrate()`; from
   * this moment on everything written is encrypted.
   */
  async enable(
    profileId: string,
    passphrase: string,
    options: { kdf?: KdfParams } = {},
  ): Promise<{ recoveryKey: string }> {
    if (this.config) throw new Error('The app lock is already on.');
    const raw = newDataKeyBytes();
    try {
      const lockId = crypto.randomUUID();
      const createdAt = this.now().toISOString();
      const recoveryKey = newRecoveryKey();
      const slots: KeySlot[] = [
        await wrapDataKey(raw, passphrase, {
          lockId,
          slotId: profileId,
          kind: 'profile',
          createdAt,
          ...options,
          ...(this.derive ? { derive: this.derive } : {}),
        }),
        await wrapDataKey(raw, recoveryKey, {
          lockId,
          slotId: RECOVERY_SLOT_ID,
          kind: 'recovery',
          createdAt,
          ...options,
          ...(this.derive ? { derive: this.derive } : {}),
        }),
      ];
      const config: AtRestConfig = {
        version: 1,
        lockId,
        state: 'enabling',
        slots,
        idleMinutes: IDLE_MINUTES.default,
        rememberHours: REMEMBER_HOURS.default,
        enabledAt: createdAt,
        enabledBy: profileId,
        migration: await this.newCheckpoint('seal'),
        check: sealToText(raw, CHECK_TEXT, checkContext(lockId)),
        recovery: sealToText(raw, recoveryKey, recoveryContext(lockId)),
        recoveryConfirmed: false,
      };
      // The key is in memory before the configuration exists, so every write from here on is sealed.
      await this.useKey(raw, profileId);
      await this.save(config);
      return { recoveryKey };
    } finally {
      raw.fill(0);
    }
  }

  /** Starts turning the lock off (needs the key); `migrate()` then decrypts everything. */
  async disable(): Promise<void> {
    const config = this.requireConfig();
    this.dataKey();
    if (config.state === 'disabling') return;
    const migration = await this.newCheckpoint('open');
    await this.update((config) => ({ ...config, state: 'disabling', migration }));
  }

  // ---- passphrases --------------------------------------------------------------------------------

  /**
   * Whoever stands at an unlocked laptop must not be able to take a passphrase or the recovery key over:
   * replacing one needs `secret` to open the slot of the profile that unlocked (or `slotId`'s own), unless
   * the app was just unlocked with the recovery key (that is how a forgotten passphrase is replaced).
   */
  private async requireProof(slotId: string | null, secret: string | undefined): Promise<void> {
    this.dataKey();
    if (this.unlockedBy === null) return; // unlocked with the recovery key
    const proofSlot = slotId ?? this.unlockedBy;
    if (secret === undefined || !(await this.verify(proofSlot, secret))) {
      throw new WrongPassphraseError();
    }
  }

  /**
   * Sets `profileId`'s passphrase. Replacing an existing one needs its `current` passphrase (see
   * requireProof); a profile without one gets it from whoever is unlocked. Needs the lock to be unlocked.
   */
  async setPassphrase(
    profileId: string,
    passphrase: string,
    options: { kdf?: KdfParams; current?: string } = {},
  ): Promise<void> {
    const config = this.requireConfig();
    if (config.slots.some((s) => s.id === profileId)) await this.requireProof(profileId, options.current);
    const { current: _current, ...wrapOptions } = options;
    const slot = await wrapDataKey(this.dataKey().raw, passphrase, {
      lockId: config.lockId,
      slotId: profileId,
      kind: 'profile',
      createdAt: this.now().toISOString(),
      ...wrapOptions,
      ...(this.derive ? { derive: this.derive } : {}),
    });
    await this.update((config) => ({
      ...config,
      slots: [...config.slots.filter((s) => s.id !== profileId), slot],
    }));
  }

  /** True when `secret` opens the slot `slotId` (e.g. confirming the current passphrase). */
  async verify(slotId: string, secret: string): Promise<boolean> {
    const config = this.requireConfig();
    const slot = config.slots.find((s) => s.id === slotId);
    if (!slot) return false;
    try {
      const raw = await unwrapDataKey(
        slot,
        slot.kind === 'recovery' ? normalizeRecoveryKey(secret) : secret,
        config.lockId,
        this.derive,
      );
      raw.fill(0);
      return true;
    } catch {
      return false;
    }
  }

  /** A new recovery key replacing the old one (which stops working). Needs the lock to be unlocked. */
  async replaceRecoveryKey(options: { kdf?: KdfParams; passphrase?: string } = {}): Promise<string> {
    const config = this.requireConfig();
    await this.requireProof(null, options.passphrase);
    const { passphrase: _passphrase, ...wrapOptions } = options;
    const recoveryKey = newRecoveryKey();
    const slot = await wrapDataKey(this.dataKey().raw, recoveryKey, {
      lockId: config.lockId,
      slotId: RECOVERY_SLOT_ID,
      kind: 'recovery',
      createdAt: this.now().toISOString(),
      ...wrapOptions,
      ...(this.derive ? { derive: this.derive } : {}),
    });
    await this.update((config) => ({
      ...config,
      slots: [...config.slots.filter((s) => s.id !== RECOVERY_SLOT_ID), slot],
      recovery: sealToText(this.dataKey().raw, recoveryKey, recoveryContext(config.lockId)),
      recoveryConfirmed: false,
    }));
    return recoveryKey;
  }

  /** The auditor confirmed having stored the recovery key that was shown. */
  async confirmRecoveryKey(): Promise<void> {
    const config = this.requireConfig();
    if (config.recoveryConfirmed !== false) return;
    await this.update((config) => ({ ...config, recoveryConfirmed: true }));
  }

  /**
   * The current recovery key (to encrypt automatic backups with it), or null when this lock does not keep
   * it. AppLockedError when locked.
   */
  recoveryKey(): string | null {
    const config = this.requireConfig();
    const raw = this.dataKey().raw;
    if (!config.recovery) return null;
    const text = openFromText(raw, config.recovery, recoveryContext(config.lockId), 'the lock settings');
    return typeof text === 'string' ? text : null;
  }

  /** Removes a profile's passphrase; the last one cannot be removed (turn the lock off instead). */
  async removePassphrase(profileId: string): Promise<void> {
    const config = this.requireConfig();
    this.dataKey();
    const profiles = config.slots.filter((s) => s.kind === 'profile');
    if (!profiles.some((s) => s.id === profileId)) return;
    if (profiles.length === 1) {
      throw new Error('This is the only passphrase that opens the lock. Turn the app lock off instead.');
    }
    await this.update((config) => ({ ...config, slots: config.slots.filter((s) => s.id !== profileId) }));
  }

  async setOptions(options: { idleMinutes?: number; rememberHours?: number }): Promise<void> {
    const config = this.requireConfig();
    const idleMinutes = options.idleMinutes ?? config.idleMinutes;
    const rememberHours = options.rememberHours ?? config.rememberHours;
    if (!Number.isInteger(idleMinutes) || idleMinutes < IDLE_MINUTES.min || idleMinutes > IDLE_MINUTES.max) {
      throw new Error(`Lock after ${IDLE_MINUTES.min} to ${IDLE_MINUTES.max} minutes without use.`);
    }
    if (
      !Number.isInteger(rememberHours) ||
      rememberHours < REMEMBER_HOURS.min ||
      rememberHours > REMEMBER_HOURS.max
    ) {
      throw new Error(`Remember the unlock for ${REMEMBER_HOURS.min} to ${REMEMBER_HOURS.max} hours.`);
    }
    await this.update((config) => ({ ...config, idleMinutes, rememberHours }));
  }

  // ---- evidence -----------------------------------------------------------------------------------

  /** The row to store for evidence bytes: encrypted while the lock is on (or being turned on). */
  async evidenceRow(sha256: string, blob: Blob, storedAt: string) {
    if (this.writeMode() === 'locked') throw new AppLockedError();
    if (this.writeMode() === 'seal') {
      return {
        sha256,
        blob: await sealEvidence(this.dataKey(), sha256, blob),
        size: blob.size,
        storedAt,
        sealed: 1 as const,
      };
    }
    return { sha256, blob, size: blob.size, storedAt };
  }

  /** The evidence bytes of a stored row (decrypted when it was stored encrypted). */
  async evidenceBytes(row: { sha256: string; blob: Blob; sealed?: 1 }, type = ''): Promise<Blob> {
    if (row.sealed !== 1) return row.blob;
    return openEvidence(this.dataKey(), row.sha256, row.blob, type);
  }

  // ---- migration ----------------------------------------------------------------------------------

  /** Every table the migration walks, sealed tables first (alphabetically), evidence last. */
  private migrationTables(): string[] {
    const sealed = this.db.tables
      .map((t) => t.name)
      .filter((name) => !PLAIN_TABLES.has(name))
      .sort();
    return this.db.tables.some((t) => t.name === 'blobs') ? [...sealed, 'blobs'] : sealed;
  }

  private async newCheckpoint(direction: MigrationDirection): Promise<MigrationCheckpoint> {
    let total = 0;
    for (const name of this.migrationTables()) total += await this.db.table(name).count();
    return {
      direction,
      tablesDone: [],
      table: null,
      after: null,
      done: 0,
      total,
      startedAt: this.now().toISOString(),
    };
  }

  /**
   * Encrypts (turning on) or decrypts (turning off) every stored record and evidence file, in batches
   * that each commit together with a checkpoint: stopped at any point (cancel, crash, full disk), it
   * continues from the checkpoint next time, and the data reads correctly meanwhile. Resolves `done`
   * when finished (the lock is then on, or off and forgotten), `paused` when the signal stopped it.
   */
  migrate(options: MigrateOptions = {}): Promise<'done' | 'paused'> {
    if (!this.migrating) {
      const run = this.migrateNow(options);
      this.migrating = run;
      const clear = () => {
        if (this.migrating === run) this.migrating = null;
      };
      run.then(clear, clear);
    }
    return this.migrating;
  }

  private async migrateNow(options: MigrateOptions): Promise<'done' | 'paused'> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const release = this.hold();
    try {
      for (;;) {
        const config = this.requireConfig();
        this.dataKey();
        const checkpoint = config.migration;
        if (!checkpoint) return 'done';
        const progress = (): MigrationProgress => {
          const c = this.config?.migration ?? checkpoint;
          return { direction: c.direction, done: c.done, total: Math.max(c.total, c.done), table: c.table };
        };
        options.onProgress?.(progress());
        const next = this.migrationTables().find((name) => !checkpoint.tablesDone.includes(name));
        if (next === undefined) {
          await this.finish(config);
          options.onProgress?.(progress());
          return 'done';
        }
        if (options.signal?.aborted) return 'paused';
        try {
          if (next === 'blobs') await this.migrateEvidence(checkpoint);
          else await this.migrateBatch(next, checkpoint, batchSize);
        } catch (error) {
          throw explainMigrationError(error, checkpoint.direction);
        }
        options.onProgress?.(progress());
        await options.afterBatch?.(progress());
      }
    } finally {
      release();
    }
  }

  private async finish(config: AtRestConfig): Promise<void> {
    await this.update((current) =>
      current.state === 'disabling' ? null : { ...current, state: 'on', migration: null },
    );
    if (config.state === 'disabling') this.lock();
  }

  /** Next checkpoint after `rows` rows of `table`, the last with key `last` (undefined: table finished). */
  private advance(
    checkpoint: MigrationCheckpoint,
    table: string,
    rows: number,
    last: unknown,
    finished: boolean,
  ): MigrationCheckpoint {
    return {
      ...checkpoint,
      done: checkpoint.done + rows,
      tablesDone: finished ? [...checkpoint.tablesDone, table] : checkpoint.tablesDone,
      table: finished ? null : table,
      after: finished ? null : last,
    };
  }

  private async migrateBatch(
    name: string,
    checkpoint: MigrationCheckpoint,
    batchSize: number,
  ): Promise<void> {
    const table = this.db.table(name);
    const keyPath = table.schema.primKey.keyPath;
    const keyOf = (row: unknown) =>
      Array.isArray(keyPath)
        ? keyPath.map((p) => Dexie.getByKeyPath(row as object, p))
        : Dexie.getByKeyPath(row as object, keyPath ?? '');
    await this.db.transaction('rw', [table, this.db.meta], async () => {
      const config = await this.storedConfig();
      const resumeAfter = checkpoint.table === name ? checkpoint.after : null;
      const collection =
        resumeAfter === null || resumeAfter === undefined
          ? table.orderBy(':id')
          : table.where(':id').above(resumeAfter);
      const rows = await collection.limit(batchSize).toArray();
      // Written back through the middleware: sealed while turning on, plain while turning off.
      if (rows.length > 0) await table.bulkPut(rows);
      const last = rows.length > 0 ? keyOf(rows[rows.length - 1]) : null;
      const next = this.advance(checkpoint, name, rows.length, last, rows.length < batchSize);
      await this.db.meta.put({ key: AT_REST_META_KEY, value: { ...config, migration: next } });
      this.config = { ...config, migration: next };
    });
    this.changed();
  }

  private async migrateEvidence(checkpoint: MigrationCheckpoint): Promise<void> {
    const resumeAfter = checkpoint.table === 'blobs' ? (checkpoint.after as string | null) : null;
    const row = await (
      resumeAfter ? this.db.blobs.where(':id').above(resumeAfter) : this.db.blobs.orderBy(':id')
    ).first();
    const sealing = checkpoint.direction === 'seal';
    let replacement: Blob | null = null;
    if (row && (row.sealed === 1) !== sealing) {
      // Encrypting or decrypting the bytes happens outside the transaction (WebCrypto is asynchronous).
      replacement = sealing
        ? await sealEvidence(this.dataKey(), row.sha256, row.blob)
        : await openEvidence(this.dataKey(), row.sha256, row.blob);
    }
    await this.db.transaction('rw', [this.db.blobs, this.db.meta], async () => {
      const config = await this.storedConfig();
      if (row && replacement) {
        const current = await this.db.blobs.get(row.sha256);
        if (current && current.sealed === row.sealed) {
          const { sealed: _old, ...rest } = current;
          await this.db.blobs.put(
            sealing ? { ...rest, blob: replacement, sealed: 1 } : { ...rest, blob: replacement },
          );
        }
      }
      const next = this.advance(checkpoint, 'blobs', row ? 1 : 0, row?.sha256 ?? null, !row);
      await this.db.meta.put({ key: AT_REST_META_KEY, value: { ...config, migration: next } });
      this.config = { ...config, migration: next };
    });
    this.changed();
  }
}
