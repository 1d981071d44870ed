/**
 * The whole desktop path of a streaming save and open, minus Electron: the renderer's platform adapter over
 * the preload API, whose IPC goes through the real registration wrapper (sender check, zod schemas) to the
 * real main-process handlers writing and reading a temp folder.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExchangeHandlers } from '../../electron/main/ipc/exchange-handlers';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { createLockHandlers } from '../../electron/main/ipc/lock-handlers';
import { createKeyCache } from '../../electron/main/lock/key-cache';
import { registerIpcHandlers, type IpcMainLike } from '../../electron/main/ipc/register';
import { createSenderCheck } from '../../electron/main/ipc/sender';
import { createFieldworkApi, type IpcRendererLike } from '../../electron/preload/api';
import { createElectronPlatform } from '../../renderer/platform/electron';
import type { OpenedSource } from '../../renderer/platform/types';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-platform-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Listener = Parameters<IpcMainLike['handle']>[1];

/** The lock channels are not exercised here (see lock-handlers.test.ts), but every channel is registered. */
function lockCacheWithoutKeychain(folder: string) {
  const refuse = async (): Promise<never> => {
    throw new Error('no keychain in this test');
  };
  return createKeyCache({
    safeStorage: {
      isAsyncEncryptionAvailable: async () => false,
      encryptStringAsync: refuse,
      decryptStringAsync: refuse,
    },
    platform: 'linux',
    filePath: path.join(folder, 'unlock-cache.bin'),
  });
}

function desktop(answers: { save?: string; open?: string } = {}) {
  const listeners = new Map<string, Listener>();
  const calls: { channel: string; size: number }[] = [];
  const renderer = new (class extends EventEmitter implements IpcRendererLike {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      const argument = args[0] as { chunk?: Uint8Array } | undefined; // only to record chunk sizes
      calls.push({ channel, size: argument?.chunk?.byteLength ?? 0 });
      return listener({ senderFrame: { url: 'app://fieldwork/index.html' }, sender: { id: 1 } }, ...args);
    }
  })();
  const knownPaths = new Set<string>();
  const dialogs = {
    showSaveDialog: async () =>
      answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' },
    showOpenDialog: async () =>
      answers.open ? { canceled: false, filePaths: [answers.open] } : { canceled: true, filePaths: [] },
  };
  const exchange = createExchangeHandlers({
    ...dialogs,
    userDataPath: dir,
    send: (_owner, channel, payload) => renderer.emit(channel, {}, payload),
    knownPaths,
  });
  const basic = createHandlers({
    ...dialogs,
    revealInFolder: () => undefined,
    openExternal: async () => undefined,
    appInfo: {
      name: 'Fieldwork',
      version: '0',
      platform: 'linux',
      electronVersion: '',
      chromeVersion: '',
      isPackaged: true,
    },
    knownPaths,
  });
  registerIpcHandlers(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    { ...basic, ...exchange.handlers, ...createLockHandlers(lockCacheWithoutKeychain(dir)) },
    { isTrustedSender: createSenderCheck() },
  );
  return { platform: createElectronPlatform(createFieldworkApi(renderer)), exchange, calls };
}

const MiB = 1024 * 1024;
/** Byte comparison for many MiB (expect's deep equality walks typed arrays key by key). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('Electron platform streams', () => {
  it('saveStream splits a large chunk into IPC-sized pieces and the file arrives whole', async () => {
    const target = path.join(dir, 'big.fieldwork');
    const { platform, calls } = desktop({ save: target });
    const stream = await platform.saveStream('big.fieldwork');
    if (!stream) throw new Error('expected a stream');
    const big = new Uint8Array(40 * MiB).map((_, i) => i % 256);
    await stream.write(big);
    await stream.write(new Uint8Array([7]));
    const saved = await stream.close();
    expect(saved).toEqual({ location: target, name: 'big.fieldwork', canReveal: true });
    const written = new Uint8Array(await readFile(target));
    expect(written.length).toBe(40 * MiB + 1);
    expect(sameBytes(written.subarray(0, 40 * MiB), big)).toBe(true);
    expect(calls.filter((c) => c.channel === 'file:save-stream-write').map((c) => c.size)).toEqual([
      16 * MiB,
      16 * MiB,
      8 * MiB,
      1,
    ]);
    await platform.revealFile(target);
  });

  it('abort leaves nothing behind; a canceled dialog gives null', async () => {
    const target = path.join(dir, 'gone.fieldwork');
    const { platform } = desktop({ save: target });
    const stream = await platform.saveStream('gone.fieldwork');
    await stream?.write(new Uint8Array(10));
    await stream?.abort();
    expect(await readdir(dir)).toEqual([]);
    expect(await desktop().platform.saveStream('x.fieldwork')).toBeNull();
  });

  it('openSource reads across the 16 MiB IPC limit and closes', async () => {
    const source = path.join(dir, 'in.fieldwork');
    const content = new Uint8Array(20 * MiB).map((_, i) => (i * 7) % 256);
    await writeFile(source, content);
    const { platform } = desktop({ open: source });
    const opened = await platform.openSource();
    if (!opened) throw new Error('expected a source');
    expect(opened.size).toBe(20 * MiB);
    expect(sameBytes(await opened.read(MiB, 18 * MiB), content.subarray(MiB, 19 * MiB))).toBe(true);
    expect(await opened.read(20 * MiB - 3, 10)).toEqual(content.subarray(20 * MiB - 3));
    await opened.close();
    await expect(opened.read(0, 1)).rejects.toThrow(/not open/);
  });

  it('onOpenRequest delivers the file the app was started with once, even across a resubscribe', async () => {
    const file = path.join(dir, 'double-clicked.fieldwork');
    await writeFile(file, 'PK');
    const { platform, exchange } = desktop();
    exchange.fileOpened(file);
    const received: OpenedSource[] = [];
    // A view that mounts, unmounts and mounts again before the pending files arrive.
    platform.onOpenRequest((f) => received.push(f))();
    const stop = platform.onOpenRequest((f) => received.push(f));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(received.map((f) => f.name)).toEqual(['double-clicked.fieldwork']);
    expect(new TextDecoder().decode(await received[0]?.read(0, 2))).toBe('PK');
    // Later double-clicks arrive as events.
    const later = path.join(dir, 'later.fieldwork');
    await writeFile(later, 'x');
    exchange.fileOpened(later);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(received.map((f) => f.name)).toEqual(['double-clicked.fieldwork', 'later.fieldwork']);
    stop();
  });
});
