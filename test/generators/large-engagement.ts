/**
 * Seeded generator of a large, realistic data set for tests and benchmarks: many engagements across
 * kinds and categories, criteria marked not applicable, and a long history of edits (thousands of audit
 * events). The same seed always gives the same data. Later features add their records here.
 */
import {
  CRITERIA,
  TRUST_SERVICES_CATEGORIES,
  type TrustServicesCategory,
} from '../../shared/domain/criteria';
import { emptyEngagementFields, type EngagementInput } from '../../shared/domain/engagement';

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
