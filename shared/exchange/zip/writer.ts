/**
 * Writes a zip archive front to back into a ByteSink (no seeking): each entry is a local header, the
 * stored or deflated bytes, and a data descriptor with the CRC-32 and sizes; `finish` writes the central
 * directory (ZIP64 records when sizes, offsets or the entry count need them). Bytes are streamed in
 * bounded chunks, hashed (CRC-32, SHA-256) on the way, and the output depends only on the input and
 * `modifiedAt`, so the same package is written byte for byte the same.
 */
import { Deflate } from 'fflate';
import { createCRC32, createSHA256, type IHasher } from 'hash-wasm';
import { throwIfAborted } from '../io';
import { ExchangeError, type ByteSink } from '../types';
import {
  METHOD_DEFLATE,
  METHOD_STORED,
  centralRecordBytes,
  descriptorBytes,
  dosDateTime,
  endBytes,
  localHeaderBytes,
  needsZip64End,
  type CentralRecord,
  type DosDateTime,
} from './format';
import { collisionKey, unsafePathReason } from './paths';

/** Largest piece written to the sink at once. */
export const WRITE_CHUNK_BYTES = 1024 * 1024;
/** Input is fed to the deflater in blocks of exactly this size, so its output never depends on how the caller chunked the data. */
const DEFLATE_BLOCK_BYTES = 64 * 1024;
const DEFLATE_LEVEL = 6;
/** Central directory records are gathered into writes of about this size. */
const CENTRAL_BATCH_BYTES = 256 * 1024;

export interface ZipWriterOptions {
  /** Every entry's timestamp (UTC, 2-second precision). */
  modifiedAt: Date;
  signal?: AbortSignal;
  /** Tests only: write ZIP64 records even when nothing needs them. */
  forceZip64?: boolean;
}

export interface ZipAddOptions {
  /** Deflate (level 6) or store as is. */
  compress: boolean;
}

export interface ZipAddResult {
  path: string;
  size: number;
  compressedSize: number;
  crc32: number;
  /** SHA-256 of the uncompressed bytes, lowercase hex. */
  sha256: string;
}

interface Hashers {
  crc: IHasher;
  compressedCrc: IHasher;
  sha: IHasher;
}

const encoder = new TextEncoder();

export class ZipWriter {
  readonly #sink: ByteSink;
  readonly #signal: AbortSignal | undefined;
  readonly #forceZip64: boolean;
  readonly #time: DosDateTime;
  readonly #records: CentralRecord[] = [];
  readonly #names = new Set<string>();
  #offset = 0;
  #hashers: Hashers | null = null;
  #state: 'ready' | 'busy' | 'finished' | 'failed' = 'ready';

  constructor(sink: ByteSink, options: ZipWriterOptions) {
    this.#sink = sink;
    this.#signal = options.signal;
    this.#forceZip64 = options.forceZip64 ?? false;
    this.#time = dosDateTime(options.modifiedAt);
  }

  /** Bytes written so far. */
  get bytesWritten(): number {
    return this.#offset;
  }

  /** Appends one entry, reading `data` once; entries are added one at a time, in the order given. */
  async add(
    path: string,
    data: Uint8Array | AsyncIterable<Uint8Array>,
    options: ZipAddOptions,
  ): Promise<ZipAddResult> {
    this.#enter();
    try {
      const result = await this.#add(path, data, options);
      this.#state = 'ready';
      return result;
    } catch (error) {
      this.#state = 'failed';
      throw error;
    }
  }

  /** Writes the central directory and the end records, then closes the sink. */
  async finish(): Promise<void> {
    this.#enter();
    try {
      throwIfAborted(this.#signal);
      await this.#writeCentralDirectory();
      await this.#sink.close();
      this.#state = 'finished';
    } catch (error) {
      this.#state = 'failed';
      throw error;
    }
  }

  /** Gives up: discards what the sink has (if it can); the writer cannot be used again. */
  async abort(): Promise<void> {
    this.#state = 'failed';
    await this.#sink.abort();
  }

  #enter(): void {
    if (this.#state !== 'ready') {
      throw new Error(
        this.#state === 'busy'
          ? 'Zip entries must be added one at a time.'
          : 'This zip writer has already finished or failed.',
      );
    }
    this.#state = 'busy';
  }

  async #add(
    path: string,
    data: Uint8Array | AsyncIterable<Uint8Array>,
    options: ZipAddOptions,
  ): Promise<ZipAddResult> {
    throwIfAborted(this.#signal);
    const name = encoder.encode(path);
    const reason = unsafePathReason(path, name.length);
    if (reason) throw new ExchangeError('unsafe', `The entry ${reason}.`, path);
    const key = collisionKey(path);
    if (this.#names.has(key)) throw new ExchangeError('unsafe', 'Two entries have the same name.', path);
    this.#names.add(key);

    const hashers = await this.#initHashers();
    const offset = this.#offset;
    const method = options.compress ? METHOD_DEFLATE : METHOD_STORED;
    await this.#write(localHeaderBytes(name, method, this.#time));

    const dataStart = this.#offset;
    let size = 0;
    const input = options.compress ? this.#deflating(hashers) : this.#storing();
    for await (const chunk of pieces(data)) {
      throwIfAborted(this.#signal);
      hashers.crc.update(chunk);
      hashers.sha.update(chunk);
      size += chunk.length;
      await input.push(chunk);
    }
    throwIfAborted(this.#signal);
    await input.end();
    const compressedSize = this.#offset - dataStart;

    const record: CentralRecord = {
      name,
      method,
      crc32: crcValue(hashers.crc),
      size,
      compressedSize,
      compressedCrc32: method === METHOD_DEFLATE ? crcValue(hashers.compressedCrc) : 0,
      offset,
    };
    await this.#write(descriptorBytes(record.crc32, compressedSize, size));
    this.#records.push(record);
    return {
      path,
      size,
      compressedSize,
      crc32: record.crc32,
      sha256: hashers.sha.digest('hex'),
    };
  }

  async #initHashers(): Promise<Hashers> {
    if (!this.#hashers) {
      const [crc, compressedCrc, sha] = await Promise.all([createCRC32(), createCRC32(), createSHA256()]);
      this.#hashers = { crc, compressedCrc, sha };
    }
    this.#hashers.crc.init();
    this.#hashers.compressedCrc.init();
    this.#hashers.sha.init();
    return this.#hashers;
  }

  /** Stored data goes to the sink as it comes (its CRC-32 already covers every byte). */
  #storing(): EntryInput {
    return {
      push: (chunk) => this.#write(chunk),
      end: () => Promise.resolve(),
    };
  }

  /** Deflated data: fixed-size blocks in, whatever the deflater emits out, written before the next block. */
  #deflating(hashers: Hashers): EntryInput {
    const output: Uint8Array[] = [];
    const deflater = new Deflate({ level: DEFLATE_LEVEL, mem: 8 }, (chunk) => output.push(chunk));
    const block = new Uint8Array(DEFLATE_BLOCK_BYTES);
    let filled = 0;
    const drain = async (): Promise<void> => {
      for (const chunk of output.splice(0)) {
        hashers.compressedCrc.update(chunk);
        await this.#write(chunk);
      }
    };
    return {
      push: async (chunk) => {
        let used = 0;
        while (used < chunk.length) {
          const take = Math.min(chunk.length - used, block.length - filled);
          block.set(chunk.subarray(used, used + take), filled);
          filled += take;
          used += take;
          if (filled === block.length) {
            deflater.push(block, false);
            filled = 0;
            await drain();
          }
        }
      },
      end: async () => {
        deflater.push(block.subarray(0, filled), true);
        await drain();
      },
    };
  }

  async #writeCentralDirectory(): Promise<void> {
    const start = this.#offset;
    let batch: Uint8Array[] = [];
    let batchBytes = 0;
    for (const record of this.#records) {
      const bytes = centralRecordBytes(record, this.#time, this.#forceZip64);
      batch.push(bytes);
      batchBytes += bytes.length;
      if (batchBytes >= CENTRAL_BATCH_BYTES) {
        await this.#write(join(batch, batchBytes));
        batch = [];
        batchBytes = 0;
        throwIfAborted(this.#signal);
      }
    }
    if (batchBytes > 0) await this.#write(join(batch, batchBytes));
    const size = this.#offset - start;
    const count = this.#records.length;
    const end = { count, size, offset: start };
    await this.#write(endBytes(end, this.#forceZip64 || needsZip64End(end)));
  }

  async #write(chunk: Uint8Array): Promise<void> {
    if (chunk.length === 0) return;
    await this.#sink.write(chunk);
    this.#offset += chunk.length;
  }
}

interface EntryInput {
  push(chunk: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

/** The entry's bytes as views of at most WRITE_CHUNK_BYTES, however the caller chunked them. */
async function* pieces(data: Uint8Array | AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const sources: AsyncIterable<Uint8Array> | Uint8Array[] = data instanceof Uint8Array ? [data] : data;
  for await (const chunk of sources) {
    for (let at = 0; at < chunk.length; at += WRITE_CHUNK_BYTES) {
      yield chunk.subarray(at, Math.min(at + WRITE_CHUNK_BYTES, chunk.length));
    }
  }
}

function crcValue(hasher: IHasher): number {
  return Number.parseInt(hasher.digest('hex'), 16);
}

function join(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
