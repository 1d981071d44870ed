/** The app lock's pure cryptography: key slots, sealed records, encrypted evidence files. */
import { describe, expect, it } from 'vitest';
import {
  SealBrokenError,
  WrongPassphraseError,
  importDataKey,
  newDataKeyBytes,
  newRecoveryKey,
  normalizeRecoveryKey,
  openJson,
  recordContext,
  sealJson,
  sealedEvidenceSize,
  unwrapDataKey,
  wrapDataKey,
} from '../../../shared/at-rest';
import { TEST_KDF } from '../../../shared/exchange/crypto';
import { openEvidence, sealEvidence } from '../../../renderer/db/at-rest/evidence-store';

const slotOptions = {
  lockId: 'lock-1',
  slotId: 'profile-1',
  kind: 'profile' as const,
  createdAt: 'now',
  kdf: TEST_KDF,
};

describe('key slots', () => {
  it('open with the passphrase only, and only for the lock and slot they were made for', async () => {
    const key = newDataKeyBytes();
    const slot = await wrapDataKey(key, 'Ünïcode passphrase ✓', slotOptions);
    expect(slot.wrapped).not.toContain(Buffer.from(key).toString('base64'));
    // The same characters typed in another normalization (NFD) open it too.
    expect(await unwrapDataKey(slot, 'Ünïcode passphrase ✓'.normalize('NFD'), 'lock-1')).toEqual(key);
    await expect(unwrapDataKey(slot, 'Unicode passphrase ✓', 'lock-1')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(unwrapDataKey(slot, '', 'lock-1')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unwrapDataKey(slot, 'Ünïcode passphrase ✓', 'lock-2')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(
      unwrapDataKey({ ...slot, id: 'profile-2' }, 'Ünïcode passphrase ✓', 'lock-1'),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses key settings outside the accepted range before deriving anything (a hostile config)', async () => {
    const slot = await wrapDataKey(newDataKeyBytes(), 'passphrase!', slotOptions);
    const hostile = { ...slot, kdf: { ...slot.kdf, memoryKiB: 64 * 1024 * 1024 } };
    await expect(unwrapDataKey(hostile, 'passphrase!', 'lock-1')).rejects.toThrow(/damaged/);
    await expect(unwrapDataKey({ ...slot, iv: 'AAAA' }, 'passphrase!', 'lock-1')).rejects.toThrow(/damaged/);
  });

  it('recovery keys are 25 Crockford characters and read back however they are typed', () => {
    const key = newRecoveryKey();
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    expect(normalizeRecoveryKey(key.toLowerCase().replace(/-/g, ' '))).toBe(key);
    expect(normalizeRecoveryKey('ABCDO-1ILXY')).toBe('ABCD0-111XY');
    expect(new Set(Array.from({ length: 50 }, newRecoveryKey)).size).toBe(50);
  });
});

describe('sealed records', () => {
  const key = newDataKeyBytes();
  const value = {
    description: 'Quarterly access review — Łódź office',
    amounts: [1, 2.5],
    nested: { ok: true },
  };

  it('round-trips plain data and hides it', () => {
    const sealed = sealJson(key, value, recordContext('controls', 'c-1'));
    expect(Buffer.from(sealed.ct).toString('latin1')).not.toContain('access review');
    expect(openJson(key, sealed, recordContext('controls', 'c-1'), 'controls')).toEqual(value);
    // A fresh nonce every time: the same record never seals to the same bytes.
    expect(sealJson(key, value, recordContext('controls', 'c-1')).ct).not.toEqual(sealed.ct);
  });

  it('is bound to its table and key, and to the data key', () => {
    const sealed = sealJson(key, value, recordContext('controls', 'c-1'));
    expect(() => openJson(key, sealed, recordContext('controls', 'c-2'), 'controls')).toThrow(
      SealBrokenError,
    );
    expect(() => openJson(key, sealed, recordContext('tests', 'c-1'), 'tests')).toThrow(SealBrokenError);
    expect(() => openJson(newDataKeyBytes(), sealed, recordContext('controls', 'c-1'), 'controls')).toThrow(
      SealBrokenError,
    );
    const flipped = sealed.ct.slice();
    flipped[0] = (flipped[0] ?? 0) ^ 0x80;
    expect(() => openJson(key, { ...sealed, ct: flipped }, recordContext('controls', 'c-1'), 'x')).toThrow(
      SealBrokenError,
    );
  });

  it('refuses values JSON would silently change', () => {
    const ctx = recordContext('t', 'k');
    expect(() => sealJson(key, { n: Number.NaN }, ctx)).toThrow(/number/);
    expect(() => sealJson(key, { b: new Uint8Array(2) }, ctx)).toThrow(/not plain data/);
    expect(() => sealJson(key, { big: 1n }, ctx)).toThrow(/bigint/);
  });
});

describe('encrypted evidence files', () => {
  const sha = 'ab'.repeat(32);

  async function roundTrip(size: number) {
    const key = await importDataKey(newDataKeyBytes());
    const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) & 255);
    const sealed = await sealEvidence(key, sha, new Blob([bytes]));
    expect(sealed.size).toBe(sealedEvidenceSize(size));
    const opened = new Uint8Array(await (await openEvidence(key, sha, sealed)).arrayBuffer());
    expect(Buffer.compare(opened, bytes)).toBe(0); // (toEqual walks big arrays byte by byte, slowly)
    return { key, sealed };
  }

  it('round-trips empty, small, exactly one chunk and multi-chunk files', async () => {
    for (const size of [0, 1, 1024 * 1024, 2.5 * 1024 * 1024]) await roundTrip(size);
  });

  it('detects truncation, a dropped or swapped chunk, a changed byte and another file’s hash', async () => {
    const { key, sealed } = await roundTrip(2.5 * 1024 * 1024);
    const bytes = new Uint8Array(await sealed.arrayBuffer());
    const chunk = 1024 * 1024 + 16;
    const header = 28;
    const cases: Record<string, Blob> = {
      truncated: new Blob([bytes.slice(0, bytes.length - 1)]),
      'last chunk dropped': new Blob([bytes.slice(0, header + 2 * chunk)]),
      'chunks swapped': new Blob([
        bytes.slice(0, header),
        bytes.slice(header + chunk, header + 2 * chunk),
        bytes.slice(header, header + chunk),
        bytes.slice(header + 2 * chunk),
      ]),
      'byte changed': new Blob([bytes.slice(0, 100), Uint8Array.of((bytes[100] ?? 0) ^ 1), bytes.slice(101)]),
      'size in header changed': new Blob([
        bytes.slice(0, 27),
        Uint8Array.of((bytes[27] ?? 0) ^ 1),
        bytes.slice(28),
      ]),
    };
    for (const [name, blob] of Object.entries(cases)) {
      await expect(openEvidence(key, sha, blob), name).rejects.toBeInstanceOf(SealBrokenError);
    }
    await expect(openEvidence(key, 'cd'.repeat(32), sealed)).rejects.toBeInstanceOf(SealBrokenError);
    await expect(openEvidence(await importDataKey(newDataKeyBytes()), sha, sealed)).rejects.toBeInstanceOf(
      SealBrokenError,
    );
  });
});
