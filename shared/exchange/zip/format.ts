/**
 * The zip layout our writer produces and our strict reader accepts (docs/exchange-format.md describes it
 * for other tools): record signatures, the fixed header values, little-endian field helpers and the DOS
 * timestamp. One place, so writer and reader cannot drift apart.
 */

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_DESCRIPTOR = 0x08074b50;
export const SIG_EOCD = 0x06054b50;
export const SIG_ZIP64_EOCD = 0x06064b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;

/** "Version needed to extract": 4.5 (ZIP64). Every record uses it. */
export const ZIP_VERSION = 45;
/**
 * "Version made by": 4.5 on host 3 (Unix), as most zip tools write; with host 0 (MS-DOS) Info-ZIP's
 * unzip would read the UTF-8 names of the central directory as an old DOS code page.
 */
export const ZIP_MADE_BY = (3 << 8) | ZIP_VERSION;
/** External attributes for host 3: a regular file, rw-r--r--, so unzip extracts readable files. */
export const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
/** Bit 3 (sizes and CRC in a data descriptor) and bit 11 (UTF-8 names): every entry has both. */
export const ZIP_FLAGS = 0x0808;
export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;

export const LOCAL_HEADER_BYTES = 30;
/** The local header's extra field: a ZIP64 record whose sizes are zero (they follow in the descriptor). */
export const LOCAL_EXTRA_BYTES = 20;
/** Signature, CRC-32, compressed and uncompressed size as 8-byte values (ZIP64 form, always). */
export const DESCRIPTOR_BYTES = 24;
export const CENTRAL_HEADER_BYTES = 46;
export const EOCD_BYTES = 22;
export const ZIP64_EOCD_BYTES = 56;
export const ZIP64_LOCATOR_BYTES = 20;

export const EXTRA_ZIP64 = 0x0001;
/**
 * Fieldwork's extra field in the central directory of deflated entries ("FW"): the CRC-32 of the
 * compressed bytes, so that a changed bit the inflater would ignore (block padding) is still caught.
 */
export const EXTRA_FIELDWORK = 0x5746;
export const FIELDWORK_EXTRA_BYTES = 8;

export const MAX16 = 0xffff;
export const MAX32 = 0xffffffff;
/** Longest entry name in UTF-8 bytes. */
export const MAX_NAME_BYTES = 512;

/** Bytes from an entry's local header to its data. */
export function localPrefixBytes(nameBytes: number): number {
  return LOCAL_HEADER_BYTES + nameBytes + LOCAL_EXTRA_BYTES;
}

/** Little-endian record builder over a fixed-size buffer. */
export class RecordWriter {
  readonly bytes: Uint8Array;
  readonly #view: DataView;
  #pos = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.#view = new DataView(this.bytes.buffer);
  }

  u16(value: number): this {
    this.#view.setUint16(this.#pos, value, true);
    this.#pos += 2;
    return this;
  }

  u32(value: number): this {
    this.#view.setUint32(this.#pos, value >>> 0, true);
    this.#pos += 4;
    return this;
  }

  u64(value: number): this {
    this.#view.setUint32(this.#pos, value % 0x100000000, true);
    this.#view.setUint32(this.#pos + 4, Math.floor(value / 0x100000000), true);
    this.#pos += 8;
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.bytes.set(bytes, this.#pos);
    this.#pos += bytes.length;
    return this;
  }
}

/** Little-endian field reader; `u64` refuses values JavaScript numbers cannot hold exactly. */
export class RecordReader {
  readonly #view: DataView;
  readonly #bytes: Uint8Array;
  pos: number;

  constructor(bytes: Uint8Array, pos = 0) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = pos;
  }

  get remaining(): number {
    return this.#bytes.length - this.pos;
  }

  u16(): number {
    const value = this.#view.getUint16(this.pos, true);
    this.pos += 2;
    return value;
  }

  u32(): number {
    const value = this.#view.getUint32(this.pos, true);
    this.pos += 4;
    return value;
  }

  /** An 8-byte value, or -1 when it is beyond 2^53 (no real file is that large). */
  u64(): number {
    const low = this.#view.getUint32(this.pos, true);
    const high = this.#view.getUint32(this.pos + 4, true);
    this.pos += 8;
    if (high > 0x1fffff) return -1;
    return high * 0x100000000 + low;
  }

  take(length: number): Uint8Array {
    const out = this.#bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
}

export interface DosDateTime {
  time: number;
  date: number;
}

/** The MS-DOS date and time of a zip header, from the UTC fields of `date` (1980..2107, 2-second steps). */
export function dosDateTime(date: Date): DosDateTime {
  const ms = date.getTime();
  const valid = Number.isFinite(ms);
  const year = valid ? date.getUTCFullYear() : 1980;
  if (!valid || year < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** What the central directory says about one entry. */
export interface CentralRecord {
  name: Uint8Array;
  method: number;
  crc32: number;
  size: number;
  compressedSize: number;
  /** CRC-32 of the deflated bytes (deflated entries only). */
  compressedCrc32: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** An entry's local header: sizes and CRC-32 follow in the data descriptor. */
export function localHeaderBytes(name: Uint8Array, method: number, time: DosDateTime): Uint8Array {
  return new RecordWriter(LOCAL_HEADER_BYTES + name.length + LOCAL_EXTRA_BYTES)
    .u32(SIG_LOCAL)
    .u16(ZIP_VERSION)
    .u16(ZIP_FLAGS)
    .u16(method)
    .u16(time.time)
    .u16(time.date)
    .u32(0) // CRC-32: in the data descriptor
    .u32(MAX32) // sizes: in the ZIP64 extra field (zero here) and in the data descriptor
    .u32(MAX32)
    .u16(name.length)
    .u16(LOCAL_EXTRA_BYTES)
    .raw(name)
    .u16(EXTRA_ZIP64)
    .u16(16)
    .u64(0)
    .u64(0).bytes;
}

/** The data descriptor after an entry's bytes (always with 8-byte sizes, as the local ZIP64 extra announces). */
export function descriptorBytes(crc32: number, compressedSize: number, size: number): Uint8Array {
  return new RecordWriter(DESCRIPTOR_BYTES).u32(SIG_DESCRIPTOR).u32(crc32).u64(compressedSize).u64(size)
    .bytes;
}

/**
 * An entry's central directory record. Sizes and the offset go into a ZIP64 extra field only when they
 * do not fit in 32 bits (all three when `forceZip64`); deflated entries add the Fieldwork extra field.
 */
export function centralRecordBytes(
  record: CentralRecord,
  time: DosDateTime,
  forceZip64: boolean,
): Uint8Array {
  const bigSize = forceZip64 || record.size >= MAX32;
  const bigCompressed = forceZip64 || record.compressedSize >= MAX32;
  const bigOffset = forceZip64 || record.offset >= MAX32;
  const zip64Fields = Number(bigSize) + Number(bigCompressed) + Number(bigOffset);
  const zip64Bytes = zip64Fields > 0 ? 4 + 8 * zip64Fields : 0;
  const fwBytes = record.method === METHOD_DEFLATE ? FIELDWORK_EXTRA_BYTES : 0;
  const extraBytes = zip64Bytes + fwBytes;
  const out = new RecordWriter(CENTRAL_HEADER_BYTES + record.name.length + extraBytes)
    .u32(SIG_CENTRAL)
    .u16(ZIP_MADE_BY)
    .u16(ZIP_VERSION)
    .u16(ZIP_FLAGS)
    .u16(record.method)
    .u16(time.time)
    .u16(time.date)
    .u32(record.crc32)
    .u32(bigCompressed ? MAX32 : record.compressedSize)
    .u32(bigSize ? MAX32 : record.size)
    .u16(record.name.length)
    .u16(extraBytes)
    .u16(0) // comment length
    .u16(0) // disk number
    .u16(0) // internal attributes
    .u32(EXTERNAL_ATTRIBUTES)
    .u32(bigOffset ? MAX32 : record.offset)
    .raw(record.name);
  if (zip64Fields > 0) {
    out.u16(EXTRA_ZIP64).u16(8 * zip64Fields);
    if (bigSize) out.u64(record.size);
    if (bigCompressed) out.u64(record.compressedSize);
    if (bigOffset) out.u64(record.offset);
  }
  if (fwBytes > 0) out.u16(EXTRA_FIELDWORK).u16(4).u32(record.compressedCrc32);
  return out.bytes;
}

export interface DirectoryEnd {
  count: number;
  /** Bytes of the central directory. */
  size: number;
  /** Where the central directory starts. */
  offset: number;
}

/** Whether the archive needs the ZIP64 end records. */
export function needsZip64End(end: DirectoryEnd): boolean {
  return end.count >= MAX16 || end.size >= MAX32 || end.offset >= MAX32;
}

/**
 * The records after the central directory: with `zip64`, the ZIP64 end record and its locator, then the
 * classic end record with every count, size and offset at its maximum ("see ZIP64"); without, the
 * classic end record alone. No archive comment.
 */
export function endBytes(end: DirectoryEnd, zip64: boolean): Uint8Array {
  const out = new RecordWriter((zip64 ? ZIP64_EOCD_BYTES + ZIP64_LOCATOR_BYTES : 0) + EOCD_BYTES);
  if (zip64) {
    const recordAt = end.offset + end.size;
    out
      .u32(SIG_ZIP64_EOCD)
      .u64(ZIP64_EOCD_BYTES - 12) // size of the rest of the record
      .u16(ZIP_MADE_BY)
      .u16(ZIP_VERSION)
      .u32(0) // this disk
      .u32(0) // disk with the central directory
      .u64(end.count)
      .u64(end.count)
      .u64(end.size)
      .u64(end.offset)
      .u32(SIG_ZIP64_LOCATOR)
      .u32(0) // disk with the ZIP64 end record
      .u64(recordAt)
      .u32(1); // total disks
  }
  return out
    .u32(SIG_EOCD)
    .u16(0) // this disk
    .u16(0) // disk with the central directory
    .u16(zip64 ? MAX16 : end.count)
    .u16(zip64 ? MAX16 : end.count)
    .u32(zip64 ? MAX32 : end.size)
    .u32(zip64 ? MAX32 : end.offset)
    .u16(0).bytes; // comment length
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
