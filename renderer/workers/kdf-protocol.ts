/** Messages between the app lock and its key-derivation worker (workers/kdf.worker.ts). */
import type { KdfHeader } from '@shared/exchange/crypto/header';

export interface KdfRequest {
  passphrase: string;
  kdf: KdfHeader;
  salt: Uint8Array<ArrayBuffer>;
}

/** The derived key is a non-extractable WebCrypto key: it is structured-cloned, never exposed as bytes. */
export type KdfResponse = { ok: true; key: CryptoKey } | { ok: false; message: string };
