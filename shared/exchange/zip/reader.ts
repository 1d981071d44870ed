/**
 * Opens a zip archive strictly: it must be exactly what ZipWriter produces. Every header byte is either
 * a fixed value, cross-checked against another record, or rebuilt from the parsed values and compared,
 * so a changed byte anywhere is caught when the archive is opened or, inside entry data, when the entry
 * is streamed (CRC-32 of the content, CRC-32 of the deflated bytes, exact size). Names that could escape a
 * folder, duplicate names, sizes beyond the limits and zip bombs are refused ('unsafe'); inflating stops
 * as soon as an entry yields more than it declared, so memory stays bounded.
 */
import { Inflate } from 'fflate';
import { createCRC32, type IHasher } from 'hash-wasm';
import { throwIfAborted } from '../io';
import { ExchangeError, type PackageLimits, type RandomAccessSource } from '../types';
import {
  CENTRAL_HEADER_BYTES,
  DESCRIPTOR_BYTES,
  EOCD_BYTES,
  EXTRA_FIELDWORK,
  EXTRA_ZIP64,
  MAX16,
  MAX32,
  METHOD_DEFLATE,
  METHOD_STORED,
  RecordReader,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_LOCAL,
  ZIP64_EOCD_BYTES,
  ZIP64_LOCATOR_BYTES,
  bytesEqual,
  centralRecordBytes,
  descriptorBytes,
  endBytes,
  localHeaderBytes,
  localPrefixBytes,
  needsZip64End,
  type CentralRecord,
  type DirectoryEnd,
} from './format';
import { collisionKey, unsafePathReason } from './paths';

const GiB = 1024 * 1024 * 1024;

export const DEFAULT_LIMITS: PackageLimits = {
  maxEntries: 1_000_000,
  maxEntryBytes: 64 * GiB,
  maxRecordEntryBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxTotalBytes: 1024 * GiB,
};

/** Entries smaller than this are not held to the compression ratio limit (small JSON compresses well). */
export const RATIO_CHECK_ABOVE_BYTES = 1024 * 1024;
/** Largest chunk `stream` yields. */
export const STREAM_CHUNK_BYTES = 1024 * 1024;
/** Compressed bytes read at once. */
const COMPRESSED_READ_BYTES = 256 * 1024;
/** Compressed bytes given to the inflater at once: at most ~1032 times this comes out of one push. */
const INFLATE_PUSH_BYTES = 16 * 1024;
/** Headers lying this close together are read with one read. */
const HEADER_READ_SPAN = 256 * 1024;
/** The central directory is read in pieces of this size. */
const DIRECTORY_READ_BYTES = 1024 * 1024;

export interface ZipEntry {
  readonly path: string;
  readonly method: 'stored' | 'deflate';
  /** Uncompressed size. */
  readonly size: number;
  readonly compressedSize: number;
  readonly crc32: number;
  /** Where the entry's stored or deflated bytes start in the source. */
  readonly dataOffset: number;
  /** Where the entry's local header starts. */
  readonly headerOffset: number;
}

export interface ZipArchive {
  /** In the order they appear in the file. */
  readonly entries: ZipEntry[];
  get(path: string): ZipEntry | undefined;
  /**
   * The entry's bytes, in chunks of at most 1 MiB. The content is only known to be intact once the
   * iteration has finished without throwing (CRC-32 and exact size are checked at the end).
   */
  stream(entry: ZipEntry, signal?: AbortSignal): AsyncIterable<Uint8Array>;
  /** The whole entry in memory; refuses ('too-large') entries larger than `maxBytes`. */
  readAll(entry: ZipEntry, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array>;
}

export interface OpenZipOptions {
  signal?: AbortSignal;
}

interface ParsedEntry extends ZipEntry {
  readonly record: CentralRecord;
  readonly time: number;
  readonly date: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function damaged(message: string, detail?: string): ExchangeError {
  return new ExchangeError('corrupt', `The file is damaged: ${message}.`, detail);
}

function unsafe(message: string, detail?: string): ExchangeError {
  return new ExchangeError('unsafe', `The file is unsafe to open: ${message}.`, detail);
}

function at(offset: number): string {
  return `byte ${offset}`;
}

/** Opens and checks the archive's structure (every header, not yet the entries' contents). */
export async function openZip(
  source: RandomAccessSource,
  limits: Partial<PackageLimits> = DEFAULT_LIMITS,
  options: OpenZipOptions = {},
): Promise<ZipArchive> {
  const allLimits: PackageLimits = { ...DEFAULT_LIMITS, ...limits };
  const end = await readDirectoryEnd(source);
  if (end.count > allLimits.maxEntries) {
    throw unsafe(`it has ${end.count} entries, more than the ${allLimits.maxEntries} allowed`);
  }
  const entries = await readCentralDirectory(source, end, allLimits, options.signal);
  await checkLocalHeaders(source, entries, end, options.signal);
  return archiveOf(source, entries);
}

// ---------------------------------------------------------------------------------------------------------
// End records

async function readDirectoryEnd(source: RandomAccessSource): Promise<DirectoryEnd> {
  const size = source.size;
  const head = await source.read(0, 4);
  const looksLikeZip = head.length === 4 && new RecordReader(head).u32() === SIG_LOCAL;
  const emptyZip = head.length === 4 && new RecordReader(head).u32() === SIG_EOCD;
  if (!looksLikeZip && !emptyZip) {
    throw new ExchangeError('not-a-package', 'The file is not a Fieldwork engagement file.');
  }
  if (size < EOCD_BYTES) throw damaged('it ends too early', at(size));
  const eocdAt = size - EOCD_BYTES;
  const eocd = new RecordReader(await readExact(source, eocdAt, EOCD_BYTES, at(eocdAt)));
  if (eocd.u32() !== SIG_EOCD) throw damaged('the end of its zip directory is missing', at(eocdAt));
  eocd.pos = 10;
  const count = eocd.u16();
  const directorySize = eocd.u32();
  const directoryOffset = eocd.u32();

  const markers = [count === MAX16, directorySize === MAX32, directoryOffset === MAX32];
  let end: DirectoryEnd;
  let endStart: number;
  if (markers.every(Boolean)) {
    endStart = eocdAt - ZIP64_LOCATOR_BYTES - ZIP64_EOCD_BYTES;
    if (endStart < 0) throw damaged('its ZIP64 end record is missing', at(eocdAt));
    const record = new RecordReader(await readExact(source, endStart, ZIP64_EOCD_BYTES, at(endStart)));
    record.pos = 32;
    end = { count: record.u64(), size: record.u64(), offset: record.u64() };
    if (end.count < 0 || end.size < 0 || end.offset < 0)
      throw damaged('its ZIP64 end record is invalid', at(endStart));
  } else {
    endStart = eocdAt;
    end = { count, size: directorySize, offset: directoryOffset };
  }
  const zip64 = endStart !== eocdAt;
  // The writer uses the classic end record alone only when every value fits it.
  if (!zip64 && needsZip64End(end)) throw damaged('the end of its zip directory is invalid', at(eocdAt));
  const expected = endBytes(end, zip64);
  const actual = await readExact(source, endStart, size - endStart, at(endStart));
  if (!bytesEqual(actual, expected)) throw damaged('the end of its zip directory is invalid', at(endStart));
  if (end.offset + end.size !== endStart) {
    throw damaged('its zip directory is not where the end record says', at(end.offset));
  }
  return end;
}

// ---------------------------------------------------------------------------------------------------------
// Central directory

async function readCentralDirectory(
  source: RandomAccessSource,
  end: DirectoryEnd,
  limits: PackageLimits,
  signal: AbortSignal | undefined,
): Promise<ParsedEntry[]> {
  const reader = new SequentialReader(source, end.offset, end.offset + end.size);
  const entries: ParsedEntry[] = [];
  const byKey = new Set<string>();
  let total = 0;
  let expectedOffset = 0;
  for (let index = 0; index < end.count; index++) {
    if (index % 1024 === 0) throwIfAborted(signal);
    const recordAt = reader.position;
    const entry = await readCentralRecord(reader);
    const reason = unsafePathReason(entry.path, entry.record.name.length);
    if (reason) throw unsafe(`an entry ${reason}`, entry.path);
    const key = collisionKey(entry.path);
    if (byKey.has(key)) throw unsafe('two entries have the same name', entry.path);
    byKey.add(key);
    checkLimits(entry, limits);
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw unsafe(`its entries add up to more than ${limits.maxTotalBytes} bytes`, entry.path);
    }
    if (entry.headerOffset !== expectedOffset) {
      throw damaged('an entry is not where the zip directory says', `${entry.path} (${at(recordAt)})`);
    }
    expectedOffset = entry.dataOffset + entry.compressedSize + DESCRIPTOR_BYTES;
    entries.push(entry);
  }
  if (reader.position !== end.offset + end.size) {
    throw damaged('its zip directory has more records than the end record counts', at(reader.position));
  }
  if (expectedOffset !== end.offset) {
    throw damaged('there are bytes between the last entry and the zip directory', at(expectedOffset));
  }
  return entries;
}

async function readCentralRecord(reader: SequentialReader): Promise<ParsedEntry> {
  const start = reader.position;
  const fixedBytes = await reader.take(CENTRAL_HEADER_BYTES);
  const fixed = new RecordReader(fixedBytes);
  if (fixed.u32() !== SIG_CENTRAL) throw damaged('a zip directory record is invalid', at(start));
  fixed.pos = 10;
  const method = fixed.u16();
  const time = fixed.u16();
  const date = fixed.u16();
  const crc32 = fixed.u32();
  const compressed32 = fixed.u32();
  const size32 = fixed.u32();
  const nameLength = fixed.u16();
  const extraLength = fixed.u16();
  fixed.pos = 42;
  const offset32 = fixed.u32();
  const variable = await reader.take(nameLength + extraLength);
  const name = variable.subarray(0, nameLength);
  const extra = variable.subarray(nameLength);

  let path: string;
  try {
    path = decoder.decode(name);
  } catch {
    throw damaged('an entry name is not valid text', at(start));
  }
  if (method !== METHOD_STORED && method !== METHOD_DEFLATE) {
    throw damaged('an entry uses a compression method Fieldwork does not write', path);
  }
  const fields = parseExtra(extra, { size32, compressed32, offset32 }, path);
  const record: CentralRecord = {
    name,
    method,
    crc32,
    size: fields.size,
    compressedSize: fields.compressedSize,
    compressedCrc32: fields.compressedCrc32,
    offset: fields.offset,
  };
  // Rebuild the record as the writer would and compare byte for byte: every field not read above must
  // hold its one fixed value, and each value has exactly one encoding.
  const expected = centralRecordBytes(record, { time, date }, fields.forcedZip64);
  if (!bytesEqual(join(fixedBytes, variable), expected)) {
    throw damaged('a zip directory record is not in the form Fieldwork writes', path);
  }
  if (method === METHOD_STORED && record.size !== record.compressedSize) {
    throw damaged('a stored entry has two different sizes', path);
  }
  return {
    path,
    method: method === METHOD_DEFLATE ? 'deflate' : 'stored',
    size: record.size,
    compressedSize: record.compressedSize,
    crc32,
    dataOffset: record.offset + localPrefixBytes(nameLength),
    headerOffset: record.offset,
    record,
    time,
    date,
  };
}

interface ExtraFields {
  size: number;
  compressedSize: number;
  offset: number;
  compressedCrc32: number;
  /** All three values were in the ZIP64 field (a writer told to force ZIP64 does that). */
  forcedZip64: boolean;
}

function parseExtra(
  extra: Uint8Array,
  header: { size32: number; compressed32: number; offset32: number },
  path: string,
): ExtraFields {
  const fields: ExtraFields = {
    size: header.size32,
    compressedSize: header.compressed32,
    offset: header.offset32,
    compressedCrc32: 0,
    forcedZip64: false,
  };
  const reader = new RecordReader(extra);
  while (reader.remaining >= 4) {
    const id = reader.u16();
    const length = reader.u16();
    if (length > reader.remaining) throw damaged('an entry has an invalid extra field', path);
    const body = new RecordReader(reader.take(length));
    if (id === EXTRA_ZIP64) {
      const wanted = [header.size32, header.compressed32, header.offset32].filter((v) => v === MAX32).length;
      if (length !== 8 * wanted) throw damaged('an entry has an invalid ZIP64 field', path);
      if (header.size32 === MAX32) fields.size = body.u64();
      if (header.compressed32 === MAX32) fields.compressedSize = body.u64();
      if (header.offset32 === MAX32) fields.offset = body.u64();
      fields.forcedZip64 = wanted === 3;
    } else if (id === EXTRA_FIELDWORK && length === 4) {
      fields.compressedCrc32 = body.u32();
    } else {
      throw damaged('an entry has an extra field Fieldwork does not write', path);
    }
  }
  if (fields.size < 0 || fields.compressedSize < 0 || fields.offset < 0) {
    throw damaged('an entry has an impossible size or position', path);
  }
  return fields;
}

function checkLimits(entry: ZipEntry, limits: PackageLimits): void {
  if (entry.size > limits.maxEntryBytes) {
    throw unsafe(`an entry is larger than ${limits.maxEntryBytes} bytes`, entry.path);
  }
  if (
    entry.method === 'deflate' &&
    entry.size > RATIO_CHECK_ABOVE_BYTES &&
    entry.size > entry.compressedSize * limits.maxCompressionRatio
  ) {
    throw unsafe(
      `an entry would expand more than ${limits.maxCompressionRatio} times (a zip bomb)`,
      entry.path,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Local headers and data descriptors

/** Each local header and data descriptor must be exactly what the central directory implies. */
async function checkLocalHeaders(
  source: RandomAccessSource,
  entries: readonly ParsedEntry[],
  end: DirectoryEnd,
  signal: AbortSignal | undefined,
): Promise<void> {
  // The pieces to check, in file order: [descriptor of entry i-1][local header of entry i].
  const pieces: { start: number; bytes: Uint8Array; what: string }[] = [];
  let previous: ParsedEntry | null = null;
  for (const entry of entries) {
    const header = localHeaderBytes(entry.record.name, entry.record.method, entry);
    const bytes = previous ? join(expectedDescriptor(previous), header) : header;
    pieces.push({ start: entry.headerOffset - (previous ? DESCRIPTOR_BYTES : 0), bytes, what: entry.path });
    previous = entry;
  }
  if (previous) {
    pieces.push({
      start: end.offset - DESCRIPTOR_BYTES,
      bytes: expectedDescriptor(previous),
      what: previous.path,
    });
  }
  let index = 0;
  while (index < pieces.length) {
    throwIfAborted(signal);
    const first = pieces[index];
    if (!first) break;
    let last = index;
    for (let next = index + 1; next < pieces.length; next++) {
      const piece = pieces[next];
      if (!piece || piece.start + piece.bytes.length - first.start > HEADER_READ_SPAN) break;
      last = next;
    }
    const lastPiece = pieces[last] ?? first;
    const spanEnd = lastPiece.start + lastPiece.bytes.length;
    const window = await readExact(source, first.start, spanEnd - first.start, at(first.start));
    for (let i = index; i <= last; i++) {
      const piece = pieces[i];
      if (!piece) continue;
      const actual = window.subarray(
        piece.start - first.start,
        piece.start - first.start + piece.bytes.length,
      );
      if (!bytesEqual(actual, piece.bytes)) {
        throw damaged('a local header or data descriptor does not match the zip directory', piece.what);
      }
    }
    index = last + 1;
  }
}

function expectedDescriptor(entry: ParsedEntry): Uint8Array {
  return descriptorBytes(entry.crc32, entry.compressedSize, entry.size);
}

// ---------------------------------------------------------------------------------------------------------
// Reading entries

function archiveOf(source: RandomAccessSource, entries: ParsedEntry[]): ZipArchive {
  const byPath = new Map<string, ParsedEntry>();
  for (const entry of entries) byPath.set(entry.path, entry);
  const own = (entry: ZipEntry): ParsedEntry => {
    const found = byPath.get(entry.path);
    if (!found || found.headerOffset !== entry.headerOffset) {
      throw new Error(`The entry ${entry.path} is not part of this archive.`);
    }
    return found;
  };
  return {
    entries,
    get: (path) => byPath.get(path),
    stream: (entry, signal) => streamEntry(source, own(entry), signal),
    async readAll(entry, maxBytes, signal) {
      const parsed = own(entry);
      if (parsed.size > maxBytes) {
        throw new ExchangeError(
          'too-large',
          `The entry is too large to read (${parsed.size} bytes; at most ${maxBytes} allowed).`,
          parsed.path,
        );
      }
      const out = new Uint8Array(parsed.size);
      let filled = 0;
      for await (const chunk of streamEntry(source, parsed, signal)) {
        out.set(chunk, filled);
        filled += chunk.length;
      }
      return out;
    },
  };
}

async function* streamEntry(
  source: RandomAccessSource,
  entry: ParsedEntry,
  signal: AbortSignal | undefined,
): AsyncIterable<Uint8Array> {
  const crc = await createCRC32();
  crc.init();
  if (entry.method === 'stored') {
    const endAt = entry.dataOffset + entry.size;
    for (let pos = entry.dataOffset; pos < endAt;) {
      throwIfAborted(signal);
      const chunk = await readExact(source, pos, Math.min(STREAM_CHUNK_BYTES, endAt - pos), entry.path);
      crc.update(chunk);
      pos += chunk.length;
      yield chunk;
    }
  } else {
    yield* inflateEntry(source, entry, crc, signal);
  }
  if (crcValue(crc) !== entry.crc32) throw damaged('an entry does not match its checksum', entry.path);
}

async function* inflateEntry(
  source: RandomAccessSource,
  entry: ParsedEntry,
  crc: IHasher,
  signal: AbortSignal | undefined,
): AsyncIterable<Uint8Array> {
  const compressedCrc = await createCRC32();
  compressedCrc.init();
  const output: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    output.push(chunk);
  });
  const push = (piece: Uint8Array, final: boolean): void => {
    try {
      inflater.push(piece, final);
    } catch {
      throw damaged('an entry cannot be decompressed', entry.path);
    }
    if (produced > entry.size) {
      throw unsafe('an entry expands to more than its recorded size (a zip bomb)', entry.path);
    }
  };
  const endAt = entry.dataOffset + entry.compressedSize;
  if (entry.compressedSize === 0) push(new Uint8Array(0), true);
  for (let pos = entry.dataOffset; pos < endAt;) {
    throwIfAborted(signal);
    const chunk = await readExact(source, pos, Math.min(COMPRESSED_READ_BYTES, endAt - pos), entry.path);
    compressedCrc.update(chunk);
    pos += chunk.length;
    for (let used = 0; used < chunk.length; used += INFLATE_PUSH_BYTES) {
      const piece = chunk.subarray(used, Math.min(used + INFLATE_PUSH_BYTES, chunk.length));
      push(piece, pos === endAt && used + piece.length === chunk.length);
      for (const out of output.splice(0)) {
        for (let from = 0; from < out.length; from += STREAM_CHUNK_BYTES) {
          const part = out.subarray(from, Math.min(from + STREAM_CHUNK_BYTES, out.length));
          crc.update(part);
          yield part;
        }
      }
    }
  }
  if (crcValue(compressedCrc) !== entry.record.compressedCrc32) {
    throw damaged('the compressed bytes of an entry do not match their checksum', entry.path);
  }
  if (produced !== entry.size) throw damaged('an entry is shorter than its recorded size', entry.path);
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

function crcValue(hasher: IHasher): number {
  return Number.parseInt(hasher.digest('hex'), 16);
}

/** Exactly `length` bytes at `offset`, or a 'corrupt' error naming `detail` when the file ends first. */
async function readExact(
  source: RandomAccessSource,
  offset: number,
  length: number,
  detail: string,
): Promise<Uint8Array> {
  if (offset < 0 || offset + length > source.size) throw damaged('it ends too early', detail);
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw damaged('it ends too early', detail);
  return bytes;
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Reads a byte range front to back in large pieces; the views `take` returns stay valid. */
class SequentialReader {
  readonly #source: RandomAccessSource;
  readonly #end: number;
  #buffer: Uint8Array = new Uint8Array(0);
  #bufferStart: number;
  #pos: number;

  constructor(source: RandomAccessSource, start: number, end: number) {
    this.#source = source;
    this.#end = end;
    this.#bufferStart = start;
    this.#pos = start;
  }

  get position(): number {
    return this.#pos;
  }

  async take(length: number): Promise<Uint8Array> {
    if (this.#pos + length > this.#end) throw damaged('its zip directory ends too early', at(this.#pos));
    if (this.#pos + length > this.#bufferStart + this.#buffer.length) {
      // A new buffer each time (never overwritten), so views handed out earlier stay valid.
      const kept = this.#buffer.subarray(this.#pos - this.#bufferStart);
      const readFrom = this.#pos + kept.length;
      const want = Math.min(Math.max(DIRECTORY_READ_BYTES, length - kept.length), this.#end - readFrom);
      this.#buffer = join(kept, await readExact(this.#source, readFrom, want, at(readFrom)));
      this.#bufferStart = this.#pos;
    }
    const from = this.#pos - this.#bufferStart;
    this.#pos += length;
    return this.#buffer.subarray(from, from + length);
  }
}
