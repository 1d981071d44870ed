/**
 * The app-lock channels: remembering the lock's data key between launches (see `lock/key-cache.ts`).
 *
 * The registration wrapper has already checked that the caller is the Fieldwork window (so the key is only
 * ever handed back to our own UI) and parsed the argument (lock and profile ids ≤ 100 characters, a key of
 * exactly 32 bytes, 1–72 hours). Main never decides on its own to keep a key: it stores what the renderer
 * asks for, returns it only until its expiry, and deletes it when the renderer locks.
 */
import type { KeyCache } from '../lock/key-cache';
import type { IpcHandlers } from './register';

export type LockChannel = 'lock:key-status' | 'lock:key-remember' | 'lock:key-recall' | 'lock:key-forget';
export type LockHandlers = Pick<IpcHandlers, LockChannel>;

export function createLockHandlers(cache: KeyCache): LockHandlers {
  return {
    'lock:key-status': () => cache.status(),
    'lock:key-remember': async (request) => {
      try {
        await cache.remember(request);
      } finally {
        // This array is main's own copy, deserialized from the IPC message: zero it once stored (or refused).
        request.key.fill(0);
      }
    },
    'lock:key-recall': () => cache.recall(),
    'lock:key-forget': () => cache.forget(),
  };
}
