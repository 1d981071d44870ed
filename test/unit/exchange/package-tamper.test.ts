/**
 * Property test: any single-byte change anywhere in a package, plain or encrypted, is refused by
 * openPackage with an ExchangeError in plain words — nothing altered is ever returned as verified. Plus
 * targeted changes inside the manifest, a records list and an evidence file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KeyCache, TEST_KDF } from '../../../shared/exchange/crypto';
import { bytesSource } from '../../../shared/exchange/io';
import { openPackage } from '../../../shared/exchange/package';
import { DEFAULT_LIMITS, openZip } from '../../../shared/exchange/zip';
import { ExchangeError } from '../../../shared/exchange/types';
import { isPlainWords, packageBytes, smallPackageInput } from '../../fixtures/demo-package';

const FLIPS = 320;
const PASSPHRASE = 'tamper test';

let plain: Uint8Array;
let encrypted: Uint8Array;

beforeAll(async () => {
  const { input } = await smallPackageInput();
  plain = (await packageBytes(input)).bytes;
  encrypted = (await packageBytes(input, { passphrase: PASSPHRASE, kdf: TEST_KDF })).bytes;
});

/** mulberry32: a small seeded generator, so a failing position can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function flipped(bytes: Uint8Array, position: number, mask: number): Uint8Array {
  const copy = bytes.slice();
  copy[position] = (copy[position] ?? 0) ^ mask;
  return copy;
}

/** Derived keys, kept across attempts: the key derivation runs again only when a change hits the header. */
const keyCache = new KeyCache();

/** Why a changed package was not refused properly, or null when it was. */
async function problem(bytes: Uint8Array, passphrase?: string): Promise<string | null> {
  try {
    await openPackage(bytesSource(bytes), passphrase === undefined ? {} : { passphrase, keyCache });
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ExchangeError)) return `threw ${String(error)}`;
    if (!isPlainWords(error.message)) return `message not in plain words: ${error.message}`;
    return null;
  }
}

async function flipRandomly(bytes: Uint8Array, seed: number, passphrase?: string): Promise<string[]> {
  const next = random(seed);
  const failures: string[] = [];
  for (let i = 0; i < FLIPS; i += 1) {
    const position = Math.floor(next() * bytes.length);
    const mask = 1 + Math.floor(next() * 255);
    const why = await problem(flipped(bytes, position, mask), passphrase);
    if (why) failures.push(`byte ${position} ^ ${mask}: ${why}`);
  }
  return failures;
}

describe('a package changed by one byte', () => {
  it('is refused at every random position (plain)', async () => {
    await expect(openPackage(bytesSource(plain))).resolves.toBeTruthy();
    expect(await flipRandomly(plain, 20261123)).toEqual([]);
  });

  it('is refused at every random position (encrypted)', async () => {
    await expect(openPackage(bytesSource(encrypted), { passphrase: PASSPHRASE })).resolves.toBeTruthy();
    expect(await flipRandomly(encrypted, 7, PASSPHRASE)).toEqual([]);
  });

  it('is refused when the change is inside the manifest, a records list or an evidence file', async () => {
    const zip = await openZip(bytesSource(plain), DEFAULT_LIMITS);
    const targets = [
      zip.entries.find((e) => e.path === 'manifest.json'),
      zip.entries.find((e) => e.path.endsWith('/records/controls.ndjson')),
      zip.entries.find((e) => e.path.startsWith('evidence/') && e.method === 'stored'),
      zip.entries.find((e) => e.path.startsWith('evidence/') && e.method === 'deflate'),
    ];
    for (const entry of targets) {
      if (!entry) throw new Error('the package lacks an entry the test needs');
      for (const at of [0, Math.floor(entry.compressedSize / 2), entry.compressedSize - 1]) {
        const error = await openPackage(bytesSource(flipped(plain, entry.dataOffset + at, 0x20))).catch(
          (e: unknown) => e,
        );
        expect(error, `${entry.path} +${at}`).toBeInstanceOf(ExchangeError);
        expect((error as ExchangeError).code, `${entry.path} +${at}`).toMatch(/corrupt|unsafe/u);
      }
    }
  });
});
