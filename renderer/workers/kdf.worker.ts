/**
 * Derives the app lock's wrapping key from a passphrase off the UI thread: Argon2id with 64 MiB takes
 * about a second, during which the lock screen would otherwise freeze. One derivation per worker; the
 * caller terminates it afterwards, which also frees the 64 MiB.
 */
import { deriveKey } from '@shared/exchange/crypto/keys';
import type { KdfRequest, KdfResponse } from './kdf-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<KdfRequest>) => void) | null;
  postMessage(message: KdfResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { passphrase, kdf, salt } = event.data;
  deriveKey(passphrase, kdf, salt).then(
    (key) => scope.postMessage({ ok: true, key: key as unknown as CryptoKey }),
    (error: unknown) =>
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
