/**
 * Optional passphrase encryption of `.fieldwork` files: Argon2id (or PBKDF2-SHA256) key derivation and
 * AES-256-GCM in authenticated chunks, header bound into every chunk (see header.ts for the layout).
 */
export { encryptingSink } from './sink';
export type { EncryptOptions } from './sink';
export { KeyCache, WRONG_PASSPHRASE_MESSAGE, isEncrypted, openEncrypted } from './reader';
export type { OpenEncryptedOptions } from './reader';
export {
  DEFAULT_CHUNK_BYTES,
  DEFAULT_KDF,
  KDF_BOUNDS,
  MAGIC,
  TEST_KDF,
  type EncryptionHeader,
  type KdfParams,
} from './header';
