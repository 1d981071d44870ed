/**
 * The zip container of `.fieldwork` files: a streaming, deterministic writer and a strict reader (see
 * format.ts for the layout). Deflate/inflate come from fflate; the container code is ours because
 * packages can exceed 4 GB (ZIP64) and every byte of a package must be checked.
 */
export { ZipWriter, WRITE_CHUNK_BYTES } from './writer';
export type { ZipAddOptions, ZipAddResult, ZipWriterOptions } from './writer';
export { DEFAULT_LIMITS, RATIO_CHECK_ABOVE_BYTES, STREAM_CHUNK_BYTES, openZip } from './reader';
export type { OpenZipOptions, ZipArchive, ZipEntry } from './reader';
export { MAX_NAME_BYTES } from './format';
export { collisionKey, unsafePathReason } from './paths';
