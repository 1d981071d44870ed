/**
 * Evaluating a test of controls (soc2-domain.md §2.3 and §2.5): the upper deviation limit against the
 * tolerable rate, a suggested conclusion, and how far a sample must grow to absorb the deviations found.
 * The conclusion is a suggestion; every deviation must still be investigated and reported.
 */
import { binomialLogCdf, MAX_STATISTICAL_SAMPLE, percentRoundedUp, upperDeviationLimit } from './statistics';

export const CONCLUSIONS = {
  effective: 'Operating effectively',
  'effective-with-exceptions': 'Operating effectively with exceptions noted',
  'not-effective': 'Not operating effectively',
} as const;
export type Conclusion = keyof typeof CONCLUSIONS;

export interface TestEvaluation {
  /** Deviations divided by items tested. */
  deviationRate: number;
  /** One-sided upper deviation limit at the chosen confidence. */
  upperLimit: number;
  withinTolerable: boolean;
  suggestedConclusion: Conclusion;
  explanation: string;
}

const pct = (rate: number): string => `${Number((rate * 100).toFixed(1))}%`;

/**
 * The smallest total sample with the same number of deviations whose upper limit is within the tolerable
 * rate, and how many items that adds; null when it would exceed 500 items.
 */
export function additionalItemsToAccept(
  sampleSize: number,
  deviations: number,
  confidence: number,
  tolerableRate: number,
): { totalSize: number; additional: number } | null {
  upperDeviationLimit(sampleSize, deviations, confidence); // validates the inputs
  const logRisk = Math.log(1 - confidence);
  // The upper limit is within the tolerable rate exactly when P(X ≤ deviations | n, tolerable) ≤ 1 − confidence.
  for (let n = Math.max(sampleSize, deviations + 1); n <= MAX_STATISTICAL_SAMPLE; n++) {
    if (binomialLogCdf(deviations, n, tolerableRate) <= logRisk) {
      return { totalSize: n, additional: n - sampleSize };
    }
  }
  return null;
}

/**
 * Compares the upper deviation limit with the tolerable rate and suggests a conclusion: effective with no
 * deviations, effective with exceptions when deviations stay within tolerance, otherwise not effective
 * unless the sample is expanded or compensating controls are tested.
 */
/**
 * An upper deviation limit as a percentage, rounded up like the AICPA tables (77.64% → 77.7%), unless that
 * would read as equal to the tolerable rate it is below: then two decimals show the difference (9.91%).
 */
export function formatUpperLimit(upperLimit: number, tolerableRate: number): string {
  const rounded = percentRoundedUp(upperLimit);
  return upperLimit < tolerableRate && rounded >= tolerableRate * 100
    ? `${(Math.floor(upperLimit * 10000) / 100).toFixed(2)}%`
    : `${rounded}%`;
}

export function evaluateTest(params: {
  sampleSize: number;
  deviations: number;
  confidence: number;
  tolerableRate: number;
  expectedRate?: number;
}): TestEvaluation {
  const { sampleSize, deviations, confidence, tolerableRate, expectedRate } = params;
  const upperLimit = upperDeviationLimit(sampleSize, deviations, confidence);
  const deviationRate = deviations / sampleSize;
  const withinTolerable = upperLimit <= tolerableRate;
  const limitText = `${formatUpperLimit(upperLimit, tolerableRate)} at ${pct(confidence)} confidence`;
  const found = `${deviations} deviation${deviations === 1 ? '' : 's'} in ${sampleSize} item${sampleSize === 1 ? '' : 's'}`;
  const aboveExpected =
    expectedRate !== undefined && deviationRate > expectedRate
      ? ` The observed rate (${pct(deviationRate)}) is above the ${pct(expectedRate)} expected when the sample was planned.`
      : '';
  const expand = additionalItemsToAccept(sampleSize, deviations, confidence, tolerableRate);

  if (deviations === 0) {
    // A clean judgmental sample (e.g. 2 monthly reviews) is not evidence of failure: it relies on the
    // non-statistical size being appropriate, which the explanation says.
    const explanation = withinTolerable
      ? `No deviations in ${sampleSize} ${sampleSize === 1 ? 'item' : 'items'}; the upper deviation limit of ${limitText} is within the ${pct(tolerableRate)} tolerable rate.`
      : `No deviations in ${sampleSize} ${sampleSize === 1 ? 'item' : 'items'}, but the upper deviation limit of ${limitText} is above the ${pct(tolerableRate)} tolerable rate, so the sample alone does not support that rate statistically; the conclusion relies on the non-statistical sample size being appropriate${expand ? ` (${expand.totalSize} items would support it)` : ''}.`;
    return { deviationRate, upperLimit, withinTolerable, suggestedConclusion: 'effective', explanation };
  }
  if (withinTolerable) {
    return {
      deviationRate,
      upperLimit,
      withinTolerable,
      suggestedConclusion: 'effective-with-exceptions',
      explanation: `${found}; the upper deviation limit of ${limitText} is within the ${pct(tolerableRate)} tolerable rate. Investigate the cause and report the exceptions.${aboveExpected}`,
    };
  }
  const expandText = expand
    ? ` Expand the sample (to ${expand.totalSize} items in total with no further deviations) or test compensating controls.`
    : ' Expanding the sample cannot bring the limit within tolerance in 500 items or fewer: test compensating controls or conclude the control did not operate effectively.';
  return {
    deviationRate,
    upperLimit,
    withinTolerable,
    suggestedConclusion: 'not-effective',
    explanation: `${found}; the upper deviation limit of ${limitText} exceeds the ${pct(tolerableRate)} tolerable rate.${expandText}${aboveExpected}`,
  };
}
