/**
 * Tests of operating effectiveness (Type 2): a test belongs to a control and records its objective,
 * techniques, attributes, the population (with its completeness and accuracy work and file hash), the
 * sampling decisions (size and basis, method, seed) and the evaluation. The sample items and exceptions
 * are records of their own. See soc2-domain.md §2, §3.1, §5.4.
 */
import { z } from 'zod';
import { engagementRecordMetaSchema, isoDateTimeSchema, uuidSchema } from '../records/base';
import { optionalDate, text } from '../planning/fields';
import { sha256Schema } from './evidence';

export const TECHNIQUES = ['inquiry', 'observation', 'inspection', 'reperformance', 'recalculation'] as const;
export type Technique = (typeof TECHNIQUES)[number];
export const TECHNIQUE_LABELS: Record<Technique, string> = {
  inquiry: 'Inquiry',
  observation: 'Observation',
  inspection: 'Inspection',
  reperformance: 'Reperformance',
  recalculation: 'Recalculation / analytics',
};

export const attributeSchema = z.object({
  id: uuidSchema,
  text: text(1000),
});
export type TestAttribute = z.output<typeof attributeSchema>;

/** A, B, … Z, AA, AB: attributes are lettered by position. */
export function attributeLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export const POPULATION_SOURCES = ['none', 'file', 'count'] as const;
export type PopulationSource = (typeof POPULATION_SOURCES)[number];

export const IPE_RESULTS = ['not-done', 'satisfactory', 'issues'] as const;
export type IpeResult = (typeof IPE_RESULTS)[number];
export const IPE_RESULT_LABELS: Record<IpeResult, string> = {
  'not-done': 'Not yet performed',
  satisfactory: 'Complete and accurate',
  issues: 'Issues found',
};

/** Completeness and accuracy work on the population (information produced by the entity, §2.7). */
export const ipeSchema = z.object({
  sourceSystem: text(300),
  report: text(1000),
  parameters: text(2000),
  generatedBy: text(200),
  generatedOn: optionalDate,
  recordCount: z.number().int().min(0).nullable(),
  periodCovered: text(200),
  procedures: text(10_000),
  result: z.enum(IPE_RESULTS),
  resultNotes: text(5000),
});
export type Ipe = z.output<typeof ipeSchema>;

export const populationSchema = z.object({
  source: z.enum(POPULATION_SOURCES),
  /** What the population is, e.g. "changes deployed to production between 1 Jan and 31 Dec 2026". */
  description: text(1000),
  /** Number of items sampled from (file: items read; count: as entered). */
  count: z.number().int().min(0).max(10_000_000).nullable(),
  /** The population file, stored as evidence (purpose "population"), and what was read from it. */
  evidenceId: uuidSchema.nullable(),
  sha256: sha256Schema.nullable(),
  fileName: text(255),
  sheet: text(255),
  /** 0-based index of the header row in the sheet as read (-1: no header row), as buildPopulation takes it. */
  headerRow: z.number().int().min(-1).nullable(),
  keyColumn: z.number().int().min(0).nullable(),
  dateColumn: z.number().int().min(0).nullable(),
  keyLabel: text(255),
  dateLabel: text(255),
  /** How dates such as 03/05/2026 were read, as the auditor confirmed it (null: none were ambiguous). */
  dayOrder: z.enum(['month-first', 'day-first']).nullable(),
  firstDate: optionalDate,
  lastDate: optionalDate,
  outsidePeriod: z.number().int().min(0),
  undated: z.number().int().min(0),
  ipe: ipeSchema,
});
export type Population = z.output<typeof populationSchema>;

export const SELECTION_METHODS = ['random', 'systematic', 'manual'] as const;
export type SelectionMethod = (typeof SELECTION_METHODS)[number];
export const SELECTION_METHOD_LABELS: Record<SelectionMethod, string> = {
  random: 'Random (seeded)',
  systematic: 'Systematic (interval, random start)',
  manual: 'Manual / haphazard',
};

export const STRATIFICATIONS = ['none', 'month', 'quarter'] as const;
export type Stratification = (typeof STRATIFICATIONS)[number];
export const STRATIFICATION_LABELS: Record<Stratification, string> = {
  none: 'No (whole population)',
  month: 'Spread across months',
  quarter: 'Spread across quarters',
};

export const CONFIDENCE_LEVELS = [0.9, 0.95] as const;
export const confidenceSchema = z.union([z.literal(0.9), z.literal(0.95)]);

export const expansionSchema = z.object({
  at: isoDateTimeSchema,
  by: z.string().min(1),
  additional: z.number().int().min(1),
  reason: text(2000).min(1, 'Say why the sample is expanded.'),
});
export type Expansion = z.output<typeof expansionSchema>;

export const samplingSchema = z.object({
  method: z.enum(SELECTION_METHODS),
  /** Size from the firm table (or the statistical calculation) and the sentence that explains it. */
  recommendedSize: z.number().int().min(0).nullable(),
  basis: text(1000),
  /** The size the auditor chose; differs from the recommendation only with a rationale. */
  size: z.number().int().min(0).max(10_000).nullable(),
  overrideRationale: text(5000),
  census: z.boolean(),
  statistical: z.boolean(),
  confidence: confidenceSchema,
  tolerableRate: z.number().min(0.01).max(0.5),
  expectedRate: z.number().min(0).max(0.2),
  stratify: z.enum(STRATIFICATIONS),
  /** The seed the selection is re-performed from; by default derived from engagement, control and file. */
  seed: text(200),
  interval: z.number().int().min(1).nullable(),
  start: z.number().int().min(1).nullable(),
  selectedAt: isoDateTimeSchema.nullable(),
  selectedBy: z.string().nullable(),
  expansions: z.array(expansionSchema).max(20),
});
export type Sampling = z.output<typeof samplingSchema>;

export const TEST_CONCLUSIONS = ['effective', 'effective-with-exceptions', 'not-effective'] as const;
export type TestConclusion = (typeof TEST_CONCLUSIONS)[number];
export const TEST_CONCLUSION_LABELS: Record<TestConclusion, string> = {
  effective: 'Operating effectively',
  'effective-with-exceptions': 'Operating effectively with exceptions noted',
  'not-effective': 'Not operating effectively',
};

const controlTestShape = {
  controlId: uuidSchema,
  /** Workpaper reference, e.g. "T-CC6.1-01"; defaults from the control's reference. */
  reference: text(60).min(1, 'Give the test a workpaper reference.'),
  objective: text(5000),
  techniques: z
    .array(z.enum(TECHNIQUES))
    .max(TECHNIQUES.length)
    .transform((t) => TECHNIQUES.filter((x) => t.includes(x))),
  procedure: text(20_000),
  attributes: z.array(attributeSchema).max(26),
  population: populationSchema,
  sampling: samplingSchema,
  conclusion: z.enum(TEST_CONCLUSIONS).nullable(),
  rationale: text(10_000),
  /** The Section IV result sentence; empty means "use the suggested text". */
  resultText: text(10_000),
};

/** The size chosen before any expansion (items added by an expansion carry their own reason). */
export function plannedSize(s: Pick<Sampling, 'size' | 'expansions'>): number | null {
  return s.size === null ? null : s.size - s.expansions.reduce((sum, e) => sum + e.additional, 0);
}

/** Why the sampling cannot be saved as it is, or null: a size other than the recommendation needs a reason. */
export function samplingProblem(s: Sampling): string | null {
  const planned = plannedSize(s);
  if (planned === null || s.recommendedSize === null || planned === s.recommendedSize) return null;
  return s.overrideRationale.trim()
    ? null
    : `Explain why the sample size differs from the recommended ${s.recommendedSize}.`;
}

/** Why the conclusion cannot be saved as it is, or null: anything but "effective" needs a rationale. */
export function conclusionProblem(conclusion: TestConclusion | null, rationale: string): string | null {
  return conclusion && conclusion !== 'effective' && !rationale.trim()
    ? 'Explain the conclusion: what the exceptions mean for the control.'
    : null;
}

function checkTest(
  t: { sampling: Sampling; conclusion: TestConclusion | null; rationale: string },
  ctx: z.RefinementCtx,
): void {
  const sampling = samplingProblem(t.sampling);
  if (sampling) ctx.addIssue({ code: 'custom', path: ['sampling', 'overrideRationale'], message: sampling });
  const conclusion = conclusionProblem(t.conclusion, t.rationale);
  if (conclusion) ctx.addIssue({ code: 'custom', path: ['rationale'], message: conclusion });
}

/** The fields without the cross-field checks, for editors that save one part of the test. */
export const controlTestObjectSchema = z.object(controlTestShape);
export const controlTestFieldsSchema = z.object(controlTestShape).superRefine(checkTest);
export type ControlTestFields = z.output<typeof controlTestFieldsSchema>;
export const controlTestSchema = engagementRecordMetaSchema.extend(controlTestShape).superRefine(checkTest);
export type ControlTest = z.output<typeof controlTestSchema>;

export function emptyIpe(): Ipe {
  return {
    sourceSystem: '',
    report: '',
    parameters: '',
    generatedBy: '',
    generatedOn: null,
    recordCount: null,
    periodCovered: '',
    procedures: '',
    result: 'not-done',
    resultNotes: '',
  };
}

export function emptyPopulation(): Population {
  return {
    source: 'none',
    description: '',
    count: null,
    evidenceId: null,
    sha256: null,
    fileName: '',
    sheet: '',
    headerRow: null,
    keyColumn: null,
    dateColumn: null,
    keyLabel: '',
    dateLabel: '',
    dayOrder: null,
    firstDate: null,
    lastDate: null,
    outsidePeriod: 0,
    undated: 0,
    ipe: emptyIpe(),
  };
}

export function emptySampling(): Sampling {
  return {
    method: 'random',
    recommendedSize: null,
    basis: '',
    size: null,
    overrideRationale: '',
    census: false,
    statistical: false,
    confidence: 0.9,
    tolerableRate: 0.1,
    expectedRate: 0,
    stratify: 'none',
    seed: '',
    interval: null,
    start: null,
    selectedAt: null,
    selectedBy: null,
    expansions: [],
  };
}

export function emptyControlTestFields(controlId: string, reference: string): ControlTestFields {
  return {
    controlId,
    reference,
    objective: '',
    techniques: ['inquiry', 'inspection'],
    procedure: '',
    attributes: [],
    population: emptyPopulation(),
    sampling: emptySampling(),
    conclusion: null,
    rationale: '',
    resultText: '',
  };
}

/** A test reference for a control: T-<control ref>, numbered when the control has several tests. */
export function testReference(controlReference: string, taken: ReadonlySet<string>): string {
  const base = `T-${controlReference}`.slice(0, 56);
  if (!taken.has(base.toUpperCase())) return base;
  for (let n = 2; n < 100; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate.toUpperCase())) return candidate;
  }
  return `${base}-${Date.now() % 1000}`;
}
