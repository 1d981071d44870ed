/**
 * Data at rest: the app lock's key slots, the sealing of stored records and the chunked encryption of
 * evidence files. Pure: the Dexie side (middleware, migration, lock session) is in renderer/db/at-rest/.
 */
export { AppLockedError, SealBrokenError, WrongPassphraseError } from './errors';
export {
  DATA_KEY_BYTES,
  RECOVERY_SLOT_ID,
  importDataKey,
  isRecoveryKeyForm,
  newDataKeyBytes,
  newRecoveryKey,
  normalizeRecoveryKey,
  unwrapDataKey,
  wipeDataKey,
  wrapDataKey,
  type DataKey,
  type DeriveKey,
  type KeySlot,
  type KeySlotKind,
} from './keys';
export {
  SEAL_VERSION,
  isSealedValue,
  openFromText,
  openJson,
  openSealedText,
  recordContext,
  sealJson,
  sealToText,
  type SealedText,
  type SealedValue,
} from './seal';
export {
  EVIDENCE_CHUNK_BYTES,
  EVIDENCE_HEADER_BYTES,
  EVIDENCE_TAG_BYTES,
  decryptEvidenceChunk,
  encryptEvidenceChunk,
  evidenceChunkCount,
  isEvidenceHeader,
  newEvidenceHeader,
  parseEvidenceHeader,
  sealedEvidenceSize,
  type EvidenceHeader,
} from './evidence';
