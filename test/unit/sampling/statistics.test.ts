import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  binomialSampleSize,
  hypergeometricSampleSize,
  percentRoundedUp,
  safeCeil,
  upperDeviationLimit,
} from '@shared/domain/sampling';

// soc2-domain.md §2.3, copied cell for cell. Rows: expected rate; columns: tolerable rate.
const TDR = [0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.15, 0.2];
type Cell = number | '>500' | 'n/a';
const TABLE_A1_95: [number, Cell[]][] = [
  [0.0, [149, 99, 74, 59, 49, 42, 36, 32, 29, 19, 14]],
  [0.005, [313, 157, 117, 93, 78, 66, 58, 51, 46, 30, 22]],
  [0.01, ['>500', 257, 156, 93, 78, 66, 58, 51, 46, 30, 22]],
  [0.015, ['>500', 392, 192, 124, 103, 66, 58, 51, 46, 30, 22]],
  [0.02, ['n/a', '>500', 294, 181, 127, 88, 77, 68, 46, 30, 22]],
  [0.03, ['n/a', 'n/a', '>500', 361, 195, 129, 95, 84, 61, 30, 22]],
];
const TABLE_A2_90: [number, Cell[]][] = [
  [0.0, [114, 76, 57, 45, 38, 32, 28, 25, 22, 15, 11]],
  [0.005, [194, 129, 96, 77, 64, 55, 48, 42, 38, 25, 18]],
  [0.01, [398, 176, 96, 77, 64, 55, 48, 42, 38, 25, 18]],
  [0.015, ['>500', 265, 132, 105, 64, 55, 48, 42, 38, 25, 18]],
  [0.02, ['n/a', '>500', 198, 132, 88, 75, 48, 42, 38, 25, 18]],
  [0.03, ['n/a', 'n/a', '>500', 258, 132, 94, 65, 58, 52, 25, 18]],
];

// Upper deviation limit (%) at 90% / 95% for 0–3 deviations; null where the doc shows "—".
type Pair = [number, number] | null;
// prettier-ignore
const EVALUATION: [number, Pair[]][] = [
  [2,   [[68.4, 77.7], [94.9, 97.5], null,         null]],
  [5,   [[37.0, 45.1], [58.4, 65.8], [75.4, 81.1], [88.8, 92.4]]],
  [10,  [[20.6, 25.9], [33.7, 39.5], [45.0, 50.7], [55.2, 60.7]]],
  [15,  [[14.3, 18.2], [23.6, 28.0], [31.8, 36.4], [39.3, 44.0]]],
  [20,  [[10.9, 14.0], [18.1, 21.7], [24.5, 28.3], [30.5, 34.4]]],
  [25,  [[8.8, 11.3],  [14.7, 17.7], [20.0, 23.2], [24.9, 28.2]]],
  [30,  [[7.4, 9.6],   [12.4, 14.9], [16.8, 19.6], [21.0, 23.9]]],
  [40,  [[5.6, 7.3],   [9.4, 11.4],  [12.8, 15.0], [16.0, 18.3]]],
  [45,  [[5.0, 6.5],   [8.4, 10.2],  [11.4, 13.4], [14.3, 16.4]]],
  [50,  [[4.6, 5.9],   [7.6, 9.2],   [10.3, 12.1], [12.9, 14.8]]],
  [60,  [[3.8, 4.9],   [6.4, 7.7],   [8.7, 10.2],  [10.8, 12.5]]],
  [75,  [[3.1, 4.0],   [5.1, 6.2],   [7.0, 8.2],   [8.7, 10.1]]],
  [100, [[2.3, 3.0],   [3.9, 4.7],   [5.3, 6.2],   [6.6, 7.6]]],
];

// §2.4 finite-population table: N, then 90%/10%, 95%/10%, 95%/5%.
const HYPERGEOMETRIC: [number, number, number, number][] = [
  [12, 8, 9, 12],
  [24, 13, 15, 19],
  [52, 16, 20, 33],
  [100, 20, 25, 45],
  [250, 21, 27, 51],
  [1000, 22, 29, 57],
  [10000, 22, 29, 59],
];

function asCell(result: ReturnType<typeof binomialSampleSize>): Cell {
  if (result.size !== null) return result.size;
  return result.reason === 'over-500' ? '>500' : 'n/a';
}

describe('binomial sample sizes (AICPA tables A-1 and A-2)', () => {
  for (const [confidence, table] of [
    [0.95, TABLE_A1_95],
    [0.9, TABLE_A2_90],
  ] as const) {
    for (const [expectedRate, row] of table) {
      it(`${confidence * 100}% confidence, expected ${expectedRate * 100}%: every cell`, () => {
        const computed = TDR.map((tolerableRate) =>
          asCell(binomialSampleSize({ confidence, tolerableRate, expectedRate })),
        );
        expect(computed).toEqual(row);
      });
    }
  }

  it('treats n × expected rate without floating-point noise (0.005 × 200 is 1, not 2)', () => {
    expect(Math.ceil(0.07 * 100)).toBe(8); // the hazard: 0.07 × 100 is 7.000000000000001 in binary
    expect(safeCeil(0.07 * 100)).toBe(7);
    expect(safeCeil(0.005 * 200)).toBe(1);
    expect(safeCeil(1.0000000000000002)).toBe(1);
    expect(safeCeil(1.2)).toBe(2);
  });

  it('rejects rates outside (0, 1)', () => {
    expect(() => binomialSampleSize({ confidence: 1, tolerableRate: 0.1, expectedRate: 0 })).toThrow(
      RangeError,
    );
    expect(() => binomialSampleSize({ confidence: 0.9, tolerableRate: 0, expectedRate: 0 })).toThrow(
      RangeError,
    );
    expect(() => binomialSampleSize({ confidence: 0.9, tolerableRate: 0.1, expectedRate: -0.1 })).toThrow(
      RangeError,
    );
  });

  it('computes the binomial CDF stably for large n', () => {
    expect(binomialCdf(0, 10, 0.5)).toBeCloseTo(1 / 1024, 15);
    expect(binomialCdf(3, 3, 0.4)).toBe(1);
    expect(binomialCdf(5, 2000, 0.9)).toBe(0);
    expect(binomialCdf(1000, 2000, 0.5)).toBeCloseTo(0.5 + 0.5 * 0.01783901114, 8);
  });
});

describe('upper deviation limit (Clopper–Pearson, tables A-3 and A-4)', () => {
  for (const [n, cells] of EVALUATION) {
    it(`n = ${n}: every cell, rounded up to 0.1%`, () => {
      cells.forEach((pair, deviations) => {
        if (pair === null) {
          // "—" in the doc: as many deviations as items gives no bound; more is impossible.
          if (deviations === n) expect(upperDeviationLimit(n, deviations, 0.9)).toBe(1);
          else expect(() => upperDeviationLimit(n, deviations, 0.9)).toThrow(RangeError);
          return;
        }
        const [at90, at95] = pair;
        expect(percentRoundedUp(upperDeviationLimit(n, deviations, 0.9))).toBe(at90);
        expect(percentRoundedUp(upperDeviationLimit(n, deviations, 0.95))).toBe(at95);
      });
    });
  }

  it('matches the closed form 1 − (1 − c)^(1/n) for zero deviations', () => {
    for (const n of [1, 7, 25, 60, 400]) {
      expect(upperDeviationLimit(n, 0, 0.95)).toBeCloseTo(1 - 0.05 ** (1 / n), 12);
    }
  });

  it('solves P(X ≤ k | n, p) = 1 − confidence to high precision', () => {
    const p = upperDeviationLimit(40, 1, 0.9);
    expect(binomialCdf(1, 40, p)).toBeCloseTo(0.1, 12);
  });
});

describe('finite-population (hypergeometric) sample size, §2.4', () => {
  for (const [population, a, b, c] of HYPERGEOMETRIC) {
    it(`N = ${population}`, () => {
      expect(hypergeometricSampleSize({ population, confidence: 0.9, tolerableRate: 0.1 })).toBe(a);
      expect(hypergeometricSampleSize({ population, confidence: 0.95, tolerableRate: 0.1 })).toBe(b);
      expect(hypergeometricSampleSize({ population, confidence: 0.95, tolerableRate: 0.05 })).toBe(c);
    });
  }

  it('never exceeds the population', () => {
    expect(hypergeometricSampleSize({ population: 3, confidence: 0.95, tolerableRate: 0.05 })).toBe(3);
  });
});
