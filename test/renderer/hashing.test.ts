/**
 * Hashing evidence: the chunked hasher gives the same SHA-256 as WebCrypto, reports progress as it goes, and
 * stops when cancelled. (In the app it runs in a Web Worker; Node has none, so the same code runs in-thread.)
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/domain/hash';
import { sha256OfSource } from '../../shared/hashing';
import { hashFiles, HashingCancelled } from '../../renderer/features/evidence/hashFiles';

function bytes(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = 12345;
  for (let i = 0; i < size; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('hashing evidence files', () => {
  it('matches WebCrypto for empty, small and multi-chunk files', async () => {
    for (const size of [0, 1, 4 * 1024 * 1024 - 1, 4 * 1024 * 1024, 9 * 1024 * 1024 + 7]) {
      const data = bytes(size);
      expect(await sha256OfSource(new Blob([data]))).toBe(await sha256Hex(data));
    }
  });

  it('reports progress up to the total and hashes several files in order', async () => {
    const a = bytes(10 * 1024 * 1024);
    const b = bytes(1000);
    const seen: number[] = [];
    const result = await hashFiles([new Blob([a]), new Blob([b])], (p) => seen.push(p.bytesDone));
    expect(result.hashes).toEqual([await sha256Hex(a), await sha256Hex(b)]);
    expect(result.failures).toEqual([]);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(a.length + b.length);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = hashFiles([new Blob([bytes(12 * 1024 * 1024)])], () => controller.abort(), controller.signal);
    await expect(run).rejects.toBeInstanceOf(HashingCancelled);
  });

  it('names a file that cannot be read and goes on with the others', async () => {
    const unreadable = {
      size: 10,
      slice: () => ({
        arrayBuffer: () => Promise.reject(Object.assign(new Error('gone'), { name: 'NotReadableError' })),
      }),
    } as unknown as Blob;
    const ok = bytes(5);
    const result = await hashFiles([unreadable, new Blob([ok])], () => undefined);
    expect(result.hashes).toEqual([null, await sha256Hex(ok)]);
    expect(result.failures).toEqual([
      {
        index: 0,
        message: 'The file could not be read: it may have been moved, or it is locked by another program.',
      },
    ]);
  });
});
