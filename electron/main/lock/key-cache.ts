/**
 * Remembering the app lock's data key between launches, for a limited time ("remember this unlock for 8 hours").
 *
 * The renderer owns the lock: it derives the data key from the passphrase and decides when to remember and
 * when to forget. Main only keeps one entry `{ lockId, profileId, expiresAt, key }` in `unlock-cache.bin` in
 * the user-data folder, encrypted with the operating system's keychain through Electron's `safeStorage`
 * (macOS Keychain, Windows DPAPI, a Linux keyring). Without a real keychain the key would sit on disk next
 * to the data it protects, so remembering is then refused: on Linux the `basic_text` backend encrypts with a
 * password hard-coded in Chromium, which is no protection at all (Electron's safeStorage documentation).
 *
 * Main never keeps a key past its expiry: an expired entry is deleted when it is next read, a timer deletes
 * it at its expiry while the app runs, and an entry claiming to last longer than the longest allowed time
 * (the clock was set back, or the file was altered) is deleted as well. Anything that cannot be decrypted
 * or parsed is deleted and reported as "nothing remembered": the cost is one passphrase prompt.
 *
 * Uses the asynchronous safeStorage API: Electron 45 deprecates `encryptString`/`decryptString`/
 * `isEncryptionAvailable` and 46 removes them (electron/electron#53670); data from either decrypts with
 * `decryptStringAsync`.
 *
 * The key is never logged and never put in an error message. It does pass through a JavaScript string
 * (base64 inside the JSON that safeStorage encrypts; `encryptStringAsync` takes a string), and strings cannot
 * be wiped; no Buffer copy of the key is made here (only views), and the IPC handler zeroes main's copy of the
 * key it received once it is stored.
 */
import { z } from 'zod';
import {
  LOCK_KEY_BYTES,
  LOCK_REMEMBER_HOURS,
  type LockKeyAvailability,
  type RememberedLockKey,
} from '../../../shared/ipc';
import { readSealedFile, removeLeftoverTemporaries, removeSealedFile, writeSealedFile } from './sealed-file';

/** The file in the user-data folder. */
export const UNLOCK_CACHE_FILE = 'unlock-cache.bin';

const HOUR_MS = 60 * 60 * 1000;
/** The encrypted entry is a few hundred bytes; anything much bigger was not written by Fieldwork. */
const MAX_SEALED_BYTES = 16 * 1024;
/** setTimeout fires at once for delays above 2^31-1 ms (~24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The part of Electron's `safeStorage` used here; `safeStorage` itself satisfies it, and so does a test fake.
 * `getSelectedStorageBackend` exists on Linux only.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Uint8Array>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

export interface KeyCacheDeps {
  safeStorage: SafeStorageLike;
  /** `process.platform`: the keyring backend is only checked on Linux. */
  platform: string;
  /** Absolute path of `unlock-cache.bin` in `app.getPath('userData')`. */
  filePath: string;
  now?: () => Date;
  /** Runs `task` after `delayMs`; returns a cancel function. Defaults to an unref'd setTimeout. */
  schedule?: (delayMs: number, task: () => void) => () => void;
}

export interface RememberRequest {
  lockId: string;
  profileId: string;
  key: Uint8Array;
  hours: number;
}

export interface KeyCache {
  status(): Promise<LockKeyAvailability>;
  /** Stores the entry for `hours`, replacing any other; rejects in plain words when not available. */
  remember(request: RememberRequest): Promise<void>;
  /**
   * The stored entry when present and not expired; otherwise null, deleting whatever was there. The entry is
   * returned whatever its `lockId`: main does not know the renderer's current lock, the renderer checks it.
   */
  recall(): Promise<RememberedLockKey | null>;
  /** Deletes the entry (and any temporary file a crash left); no error when there is none. */
  forget(): Promise<void>;
}

export const KEYCHAIN_UNAVAILABLE =
  'The operating system’s keychain is not available to Fieldwork, so the unlock cannot be remembered ' +
  'on this computer. You will be asked for the passphrase each time Fieldwork starts.';
export const LINUX_NO_KEYRING =
  'No keyring service (such as GNOME Keyring or KWallet) is running, so the unlock cannot be remembered ' +
  'safely on this computer. You will be asked for the passphrase each time Fieldwork starts.';

/** The plaintext that safeStorage encrypts. */
const storedEntrySchema = z.strictObject({
  version: z.literal(1),
  lockId: z.string().min(1).max(100),
  profileId: z.string().min(1).max(100),
  expiresAt: z.iso.datetime({ offset: true }),
  // Exactly 32 bytes in canonical base64: Node's decoder would silently skip junk characters.
  key: z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/),
});

function defaultSchedule(delayMs: number, task: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = (remaining: number) => {
    timer = setTimeout(
      () => (remaining > MAX_TIMER_MS ? arm(remaining - MAX_TIMER_MS) : task()),
      Math.min(remaining, MAX_TIMER_MS),
    );
    timer.unref();
  };
  arm(Math.max(0, delayMs));
  return () => clearTimeout(timer);
}

function checkRequest({ lockId, profileId, key, hours }: RememberRequest): void {
  // The IPC schema already checked these; repeated here because this module may be reused elsewhere.
  if (!(key instanceof Uint8Array) || key.byteLength !== LOCK_KEY_BYTES) {
    throw new Error(`The key to remember must be exactly ${LOCK_KEY_BYTES} bytes.`);
  }
  if (!Number.isInteger(hours) || hours < LOCK_REMEMBER_HOURS.min || hours > LOCK_REMEMBER_HOURS.max) {
    throw new Error(
      `An unlock can be remembered for ${LOCK_REMEMBER_HOURS.min} to ${LOCK_REMEMBER_HOURS.max} hours.`,
    );
  }
  for (const value of [lockId, profileId]) {
    if (typeof value !== 'string' || value.length < 1 || value.length > 100) {
      throw new Error('The lock and profile ids must be 1 to 100 characters.');
    }
  }
}

/** Decodes the stored base64 key into a fresh array that owns its whole buffer (IPC clones the whole buffer). */
function decodeKey(base64: string): Uint8Array | null {
  const key = new Uint8Array(LOCK_KEY_BYTES);
  const written = Buffer.from(key.buffer).write(base64, 'base64');
  return written === LOCK_KEY_BYTES ? key : null;
}

export function createKeyCache(deps: KeyCacheDeps): KeyCache {
  const { safeStorage, filePath } = deps;
  const now = deps.now ?? (() => new Date());
  const schedule = deps.schedule ?? defaultSchedule;
  let cancelExpiry: (() => void) | null = null;
  /** Bumped whenever the entry changes, so a timer that fires late cannot delete a newer entry. */
  let generation = 0;

  // One operation at a time, in call order: a forget() that follows a remember() must delete what it wrote.
  let tail: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  }

  async function status(): Promise<LockKeyAvailability> {
    const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
    if (!available) return { available: false, reason: KEYCHAIN_UNAVAILABLE };
    if (deps.platform === 'linux') {
      // 'basic_text': no keyring, a hard-coded password; 'unknown': asked before `ready` or not reported.
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      if (backend === 'basic_text' || backend === 'unknown') {
        return { available: false, reason: LINUX_NO_KEYRING };
      }
    }
    return { available: true };
  }

  async function remove(): Promise<void> {
    generation += 1;
    cancelExpiry?.();
    cancelExpiry = null;
    await removeSealedFile(filePath);
  }

  /** For recall(): an entry that cannot be used is deleted; failing to delete it is no reason to fail. */
  async function discard(): Promise<null> {
    await remove().catch((error: unknown) =>
      console.error(
        'Could not delete the remembered unlock:',
        error instanceof Error ? error.message : error,
      ),
    );
    return null;
  }

  /** Deletes the entry at `expiresAt` while the app runs (a restart re-arms it through recall()). */
  function expireAt(expiresAt: string): void {
    cancelExpiry?.();
    generation += 1;
    const armed = generation;
    cancelExpiry = schedule(Date.parse(expiresAt) - now().getTime(), () => {
      // Queued behind any running operation; if that replaced or removed the entry, this timer is stale.
      void serial(async () => {
        if (armed === generation) await discard();
      });
    });
  }

  async function seal(plainText: string): Promise<Uint8Array> {
    try {
      return await safeStorage.encryptStringAsync(plainText);
    } catch (error) {
      // The cause is the keychain's own error; it never contains the plaintext.
      throw new Error(KEYCHAIN_UNAVAILABLE, { cause: error });
    }
  }

  async function remember(request: RememberRequest): Promise<void> {
    checkRequest(request);
    const state = await status();
    if (!state.available) throw new Error(state.reason ?? KEYCHAIN_UNAVAILABLE);
    const { lockId, profileId, key, hours } = request;
    const expiresAt = new Date(now().getTime() + hours * HOUR_MS).toISOString();
    const plainText = JSON.stringify({
      version: 1,
      lockId,
      profileId,
      expiresAt,
      key: Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('base64'),
    } satisfies z.infer<typeof storedEntrySchema>);
    await writeSealedFile(filePath, await seal(plainText));
    expireAt(expiresAt);
  }

  async function recall(): Promise<RememberedLockKey | null> {
    const sealed = await readSealedFile(filePath, MAX_SEALED_BYTES);
    if (sealed === null) return null;
    // A keychain that went away (or a Linux session without a keyring) cannot vouch for the entry.
    if (sealed === 'bad' || !(await status()).available) return discard();

    let decrypted: { result: string; shouldReEncrypt: boolean };
    let entry: z.infer<typeof storedEntrySchema>;
    try {
      decrypted = await safeStorage.decryptStringAsync(sealed);
      entry = storedEntrySchema.parse(JSON.parse(decrypted.result));
    } catch {
      return discard();
    }
    const left = Date.parse(entry.expiresAt) - now().getTime();
    if (left <= 0 || left > LOCK_REMEMBER_HOURS.max * HOUR_MS) return discard();
    const key = decodeKey(entry.key);
    if (key === null) return discard();
    if (decrypted.shouldReEncrypt) {
      // The keychain rotated its key: store the entry under the new one. Failing here only means it is
      // re-encrypted on a later read, so the entry is still returned.
      await seal(decrypted.result)
        .then((sealedAgain) => writeSealedFile(filePath, sealedAgain))
        .catch(() => undefined);
    }
    expireAt(entry.expiresAt);
    return { lockId: entry.lockId, profileId: entry.profileId, key, expiresAt: entry.expiresAt };
  }

  async function forget(): Promise<void> {
    await remove();
    await removeLeftoverTemporaries(filePath);
  }

  return {
    status: () => serial(status),
    remember: (request) => serial(() => remember(request)),
    recall: () => serial(recall),
    forget: () => serial(forget),
  };
}
