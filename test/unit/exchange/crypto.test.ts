/**
 * Passphrase encryption: round trips across chunk sizes, and every way a file can go wrong — a wrong
 * passphrase, any changed byte, truncation, reordered chunks, a hostile header — refused with the same
 * plain message before anything is trusted.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  KeyCache,
  TEST_KDF,
  WRONG_PASSPHRASE_MESSAGE,
  encryptingSink,
  isEncrypted,
  openEncrypted,
  type KdfParams,
} from '@shared/exchange/crypto';
import { bytesSource, chunksOf, collect, memorySink } from '@shared/exchange/io';
import { ExchangeError, type RandomAccessSource } from '@shared/exchange/types';
import { ZipWriter, openZip } from '@shared/exchange/zip';

const PASSPHRASE = 'correct horse battery staple';
const CHUNK = 64;

async function encrypt(
  plain: Uint8Array,
  options: { kdf?: KdfParams; chunkBytes?: number; passphrase?: string; writeSize?: number } = {},
): Promise<Uint8Array> {
  const inner = memorySink();
  const sink = await encryptingSink(inner, options.passphrase ?? PASSPHRASE, {
    kdf: options.kdf ?? TEST_KDF,
    chunkBytes: options.chunkBytes ?? CHUNK,
  });
  for await (const piece of chunksOf(plain, options.writeSize ?? 37)) await sink.write(piece);
  await sink.close();
  expect(inner.closed).toBe(true);
  return inner.bytes();
}

async function readAll(source: RandomAccessSource): Promise<Uint8Array> {
  return source.read(0, source.size);
}

/** Opens and reads everything; the error thrown, or null when the file was accepted. */
async function rejection(bytes: Uint8Array, keyCache?: KeyCache, passphrase = PASSPHRASE): Promise<unknown> {
  try {
    const source = await openEncrypted(bytesSource(bytes), passphrase, { keyCache });
    const all = await readAll(source);
    for (let at = 0; at < source.size; at += 50) await source.read(at, 50);
    return all.length === source.size ? null : new Error('short read');
  } catch (error) {
    return error;
  }
}

function headerLength(bytes: Uint8Array): number {
  return Buffer.from(bytes).readUInt32BE(8);
}

/** The file with its header JSON replaced (length adjusted). */
function withHeader(bytes: Uint8Array, change: (header: Record<string, unknown>) => void): Uint8Array {
  const length = headerLength(bytes);
  const header = JSON.parse(Buffer.from(bytes.subarray(12, 12 + length)).toString('utf8')) as Record<
    string,
    unknown
  >;
  change(header);
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(12);
  Buffer.from(bytes.subarray(0, 8)).copy(prefix);
  prefix.writeUInt32BE(json.length, 8);
  return Buffer.concat([prefix, json, bytes.subarray(12 + length)]);
}

describe('encryption round trip', () => {
  it.each([
    ['empty', 0],
    ['shorter than a chunk', 10],
    ['exactly one chunk', CHUNK],
    ['exactly three chunks', 3 * CHUNK],
    ['several chunks and a tail', 5 * CHUNK + 17],
  ])('reads back %s (%i bytes), at any offset', async (_label, size) => {
    const plain = new Uint8Array(randomBytes(size));
    const bytes = await encrypt(plain);
    const body = bytes.length - 12 - headerLength(bytes);
    // Whole chunks plus one shorter final chunk (empty when the size is a multiple), each with a 16-byte tag.
    expect(body).toBe(size + 16 * (Math.floor(size / CHUNK) + 1));
    const source = await openEncrypted(bytesSource(bytes), PASSPHRASE);
    expect(source.size).toBe(size);
    expect(Buffer.from(await readAll(source)).equals(Buffer.from(plain))).toBe(true);
    for (const [offset, length] of [
      [0, 1],
      [CHUNK - 3, 10],
      [CHUNK + 5, 2 * CHUNK],
      [size - 1, 5],
      [size + 10, 5],
    ] as const) {
      const expected = plain.subarray(Math.max(0, Math.min(offset, size)), Math.min(size, offset + length));
      expect(Buffer.from(await source.read(offset, length)).equals(Buffer.from(expected))).toBe(true);
    }
  });

  it('uses 1 MiB chunks by default and stays correct across them', async () => {
    const plain = new Uint8Array(randomBytes(2.5 * 1024 * 1024));
    const inner = memorySink();
    const sink = await encryptingSink(inner, PASSPHRASE, { kdf: TEST_KDF });
    for await (const piece of chunksOf(plain, 300_000)) await sink.write(piece);
    await sink.close();
    const bytes = inner.bytes();
    expect(bytes.length - 12 - headerLength(bytes)).toBe(plain.length + 3 * 16);
    const source = await openEncrypted(bytesSource(bytes), PASSPHRASE);
    expect(
      Buffer.from(await source.read(1024 * 1024 - 10, 20)).equals(
        Buffer.from(plain.subarray(1048566, 1048586)),
      ),
    ).toBe(true);
    expect(Buffer.from(await readAll(source)).equals(Buffer.from(plain))).toBe(true);
  });

  it('never writes the passphrase and never repeats salt or nonces', async () => {
    const plain = new TextEncoder().encode('the same text twice');
    const a = await encrypt(plain);
    const b = await encrypt(plain);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    for (const bytes of [a, b]) {
      expect(Buffer.from(bytes).includes(Buffer.from(PASSPHRASE))).toBe(false);
      expect(Buffer.from(bytes).includes(Buffer.from(plain))).toBe(false);
    }
    const header = JSON.parse(Buffer.from(a.subarray(12, 12 + headerLength(a))).toString('utf8')) as {
      kdf: { name: string; salt: string };
      cipher: string;
      chunkBytes: number;
      noncePrefix: string;
    };
    expect(header).toMatchObject({
      v: 1,
      cipher: 'AES-256-GCM',
      chunkBytes: CHUNK,
      kdf: { name: 'argon2id' },
    });
    expect(Buffer.from(header.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(header.noncePrefix, 'base64')).toHaveLength(8);
  });

  it('works with PBKDF2-SHA256 too', async () => {
    const plain = new Uint8Array(randomBytes(200));
    const kdf: KdfParams = { name: 'pbkdf2-sha256', iterations: 600_000 };
    const bytes = await encrypt(plain, { kdf });
    const source = await openEncrypted(bytesSource(bytes), PASSPHRASE);
    expect(Buffer.from(await readAll(source)).equals(Buffer.from(plain))).toBe(true);
    await expect(openEncrypted(bytesSource(bytes), 'wrong')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('treats the same characters typed differently (NFC/NFD) as the same passphrase', async () => {
    const plain = new TextEncoder().encode('x');
    const bytes = await encrypt(plain, { passphrase: 'caf\u00e9' });
    const source = await openEncrypted(bytesSource(bytes), 'cafe\u0301');
    expect(source.size).toBe(1);
  });

  it('carries a zip inside: written through the encrypting sink, read through the decrypted view', async () => {
    const inner = memorySink();
    const sink = await encryptingSink(inner, PASSPHRASE, { kdf: TEST_KDF, chunkBytes: 1000 });
    const writer = new ZipWriter(sink, { modifiedAt: new Date('2025-01-01T00:00:00Z') });
    const evidence = new Uint8Array(randomBytes(50_000));
    await writer.add('manifest.json', new TextEncoder().encode('{"a":1}'), { compress: true });
    await writer.add('evidence/x', evidence, { compress: false });
    await writer.finish();
    expect(inner.closed).toBe(true);
    const archive = await openZip(await openEncrypted(bytesSource(inner.bytes()), PASSPHRASE));
    const entry = archive.get('evidence/x');
    if (!entry) throw new Error('missing');
    expect(Buffer.from(await collect(archive.stream(entry))).equals(Buffer.from(evidence))).toBe(true);
  });

  it('tells encrypted files from others', async () => {
    expect(await isEncrypted(bytesSource(await encrypt(new Uint8Array(3))))).toBe(true);
    expect(await isEncrypted(bytesSource(new TextEncoder().encode('PK\u0003\u0004 a zip')))).toBe(false);
    expect(await isEncrypted(bytesSource(new Uint8Array(0)))).toBe(false);
    await expect(
      openEncrypted(bytesSource(new TextEncoder().encode('not encrypted')), PASSPHRASE),
    ).rejects.toMatchObject({ code: 'not-a-package' });
  });

  it('refuses to start without a passphrase or with settings readers would refuse', async () => {
    await expect(encryptingSink(memorySink(), '', { kdf: TEST_KDF })).rejects.toMatchObject({
      code: 'passphrase-required',
    });
    await expect(
      encryptingSink(memorySink(), PASSPHRASE, { kdf: { name: 'pbkdf2-sha256', iterations: 1000 } }),
    ).rejects.toThrow(/outside the accepted range/);
  });
});

describe('encrypted file tampering', () => {
  const plain = new Uint8Array(randomBytes(3 * CHUNK + 20));

  it('rejects a wrong passphrase with a plain message', async () => {
    const bytes = await encrypt(plain);
    const error = await rejection(bytes, undefined, 'Correct horse battery staple');
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({ code: 'wrong-passphrase', message: WRONG_PASSPHRASE_MESSAGE });
    expect(WRONG_PASSPHRASE_MESSAGE).toBe('The passphrase is wrong or the file was changed.');
  });

  it('rejects a single changed byte at every position', async () => {
    const bytes = await encrypt(plain);
    const cache = new KeyCache();
    expect(await rejection(bytes, cache)).toBeNull();
    const accepted: number[] = [];
    const codes = new Set<string>();
    for (let position = 0; position < bytes.length; position++) {
      const altered = bytes.slice();
      altered[position] = (altered[position] ?? 0) ^ (1 + Math.floor(Math.random() * 255));
      const error = await rejection(altered, cache);
      if (error instanceof ExchangeError) codes.add(error.code);
      else accepted.push(position);
    }
    expect(accepted).toEqual([]);
    // Changed chunks always read as "wrong passphrase or changed"; header damage may say more.
    expect(codes.has('wrong-passphrase')).toBe(true);
  }, 60_000);

  it('rejects truncation at every chunk boundary and inside chunks', async () => {
    const bytes = await encrypt(plain);
    const cache = new KeyCache();
    const bodyStart = 12 + headerLength(bytes);
    for (let length = 0; length < bytes.length; length++) {
      const error = await rejection(bytes.subarray(0, length), cache);
      expect(error, `truncated to ${length}`).toBeInstanceOf(ExchangeError);
      if (length >= bodyStart) expect(error).toMatchObject({ code: 'wrong-passphrase' });
    }
  });

  it('rejects swapped, repeated or dropped chunks', async () => {
    const bytes = await encrypt(plain);
    const bodyStart = 12 + headerLength(bytes);
    const sealed = CHUNK + 16;
    const chunk = (i: number): Uint8Array =>
      bytes.subarray(bodyStart + i * sealed, bodyStart + (i + 1) * sealed);
    const head = bytes.subarray(0, bodyStart);
    const tail = bytes.subarray(bodyStart + 3 * sealed);
    const cache = new KeyCache();
    for (const order of [
      [1, 0, 2],
      [0, 2, 1],
      [0, 0, 2],
      [0, 1, 1],
    ]) {
      const reordered = Buffer.concat([head, ...order.map(chunk), tail]);
      expect(await rejection(reordered, cache)).toMatchObject({ code: 'wrong-passphrase' });
    }
    // Dropping a whole middle chunk leaves a valid-looking size: caught all the same.
    expect(await rejection(Buffer.concat([head, chunk(0), chunk(2), tail]), cache)).toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it.each([
    ['Argon2id memory of 1 TiB', { name: 'argon2id', memoryKiB: 1024 ** 3, iterations: 2, parallelism: 1 }],
    [
      'Argon2id memory just over 1 GiB',
      { name: 'argon2id', memoryKiB: 1024 * 1024 + 1, iterations: 3, parallelism: 1 },
    ],
    ['Argon2id memory below 19 MiB', { name: 'argon2id', memoryKiB: 1024, iterations: 2, parallelism: 1 }],
    ['Argon2id 1000 passes', { name: 'argon2id', memoryKiB: 19456, iterations: 1000, parallelism: 1 }],
    ['Argon2id 64 lanes', { name: 'argon2id', memoryKiB: 19456, iterations: 2, parallelism: 64 }],
    ['PBKDF2 with 10^12 iterations', { name: 'pbkdf2-sha256', iterations: 1e12 }],
    ['PBKDF2 with too few iterations', { name: 'pbkdf2-sha256', iterations: 1000 }],
    ['an unknown method', { name: 'scrypt', iterations: 3 }],
  ])('refuses a header asking for %s before deriving any key', async (_label, kdf) => {
    const bytes = withHeader(await encrypt(plain), (header) => {
      const salt = (header.kdf as { salt: string }).salt;
      header.kdf = { ...kdf, salt };
    });
    const started = performance.now();
    const error = await rejection(bytes);
    expect(error).toMatchObject({ code: 'unsafe' });
    expect(error).toBeInstanceOf(ExchangeError);
    // Deriving with any of these would take seconds (or exhaust memory).
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses a header with unknown or missing fields, or from a newer version', async () => {
    const bytes = await encrypt(plain);
    await expect(rejection(withHeader(bytes, (h) => (h.extra = true)))).resolves.toMatchObject({
      code: 'corrupt',
    });
    await expect(rejection(withHeader(bytes, (h) => delete h.noncePrefix))).resolves.toMatchObject({
      code: 'corrupt',
    });
    await expect(rejection(withHeader(bytes, (h) => (h.chunkBytes = 2 ** 30)))).resolves.toMatchObject({
      code: 'corrupt',
    });
    // A valid header that differs in any way from the one written is caught by the first chunk.
    await expect(rejection(withHeader(bytes, (h) => (h.chunkBytes = 32)))).resolves.toMatchObject({
      code: 'wrong-passphrase',
    });
    const newer = bytes.slice();
    newer[6] = 2;
    await expect(rejection(newer)).resolves.toMatchObject({ code: 'newer-version' });
  });
});
