import { describe, expect, it } from 'vitest';
import {
  additionalItemsToAccept,
  CONCLUSIONS,
  evaluateTest,
  singularNoun,
  suggestResultText,
  upperDeviationLimit,
} from '@shared/domain/sampling';

describe('evaluating a test', () => {
  it('0 deviations within tolerance: operating effectively', () => {
    const result = evaluateTest({ sampleSize: 25, deviations: 0, confidence: 0.9, tolerableRate: 0.1 });
    expect(result).toMatchObject({
      deviationRate: 0,
      withinTolerable: true,
      suggestedConclusion: 'effective',
    });
    expect(result.upperLimit).toBeCloseTo(0.088, 3);
    expect(result.explanation).toBe(
      'No deviations in 25 items; the upper deviation limit of 8.8% at 90% confidence is within the 10% tolerable rate.',
    );
  });

  it('the doc example: 25 items with 1 deviation exceeds 10%; 40 items with 1 deviation (9.4%) does not', () => {
    const at25 = evaluateTest({ sampleSize: 25, deviations: 1, confidence: 0.9, tolerableRate: 0.1 });
    expect(at25).toMatchObject({
      deviationRate: 0.04,
      withinTolerable: false,
      suggestedConclusion: 'not-effective',
    });
    expect(at25.explanation).toMatch(/14\.7% at 90% confidence exceeds the 10% tolerable rate/);
    expect(at25.explanation).toMatch(/expand the sample .* or test compensating controls/i);

    const at40 = evaluateTest({ sampleSize: 40, deviations: 1, confidence: 0.9, tolerableRate: 0.1 });
    expect(at40).toMatchObject({ withinTolerable: true, suggestedConclusion: 'effective-with-exceptions' });
    expect(at40.explanation).toMatch(
      /9\.4% .* within the 10% tolerable rate\. Investigate the cause and report/,
    );
  });

  it('notes an observed rate above the planned expected rate', () => {
    const result = evaluateTest({
      sampleSize: 60,
      deviations: 1,
      confidence: 0.9,
      tolerableRate: 0.1,
      expectedRate: 0,
    });
    expect(result.suggestedConclusion).toBe('effective-with-exceptions');
    expect(result.explanation).toMatch(/observed rate \(1\.7%\) is above the 0% expected/);
  });

  it('a clean judgmental sample too small for the tolerable rate stays effective, and says what it relies on', () => {
    const result = evaluateTest({ sampleSize: 2, deviations: 0, confidence: 0.9, tolerableRate: 0.1 });
    expect(result).toMatchObject({ withinTolerable: false, suggestedConclusion: 'effective' });
    expect(result.explanation).toMatch(
      /relies on the non-statistical sample size .* \(22 items would support it\)/,
    );
  });

  it('says when no expansion within 500 items can help', () => {
    const result = evaluateTest({ sampleSize: 25, deviations: 20, confidence: 0.95, tolerableRate: 0.05 });
    expect(result.suggestedConclusion).toBe('not-effective');
    expect(result.explanation).toMatch(/cannot bring the limit within tolerance/);
  });

  it('labels the conclusions in report language', () => {
    expect(CONCLUSIONS).toEqual({
      effective: 'Operating effectively',
      'effective-with-exceptions': 'Operating effectively with exceptions noted',
      'not-effective': 'Not operating effectively',
    });
  });
});

describe('items needed to accept the deviations found', () => {
  it('finds the smallest total sample whose upper limit is within tolerance', () => {
    // The doc's 40 is an illustration; 38 is the smallest size that works (the A-2 cell for 0.5%/10%).
    expect(additionalItemsToAccept(25, 1, 0.9, 0.1)).toEqual({ totalSize: 38, additional: 13 });
    expect(upperDeviationLimit(37, 1, 0.9)).toBeGreaterThan(0.1);
    expect(upperDeviationLimit(38, 1, 0.9)).toBeLessThanOrEqual(0.1);
    expect(additionalItemsToAccept(25, 0, 0.9, 0.1)).toEqual({ totalSize: 25, additional: 0 });
    expect(additionalItemsToAccept(25, 2, 0.95, 0.05)).toEqual({ totalSize: 124, additional: 99 });
    expect(additionalItemsToAccept(25, 10, 0.95, 0.05)).toEqual({ totalSize: 336, additional: 311 });
    expect(additionalItemsToAccept(25, 20, 0.95, 0.05)).toBeNull();
  });
});

describe('suggested result text', () => {
  const base = { census: false, testOfOne: false, itemNoun: 'change tickets' };

  it('no exceptions', () => {
    expect(
      suggestResultText({
        ...base,
        sampleSize: 25,
        deviations: 0,
        populationDescription: 'from the population of changes deployed during the period',
        procedureSummary: 'to determine whether each change was approved before deployment.',
      }),
    ).toBe(
      'Inspected a sample of 25 change tickets from the population of changes deployed during the period to determine whether each change was approved before deployment. No exceptions noted.',
    );
  });

  it('one exception: singular wording', () => {
    expect(
      suggestResultText({
        ...base,
        sampleSize: 25,
        deviations: 1,
        exceptionDescriptions: ['the change was deployed before it was approved.'],
      }),
    ).toBe(
      'Inspected a sample of 25 change tickets. Exception noted. For 1 of the 25 change tickets sampled, the change was deployed before it was approved.',
    );
  });

  it('several exceptions, several descriptions', () => {
    expect(
      suggestResultText({
        ...base,
        sampleSize: 40,
        deviations: 2,
        exceptionDescriptions: ['approval was recorded after deployment', 'no tester was recorded'],
      }),
    ).toBe(
      'Inspected a sample of 40 change tickets. Exceptions noted. For 2 of the 40 change tickets sampled, the following exceptions were noted: approval was recorded after deployment; no tester was recorded.',
    );
    expect(suggestResultText({ ...base, sampleSize: 40, deviations: 3 })).toMatch(
      /For 3 of the 40 change tickets sampled, the control was not performed as described\.$/,
    );
  });

  it('census and test of one', () => {
    expect(
      suggestResultText({
        census: true,
        testOfOne: false,
        itemNoun: 'quarterly access reviews',
        sampleSize: 4,
        deviations: 1,
      }),
    ).toBe(
      'Inspected all 4 quarterly access reviews. Exception noted. For 1 of the 4 quarterly access reviews inspected, the control was not performed as described.',
    );
    expect(
      suggestResultText({
        census: true,
        testOfOne: false,
        itemNoun: 'annual risk assessments',
        sampleSize: 1,
        deviations: 0,
      }),
    ).toBe('Inspected the annual risk assessment. No exceptions noted.');
    expect(
      suggestResultText({
        census: false,
        testOfOne: true,
        itemNoun: 'password policy configurations',
        procedureSummary: 'to determine whether passwords must be at least 14 characters',
        sampleSize: 1,
        deviations: 0,
      }),
    ).toBe(
      'Inspected 1 password policy configuration to determine whether passwords must be at least 14 characters, as a test of one of the automated control. No exceptions noted.',
    );
    expect(suggestResultText({ census: false, testOfOne: false, sampleSize: 1, deviations: 0 })).toBe(
      'Inspected a sample of 1 item. No exceptions noted.',
    );
    expect(() => suggestResultText({ census: false, testOfOne: true, sampleSize: 2, deviations: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      suggestResultText({ census: false, testOfOne: false, sampleSize: 2, deviations: 3 }),
    ).toThrow(RangeError);
  });

  it('singularises common item nouns', () => {
    expect(singularNoun('change tickets')).toBe('change ticket');
    expect(singularNoun('user access reviews')).toBe('user access review');
    expect(singularNoun('new hire policies')).toBe('new hire policy');
    expect(singularNoun('batches')).toBe('batch');
    expect(singularNoun('access')).toBe('access');
  });
});

describe('wording of close calls', () => {
  it('shows two decimals when the rounded-up limit would read as equal to the tolerable rate it is below', () => {
    const e = evaluateTest({ sampleSize: 52, deviations: 2, confidence: 0.9, tolerableRate: 0.1 });
    expect(e.withinTolerable).toBe(true);
    expect(e.explanation).toContain('9.91% at 90% confidence');
    expect(e.explanation).not.toContain('10%  at');
  });

  it('continues the sentence with an exception description in lower case, keeping acronyms', () => {
    const text = suggestResultText({
      sampleSize: 25,
      deviations: 1,
      census: false,
      testOfOne: false,
      exceptionDescriptions: ['The change was deployed before approval.'],
    });
    expect(text).toContain('For 1 of the 25 items sampled, the change was deployed before approval.');
    const acronym = suggestResultText({
      sampleSize: 25,
      deviations: 1,
      census: false,
      testOfOne: false,
      exceptionDescriptions: ['MFA was not enforced for one account'],
    });
    expect(acronym).toContain('sampled, MFA was not enforced');
  });
});
