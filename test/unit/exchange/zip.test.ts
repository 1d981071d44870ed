/**
 * The zip container: round trips, byte-for-byte determinism, other tools (Python's zipfile) reading what
 * we write, and the strict reader refusing every altered, truncated or hostile archive.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesSource, chunksOf, collect, memorySink } from '@shared/exchange/io';
import { ExchangeCancelledError, ExchangeError, type PackageLimits } from '@shared/exchange/types';
import { DEFAULT_LIMITS, ZipWriter, openZip, type ZipArchive } from '@shared/exchange/zip';

const MODIFIED = new Date('2025-03-04T05:06:08Z');
const tempDir = mkdtempSync(join(tmpdir(), 'fieldwork-zip-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

interface Input {
  path: string;
  data: Uint8Array | (() => AsyncIterable<Uint8Array>);
  compress: boolean;
}

async function writeZip(
  inputs: Input[],
  options: { forceZip64?: boolean; modifiedAt?: Date } = {},
): Promise<Uint8Array> {
  const sink = memorySink();
  const writer = new ZipWriter(sink, {
    modifiedAt: options.modifiedAt ?? MODIFIED,
    forceZip64: options.forceZip64,
  });
  for (const input of inputs) {
    const data = typeof input.data === 'function' ? input.data() : input.data;
    await writer.add(input.path, data, { compress: input.compress });
  }
  await writer.finish();
  expect(sink.closed).toBe(true);
  return sink.bytes();
}

async function readEverything(archive: ZipArchive): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const entry of archive.entries) out.set(entry.path, await collect(archive.stream(entry)));
  return out;
}

/** Opens and streams every entry; resolves to the error thrown, or null when everything was accepted. */
async function rejection(bytes: Uint8Array, limits?: Partial<PackageLimits>): Promise<unknown> {
  try {
    const archive = await openZip(bytesSource(bytes), limits);
    await readEverything(archive);
    return null;
  } catch (error) {
    return error;
  }
}

async function expectRejected(
  bytes: Uint8Array,
  code?: string,
  limits?: Partial<PackageLimits>,
): Promise<ExchangeError> {
  const error = await rejection(bytes, limits);
  expect(error).toBeInstanceOf(ExchangeError);
  if (!(error instanceof ExchangeError)) throw new Error('not rejected');
  if (code) expect(error.code).toBe(code);
  return error;
}

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Text that deflates well, different on every line. */
function compressible(bytes: number): Uint8Array {
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += `{"id":"rec-${i}","name":"Control ${i % 97}","ok":true}\n`;
  return text(out.slice(0, bytes));
}

async function* unevenChunks(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  const sizes = [1, 7, 65_535, 65_537, 300_000, 1_500_000];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    yield bytes.subarray(at, Math.min(at + size, bytes.length));
    at += size;
  }
}

function python(script: string, file: string): string {
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`python3 failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

const PYTHON_READ = `
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({i.filename: [i.compress_type, i.file_size, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()}))
`;

const random3MiB = new Uint8Array(randomBytes(3 * 1024 * 1024 + 123));
const text3MiB = compressible(3 * 1024 * 1024 + 45);

const MIXED: Input[] = [
  { path: 'manifest.json', data: text('{"format":"fieldwork-package"}'), compress: true },
  { path: 'records/controls.ndjson', data: () => unevenChunks(text3MiB), compress: true },
  { path: 'evidence/photo.jpg', data: () => unevenChunks(random3MiB), compress: false },
  { path: 'evidence/empty-stored', data: new Uint8Array(0), compress: false },
  { path: 'evidence/empty-deflated', data: new Uint8Array(0), compress: true },
  { path: 'Évidence/日本語 ü.txt', data: text('naïve café – 日本'), compress: true },
];

function expectedContent(input: Input): Uint8Array {
  if (input.path === 'records/controls.ndjson') return text3MiB;
  if (input.path === 'evidence/photo.jpg') return random3MiB;
  if (typeof input.data === 'function') throw new Error('unexpected');
  return input.data;
}

describe('zip round trip', () => {
  it('reads back stored, deflated, empty, multi-chunk and UTF-8 named entries exactly', async () => {
    const sink = memorySink();
    const writer = new ZipWriter(sink, { modifiedAt: MODIFIED });
    const results = [];
    for (const input of MIXED) {
      const data = typeof input.data === 'function' ? input.data() : input.data;
      results.push(await writer.add(input.path, data, { compress: input.compress }));
    }
    await writer.finish();
    const bytes = sink.bytes();

    const archive = await openZip(bytesSource(bytes), DEFAULT_LIMITS);
    expect(archive.entries.map((e) => e.path)).toEqual(MIXED.map((i) => i.path));
    for (const [i, input] of MIXED.entries()) {
      const content = expectedContent(input);
      const entry = archive.get(input.path);
      if (!entry) throw new Error(`missing ${input.path}`);
      expect(entry.method).toBe(input.compress ? 'deflate' : 'stored');
      expect(entry.size).toBe(content.length);
      expect(results[i]).toEqual({
        path: input.path,
        size: content.length,
        compressedSize: entry.compressedSize,
        crc32: crc32(content),
        sha256: sha256(content),
      });
      expect(entry.crc32).toBe(crc32(content));
      const chunks: Uint8Array[] = [];
      for await (const chunk of archive.stream(entry)) chunks.push(chunk);
      expect(chunks.every((c) => c.length <= 1024 * 1024)).toBe(true);
      expect(sha256(await collect(chunksOf(Buffer.concat(chunks), 1 << 20)))).toBe(sha256(content));
      expect(sha256(await archive.readAll(entry, content.length))).toBe(sha256(content));
    }
    // Compressible text is deflated, random bytes are stored as they are.
    const ndjson = archive.get('records/controls.ndjson');
    expect(ndjson && ndjson.compressedSize < text3MiB.length / 4).toBe(true);
    const photo = archive.get('evidence/photo.jpg');
    if (!photo) throw new Error('missing photo');
    expect(photo.compressedSize).toBe(random3MiB.length);
    // A stored entry's bytes can be sliced straight out of the file.
    expect(sha256(bytes.subarray(photo.dataOffset, photo.dataOffset + photo.size))).toBe(sha256(random3MiB));
  });

  it('writes the same bytes for the same input, however the input is chunked', async () => {
    const a = await writeZip(MIXED);
    const rechunked = MIXED.map((input) => ({
      ...input,
      data: () => chunksOf(expectedContent(input), 4096),
    }));
    const b = await writeZip(rechunked);
    expect(sha256(b)).toBe(sha256(a));
    const later = await writeZip(MIXED, { modifiedAt: new Date('2025-03-04T05:06:10Z') });
    expect(sha256(later)).not.toBe(sha256(a));
  });

  it('is a standard zip: Python reads every entry, with and without ZIP64 records', async () => {
    for (const forceZip64 of [false, true]) {
      const bytes = await writeZip(MIXED, { forceZip64 });
      const file = join(tempDir, `mixed-${forceZip64}.zip`);
      writeFileSync(file, bytes);
      const listed = JSON.parse(python(PYTHON_READ, file)) as Record<string, [number, number, string]>;
      for (const input of MIXED) {
        const content = expectedContent(input);
        expect(listed[input.path]).toEqual([input.compress ? 8 : 0, content.length, sha256(content)]);
      }
      // Our own reader accepts its ZIP64 form too.
      const archive = await openZip(bytesSource(bytes), DEFAULT_LIMITS);
      const photo = archive.get('evidence/photo.jpg');
      if (!photo) throw new Error('missing photo');
      expect(sha256(await archive.readAll(photo, photo.size))).toBe(sha256(random3MiB));
      if (forceZip64) {
        // The ZIP64 end record and locator sit before the classic end record.
        const tail = Buffer.from(bytes.subarray(bytes.length - 98));
        expect(tail.readUInt32LE(0)).toBe(0x06064b50);
        expect(tail.readUInt32LE(56)).toBe(0x07064b50);
      }
    }
  });

  it('follows the documented layout byte for byte', async () => {
    const inputs = [
      { path: 'a.txt', data: text('hello') },
      { path: 'dir/b.bin', data: new Uint8Array([0, 1, 2, 255]) },
    ];
    const written = await writeZip(inputs.map((i) => ({ ...i, compress: false })));
    const built = rawZip(
      inputs.map((i) => ({ name: i.path, method: 0, data: i.data })),
      MODIFIED,
    );
    expect(Buffer.from(written).equals(Buffer.from(built))).toBe(true);
  });

  it('refuses to read an entry into memory beyond the caller’s limit', async () => {
    const archive = await openZip(bytesSource(await writeZip(MIXED)), DEFAULT_LIMITS);
    const entry = archive.get('records/controls.ndjson');
    if (!entry) throw new Error('missing');
    await expect(archive.readAll(entry, 1024)).rejects.toMatchObject({
      code: 'too-large',
      detail: entry.path,
    });
  });

  it('stops writing when cancelled', async () => {
    const controller = new AbortController();
    const sink = memorySink();
    const writer = new ZipWriter(sink, { modifiedAt: MODIFIED, signal: controller.signal });
    await writer.add('a.txt', text('a'), { compress: true });
    async function* slow(): AsyncIterable<Uint8Array> {
      yield new Uint8Array(1024);
      controller.abort();
      yield new Uint8Array(1024);
    }
    await expect(writer.add('b.bin', slow(), { compress: false })).rejects.toBeInstanceOf(
      ExchangeCancelledError,
    );
    await expect(writer.finish()).rejects.toThrow();
    await writer.abort();
    expect(sink.aborted).toBe(true);
  });

  it('refuses unsafe or duplicate names when writing', async () => {
    const writer = new ZipWriter(memorySink(), { modifiedAt: MODIFIED });
    await expect(writer.add('../x', text('x'), { compress: false })).rejects.toMatchObject({
      code: 'unsafe',
    });
    const second = new ZipWriter(memorySink(), { modifiedAt: MODIFIED });
    await second.add('Records/A.json', text('x'), { compress: false });
    await expect(second.add('records/a.json', text('x'), { compress: false })).rejects.toMatchObject({
      code: 'unsafe',
    });
  });
});

// -------------------------------------------------------------------------------------------------------
// Tampering

describe('zip tampering', () => {
  const small: Input[] = [
    { path: 'manifest.json', data: text('{"format":"fieldwork-package","entries":3}'), compress: true },
    { path: 'evidence/a', data: text('stored evidence bytes'), compress: false },
    { path: 'records/x.ndjson', data: compressible(300), compress: true },
  ];

  it('rejects a single changed byte at every position', async () => {
    for (const forceZip64 of [false, true]) {
      const bytes = await writeZip(small, { forceZip64 });
      expect(await rejection(bytes)).toBeNull();
      const accepted: number[] = [];
      for (let position = 0; position < bytes.length; position++) {
        const altered = bytes.slice();
        const flip = 1 + Math.floor(Math.random() * 255);
        altered[position] = (altered[position] ?? 0) ^ flip;
        const error = await rejection(altered);
        if (!(error instanceof ExchangeError)) accepted.push(position);
      }
      expect(accepted).toEqual([]);
    }
  });

  it('rejects every truncation and appended or prepended bytes', async () => {
    const bytes = await writeZip(small);
    for (let length = 0; length < bytes.length; length++) {
      const error = await rejection(bytes.subarray(0, length));
      expect(error, `truncated to ${length}`).toBeInstanceOf(ExchangeError);
    }
    for (const extra of [
      new Uint8Array(1),
      text('garbage after the end'),
      bytes.subarray(bytes.length - 22),
    ]) {
      await expectRejected(Buffer.concat([bytes, extra]));
      await expectRejected(Buffer.concat([extra, bytes]));
    }
  });

  it('says in plain words what is wrong and where', async () => {
    const bytes = await writeZip(small);
    const altered = bytes.slice();
    const archive = await openZip(bytesSource(bytes), DEFAULT_LIMITS);
    const stored = archive.get('evidence/a');
    if (!stored) throw new Error('missing');
    altered[stored.dataOffset + 3] = (altered[stored.dataOffset + 3] ?? 0) ^ 0x20;
    const error = await expectRejected(altered, 'corrupt');
    expect(error.message).toBe('The file is damaged: an entry does not match its checksum.');
    expect(error.detail).toBe('evidence/a');
    await expect(
      openZip(bytesSource(text('just some text, not a zip')), DEFAULT_LIMITS),
    ).rejects.toMatchObject({
      code: 'not-a-package',
      message: 'The file is not a Fieldwork engagement file.',
    });
  });
});

// -------------------------------------------------------------------------------------------------------
// Hostile archives, built by hand in the documented layout

interface RawEntry {
  name: string | Uint8Array;
  method: 0 | 8;
  /** The stored or deflated bytes. */
  data: Uint8Array;
  size?: number;
  crc?: number;
}

/** An archive in our layout (no ZIP64), with whatever names and declared sizes the test wants. */
function rawZip(entries: RawEntry[], modified: Date): Uint8Array {
  const time =
    (modified.getUTCHours() << 11) | (modified.getUTCMinutes() << 5) | (modified.getUTCSeconds() >> 1);
  const date =
    ((modified.getUTCFullYear() - 1980) << 9) | ((modified.getUTCMonth() + 1) << 5) | modified.getUTCDate();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : Buffer.from(entry.name);
    const size = entry.size ?? entry.data.length;
    const crc = entry.crc ?? crc32(entry.data);
    const local = Buffer.alloc(30 + name.length + 20);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(0x0808, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(20, 28);
    name.copy(local, 30);
    local.writeUInt16LE(1, 30 + name.length);
    local.writeUInt16LE(16, 32 + name.length);
    const descriptor = Buffer.alloc(24);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeBigUInt64LE(BigInt(entry.data.length), 8);
    descriptor.writeBigUInt64LE(BigInt(size), 16);
    const extra = entry.method === 8 ? 8 : 0;
    const record = Buffer.alloc(46 + name.length + extra);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(0x032d, 4);
    record.writeUInt16LE(45, 6);
    record.writeUInt16LE(0x0808, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(entry.data.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(extra, 30);
    record.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    record.writeUInt32LE(offset, 42);
    name.copy(record, 46);
    if (extra) {
      record.writeUInt16LE(0x5746, 46 + name.length);
      record.writeUInt16LE(4, 48 + name.length);
      record.writeUInt32LE(crc32(entry.data), 50 + name.length);
    }
    parts.push(local, Buffer.from(entry.data), descriptor);
    central.push(record);
    offset += local.length + entry.data.length + descriptor.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

async function deflatedZeros(bytes: number): Promise<Uint8Array> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= zeros.length) {
    const piece = left >= zeros.length ? zeros : zeros.subarray(0, left);
    if (!deflater.write(piece)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  return Buffer.concat(out);
}

describe('hostile archives', () => {
  const fine: RawEntry = { name: 'evidence/ok', method: 0, data: text('fine') };

  it('accepts the hand-built layout itself', async () => {
    expect(await rejection(rawZip([fine, { name: 'b', method: 0, data: text('b') }], MODIFIED))).toBeNull();
  });

  it.each([
    ['../x'],
    ['evidence/../../etc/passwd'],
    ['/abs'],
    ['a\\b'],
    ['C:x'],
    ['a//b'],
    ['dir/'],
    ['./a'],
    ['a\u0001b'],
    ['a\u007fb'],
    ['x'.repeat(513)],
  ])('refuses the entry name %j', async (name) => {
    const error = await expectRejected(
      rawZip([fine, { name, method: 0, data: text('evil') }], MODIFIED),
      'unsafe',
    );
    expect(error.detail).toBe(name);
    expect(error.message).toMatch(/^The file is unsafe to open: an entry has /);
  });

  it('refuses names that are not valid UTF-8', async () => {
    await expectRejected(
      rawZip([{ name: new Uint8Array([0x61, 0xff, 0x62]), method: 0, data: text('x') }], MODIFIED),
    );
  });

  it.each([
    ['evidence/a', 'evidence/a'],
    ['Records/Controls.json', 'records/controls.JSON'],
    ['caf\u00e9', 'cafe\u0301'],
  ])('refuses duplicate names %j and %j', async (first, second) => {
    const zip = rawZip(
      [
        { name: first, method: 0, data: text('one') },
        { name: second, method: 0, data: text('two') },
      ],
      MODIFIED,
    );
    const error = await expectRejected(zip, 'unsafe');
    expect(error.message).toBe('The file is unsafe to open: two entries have the same name.');
  });

  it('refuses declared sizes beyond the limits', async () => {
    const zip = rawZip([fine, { name: 'big', method: 0, data: new Uint8Array(2000) }], MODIFIED);
    await expectRejected(zip, 'unsafe', { maxEntryBytes: 1000 });
    await expectRejected(zip, 'unsafe', { maxTotalBytes: 2001 });
    await expectRejected(zip, 'unsafe', { maxEntries: 1 });
    expect(await rejection(zip, { maxEntryBytes: 2000, maxTotalBytes: 2004, maxEntries: 2 })).toBeNull();
    // A deflated entry claiming 4 GB from a few bytes is a bomb by its ratio alone.
    const tiny = new Uint8Array([0x03, 0x00]);
    await expectRejected(
      rawZip([{ name: 'claims-4gb', method: 8, data: tiny, size: 0xfffffff0 }], MODIFIED),
      'unsafe',
    );
  });

  it('refuses zip bombs without running out of memory', async () => {
    const zeros = 200 * 1024 * 1024;
    const bomb = await deflatedZeros(zeros);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;

    // Honest about its size: refused at open for its ratio.
    const honest = rawZip(
      [{ name: 'records/bomb.ndjson', method: 8, data: bomb, size: zeros, crc: 0 }],
      MODIFIED,
    );
    const honestError = await expectRejected(honest, 'unsafe');
    expect(honestError.message).toMatch(/zip bomb/);

    // Lying about its size: caught while inflating, as soon as it yields more than it declared.
    const liar = rawZip(
      [{ name: 'records/bomb.ndjson', method: 8, data: bomb, size: 1024, crc: 0 }],
      MODIFIED,
    );
    const archive = await openZip(bytesSource(liar), DEFAULT_LIMITS);
    const entry = archive.get('records/bomb.ndjson');
    if (!entry) throw new Error('missing');
    let yielded = 0;
    const error = await (async () => {
      try {
        for await (const chunk of archive.stream(entry)) yielded += chunk.length;
        return null;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toMatchObject({ code: 'unsafe', detail: 'records/bomb.ndjson' });
    expect(yielded).toBeLessThanOrEqual(1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });
});
