/**
 * A test's figures as the workpaper's evaluation shows them: items tested, deviations, the upper
 * deviation limit against the tolerable rate, and the Section IV result sentence exactly as the report
 * prints it (the auditor's own wording, or the report's default wording while there is none).
 */
import {
  tallySample,
  type ControlException,
  type ControlTest,
  type LegendEntry,
  type SampleItem,
  type SampleTally,
} from '../../domain/fieldwork';
import { evaluateTest, type TestEvaluation } from '../../domain/sampling';
import { resultText } from '../report/results';

export interface TestFigures {
  tally: SampleTally;
  /** Null without items (nothing to evaluate) or when the figures are outside what can be evaluated. */
  evaluation: TestEvaluation | null;
  resultText: string;
  /** Whether `resultText` is the auditor's wording or the suggestion. */
  resultWording: 'auditor' | 'suggested' | null;
}

function evaluate(test: ControlTest, tally: SampleTally): TestEvaluation | null {
  if (tally.size === 0) return null;
  try {
    return evaluateTest({
      sampleSize: tally.size,
      deviations: tally.deviations,
      confidence: test.sampling.confidence,
      tolerableRate: test.sampling.tolerableRate,
      expectedRate: test.sampling.expectedRate,
    });
  } catch {
    // Rates out of range in imported data: the sheet shows the counts without the statistics.
    return null;
  }
}

export function testFigures(
  test: ControlTest,
  items: readonly SampleItem[],
  exceptions: readonly ControlException[],
  legend: readonly LegendEntry[],
): TestFigures {
  const tally = tallySample(
    items,
    test.attributes.map((a) => a.id),
    legend,
  );
  const own = test.resultText.trim();
  return {
    tally,
    evaluation: evaluate(test, tally),
    // Exactly what section IV of the report prints for the test.
    resultText: resultText(test, items, tally.deviations, exceptions),
    resultWording: own ? 'auditor' : test.conclusion ? 'suggested' : null,
  };
}
