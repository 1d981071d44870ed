import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7, uuidv7Time } from '../../../shared/domain/ids';
import { compareStamps, formatStamp, parseStamp, receive, tick } from '../../../shared/domain/clock';

describe('uuidv7', () => {
  it('produces RFC 9562 version-7 UUIDs carrying the creation time', () => {
    const id = uuidv7(Date.UTC(2026, 10, 22));
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(uuidv7Time(id)).toBe(Date.UTC(2026, 10, 22));
  });

  it('is unique and sorted even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_800_000_000_000));
    expect(new Set(ids).size).toBe(5000);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('hybrid logical clock', () => {
  it('stamps sort in the order events happened, even when the wall clock stalls', () => {
    let state = { wallMs: 0, counter: 0 };
    const stamps: string[] = [];
    for (const now of [1000, 1000, 1000, 999, 2000]) {
      state = tick(state, now);
      stamps.push(formatStamp(state, 'node-a'));
    }
    expect([...stamps].sort(compareStamps)).toEqual(stamps);
    expect(parseStamp(stamps[2] ?? '')).toEqual({ wallMs: 1000, counter: 2, nodeId: 'node-a' });
  });

  it('moves past a remote stamp from a laptop whose clock runs ahead', () => {
    const local = { wallMs: 1000, counter: 0 };
    const next = receive(local, { wallMs: 5000, counter: 3 }, 1200);
    expect(next).toEqual({ wallMs: 5000, counter: 4 });
    expect(tick(next, 1300)).toEqual({ wallMs: 5000, counter: 5 });
  });
});
