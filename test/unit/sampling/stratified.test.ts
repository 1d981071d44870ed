import { describe, expect, it } from 'vitest';
import {
  allocateProportionally,
  continueRandom,
  continueStratified,
  normalizeStrata,
  selectStratified,
  strataByPeriod,
  stratumSeed,
} from '@shared/domain/sampling';

/** One item per day of 2026, every 50th (from the 8th) undated. */
const DATES = Array.from({ length: 365 }, (_, i) =>
  i % 50 === 7 ? null : new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
);

describe('strata by period', () => {
  it('keys items by month or quarter, and undated items apart', () => {
    const dates = ['2026-03-31', '2026-04-01T09:00:00Z', null, 'not a date', '2025-12-31', '2026-13-01'];
    expect(strataByPeriod(dates, 'month')).toEqual([
      '2026-03',
      '2026-04',
      'undated',
      'undated',
      '2025-12',
      'undated',
    ]);
    expect(strataByPeriod(dates, 'quarter')).toEqual([
      '2026-Q1',
      '2026-Q2',
      'undated',
      'undated',
      '2025-Q4',
      'undated',
    ]);
  });

  it('orders strata from per-item keys by key, each with ascending indices', () => {
    const strata = normalizeStrata(['b', 'a', 'b', 'undated', 'a']);
    expect(strata).toEqual([
      { key: 'a', indices: [1, 4] },
      { key: 'b', indices: [0, 2] },
      { key: 'undated', indices: [3] },
    ]);
    expect(() =>
      normalizeStrata([
        { key: 'x', indices: [1] },
        { key: 'y', indices: [1] },
      ]),
    ).toThrow(/more than one/);
    expect(() =>
      normalizeStrata([
        { key: 'x', indices: [1] },
        { key: 'x', indices: [2] },
      ]),
    ).toThrow(/twice/);
  });
});

describe('proportional allocation', () => {
  it('uses largest remainders and always sums to the total', () => {
    expect(allocateProportionally([50, 30, 20], 10, true)).toEqual([5, 3, 2]);
    expect(allocateProportionally([55, 30, 15], 10, true)).toEqual([6, 3, 1]); // 5.5, 3, 1.5: tie → larger stratum
    expect(allocateProportionally([1, 1, 1], 2, false)).toEqual([1, 1, 0]); // full tie → earlier stratum
  });

  it('gives every non-empty stratum an item when the sample allows, taking from the most over-allocated', () => {
    expect(allocateProportionally([1000, 1000, 3, 0], 5, true)).toEqual([2, 2, 1, 0]);
    expect(allocateProportionally([1000, 1, 1, 1], 4, true)).toEqual([1, 1, 1, 1]);
    expect(allocateProportionally([1000, 1, 1, 1], 3, true)).toEqual([3, 0, 0, 0]); // too few to cover every stratum
  });
});

describe('stratified selection', () => {
  const months = strataByPeriod(DATES, 'month');

  it('covers every stratum, sums to n, and never repeats an item', () => {
    const result = selectStratified({ strata: months, sampleSize: 25, seed: 'golden' });
    const monthKeys = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`);
    expect(result.strata.map((s) => s.key)).toEqual([...monthKeys, 'undated']);
    expect(result.strata.every((s) => s.allocated >= 1 && s.indices.length === s.allocated)).toBe(true);
    expect(result.indices).toHaveLength(25);
    expect(new Set(result.indices).size).toBe(25);
    for (const s of result.strata) for (const i of s.indices) expect(months[i]).toBe(s.key);
    expect(result.notes).toEqual([]);
  });

  it('golden vector by quarter', () => {
    const result = selectStratified({
      strata: strataByPeriod(DATES, 'quarter'),
      sampleSize: 25,
      seed: 'golden',
    });
    expect(result.strata.map((s) => [s.key, s.populationSize, s.indices])).toEqual([
      ['2026-Q1', 88, [39, 28, 71, 13, 64, 58]],
      ['2026-Q2', 89, [146, 143, 95, 167, 127, 140]],
      ['2026-Q3', 90, [268, 229, 192, 258, 260, 198]],
      ['2026-Q4', 90, [278, 335, 342, 359, 300, 340]],
      ['undated', 8, [57]],
    ]);
  });

  it('draws each stratum from its own seed: subSeed(seed, "stratum:" + key)', () => {
    const strata = [
      { key: 'EU', indices: [10, 11, 12, 13, 14, 15, 16, 17] },
      { key: 'US', indices: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
    ];
    const result = selectStratified({ strata, sampleSize: 9, seed: 'S' });
    const eu = continueRandom({
      populationSize: 8,
      seed: stratumSeed('S', 'EU'),
      alreadySelected: 0,
      additional: 4,
    });
    expect(stratumSeed('S', 'EU')).toBe('S|stratum:EU');
    expect(result.strata[0]?.indices).toEqual(eu.map((p) => 10 + p));
    expect(result.strata[1]?.allocated).toBe(5);
  });

  it('says so when the sample is smaller than the number of strata', () => {
    const result = selectStratified({ strata: months, sampleSize: 5, seed: 'x' });
    expect(result.indices).toHaveLength(5);
    expect(result.notes[0]).toMatch(/smaller than the 13 strata, so 8 strata have no item/);
  });
});

describe('expanding a stratified selection', () => {
  const quarters = strataByPeriod(DATES, 'quarter');

  it('allocates by items remaining and continues each stratum’s permutation without repeats', () => {
    const first = selectStratified({ strata: quarters, sampleSize: 25, seed: 'golden' });
    const already = Object.fromEntries(first.strata.map((s) => [s.key, s.allocated]));
    const more = continueStratified({
      strata: quarters,
      seed: 'golden',
      alreadySelected: already,
      additional: 15,
    });
    expect(more.indices).toHaveLength(15);
    expect(more.strata.map((s) => s.allocated)).toEqual([3, 4, 4, 4, 0]); // remaining 82, 83, 84, 84, 7: quotas 3.62, 3.66, 3.71, 3.71, 0.31
    const all = [...first.indices, ...more.indices];
    expect(new Set(all).size).toBe(40);
    // Each stratum's items are the start of that stratum's own permutation.
    first.strata.forEach((s, i) => {
      const extra = more.strata[i]?.indices ?? [];
      const total = s.allocated + extra.length;
      const positions = continueRandom({
        populationSize: s.populationSize,
        seed: stratumSeed('golden', s.key),
        alreadySelected: 0,
        additional: total,
      });
      const members = quarters.flatMap((k, index) => (k === s.key ? [index] : []));
      expect([...s.indices, ...extra]).toEqual(positions.map((p) => members[p]));
    });
  });

  it('refuses counts larger than a stratum', () => {
    expect(() =>
      continueStratified({ strata: ['a', 'a'], seed: 'x', alreadySelected: { a: 3 }, additional: 0 }),
    ).toThrow(RangeError);
  });
});
