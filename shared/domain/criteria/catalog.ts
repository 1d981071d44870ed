/**
 * The 2017 Trust Services Criteria catalog (IDs unchanged by the 2022 points-of-focus revision):
 * 61 criteria, 33 common (Security) plus the category series A, PI, C and P. Titles are our own
 * paraphrases; a firm may import its licensed criterion text later.
 */
import { CRITERIA_ROWS } from './catalog.data';
import type { CriterionId } from '../ids';

export const TRUST_SERVICES_CATEGORIES = [
  'security',
  'availability',
  'processing-integrity',
  'confidentiality',
  'privacy',
] as const;
export type TrustServicesCategory = (typeof TRUST_SERVICES_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<TrustServicesCategory, string> = {
  security: 'Security',
  availability: 'Availability',
  'processing-integrity': 'Processing Integrity',
  confidentiality: 'Confidentiality',
  privacy: 'Privacy',
};

const CATEGORY_BY_CSV_NAME: Record<string, TrustServicesCategory> = {
  'Security (common criteria)': 'security',
  Availability: 'availability',
  'Processing Integrity': 'processing-integrity',
  Confidentiality: 'confidentiality',
  Privacy: 'privacy',
};

export interface Criterion {
  id: CriterionId;
  category: TrustServicesCategory;
  /** Group code, e.g. `CC6` or `P4`. */
  group: string;
  groupName: string;
  /** COSO 2013 principle for CC1–CC5, e.g. `P10`. */
  cosoPrinciple: string | null;
  /** Our short paraphrased title (not AICPA wording). */
  title: string;
  /** Position in the catalog, for stable sorting. */
  order: number;
}

export const CRITERIA: readonly Criterion[] = CRITERIA_ROWS.map((row, order) => {
  const category = CATEGORY_BY_CSV_NAME[row.category];
  if (!category) throw new Error(`criteria catalog: unknown category "${row.category}" for ${row.id}`);
  return {
    id: row.id as CriterionId, // the catalog is the source of criterion ids
    category,
    group: row.group,
    groupName: row.groupName,
    cosoPrinciple: row.cosoPrinciple,
    title: row.title,
    order,
  };
});

const BY_ID = new Map<string, Criterion>(CRITERIA.map((c) => [c.id, c]));

export function getCriterion(id: string): Criterion | undefined {
  return BY_ID.get(id);
}

export function isCriterionId(id: string): id is CriterionId {
  return BY_ID.has(id);
}

/**
 * The criteria that apply to an engagement with these categories in scope: the common criteria always
 * (Security is always in scope), plus each selected category's own series, in catalog order.
 */
export function criteriaForCategories(categories: readonly TrustServicesCategory[]): Criterion[] {
  const selected = new Set<TrustServicesCategory>(['security', ...categories]);
  return CRITERIA.filter((c) => selected.has(c.category));
}

/** Groups criteria by their group code, keeping catalog order. */
export function groupCriteria(
  criteria: readonly Criterion[],
): { group: string; groupName: string; criteria: Criterion[] }[] {
  const groups: { group: string; groupName: string; criteria: Criterion[] }[] = [];
  for (const criterion of criteria) {
    const last = groups[groups.length - 1];
    if (last && last.group === criterion.group) last.criteria.push(criterion);
    else groups.push({ group: criterion.group, groupName: criterion.groupName, criteria: [criterion] });
  }
  return groups;
}
