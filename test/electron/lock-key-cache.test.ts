/**
 * The remembered unlock (main/lock/key-cache.ts) on the real file system, with a stand-in keychain that
 * really encrypts (AES-256-GCM under a fixed key), so the file on disk can be checked for the key in clear
 * and a flipped byte is detected the way a real keychain would detect it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  KEYCHAIN_UNAVAILABLE,
  LINUX_NO_KEYRING,
  UNLOCK_CACHE_FILE,
  createKeyCache,
  type SafeStorageLike,
} from '../../electron/main/lock/key-cache';

const HOUR = 60 * 60 * 1000;

/** Encrypts like safeStorage: opaque bytes out, an exception for anything it did not produce. */
class FakeKeychain implements SafeStorageLike {
  available = true;
  backend: string | undefined = 'gnome_libsecret';
  shouldReEncrypt = false;
  private readonly secret = Buffer.alloc(32, 0x5a);

  async isAsyncEncryptionAvailable() {
    return this.available;
  }
  async encryptStringAsync(plainText: string) {
    if (!this.available) throw new Error('keychain locked');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secret, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }
  async decryptStringAsync(encrypted: Buffer) {
    if (!this.available) throw new Error('keychain locked');
    const decipher = createDecipheriv('aes-256-gcm', this.secret, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(encrypted.length - 16));
    const body = encrypted.subarray(12, encrypted.length - 16);
    const result = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    return { result, shouldReEncrypt: this.shouldReEncrypt };
  }
  getSelectedStorageBackend() {
    return this.backend ?? 'unknown';
  }
}

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-unlock-'));
  file = path.join(dir, UNLOCK_CACHE_FILE);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A key cache over `dir` with a movable clock and timers the test runs by hand. */
function setup(options: { platform?: string; keychain?: FakeKeychain } = {}) {
  const keychain = options.keychain ?? new FakeKeychain();
  let clock = new Date('2026-05-01T09:00:00.000Z');
  const timers: { delayMs: number; task: () => void; canceled: boolean }[] = [];
  const cache = createKeyCache({
    safeStorage: keychain,
    platform: options.platform ?? 'linux',
    filePath: file,
    now: () => clock,
    schedule: (delayMs, task) => {
      const timer = { delayMs, task, canceled: false };
      timers.push(timer);
      return () => {
        timer.canceled = true;
      };
    },
  });
  return {
    cache,
    keychain,
    timers,
    advance: (ms: number) => (clock = new Date(clock.getTime() + ms)),
  };
}

const testKey = () => Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256);
const entry = (overrides: Partial<{ lockId: string; profileId: string; hours: number }> = {}) => ({
  lockId: 'lock-7f3a',
  profileId: 'profile-auditor-jane',
  key: testKey(),
  hours: 8,
  ...overrides,
});
const exists = (target: string) =>
  stat(target).then(
    () => true,
    () => false,
  );
const containsBytes = (haystack: Buffer, needle: Uint8Array | string) =>
  haystack.includes(typeof needle === 'string' ? Buffer.from(needle, 'utf8') : Buffer.from(needle));

describe('remember and recall', () => {
  it('round-trips the entry through an encrypted, owner-only file', async () => {
    const { cache } = setup();
    await cache.remember(entry());
    const recalled = await cache.recall();
    expect(recalled).toEqual({
      lockId: 'lock-7f3a',
      profileId: 'profile-auditor-jane',
      key: testKey(),
      expiresAt: '2026-05-01T17:00:00.000Z',
    });
    // The key goes over IPC, which clones a view's whole buffer: it must own exactly its 32 bytes.
    expect(recalled?.key.buffer.byteLength).toBe(32);

    const onDisk = await readFile(file);
    expect(containsBytes(onDisk, testKey())).toBe(false);
    expect(containsBytes(onDisk, Buffer.from(testKey()).toString('base64'))).toBe(false);
    expect(containsBytes(onDisk, 'profile-auditor-jane')).toBe(false);
    expect(containsBytes(onDisk, 'lock-7f3a')).toBe(false);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    // No temporary file is left next to it.
    expect(await readdir(dir)).toEqual([UNLOCK_CACHE_FILE]);
  });

  it('does not change the caller’s key array', async () => {
    const { cache } = setup();
    const request = entry();
    await cache.remember(request);
    expect(request.key).toEqual(testKey());
  });

  it('returns null when nothing was remembered', async () => {
    const { cache } = setup();
    await expect(cache.recall()).resolves.toBeNull();
  });

  it('replaces the previous entry', async () => {
    const { cache } = setup();
    await cache.remember(entry());
    await cache.remember({
      ...entry({ lockId: 'lock-2', profileId: 'p2', hours: 1 }),
      key: new Uint8Array(32),
    });
    await expect(cache.recall()).resolves.toMatchObject({
      lockId: 'lock-2',
      profileId: 'p2',
      key: new Uint8Array(32),
      expiresAt: '2026-05-01T10:00:00.000Z',
    });
  });

  it('returns an entry for another lock as stored: the renderer compares lockId with its own lock', async () => {
    const { cache } = setup();
    await cache.remember(entry({ lockId: 'old-lock' }));
    await expect(cache.recall()).resolves.toMatchObject({ lockId: 'old-lock' });
  });

  it('re-encrypts the entry when the keychain rotated its key, and still returns it', async () => {
    const { cache, keychain } = setup();
    await cache.remember(entry());
    const before = await readFile(file);
    keychain.shouldReEncrypt = true;
    await expect(cache.recall()).resolves.toMatchObject({ key: testKey() });
    expect((await readFile(file)).equals(before)).toBe(false);
    keychain.shouldReEncrypt = false;
    await expect(cache.recall()).resolves.toMatchObject({ key: testKey() });
  });
});

describe('expiry', () => {
  it('returns the entry until its expiry, then null, and deletes the file', async () => {
    const { cache, advance } = setup();
    await cache.remember(entry({ hours: 1 }));
    advance(HOUR - 1);
    await expect(cache.recall()).resolves.not.toBeNull();
    advance(1);
    await expect(cache.recall()).resolves.toBeNull();
    expect(await exists(file)).toBe(false);
  });

  it('deletes an entry that claims to last longer than 72 hours (the clock was set back)', async () => {
    const { cache, advance } = setup();
    await cache.remember(entry({ hours: 72 }));
    advance(-2 * HOUR);
    await expect(cache.recall()).resolves.toBeNull();
    expect(await exists(file)).toBe(false);
  });

  it('a timer deletes the entry at its expiry while the app runs', async () => {
    const { cache, timers } = setup();
    await cache.remember(entry({ hours: 2 }));
    expect(timers).toHaveLength(1);
    expect(timers[0]?.delayMs).toBe(2 * HOUR);
    timers[0]?.task();
    await cache.status(); // waits for the queued deletion
    expect(await exists(file)).toBe(false);
  });

  it('a timer of a replaced entry does not delete the new one, even if it fires late', async () => {
    const { cache, timers } = setup();
    await cache.remember(entry({ hours: 1 }));
    await cache.remember(entry({ hours: 5, lockId: 'newer' }));
    expect(timers.map((timer) => timer.canceled)).toEqual([true, false]);
    timers[0]?.task();
    await expect(cache.recall()).resolves.toMatchObject({ lockId: 'newer' });
  });

  it('recall re-arms the timer after a restart', async () => {
    const first = setup();
    await first.cache.remember(entry({ hours: 3 }));
    const second = setup({ keychain: first.keychain });
    second.advance(HOUR);
    await second.cache.recall();
    expect(second.timers.map((timer) => timer.delayMs)).toEqual([2 * HOUR]);
  });
});

describe('unreadable entries are deleted and reported as nothing remembered', () => {
  it('a flipped byte (the keychain rejects it)', async () => {
    const { cache } = setup();
    await cache.remember(entry());
    const bytes = await readFile(file);
    bytes[20] = (bytes[20] ?? 0) ^ 0x01;
    await writeFile(file, bytes);
    await expect(cache.recall()).resolves.toBeNull();
    expect(await exists(file)).toBe(false);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['random bytes', randomBytes(200)],
    ['far too big', Buffer.alloc(64 * 1024, 1)],
  ])('a file that is %s', async (_label, bytes) => {
    const { cache } = setup();
    await writeFile(file, bytes);
    await expect(cache.recall()).resolves.toBeNull();
    expect(await exists(file)).toBe(false);
  });

  it.each([
    ['not JSON', 'key=abc'],
    ['a key of 31 bytes', { key: Buffer.alloc(31, 1).toString('base64') }],
    ['a key of 33 bytes', { key: Buffer.alloc(33, 1).toString('base64') }],
    ['base64 with junk', { key: `${Buffer.alloc(32, 1).toString('base64').slice(0, 40)}!!!=` }],
    ['no profile', { profileId: undefined }],
    ['an unknown version', { version: 2 }],
    ['an extra field', { note: 'x' }],
    ['a date that is not ISO', { expiresAt: 'tomorrow' }],
  ])('decrypted content that is %s', async (_label, change) => {
    const { cache, keychain } = setup();
    const good = {
      version: 1,
      lockId: 'l',
      profileId: 'p',
      expiresAt: '2026-05-01T10:00:00.000Z',
      key: Buffer.from(testKey()).toString('base64'),
    };
    const text = typeof change === 'string' ? change : JSON.stringify({ ...good, ...change });
    await writeFile(file, await keychain.encryptStringAsync(text));
    await expect(cache.recall()).resolves.toBeNull();
    expect(await exists(file)).toBe(false);
  });

  it('an entry the keychain can no longer vouch for (keychain gone)', async () => {
    const { cache, keychain } = setup();
    await cache.remember(entry());
    keychain.available = false;
    await expect(cache.recall()).resolves.toBeNull();
    expect(await exists(file)).toBe(false);
  });
});

describe('status and refusal without a real keychain', () => {
  it('is available with a keychain and a Linux keyring', async () => {
    await expect(setup().cache.status()).resolves.toEqual({ available: true });
  });

  it('is unavailable without a keychain, and remember refuses without writing anything', async () => {
    const keychain = new FakeKeychain();
    keychain.available = false;
    const { cache } = setup({ keychain });
    await expect(cache.status()).resolves.toEqual({ available: false, reason: KEYCHAIN_UNAVAILABLE });
    await expect(cache.remember(entry())).rejects.toThrow(KEYCHAIN_UNAVAILABLE);
    expect(await readdir(dir)).toEqual([]);
  });

  it('treats a keychain that throws when asked as unavailable', async () => {
    const keychain = new FakeKeychain();
    keychain.isAsyncEncryptionAvailable = () => Promise.reject(new Error('dbus'));
    await expect(setup({ keychain }).cache.status()).resolves.toMatchObject({ available: false });
  });

  it.each(['basic_text', 'unknown', undefined])(
    'on Linux, refuses the %s backend (a hard-coded password is no protection)',
    async (backend) => {
      const keychain = new FakeKeychain();
      keychain.backend = backend;
      const { cache } = setup({ keychain });
      await expect(cache.status()).resolves.toEqual({ available: false, reason: LINUX_NO_KEYRING });
      await expect(cache.remember(entry())).rejects.toThrow(LINUX_NO_KEYRING);
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it('on Linux without getSelectedStorageBackend, assumes no keyring', async () => {
    const keychain = new FakeKeychain();
    const { cache } = setup({
      keychain: Object.assign(keychain, { getSelectedStorageBackend: undefined }),
    });
    await expect(cache.status()).resolves.toMatchObject({ available: false });
  });

  it('ignores the Linux backend on macOS and Windows', async () => {
    const keychain = new FakeKeychain();
    keychain.backend = 'basic_text';
    await expect(setup({ keychain, platform: 'darwin' }).cache.status()).resolves.toEqual({
      available: true,
    });
  });

  it('an entry written with a keyring is deleted when Linux later runs without one', async () => {
    const { cache, keychain } = setup();
    await cache.remember(entry());
    keychain.backend = 'basic_text';
    await expect(cache.recall()).resolves.toBeNull();
    expect(await exists(file)).toBe(false);
  });
});

describe('request checks', () => {
  it.each([
    ['0 hours', entry({ hours: 0 })],
    ['73 hours', entry({ hours: 73 })],
    ['1.5 hours', entry({ hours: 1.5 })],
    ['a 31-byte key', { ...entry(), key: new Uint8Array(31) }],
    ['a 33-byte key', { ...entry(), key: new Uint8Array(33) }],
    ['an empty lock id', entry({ lockId: '' })],
    ['a 101-character profile id', entry({ profileId: 'p'.repeat(101) })],
  ])('refuses %s without writing anything', async (_label, request) => {
    const { cache } = setup();
    await expect(cache.remember(request)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('forget and failures', () => {
  it('is idempotent and also removes temporary files a crash left, nothing else', async () => {
    const { cache } = setup();
    await cache.forget();
    await cache.remember(entry());
    await writeFile(path.join(dir, `.${UNLOCK_CACHE_FILE}.0190a1b2-dead.tmp`), 'left by a crash');
    await writeFile(path.join(dir, 'backup-settings.json'), '{}');
    await cache.forget();
    await cache.forget();
    expect(await readdir(dir)).toEqual(['backup-settings.json']);
    await expect(cache.recall()).resolves.toBeNull();
  });

  it('runs calls in order: a forget issued right after a remember deletes what it wrote', async () => {
    const { cache } = setup();
    await Promise.all([cache.remember(entry()), cache.forget()]);
    expect(await exists(file)).toBe(false);
    const [, recalled] = await Promise.all([cache.remember(entry()), cache.recall()]);
    expect(recalled).toMatchObject({ key: testKey() });
  });

  it('a failed write explains itself without the key and leaves no temporary file', async () => {
    // The rename into place fails: the entry's name is taken by a folder.
    await mkdir(file);
    const { cache } = setup();
    const error = await cache.remember(entry()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/could not remember the unlock \(EISDIR/);
    expect(message).not.toContain(Buffer.from(testKey()).toString('base64'));
    expect(await readdir(dir)).toEqual([UNLOCK_CACHE_FILE]);
  });

  it('never logs the key', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation(() => undefined),
    );
    try {
      const { cache, timers } = setup();
      await cache.remember(entry());
      await cache.recall();
      timers.at(-1)?.task();
      await cache.forget();
      const logged = JSON.stringify(spies.flatMap((spy) => spy.mock.calls));
      expect(logged).not.toContain(Buffer.from(testKey()).toString('base64'));
      expect(logged).not.toContain(testKey().join(','));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
