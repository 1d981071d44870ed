/** Byte plumbing of the exchange codec: sources over memory and Blobs, the memory sink, chunking, cancel. */
import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource, chunksOf, collect, memorySink, throwIfAborted } from '@shared/exchange/io';
import { ExchangeCancelledError } from '@shared/exchange/types';

const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);

describe('sources', () => {
  it.each([
    ['memory', () => bytesSource(bytes)],
    ['Blob', () => blobSource(new Blob([bytes]))],
  ])('%s source reads exact ranges and fewer bytes only past the end', async (_label, make) => {
    const source = make();
    expect(source.size).toBe(100);
    expect(Array.from(await source.read(10, 3))).toEqual([10, 11, 12]);
    expect(Array.from(await source.read(98, 10))).toEqual([98, 99]);
    expect(await source.read(100, 5)).toHaveLength(0);
    expect(await source.read(200, 5)).toHaveLength(0);
    expect(await source.read(5, 0)).toHaveLength(0);
  });
});

describe('memory sink', () => {
  it('keeps what was written even if the caller reuses its buffer', async () => {
    const sink = memorySink();
    const buffer = new Uint8Array([1, 2, 3]);
    await sink.write(buffer);
    buffer.fill(9);
    await sink.write(buffer.subarray(0, 1));
    await sink.close();
    expect(Array.from(sink.bytes())).toEqual([1, 2, 3, 9]);
    expect(sink.closed).toBe(true);
    await expect(sink.write(new Uint8Array(1))).rejects.toThrow();
  });

  it('discards everything on abort', async () => {
    const sink = memorySink();
    await sink.write(new Uint8Array(10));
    await sink.abort();
    expect(sink.aborted).toBe(true);
    expect(sink.bytes()).toHaveLength(0);
  });
});

describe('streams', () => {
  it('chunks and collects back the same bytes', async () => {
    const sizes: number[] = [];
    for await (const chunk of chunksOf(bytes, 30)) sizes.push(chunk.length);
    expect(sizes).toEqual([30, 30, 30, 10]);
    expect(Array.from(await collect(chunksOf(bytes, 7)))).toEqual(Array.from(bytes));
    expect(await collect(chunksOf(new Uint8Array(0), 7))).toHaveLength(0);
  });

  it('throws the cancellation error once the signal is aborted', () => {
    const controller = new AbortController();
    expect(() => throwIfAborted(controller.signal)).not.toThrow();
    expect(() => throwIfAborted(undefined)).not.toThrow();
    controller.abort();
    expect(() => throwIfAborted(controller.signal)).toThrow(ExchangeCancelledError);
  });
});
