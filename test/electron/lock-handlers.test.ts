/**
 * The app-lock channels end to end, minus Electron: the renderer's platform adapter over the preload API,
 * an IPC stand-in that structured-clones arguments and results like Electron does, the real registration
 * wrapper (sender check, zod schemas), the real handlers and key cache on a temp folder. Also the
 * system-lock events from the power monitor to the renderer, and the browser adapter's refusals.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLockHandlers } from '../../electron/main/ipc/lock-handlers';
import {
  registerIpcHandlers,
  type InvokeEventLike,
  type IpcMainLike,
} from '../../electron/main/ipc/register';
import { createSenderCheck } from '../../electron/main/ipc/sender';
import {
  LINUX_NO_KEYRING,
  UNLOCK_CACHE_FILE,
  createKeyCache,
  type SafeStorageLike,
} from '../../electron/main/lock/key-cache';
import { forwardSystemLock, type LockableWindow } from '../../electron/main/lock/system-lock';
import { createFieldworkApi, type IpcRendererLike } from '../../electron/preload/api';
import { BROWSER_LOCK_KEYS_REASON, browserLockKeys } from '../../renderer/platform/browser';
import { createElectronPlatform } from '../../renderer/platform/electron';
import { IPC_ERROR_PREFIX, SYSTEM_LOCK_EVENT, type IpcChannel } from '../../shared/ipc';

/** A keychain that really encrypts (AES-256-GCM under a fixed key); `backend` as on Linux. */
function fakeKeychain(backend = 'kwallet6'): SafeStorageLike {
  const secret = Buffer.alloc(32, 0x33);
  return {
    isAsyncEncryptionAvailable: async () => true,
    async encryptStringAsync(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]);
    },
    async decryptStringAsync(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', secret, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(encrypted.length - 16));
      const body = encrypted.subarray(12, encrypted.length - 16);
      return {
        result: Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8'),
        shouldReEncrypt: false,
      };
    },
    getSelectedStorageBackend: () => backend,
  };
}

type Listener = Parameters<IpcMainLike['handle']>[1];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-lock-ipc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const APP_FRAME: InvokeEventLike = { senderFrame: { url: 'app://fieldwork/index.html' }, sender: { id: 1 } };

/** Main with the lock handlers registered; `invoke` calls a channel as a given frame would. */
function desktop(backend?: string) {
  const listeners = new Map<string, Listener>();
  const cache = createKeyCache({
    safeStorage: fakeKeychain(backend),
    platform: 'linux',
    filePath: path.join(dir, UNLOCK_CACHE_FILE),
  });
  const handlers = createLockHandlers(cache);
  const spies = {
    remember: vi.spyOn(handlers, 'lock:key-remember'),
    recall: vi.spyOn(handlers, 'lock:key-recall'),
  };
  // Only the lock channels are under test; the others are registered by their own tests.
  const notHere = async () => {
    throw new Error('not under test');
  };
  registerIpcHandlers(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    new Proxy(handlers, {
      get: (target, channel) => (Object.hasOwn(target, channel) ? Reflect.get(target, channel) : notHere),
    }) as Parameters<typeof registerIpcHandlers>[1], // the Proxy supplies every other channel
    { isTrustedSender: createSenderCheck() },
  );
  // Electron structured-clones in both directions: main gets its own copy of the key, and so does the UI.
  const invoke = async (channel: IpcChannel, event: InvokeEventLike, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return structuredClone(await listener(event, ...structuredClone(args)));
  };
  const renderer = new (class extends EventEmitter implements IpcRendererLike {
    invoke(channel: string, ...args: unknown[]) {
      return invoke(channel as IpcChannel, APP_FRAME, ...args); // the preload only names contract channels
    }
  })();
  const platform = createElectronPlatform(createFieldworkApi(renderer));
  return { platform, invoke, spies, renderer };
}

const key = () => Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
const request = (overrides: Record<string, unknown> = {}) => ({
  lockId: 'lock-1',
  profileId: 'profile-1',
  key: key(),
  hours: 12,
  ...overrides,
});

describe('the lock channels through the platform adapter', () => {
  it('status, remember, recall and forget work end to end', async () => {
    const { platform } = desktop();
    await expect(platform.lockKeys.status()).resolves.toEqual({ available: true });
    await platform.lockKeys.remember({ lockId: 'lock-1', profileId: 'profile-1', key: key(), hours: 12 });
    const recalled = await platform.lockKeys.recall();
    expect(recalled).toMatchObject({ lockId: 'lock-1', profileId: 'profile-1', key: key() });
    expect(Date.parse(recalled?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 11 * 60 * 60 * 1000);
    await platform.lockKeys.forget();
    await expect(platform.lockKeys.recall()).resolves.toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('a refusal reaches the UI in plain words, without the IPC prefix', async () => {
    const { platform } = desktop('basic_text');
    await expect(platform.lockKeys.status()).resolves.toEqual({
      available: false,
      reason: LINUX_NO_KEYRING,
    });
    const error = await platform.lockKeys
      .remember({ lockId: 'l', profileId: 'p', key: key(), hours: 1 })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(LINUX_NO_KEYRING);
  });

  it('main zeroes its own copy of the key once stored', async () => {
    const { invoke, spies } = desktop();
    await invoke('lock:key-remember', APP_FRAME, request());
    const received = spies.remember.mock.calls[0]?.[0].key;
    expect(received).toEqual(new Uint8Array(32));
    await expect(invoke('lock:key-recall', APP_FRAME)).resolves.toMatchObject({ key: key() });
  });
});

describe('the lock channels refuse before the key cache is reached', () => {
  it.each([
    ['another origin', { senderFrame: { url: 'https://evil.example/' }, sender: { id: 1 } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html' }, sender: { id: 1 } }],
    ['no frame', { sender: { id: 1 } }],
  ])('from %s: no key handed out, none stored', async (_label, event: InvokeEventLike) => {
    const { invoke, spies } = desktop();
    await invoke('lock:key-remember', APP_FRAME, request());
    await expect(invoke('lock:key-recall', event)).rejects.toThrow(/did not come from the Fieldwork window/);
    await expect(invoke('lock:key-remember', event, request({ lockId: 'evil' }))).rejects.toThrow(
      /did not come from the Fieldwork window/,
    );
    await expect(invoke('lock:key-forget', event)).rejects.toThrow(/did not come from/);
    await expect(invoke('lock:key-status', event)).rejects.toThrow(/did not come from/);
    expect(spies.recall).not.toHaveBeenCalled();
    expect(spies.remember).toHaveBeenCalledTimes(1);
    await expect(invoke('lock:key-recall', APP_FRAME)).resolves.toMatchObject({ lockId: 'lock-1' });
  });

  it.each([
    ['0 hours', request({ hours: 0 }), 'hours'],
    ['73 hours', request({ hours: 73 }), 'hours'],
    ['2.5 hours', request({ hours: 2.5 }), 'hours'],
    ['hours as text', request({ hours: '8' }), 'hours'],
    ['a 31-byte key', request({ key: new Uint8Array(31) }), 'exactly 32 bytes'],
    ['a 33-byte key', request({ key: new Uint8Array(33) }), 'exactly 32 bytes'],
    ['a key as a number array', request({ key: Array.from(key()) }), 'key must be a Uint8Array'],
    ['a key as base64 text', request({ key: Buffer.from(key()).toString('base64') }), 'Uint8Array'],
    ['a 101-character lock id', request({ lockId: 'l'.repeat(101) }), 'lockId'],
    ['an empty profile id', request({ profileId: '' }), 'profileId'],
    ['no profile id', request({ profileId: undefined }), 'profileId'],
  ])('%s', async (_label, argument, mentions) => {
    const { invoke, spies } = desktop();
    const error = await invoke('lock:key-remember', APP_FRAME, argument).catch((caught: unknown) => caught);
    const message = (error as Error).message;
    expect(message.startsWith(IPC_ERROR_PREFIX)).toBe(true);
    expect(message).toContain('Invalid request for "lock:key-remember"');
    expect(message).toContain(mentions);
    // The error never echoes the key back.
    expect(message).not.toContain(Buffer.from(key()).toString('base64'));
    expect(message).not.toContain(Array.from(key()).slice(0, 4).join(','));
    expect(spies.remember).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });

  it('the argument-less channels refuse an argument', async () => {
    const { invoke } = desktop();
    await expect(invoke('lock:key-recall', APP_FRAME, { lockId: 'x' })).rejects.toThrow(/Invalid request/);
    await expect(invoke('lock:key-forget', APP_FRAME, 'all')).rejects.toThrow(/Invalid request/);
  });
});

/** A BrowserWindow stand-in recording what main sends it. */
function fakeWindow(destroyed = false) {
  const sent: unknown[][] = [];
  const window: LockableWindow = {
    isDestroyed: () => destroyed,
    webContents: { isDestroyed: () => destroyed, send: (...args: unknown[]) => sent.push(args) },
  };
  return { window, sent };
}

describe('system lock', () => {
  it('forwards lock-screen and suspend to every live window, nothing else, until unsubscribed', () => {
    const powerMonitor = new EventEmitter();
    const live = fakeWindow();
    const closed = fakeWindow(true);
    const stop = forwardSystemLock(powerMonitor, () => [live.window, closed.window]);
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('unlock-screen');
    powerMonitor.emit('resume');
    powerMonitor.emit('suspend');
    expect(live.sent).toEqual([
      [SYSTEM_LOCK_EVENT, 'lock-screen'],
      [SYSTEM_LOCK_EVENT, 'suspend'],
    ]);
    expect(closed.sent).toEqual([]);
    stop();
    expect(powerMonitor.eventNames()).toEqual([]);
  });

  it('asks for the windows at the time of the event (a window opened later is told too)', () => {
    const powerMonitor = new EventEmitter();
    const windows: LockableWindow[] = [];
    forwardSystemLock(powerMonitor, () => windows);
    const later = fakeWindow();
    windows.push(later.window);
    powerMonitor.emit('suspend');
    expect(later.sent).toEqual([[SYSTEM_LOCK_EVENT, 'suspend']]);
  });

  it('reaches Platform.onSystemLock listeners, which can unsubscribe', () => {
    const { platform, renderer } = desktop();
    const powerMonitor = new EventEmitter();
    const window: LockableWindow = {
      isDestroyed: () => false,
      webContents: {
        isDestroyed: () => false,
        send: (channel, payload) => renderer.emit(channel, {}, payload),
      },
    };
    forwardSystemLock(powerMonitor, () => [window]);
    const listener = vi.fn();
    const stop = platform.onSystemLock(listener);
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('suspend');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener.mock.calls.every((args) => args.length === 0)).toBe(true);
    stop();
    powerMonitor.emit('suspend');
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('browser platform', () => {
  it('never remembers an unlock, and says why', async () => {
    await expect(browserLockKeys.status()).resolves.toEqual({
      available: false,
      reason: BROWSER_LOCK_KEYS_REASON,
    });
    await expect(
      browserLockKeys.remember({ lockId: 'l', profileId: 'p', key: key(), hours: 8 }),
    ).rejects.toThrow(BROWSER_LOCK_KEYS_REASON);
    await expect(browserLockKeys.recall()).resolves.toBeNull();
    await expect(browserLockKeys.forget()).resolves.toBeUndefined();
  });
});
