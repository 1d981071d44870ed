/**
 * The firm's frequency-based sample-size table (soc2-domain.md §2.2) and the recommendation built on it.
 * The table is configuration a firm may edit; `sampleSizeTableSchema` validates an edited copy.
 */
import { z } from 'zod';
import {
  CONTROL_FREQUENCIES,
  type ControlFrequency,
  type ControlNature,
  type RiskLevel,
} from '../planning/controls';

/** Table rows: one per control frequency, plus small event-driven populations. */
export const SIZE_TABLE_ROWS = [...CONTROL_FREQUENCIES, 'event-driven-small'] as const;
export type SizeTableRowKey = (typeof SIZE_TABLE_ROWS)[number];

/** How the workpaper sentence names a control of each frequency. */
const LEADS: Record<ControlFrequency, string> = {
  annual: 'Annual control',
  'semi-annual': 'Semi-annual control',
  quarterly: 'Quarterly control',
  monthly: 'Monthly control',
  'semi-monthly': 'Semi-monthly control',
  weekly: 'Weekly control',
  daily: 'Daily control',
  'multiple-daily': 'Control performed many times a day',
  'event-driven': 'Event-driven control',
  continuous: 'Continuous control',
};

const size = z
  .number()
  .int('Sample sizes must be whole numbers.')
  .positive('Sample sizes must be at least 1.')
  .max(10_000, 'Sample sizes above 10,000 are not plausible for a test of controls.');

const rowSchema = z
  .object({
    low: size,
    moderate: size,
    high: size,
    basis: z.string().trim().min(1, 'Say where the numbers in this row come from.').max(1000),
  })
  .refine((row) => row.low <= row.moderate && row.moderate <= row.high, {
    message: 'Sizes must not fall as risk rises (low ≤ moderate ≤ high).',
  });
export type SampleSizeRow = z.infer<typeof rowSchema>;

/** A firm's sample-size table: every row must be present; sizes are positive whole numbers. */
export const sampleSizeTableSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name the table, e.g. "firm default table".').max(200),
  /** Event-driven populations below this use the small-population row. */
  smallPopulationThreshold: z.number().int().positive(),
  rows: z.strictObject(
    Object.fromEntries(SIZE_TABLE_ROWS.map((key) => [key, rowSchema])) as Record<
      SizeTableRowKey,
      typeof rowSchema
    >, // fromEntries loses the key type; SIZE_TABLE_ROWS lists every key exactly once.
  ),
});
export type SampleSizeTable = z.infer<typeof sampleSizeTableSchema>;

const SMALL_TABLE =
  'AICPA Audit Sampling Guide small-population table as widely cited (soc2-domain.md §2.2 [U])';

/** The shipped default: the common practice summarised in soc2-domain.md §2.2. */
export const DEFAULT_SAMPLE_SIZE_TABLE: SampleSizeTable = {
  name: 'firm default table',
  smallPopulationThreshold: 250,
  rows: {
    annual: { low: 1, moderate: 1, high: 1, basis: 'One occurrence a year: test it (all sources agree).' },
    'semi-annual': {
      low: 1,
      moderate: 2,
      high: 2,
      basis: 'Two occurrences a year: 1–2, often both (common firm practice).',
    },
    quarterly: {
      low: 2,
      moderate: 2,
      high: 2,
      basis: `Quarterly: 2 of 4 (${SMALL_TABLE}; some firms test all 4).`,
    },
    monthly: { low: 2, moderate: 3, high: 5, basis: `Monthly: 2–5 of 12 (${SMALL_TABLE}).` },
    'semi-monthly': { low: 3, moderate: 5, high: 8, basis: `Semi-monthly: 3–8 of 24 (${SMALL_TABLE}).` },
    weekly: { low: 5, moderate: 10, high: 15, basis: `Weekly: 5–15 of 52 (${SMALL_TABLE}).` },
    daily: {
      low: 20,
      moderate: 30,
      high: 40,
      basis:
        'Daily: 20–40 by risk, the convention carried over from SOX 404 practice (published firm tables).',
    },
    'multiple-daily': {
      low: 25,
      moderate: 40,
      high: 60,
      basis:
        'Many times a day (250+ a year): 25/40/60 by reliance, roughly 90%/10% up to 95%/5% statistically.',
    },
    'event-driven': {
      low: 25,
      moderate: 40,
      high: 60,
      basis:
        'Event-driven with 250+ occurrences: treated like a transactional population, 25/40/60 by reliance.',
    },
    'event-driven-small': {
      low: 10,
      moderate: 15,
      high: 25,
      basis:
        'Event-driven with fewer than 250 occurrences: scaled down from the large-population row; all items when very few.',
    },
    continuous: {
      low: 1,
      moderate: 1,
      high: 1,
      basis:
        'Automated control: a test of one per configuration, provided IT general controls are effective.',
    },
  },
};

export type SizeRule = 'table' | 'test-of-one' | 'census' | 'capped' | 'unknown-frequency';

export interface SampleSizeRecommendation {
  size: number;
  /** True when every item in the population is tested. */
  census: boolean;
  /** A sentence for the workpaper saying how the size was chosen. */
  basis: string;
  rule: SizeRule;
  /** The table row used, or null for a test of one or an empty population. */
  row: SizeTableRowKey | null;
}

function plural(n: number, noun = 'item'): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The row to use and the opening words of the workpaper sentence. */
function chooseRow(
  frequency: ControlFrequency | null,
  populationSize: number | null,
  threshold: number,
): { row: SizeTableRowKey; lead: string } {
  if (frequency === null) {
    if (populationSize === null) {
      return {
        row: 'multiple-daily',
        lead: 'Frequency not recorded and population size unknown, so the large-population row is used',
      };
    }
    const large = populationSize >= threshold;
    return {
      row: large ? 'multiple-daily' : 'event-driven-small',
      lead: `Frequency not recorded; with a population of ${populationSize} (${large ? `${threshold} or more` : `below ${threshold}`}) the ${large ? 'large' : 'small'}-population row is used`,
    };
  }
  if (frequency === 'event-driven' && populationSize !== null) {
    const small = populationSize < threshold;
    return {
      row: small ? 'event-driven-small' : 'event-driven',
      lead: `Event-driven control, population of ${populationSize}${small ? ` (below ${threshold})` : ''}`,
    };
  }
  return { row: frequency, lead: LEADS[frequency] };
}

/**
 * Recommends a sample size from the firm table: a test of one for automated or continuous controls,
 * otherwise the row for the frequency and risk (moderate when risk is unknown), never more than the population.
 */
export function recommendSampleSize(params: {
  frequency: ControlFrequency | null;
  nature: ControlNature | null;
  risk: RiskLevel | null;
  populationSize: number | null;
  table?: SampleSizeTable;
}): SampleSizeRecommendation {
  const { frequency, nature, risk, populationSize } = params;
  const table = params.table ?? DEFAULT_SAMPLE_SIZE_TABLE;
  if (populationSize !== null && (!Number.isInteger(populationSize) || populationSize < 0)) {
    throw new RangeError('The population size must be a whole number, 0 or more.');
  }
  if (populationSize === 0) {
    return {
      size: 0,
      census: true,
      rule: 'census',
      row: null,
      basis:
        'The population is empty: the control did not operate in the period, so there is nothing to test; document how the empty population was confirmed complete.',
    };
  }
  if (nature === 'automated' || frequency === 'continuous') {
    const what = nature === 'automated' ? 'Automated control' : 'Continuous control';
    return {
      size: 1,
      census: populationSize === 1,
      rule: 'test-of-one',
      row: null,
      basis: `${what}: test of one, provided IT general controls (change management, logical access) are effective for the period.`,
    };
  }
  const level: RiskLevel = risk ?? 'moderate';
  const riskText = risk === null ? 'risk not yet assessed (moderate assumed)' : `${level} risk`;
  const chosen = chooseRow(frequency, populationSize, table.smallPopulationThreshold);
  const { row } = chosen;
  const tableSize = table.rows[row][level];
  const lead = `${chosen.lead}, ${riskText}`;
  if (populationSize !== null && populationSize <= tableSize) {
    const capped = populationSize < tableSize;
    return {
      size: populationSize,
      census: true,
      rule: capped ? 'capped' : 'census',
      row,
      basis: capped
        ? `${lead}: the table size of ${tableSize} exceeds the population, so all ${plural(populationSize)} are tested (${table.name}).`
        : `${lead}: all ${plural(populationSize)} in the population are tested (${table.name}).`,
    };
  }
  return {
    size: tableSize,
    census: false,
    rule: frequency === null ? 'unknown-frequency' : 'table',
    row,
    basis: `${lead}: ${plural(tableSize)} (${table.name}).`,
  };
}

/**
 * Checks a size the auditor chose instead of the recommendation: returns a message when it is not a
 * positive whole number, or differs from the recommendation without a rationale; otherwise null.
 */
export function sampleSizeOverride(recommended: number, chosen: number, rationale: string): string | null {
  if (!Number.isInteger(chosen) || chosen < 1)
    return 'Enter the sample size as a whole number of at least 1.';
  if (chosen !== recommended && rationale.trim() === '') {
    return `The chosen size (${chosen}) differs from the recommended ${recommended}: record why in the rationale.`;
  }
  return null;
}
