/**
 * Seeded generator of a large, realistic data set for tests and benchmarks: many engagements across
 * kinds and categories, criteria marked not applicable, and a long history of edits (thousands of audit
 * events), control matrices, and fieldwork (tests, sample items, exceptions). The same seed always gives
 * the same data. Later features add their records here.
 */
import {
  CRITERIA,
  TRUST_SERVICES_CATEGORIES,
  type TrustServicesCategory,
} from '../../shared/domain/criteria';
import { emptyEngagementFields, type EngagementInput } from '../../shared/domain/engagement';
import {
  emptyControlTestFields,
  emptyPopulation,
  emptySampling,
  type ControlTestFields,
  type ExceptionFields,
  type SampleItemFields,
} from '../../shared/domain/fieldwork';

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = [
  'Northwind',
  'Lumen',
  'Harbor',
  'Cobalt',
  'Juniper',
  'Atlas',
  'Meridian',
  'Quill',
  'Tandem',
  'Vela',
];
const SUFFIXES = ['Analytics', 'Payroll', 'Health', 'Logistics', 'Cloud', 'Payments', 'Learning', 'Security'];
const FORMS = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'S.A.', 'Sp. z o.o.'];
const NA_REASONS = [
  'No data centers or offices hold system components; hosting is carved out to the subservice organization.',
  'The system does not collect personal information directly from data subjects.',
  'No removable media or physical disposal is within the system boundary.',
];

export interface GeneratedEngagement {
  input: EngagementInput;
  notApplicable: { criterionId: string; reason: string }[];
  /** Sequential note edits to replay, building audit history. */
  edits: string[];
}

export function generateEngagements(
  count: number,
  seed = 42,
  editsPerEngagement = 10,
): GeneratedEngagement[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T; // xs is non-empty
  const out: GeneratedEngagement[] = [];
  for (let i = 0; i < count; i += 1) {
    const name = `${pick(PREFIXES)} ${pick(SUFFIXES)} ${pick(FORMS)}`;
    const categories: TrustServicesCategory[] = TRUST_SERVICES_CATEGORIES.filter(
      (c) => c === 'security' || rnd() < 0.4,
    );
    const year = 2024 + Math.floor(rnd() * 3);
    const kindRoll = rnd();
    const kind = kindRoll < 0.7 ? 'soc2-type2' : kindRoll < 0.9 ? 'soc2-type1' : 'readiness';
    const input: EngagementInput = {
      ...emptyEngagementFields(),
      serviceOrganization: `${name} #${i + 1}`,
      systemName: `${name.split(' ')[0]} Platform`,
      kind,
      categories,
      periodStart: kind === 'soc2-type2' ? `${year}-01-01` : null,
      periodEnd: kind === 'soc2-type2' ? `${year}-${rnd() < 0.5 ? '06-30' : '12-31'}` : null,
      asOfDate: kind === 'soc2-type2' ? null : `${year}-06-30`,
      firm: 'Harbor & Reed LLP',
      engagementPartner: 'Dana Whitfield, CPA',
      phase: pick(['planning', 'fieldwork', 'review', 'reporting'] as const),
      notes: `Generated engagement ${i + 1} (seed ${seed}).`,
    };
    const inScope = CRITERIA.filter((c) => categories.includes(c.category));
    const notApplicable = inScope
      .filter(() => rnd() < 0.05)
      .map((c) => ({ criterionId: c.id, reason: pick(NA_REASONS) }));
    const edits = Array.from(
      { length: editsPerEngagement },
      (_, k) => `${input.notes}\nEdit ${k + 1}: ${pick(SUFFIXES)} review.`,
    );
    out.push({ input, notApplicable, edits });
  }
  return out;
}

const CONTROL_AREAS = [
  {
    prefix: 'AC',
    words: 'access to production is approved by the system owner before it is granted',
    criteria: ['CC6.1', 'CC6.2', 'CC6.3'],
  },
  {
    prefix: 'CM',
    words: 'changes are peer reviewed and tested before deployment',
    criteria: ['CC8.1', 'CC7.1'],
  },
  {
    prefix: 'OP',
    words: 'security alerts are triaged by the on-call engineer within the SLA',
    criteria: ['CC7.2', 'CC7.3', 'CC7.4'],
  },
  {
    prefix: 'HR',
    words: 'new hires complete background checks and security training',
    criteria: ['CC1.4', 'CC1.5', 'CC2.2'],
  },
  {
    prefix: 'RM',
    words: 'risks are assessed and treatment owners assigned',
    criteria: ['CC3.1', 'CC3.2', 'CC3.4', 'CC9.1'],
  },
  { prefix: 'AV', words: 'backups complete daily and restores are tested', criteria: ['A1.2', 'A1.3'] },
  {
    prefix: 'CF',
    words: 'confidential data is identified and disposed of on schedule',
    criteria: ['C1.1', 'C1.2'],
  },
  {
    prefix: 'PI',
    words: 'input completeness is reconciled to source totals',
    criteria: ['PI1.2', 'PI1.3', 'PI1.4'],
  },
  {
    prefix: 'PR',
    words: 'personal information requests are answered within the committed time',
    criteria: ['P5.1', 'P5.2', 'P8.1'],
  },
] as const;
const OWNERS = [
  'Director of Infrastructure',
  'VP Engineering',
  'IT Manager',
  'Compliance Manager',
  'Head of People',
];
const FREQUENCIES = [
  'annual',
  'quarterly',
  'monthly',
  'weekly',
  'daily',
  'event-driven',
  'continuous',
] as const;

export interface GeneratedControl {
  reference: string;
  title: string;
  description: string;
  owner: string;
  frequency: (typeof FREQUENCIES)[number];
  nature: 'manual' | 'it-dependent-manual' | 'automated';
  controlType: 'preventive' | 'detective' | 'corrective';
  key: boolean;
  risk: 'low' | 'moderate' | 'high';
  components: string;
  status: 'draft' | 'agreed';
  notes: string;
  criteria: string[];
}

/**
 * A control matrix of `count` controls over the categories in scope, each mapped to 1–20 criteria
 * (most to a few, some to many, as real matrices are). Same seed, same matrix.
 */
export function generateControlMatrix(
  count: number,
  categories: readonly TrustServicesCategory[] = TRUST_SERVICES_CATEGORIES,
  seed = 42,
): GeneratedControl[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T; // xs is non-empty
  const inScope = CRITERIA.filter((c) => categories.includes(c.category)).map((c) => c.id as string);
  const areas = CONTROL_AREAS.filter((a) => a.criteria.every((id) => inScope.includes(id)));
  return Array.from({ length: count }, (_, i) => {
    const area = pick(areas);
    const extra = rnd() < 0.1 ? 8 + Math.floor(rnd() * 12) : Math.floor(rnd() * 3);
    const criteria = new Set<string>(area.criteria.slice(0, 1 + Math.floor(rnd() * area.criteria.length)));
    while (criteria.size < Math.min(20, area.criteria.length + extra)) criteria.add(pick(inScope));
    return {
      reference: `${area.prefix}-${String(i + 1).padStart(3, '0')}`,
      title: `${area.prefix} control ${i + 1}`,
      description: `${pick(OWNERS)} ensures ${area.words} (control ${i + 1}); evidence is retained in the ticketing system.`,
      owner: pick(OWNERS),
      frequency: pick(FREQUENCIES),
      nature: pick(['manual', 'it-dependent-manual', 'automated'] as const),
      controlType: pick(['preventive', 'detective', 'corrective'] as const),
      key: rnd() < 0.4,
      risk: pick(['low', 'moderate', 'high'] as const),
      components: pick(['AWS, PostgreSQL', 'GitHub, CI pipeline', 'Okta, HRIS', 'SIEM', '']),
      status: rnd() < 0.8 ? 'agreed' : 'draft',
      notes: '',
      criteria: [...criteria],
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Fieldwork: tests of controls with their sample items and exceptions

export interface FieldworkOptions {
  testsPerControl: number;
  itemsPerTest: number;
  /** Attributes per test (at most 26: A…Z). */
  attributes: number;
  seed?: number;
  /** The Type 2 period the items are dated in. */
  periodStart?: string;
  periodEnd?: string;
  /** Recorded as who selected the samples. */
  selectedBy?: string;
}

export interface GeneratedFieldworkTest {
  /** Ids are assigned here (seeded) so items and exceptions can point at their test. */
  id: string;
  fields: ControlTestFields;
  items: (SampleItemFields & { id: string })[];
  exceptions: ExceptionFields[];
}

/** A UUID (version 4 layout) from the seeded generator: same seed, same ids. */
function seededUuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(rnd() * 4) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ATTRIBUTE_WORDS = [
  'Approved before the change',
  'Approver is independent of the requester',
  'Ticket holds the justification',
  'Performed within the SLA',
  'Evidence retained in the system of record',
  'Reviewer is authorized',
  'Completed for every system in scope',
  'Follow-up actions tracked to closure',
  'Agreed to the source report',
  'Sign-off dated',
];

/**
 * Plain records for `testsPerControl` tests per control, each with a selected sample of `itemsPerTest`
 * items fully marked across `attributes` attributes: mostly ✓, some N/A, and about one item in 200 with an
 * X, gathered into one exception per test (numbered across the engagement, as the app numbers them). Tests
 * with an exception conclude "effective with exceptions", most others "effective", some stay in progress.
 */
export function generateFieldwork(
  controls: readonly { id: string; reference: string }[],
  options: FieldworkOptions,
): GeneratedFieldworkTest[] {
  const rnd = seededRandom(options.seed ?? 42);
  const start = Date.parse(`${options.periodStart ?? '2026-01-01'}T00:00:00Z`);
  const end = Date.parse(`${options.periodEnd ?? '2026-12-31'}T00:00:00Z`);
  const day = 86_400_000;
  const span = Math.max(1, Math.round((end - start) / day));
  const populationSize = options.itemsPerTest * 10;
  const selectedAt = new Date(end + 10 * day).toISOString();
  const out: GeneratedFieldworkTest[] = [];
  let exceptionNumber = 0;
  for (const control of controls) {
    for (let t = 0; t < options.testsPerControl; t += 1) {
      const id = seededUuid(rnd);
      const reference = `T-${control.reference}${t === 0 ? '' : `-${t + 1}`}`;
      const attributes = Array.from({ length: options.attributes }, (_, a) => ({
        id: seededUuid(rnd),
        text: `${ATTRIBUTE_WORDS[a % ATTRIBUTE_WORDS.length]}${a >= ATTRIBUTE_WORDS.length ? ` (${a + 1})` : ''}`,
      }));
      // Distinct population indices, drawn by a partial shuffle, in selection order.
      const pool = Array.from({ length: populationSize }, (_, i) => i);
      const items: GeneratedFieldworkTest['items'] = [];
      const failing: { itemId: string; attributeId: string }[] = [];
      for (let k = 0; k < options.itemsPerTest; k += 1) {
        const j = k + Math.floor(rnd() * (populationSize - k));
        [pool[k], pool[j]] = [pool[j] as number, pool[k] as number];
        const index = pool[k] as number;
        const itemId = seededUuid(rnd);
        const marks: Record<string, string> = {};
        for (const attribute of attributes) {
          const roll = rnd();
          marks[attribute.id] = roll < 0.02 ? 'na' : 'pass';
        }
        if (rnd() < 0.005) {
          const attribute = attributes[Math.floor(rnd() * attributes.length)];
          if (attribute) {
            marks[attribute.id] = 'exception';
            failing.push({ itemId, attributeId: attribute.id });
          }
        }
        items.push({
          id: itemId,
          testId: id,
          position: k + 1,
          populationIndex: index,
          row: index + 2,
          key: `${control.reference}-${String(index + 1).padStart(5, '0')}`,
          date: new Date(start + Math.floor((index * span) / populationSize) * day)
            .toISOString()
            .slice(0, 10),
          batch: 0,
          stratum: '',
          outsidePeriod: false,
          marks,
          note: rnd() < 0.1 ? 'Agreed to the ticket and the system log.' : '',
        });
      }
      const exceptions: ExceptionFields[] = [];
      if (failing.length > 0) {
        exceptionNumber += 1;
        exceptions.push({
          number: exceptionNumber,
          testId: id,
          controlId: control.id,
          description: `For ${failing.length} of the ${options.itemsPerTest} items sampled the attribute was not met.`,
          type: 'operating',
          sampleItemIds: [...new Set(failing.map((f) => f.itemId))],
          attributeIds: [...new Set(failing.map((f) => f.attributeId))],
          rootCause: 'Manual step missed during a busy period.',
          compensatingControls: '',
          compensatingControlIds: [],
          managementResponse: 'Reminder sent to the control owners.',
          nature: 'isolated',
          severity: 'deficiency',
          status: 'evaluated',
        });
      }
      const concluded = failing.length > 0 || rnd() < 0.8;
      const fields: ControlTestFields = {
        ...emptyControlTestFields(control.id, reference),
        objective: `To determine whether control ${control.reference} operated effectively throughout the period.`,
        procedure: 'For a random sample, inspected the ticket and the system log for each attribute.',
        attributes,
        population: {
          ...emptyPopulation(),
          source: 'count',
          description: `generated population of ${populationSize} items`,
          count: populationSize,
          undated: populationSize,
        },
        sampling: {
          ...emptySampling(),
          recommendedSize: options.itemsPerTest,
          basis: 'Generated: many times a day, high reliance.',
          size: options.itemsPerTest,
          seed: `generated-${id}`,
          selectedAt,
          selectedBy: options.selectedBy ?? 'generator',
        },
        conclusion: concluded ? (failing.length > 0 ? 'effective-with-exceptions' : 'effective') : null,
        rationale: failing.length > 0 ? 'Isolated deviations within the tolerable rate.' : '',
      };
      out.push({ id, fields, items, exceptions });
    }
  }
  return out;
}
