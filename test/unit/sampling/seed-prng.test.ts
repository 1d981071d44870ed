import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deriveSeed,
  generatorFromSeed,
  seedFromString,
  sha256HexSync,
  subSeed,
  Xoshiro128,
} from '@shared/domain/sampling';

describe('xoshiro128**', () => {
  it('matches the reference C implementation (Blackman & Vigna) for a fixed state', () => {
    // Output of the authors' xoshiro128starstar.c with s = {0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210}.
    const rng = new Xoshiro128([0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210]);
    const out = Array.from({ length: 8 }, () => rng.nextUint32());
    expect(out).toEqual([
      2576975000, 1717987679, 3437557858, 3328806623, 2502269976, 3596207863, 3762620995, 3723441234,
    ]);
  });

  it('refuses the all-zero state', () => {
    expect(() => new Xoshiro128([0, 0, 0, 0])).toThrow(RangeError);
  });

  it('draws whole numbers in [0, m) for small, odd and huge m', () => {
    const rng = generatorFromSeed('range');
    for (const m of [1, 2, 3, 7, 1000, 2 ** 31 + 1, 2 ** 32]) {
      for (let i = 0; i < 200; i++) {
        const x = rng.nextInt(m);
        expect(Number.isInteger(x) && x >= 0 && x < m).toBe(true);
      }
    }
    expect(() => rng.nextInt(0)).toThrow(RangeError);
    expect(() => rng.nextInt(2 ** 32 + 1)).toThrow(RangeError);
  });

  it('rejects instead of folding: for m = 3·2^30 the top quarter of outputs is redrawn', () => {
    // With modulo folding, values below 2^30 would be twice as likely as the rest.
    const rng = generatorFromSeed('bias');
    const m = 3 * 2 ** 30;
    let low = 0;
    const draws = 30_000;
    for (let i = 0; i < draws; i++) if (rng.nextInt(m) < 2 ** 30) low += 1;
    expect(low / draws).toBeGreaterThan(0.32);
    expect(low / draws).toBeLessThan(0.347);
  });
});

describe('SHA-256 (synchronous)', () => {
  it('matches the FIPS 180-4 test vectors and WebCrypto', async () => {
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const samples = ['a', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'Prüfung ✓ 監査', 'q'.repeat(1000)];
    for (const text of samples) {
      const digest = await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      expect(sha256HexSync(text)).toBe(Buffer.from(digest).toString('hex'));
    }
  });
});

describe('seeds', () => {
  it('derives the documented formula: first 32 hex of SHA-256 of the joined fields', async () => {
    const seed = await deriveSeed(
      '0190f0a2-1c3e-7b4a-9d2e-6f1a2b3c4d5e',
      'CC8.1-01',
      'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
    );
    // Golden value: a change here changes every derived selection an auditor may need to re-perform.
    expect(seed).toBe('22af779c51134fd621c43e7af1d2e6d8');
    const text =
      'fieldwork-sample-v1|0190f0a2-1c3e-7b4a-9d2e-6f1a2b3c4d5e|CC8.1-01|' +
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(seed).toBe(createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32));
  });

  it('changes with each input', async () => {
    const base = await deriveSeed('e1', 'CC6.1-01', 'abc');
    expect(await deriveSeed('e2', 'CC6.1-01', 'abc')).not.toBe(base);
    expect(await deriveSeed('e1', 'CC6.1-02', 'abc')).not.toBe(base);
    expect(await deriveSeed('e1', 'CC6.1-01', 'abd')).not.toBe(base);
    expect(await deriveSeed('e1', 'CC6.1-01', 'ABC')).toBe(base);
  });

  it('turns any seed text into four words from SHA-256 of the trimmed text', () => {
    const hex = createHash('sha256').update('12345').digest('hex');
    const words = [0, 1, 2, 3].map((i) => parseInt(hex.slice(i * 8, i * 8 + 8), 16));
    expect(seedFromString('12345')).toEqual(words);
    expect(seedFromString('  12345\n')).toEqual(words);
    expect(seedFromString('12346')).not.toEqual(words);
    expect(() => seedFromString('   ')).toThrow(RangeError);
  });

  it('labels sub-streams after the trimmed seed', () => {
    expect(subSeed(' abc ', 'stratum:2026-01')).toBe('abc|stratum:2026-01');
  });
});
