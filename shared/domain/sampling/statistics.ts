/**
 * Attribute-sampling statistics for tests of controls (soc2-domain.md §2.3–2.4): binomial sample sizes
 * (AICPA Audit Sampling Guide tables ), one-sided Clopper–Pearson upper deviation limits
 * (tables) and the finite-population (hypergeometric) size for zero expected deviations.
 * Rates and confidence levels are fractions (0.05 = 5%). Pure arithmetic: the same answers in any engine.
 */

/** Sample sizes above this are reported as "more than 500", as in the AICPA tables. */
export const MAX_STATISTICAL_SAMPLE = 500;

export type SampleSizeResult =
  { size: number } | { size: null; reason: 'over-500' | 'expected-not-below-tolerable' };

function assertFraction(name: string, value: number, { allowZero = false } = {}): void {
  const ok = Number.isFinite(value) && value < 1 && (allowZero ? value >= 0 : value > 0);
  if (!ok)
    throw new RangeError(`${name} must be a fraction ${allowZero ? 'from 0' : 'above 0'} and below 1.`);
}

function assertCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be a whole number ≥ ${min}.`);
}

/** Ceiling that ignores binary floating-point noise, so 0.005 × 200 counts as exactly 1. */
export function safeCeil(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) < 1e-9 ? nearest : Math.ceil(x);
}

/** Floor that ignores binary floating-point noise, so 0.07 × 100 counts as exactly 7. */
export function safeFloor(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) < 1e-9 ? nearest : Math.floor(x);
}

/** Natural log of P(X ≤ k) for X ~ Binomial(n, p), summed in log space so large n cannot underflow. */
export function binomialLogCdf(k: number, n: number, p: number): number {
  if (k < 0) return -Infinity;
  if (k >= n || p <= 0) return 0;
  if (p >= 1) return -Infinity;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  // Terms rise then fall; log-sum-exp around the largest keeps every term representable.
  const terms: number[] = [n * logQ];
  let term = n * logQ;
  for (let i = 0; i < k; i++) {
    term += Math.log(n - i) - Math.log(i + 1) + logP - logQ;
    terms.push(term);
  }
  const max = Math.max(...terms);
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  return Math.exp(binomialLogCdf(k, n, p));
}

/**
 * The statistical sample size: the smallest n (1–500) with P(X ≤ ⌈n·expected⌉ | n, tolerable) ≤ 1 − confidence,
 * which reproduces every cell of AICPA tables A-1 and A-2 (soc2-domain.md §2.3).
 */
export function binomialSampleSize(params: {
  confidence: number;
  tolerableRate: number;
  expectedRate: number;
}): SampleSizeResult {
  const { confidence, tolerableRate, expectedRate } = params;
  assertFraction('confidence', confidence);
  assertFraction('tolerableRate', tolerableRate);
  assertFraction('expectedRate', expectedRate, { allowZero: true });
  if (expectedRate >= tolerableRate) return { size: null, reason: 'expected-not-below-tolerable' };
  const logRisk = Math.log(1 - confidence);
  for (let n = 1; n <= MAX_STATISTICAL_SAMPLE; n++) {
    const allowed = safeCeil(n * expectedRate);
    if (binomialLogCdf(allowed, n, tolerableRate) <= logRisk) return { size: n };
  }
  return { size: null, reason: 'over-500' };
}

/**
 * The one-sided Clopper–Pearson upper deviation limit: the rate p at which finding `deviations` or fewer
 * in `n` items has probability exactly 1 − confidence, solved by bisection to about 1e-12.
 */
export function upperDeviationLimit(n: number, deviations: number, confidence: number): number {
  assertCount('Sample size', n, 1);
  assertCount('Deviations', deviations, 0);
  assertFraction('confidence', confidence);
  if (deviations > n) throw new RangeError('There cannot be more deviations than items tested.');
  if (deviations === n) return 1;
  const logRisk = Math.log(1 - confidence);
  let lo = 0;
  let hi = 1;
  // The CDF falls as p rises; 60 halvings leave an interval below 1e-18.
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (binomialLogCdf(deviations, n, mid) > logRisk) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * A rate as a percentage rounded up (never down) to `decimals` places, the convention of the AICPA
 * evaluation tables: 0.77639 → 77.7.
 */
export function percentRoundedUp(rate: number, decimals = 1): number {
  const scale = 10 ** decimals;
  return safeCeil(rate * 100 * scale) / scale;
}

/**
 * The finite-population sample size for zero expected deviations: the smallest n with
 * P(no deviation in n | N, M) ≤ 1 − confidence, where M = ⌈N·tolerableRate⌉ deviations in the population
 * (the ceiling reproduces the §2.4 table; the floor does not). Never more than N.
 */
export function hypergeometricSampleSize(params: {
  population: number;
  confidence: number;
  tolerableRate: number;
}): number {
  const { population, confidence, tolerableRate } = params;
  assertCount('Population', population, 1);
  assertFraction('confidence', confidence);
  assertFraction('tolerableRate', tolerableRate);
  const tolerableDeviations = Math.max(1, safeCeil(population * tolerableRate));
  const risk = 1 - confidence;
  let pNone = 1;
  for (let n = 1; n <= population; n++) {
    pNone *= (population - tolerableDeviations - (n - 1)) / (population - (n - 1));
    if (pNone <= risk) return n;
  }
  return population;
}
