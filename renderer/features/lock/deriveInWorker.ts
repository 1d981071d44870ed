/**
 * The app lock's key derivation in a Worker (workers/kdf.worker.ts), so typing the passphrase and the
 * "Unlocking…" progress stay responsive. Where Workers are missing (tests under Node) it runs here.
 */
import type { DeriveKey } from '@shared/at-rest';
import { deriveKey } from '@shared/exchange/crypto/keys';
import type { KdfResponse } from '../../workers/kdf-protocol';

export const deriveInWorker: DeriveKey = (passphrase, kdf, salt) => {
  if (typeof Worker === 'undefined') return deriveKey(passphrase, kdf, salt);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../workers/kdf.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<KdfResponse>) => {
      worker.terminate();
      const message = event.data;
      if (message.ok) resolve(message.key as unknown as Awaited<ReturnType<DeriveKey>>);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(`The key derivation stopped unexpectedly: ${event.message || 'unknown error'}.`));
    };
    worker.postMessage({ passphrase, kdf, salt });
  });
};
