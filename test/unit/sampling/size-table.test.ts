import { describe, expect, it } from 'vitest';
import { CONTROL_FREQUENCIES } from '@shared/domain/planning';
import {
  DEFAULT_SAMPLE_SIZE_TABLE,
  recommendSampleSize,
  sampleSizeOverride,
  sampleSizeTableSchema,
  type SampleSizeTable,
} from '@shared/domain/sampling';

const manual = { nature: 'manual' as const, populationSize: null };

describe('default sample-size table (soc2-domain.md §2.2)', () => {
  it('has the documented sizes for low / moderate / high risk', () => {
    const sizes = Object.fromEntries(
      Object.entries(DEFAULT_SAMPLE_SIZE_TABLE.rows).map(([key, row]) => [
        key,
        [row.low, row.moderate, row.high],
      ]),
    );
    expect(sizes).toEqual({
      annual: [1, 1, 1],
      'semi-annual': [1, 2, 2],
      quarterly: [2, 2, 2],
      monthly: [2, 3, 5],
      'semi-monthly': [3, 5, 8],
      weekly: [5, 10, 15],
      daily: [20, 30, 40],
      'multiple-daily': [25, 40, 60],
      'event-driven': [25, 40, 60],
      'event-driven-small': [10, 15, 25],
      continuous: [1, 1, 1],
    });
    expect(sampleSizeTableSchema.safeParse(DEFAULT_SAMPLE_SIZE_TABLE).success).toBe(true);
    for (const row of Object.values(DEFAULT_SAMPLE_SIZE_TABLE.rows))
      expect(row.basis.length).toBeGreaterThan(10);
  });

  it('rejects edited tables with a missing row, a bad size, falling sizes or an unknown row', () => {
    const copy = (): SampleSizeTable => structuredClone(DEFAULT_SAMPLE_SIZE_TABLE);
    const missing: Record<string, unknown> = { ...copy().rows };
    delete missing.weekly;
    expect(sampleSizeTableSchema.safeParse({ ...copy(), rows: missing }).success).toBe(false);

    for (const bad of [0, -1, 2.5, Number.NaN]) {
      const table = copy();
      table.rows.monthly.moderate = bad;
      table.rows.monthly.low = Math.min(1, bad);
      expect(sampleSizeTableSchema.safeParse(table).success).toBe(false);
    }
    const falling = copy();
    falling.rows.daily.high = 10;
    expect(sampleSizeTableSchema.safeParse(falling).error?.issues[0]?.message).toMatch(
      /low ≤ moderate ≤ high/,
    );

    const blankBasis = copy();
    blankBasis.rows.annual.basis = '  ';
    expect(sampleSizeTableSchema.safeParse(blankBasis).success).toBe(false);
    expect(
      sampleSizeTableSchema.safeParse({ ...copy(), rows: { ...copy().rows, hourly: copy().rows.daily } })
        .success,
    ).toBe(false);
  });
});

describe('recommended sample size', () => {
  it('looks up frequency and risk, with a sentence for the workpaper', () => {
    const result = recommendSampleSize({ ...manual, frequency: 'monthly', risk: 'moderate' });
    expect(result).toEqual({
      size: 3,
      census: false,
      rule: 'table',
      row: 'monthly',
      basis: 'Monthly control, moderate risk: 3 items (firm default table).',
    });
    expect(recommendSampleSize({ ...manual, frequency: 'daily', risk: 'high' }).size).toBe(40);
    expect(recommendSampleSize({ ...manual, frequency: 'multiple-daily', risk: 'low' }).size).toBe(25);
    expect(recommendSampleSize({ ...manual, frequency: 'annual', risk: 'low' }).basis).toBe(
      'Annual control, low risk: 1 item (firm default table).',
    );
  });

  it('assumes moderate risk when risk is not yet assessed, and says so', () => {
    const result = recommendSampleSize({ ...manual, frequency: 'weekly', risk: null });
    expect(result.size).toBe(10);
    expect(result.basis).toBe(
      'Weekly control, risk not yet assessed (moderate assumed): 10 items (firm default table).',
    );
  });

  it('tests one instance of an automated or continuous control', () => {
    for (const params of [
      { frequency: 'daily' as const, nature: 'automated' as const },
      { frequency: 'continuous' as const, nature: 'it-dependent-manual' as const },
    ]) {
      const result = recommendSampleSize({ ...params, risk: 'high', populationSize: 365 });
      expect(result).toMatchObject({ size: 1, rule: 'test-of-one', census: false });
      expect(result.basis).toMatch(/test of one, provided IT general controls .* are effective/);
    }
  });

  it('tests all items when the population is no larger than the table size', () => {
    const equal = recommendSampleSize({
      frequency: 'weekly',
      nature: 'manual',
      risk: 'high',
      populationSize: 15,
    });
    expect(equal).toMatchObject({ size: 15, census: true, rule: 'census' });
    expect(equal.basis).toBe(
      'Weekly control, high risk: all 15 items in the population are tested (firm default table).',
    );

    const capped = recommendSampleSize({
      frequency: 'weekly',
      nature: 'manual',
      risk: 'high',
      populationSize: 12,
    });
    expect(capped).toMatchObject({ size: 12, census: true, rule: 'capped' });
    expect(capped.basis).toMatch(/table size of 15 exceeds the population, so all 12 items are tested/);

    const annual = recommendSampleSize({
      frequency: 'annual',
      nature: 'manual',
      risk: 'low',
      populationSize: 1,
    });
    expect(annual).toMatchObject({ size: 1, census: true, rule: 'census' });
    expect(
      recommendSampleSize({ frequency: 'quarterly', nature: null, risk: 'low', populationSize: 4 }),
    ).toMatchObject({
      size: 2,
      census: false,
    });
  });

  it('uses the small event-driven row below 250 items, and the large one from 250', () => {
    const small = recommendSampleSize({
      frequency: 'event-driven',
      nature: 'manual',
      risk: 'moderate',
      populationSize: 80,
    });
    expect(small).toMatchObject({ size: 15, row: 'event-driven-small', rule: 'table' });
    expect(small.basis).toBe(
      'Event-driven control, population of 80 (below 250), moderate risk: 15 items (firm default table).',
    );
    const large = recommendSampleSize({
      frequency: 'event-driven',
      nature: 'manual',
      risk: 'moderate',
      populationSize: 250,
    });
    expect(large).toMatchObject({ size: 40, row: 'event-driven' });
    const tiny = recommendSampleSize({
      frequency: 'event-driven',
      nature: 'manual',
      risk: 'low',
      populationSize: 4,
    });
    expect(tiny).toMatchObject({ size: 4, census: true, rule: 'capped' });
  });

  it('chooses a row from the population when the frequency is unknown, and says so', () => {
    const large = recommendSampleSize({
      frequency: null,
      nature: 'manual',
      risk: 'high',
      populationSize: 1200,
    });
    expect(large).toMatchObject({ size: 60, rule: 'unknown-frequency', row: 'multiple-daily' });
    expect(large.basis).toMatch(/^Frequency not recorded; with a population of 1200 \(250 or more\)/);
    const small = recommendSampleSize({ frequency: null, nature: 'manual', risk: 'low', populationSize: 40 });
    expect(small).toMatchObject({ size: 10, rule: 'unknown-frequency', row: 'event-driven-small' });
    const unknown = recommendSampleSize({ frequency: null, nature: null, risk: null, populationSize: null });
    expect(unknown).toMatchObject({ size: 40, rule: 'unknown-frequency' });
    expect(unknown.basis).toMatch(/population size unknown/);
  });

  it('has a row for every frequency', () => {
    for (const frequency of CONTROL_FREQUENCIES) {
      const result = recommendSampleSize({
        frequency,
        nature: 'manual',
        risk: 'moderate',
        populationSize: 10_000,
      });
      expect(result.size).toBeGreaterThanOrEqual(1);
    }
  });

  it('uses a firm’s own table and names it', () => {
    const table = structuredClone(DEFAULT_SAMPLE_SIZE_TABLE);
    table.name = 'Smith & Co 2026 table';
    table.rows.monthly = { low: 3, moderate: 4, high: 6, basis: 'Firm policy 4.2.' };
    const result = recommendSampleSize({ ...manual, frequency: 'monthly', risk: 'moderate', table });
    expect(result.basis).toBe('Monthly control, moderate risk: 4 items (Smith & Co 2026 table).');
  });

  it('handles an empty population and refuses a negative one', () => {
    expect(
      recommendSampleSize({ frequency: 'monthly', nature: 'manual', risk: 'low', populationSize: 0 }),
    ).toMatchObject({ size: 0, census: true });
    expect(() =>
      recommendSampleSize({ frequency: 'monthly', nature: 'manual', risk: 'low', populationSize: -1 }),
    ).toThrow(RangeError);
  });
});

describe('overriding the recommended size', () => {
  it('needs a rationale when the size differs', () => {
    expect(sampleSizeOverride(25, 25, '')).toBeNull();
    expect(sampleSizeOverride(25, 40, '   ')).toMatch(/differs from the recommended 25: record why/);
    expect(sampleSizeOverride(25, 40, 'Key control relied on for CC8.1; high reliance.')).toBeNull();
    expect(sampleSizeOverride(25, 0, 'none')).toMatch(/at least 1/);
    expect(sampleSizeOverride(25, 2.5, 'x')).toMatch(/whole number/);
  });
});
