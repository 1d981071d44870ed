/** The engagement's criteria with their applicability, as the Scope screen and (later) the report show them. */
import { criteriaForCategories, type Criterion, type TrustServicesCategory } from '../criteria/catalog';
import type { CriterionScope } from './criterion-scope';

export interface ScopedCriterion extends Criterion {
  applicable: boolean;
  naReason: string | null;
}

export interface ScopeSummary {
  criteria: ScopedCriterion[];
  inScope: number;
  notApplicable: number;
  applicable: number;
}

export function scopeCriteria(
  categories: readonly TrustServicesCategory[],
  scopes: readonly (Pick<CriterionScope, 'notApplicable' | 'reason' | 'deleted'> & { criterionId: string })[],
): ScopeSummary {
  const na = new Map<string, string>();
  for (const s of scopes) if (!s.deleted && s.notApplicable) na.set(s.criterionId, s.reason);
  const criteria = criteriaForCategories(categories).map((c) => ({
    ...c,
    applicable: !na.has(c.id),
    naReason: na.get(c.id) ?? null,
  }));
  const notApplicable = criteria.filter((c) => !c.applicable).length;
  return { criteria, inScope: criteria.length, notApplicable, applicable: criteria.length - notApplicable };
}
