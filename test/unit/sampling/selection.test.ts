import { describe, expect, it } from 'vitest';
import {
  continueRandom,
  continueSystematic,
  SeededPermutation,
  selectRandom,
  selectSystematic,
} from '@shared/domain/sampling';

const SEED = '22af779c51134fd621c43e7af1d2e6d8';

function expectValidSelection(indices: number[], populationSize: number, size: number): void {
  expect(indices).toHaveLength(size);
  expect(new Set(indices).size).toBe(size);
  for (const i of indices) expect(Number.isInteger(i) && i >= 0 && i < populationSize).toBe(true);
}

describe('random selection', () => {
  it('is reproducible: same seed, same items in the same order', () => {
    const a = selectRandom({ populationSize: 500, sampleSize: 40, seed: 'FY26 access' });
    const b = selectRandom({ populationSize: 500, sampleSize: 40, seed: 'FY26 access' });
    expect(a).toEqual(b);
    expectValidSelection(a, 500, 40);
  });

  it('differs for different seeds and populations', () => {
    const a = selectRandom({ populationSize: 500, sampleSize: 40, seed: 'FY26 access' });
    expect(selectRandom({ populationSize: 500, sampleSize: 40, seed: 'FY26 access.' })).not.toEqual(a);
    expect(selectRandom({ populationSize: 501, sampleSize: 40, seed: 'FY26 access' })).not.toEqual(a);
  });

  it('golden vectors: the re-performance guarantee (a change here breaks recorded selections)', () => {
    expect(selectRandom({ populationSize: 1000, sampleSize: 25, seed: SEED })).toEqual([
      147, 260, 505, 951, 445, 347, 812, 243, 130, 676, 891, 344, 914, 396, 674, 159, 513, 937, 108, 483, 750,
      721, 807, 575, 948,
    ]);
    expect(
      selectRandom({ populationSize: 1_000_000, sampleSize: 10, seed: 'FY2026 change tickets' }),
    ).toEqual([103885, 508948, 377390, 445158, 896830, 406326, 606465, 274896, 853852, 220797]);
  });

  it('is uniform: 20,000 seeds choosing 5 of 20 hit every item about equally (chi-square)', () => {
    const counts = new Array<number>(20).fill(0);
    const firsts = new Array<number>(20).fill(0);
    const seeds = 20_000;
    for (let s = 0; s < seeds; s++) {
      const picked = selectRandom({ populationSize: 20, sampleSize: 5, seed: `uniform-${s}` });
      picked.forEach((i) => (counts[i] = (counts[i] ?? 0) + 1));
      firsts[picked[0] ?? 0] = (firsts[picked[0] ?? 0] ?? 0) + 1;
    }
    const chiSquare = (observed: number[], expected: number) =>
      observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
    // 19 degrees of freedom, 0.999 quantile 43.8 (these fixed seeds give about 19 and 15). The seeds are
    // fixed, so the test is deterministic; a biased algorithm would land far above the bound.
    expect(chiSquare(counts, (seeds * 5) / 20)).toBeLessThan(43.8);
    expect(chiSquare(firsts, seeds / 20)).toBeLessThan(43.8);
  });

  it('handles a population of 1,000,000 quickly, storing only touched positions', () => {
    const started = performance.now();
    const picked = selectRandom({ populationSize: 1_000_000, sampleSize: 5000, seed: 'large' });
    expect(performance.now() - started).toBeLessThan(500);
    expectValidSelection(picked, 1_000_000, 5000);
  });

  it('can emit a whole permutation without repeats', () => {
    const permutation = new SeededPermutation(1000, 'all');
    const seen: number[] = [];
    for (let item = permutation.next(); item !== null; item = permutation.next()) seen.push(item);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('takes the whole population when the sample equals it, and refuses a larger sample', () => {
    expect(selectRandom({ populationSize: 4, sampleSize: 4, seed: 'q' }).sort()).toEqual([0, 1, 2, 3]);
    expect(selectRandom({ populationSize: 4, sampleSize: 0, seed: 'q' })).toEqual([]);
    expect(() => selectRandom({ populationSize: 4, sampleSize: 5, seed: 'q' })).toThrow(/only 4 of the 4/);
    expect(() => selectRandom({ populationSize: 4, sampleSize: 1.5, seed: 'q' })).toThrow(RangeError);
  });

  it('passes over excluded items without disturbing the rest of the order', () => {
    const full = selectRandom({ populationSize: 100, sampleSize: 30, seed: SEED });
    const exclude = [full[1] ?? 0, full[4] ?? 0];
    const picked = selectRandom({ populationSize: 100, sampleSize: 28, seed: SEED, exclude });
    expect(picked).toEqual(full.filter((i) => !exclude.includes(i)));
    expect(() => selectRandom({ populationSize: 10, sampleSize: 1, seed: 'x', exclude: [10] })).toThrow(
      RangeError,
    );
  });
});

describe('expanding a random selection', () => {
  it('continues the same permutation: n, then k more, equals n + k at once', () => {
    for (const [n, k] of [
      [25, 15],
      [0, 10],
      [40, 20],
    ] as const) {
      const first = selectRandom({ populationSize: 300, sampleSize: n, seed: SEED });
      const more = continueRandom({ populationSize: 300, seed: SEED, alreadySelected: n, additional: k });
      expect([...first, ...more]).toEqual(
        selectRandom({ populationSize: 300, sampleSize: n + k, seed: SEED }),
      );
      expectValidSelection([...first, ...more], 300, n + k);
    }
  });

  it('accepts the earlier items themselves, and checks they came from this seed', () => {
    const first = selectRandom({ populationSize: 300, sampleSize: 25, seed: SEED });
    const more = continueRandom({ populationSize: 300, seed: SEED, alreadySelected: first, additional: 15 });
    expect(more).toEqual(
      continueRandom({ populationSize: 300, seed: SEED, alreadySelected: 25, additional: 15 }),
    );
    const other = selectRandom({ populationSize: 300, sampleSize: 25, seed: 'another seed' });
    expect(() =>
      continueRandom({ populationSize: 300, seed: SEED, alreadySelected: other, additional: 5 }),
    ).toThrow(/not the start of this seed/);
  });

  it('refuses to expand past the population', () => {
    expect(() =>
      continueRandom({ populationSize: 30, seed: SEED, alreadySelected: 25, additional: 6 }),
    ).toThrow(RangeError);
  });
});

describe('systematic selection', () => {
  it('reproduces the doc example: 2,000 items, n = 40, start 15 → items 15, 65, 115, …', () => {
    const result = selectSystematic({ populationSize: 2000, sampleSize: 40, seed: SEED, start: 15 });
    expect(result.interval).toBe(50);
    expect(result.start).toBe(15);
    expect(result.indices.slice(0, 3).map((i) => i + 1)).toEqual([15, 65, 115]);
    expect(result.indices.at(-1)).toBe(14 + 39 * 50);
    expectValidSelection(result.indices, 2000, 40);
  });

  it('reaches the end of the population when N/n is not whole (the whole period can be selected)', () => {
    const result = selectSystematic({ populationSize: 121, sampleSize: 25, seed: SEED, start: 4 });
    expect(result.interval).toBe(4);
    expect(result.step).toBeCloseTo(4.84, 10);
    expect(result.indices.slice(0, 3)).toEqual([3, 7, 12]);
    expect(result.indices.at(-1)).toBe(119); // ⌊3 + 24 × 4.84⌋: items near the end are reachable
    expectValidSelection(result.indices, 121, 25);
    for (let start = 1; start <= 4; start++) {
      const r = selectSystematic({ populationSize: 121, sampleSize: 25, seed: SEED, start });
      expect(r.indices.at(-1)).toBeGreaterThanOrEqual(116);
      expect(r.indices.at(-1)).toBeLessThan(121);
    }
  });

  it('draws the start from the seed, 1 to the interval (golden value)', () => {
    const result = selectSystematic({ populationSize: 2000, sampleSize: 40, seed: SEED });
    expect(result.start).toBe(48);
    for (let s = 0; s < 200; s++) {
      const { start } = selectSystematic({ populationSize: 1003, sampleSize: 100, seed: `s${s}` });
      expect(start >= 1 && start <= 10).toBe(true);
    }
  });

  it('refuses a start outside 1…interval and a sample larger than the population', () => {
    expect(() => selectSystematic({ populationSize: 2000, sampleSize: 40, seed: SEED, start: 51 })).toThrow(
      /from 1 to the interval \(50\)/,
    );
    expect(() => selectSystematic({ populationSize: 10, sampleSize: 11, seed: SEED })).toThrow(RangeError);
  });

  it('expands at random from the items not yet selected, one continuing stream, no repeats', () => {
    const selection = selectSystematic({ populationSize: 2000, sampleSize: 40, seed: SEED, start: 15 });
    const five = continueSystematic({ populationSize: 2000, seed: SEED, selection, additional: 5 });
    expect(five).toEqual([32, 629, 309, 530, 411]); // golden
    const fiveMore = continueSystematic({
      populationSize: 2000,
      seed: SEED,
      selection,
      alreadyAdded: 5,
      additional: 5,
    });
    const ten = continueSystematic({ populationSize: 2000, seed: SEED, selection, additional: 10 });
    expect([...five, ...fiveMore]).toEqual(ten);
    expectValidSelection([...selection.indices, ...ten], 2000, 50);
  });

  it('expands a census-like systematic sample only as far as items remain', () => {
    const selection = selectSystematic({ populationSize: 12, sampleSize: 6, seed: SEED });
    const rest = continueSystematic({ populationSize: 12, seed: SEED, selection, additional: 6 });
    expectValidSelection([...selection.indices, ...rest], 12, 12);
    expect(() => continueSystematic({ populationSize: 12, seed: SEED, selection, additional: 7 })).toThrow(
      RangeError,
    );
  });
});
