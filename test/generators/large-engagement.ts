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
