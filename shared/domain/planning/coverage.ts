/**
 * Criteria coverage: for every criterion in scope, the controls that support it. A criterion that is
 * applicable and has no active control is a gap the auditor must resolve (add or map a control, or mark
 * it not applicable with a reason) before fieldwork. Retired and deleted controls do not cover anything;
 * CSOCs and CUECs are listed beside a criterion but never cover it: they are someone else's controls.
 */
import type { ScopedCriterion } from '../engagement/scope';
import { compareReferences, type Control } from './controls';

export type CoverageStatus = 'covered' | 'uncovered' | 'not-applicable';

type ControlLike = Pick<Control, 'id' | 'reference' | 'title' | 'status' | 'criteria' | 'deleted' | 'key'>;
interface Complementary {
  id: string;
  reference: string;
  description: string;
  criteria: string[];
  deleted: boolean;
}

export interface CoverageRow {
  criterion: ScopedCriterion;
  status: CoverageStatus;
  /** Active (draft or agreed) controls mapped to the criterion, by reference. */
  controls: ControlLike[];
  csocs: Complementary[];
  cuecs: Complementary[];
}

export interface Coverage {
  rows: CoverageRow[];
  covered: number;
  uncovered: number;
  notApplicable: number;
  /** Active controls mapped to no criterion at all. */
  unmappedControls: ControlLike[];
  /** Active controls mapped to criteria outside the engagement's categories, with those criteria. */
  outOfScope: { control: ControlLike; criteria: string[] }[];
  /** Active controls mapped to criteria marked not applicable: one of the two is probably wrong. */
  mappedToNotApplicable: { control: ControlLike; criteria: string[] }[];
}

export function isActiveControl(c: Pick<Control, 'status' | 'deleted'>): boolean {
  return !c.deleted && c.status !== 'retired';
}

export function computeCoverage(
  criteria: readonly ScopedCriterion[],
  controls: readonly ControlLike[],
  csocs: readonly Complementary[] = [],
  cuecs: readonly Complementary[] = [],
): Coverage {
  const active = controls.filter(isActiveControl).sort((a, b) => compareReferences(a.reference, b.reference));
  const byCriterion = groupByCriterion(active);
  const csocsBy = groupByCriterion(csocs.filter((c) => !c.deleted));
  const cuecsBy = groupByCriterion(cuecs.filter((c) => !c.deleted));
  const rows = criteria.map((criterion): CoverageRow => {
    const mapped = byCriterion.get(criterion.id) ?? [];
    const status: CoverageStatus = !criterion.applicable
      ? 'not-applicable'
      : mapped.length > 0
        ? 'covered'
        : 'uncovered';
    return {
      criterion,
      status,
      controls: mapped,
      csocs: csocsBy.get(criterion.id) ?? [],
      cuecs: cuecsBy.get(criterion.id) ?? [],
    };
  });
  const inScope = new Set(criteria.map((c) => c.id as string));
  const outOfScope = active
    .map((control) => ({ control, criteria: control.criteria.filter((id) => !inScope.has(id)) }))
    .filter((o) => o.criteria.length > 0);
  const notApplicable = new Set(criteria.filter((c) => !c.applicable).map((c) => c.id as string));
  const mappedToNotApplicable = active
    .map((control) => ({ control, criteria: control.criteria.filter((id) => notApplicable.has(id)) }))
    .filter((o) => o.criteria.length > 0);
  return {
    rows,
    mappedToNotApplicable,
    covered: rows.filter((r) => r.status === 'covered').length,
    uncovered: rows.filter((r) => r.status === 'uncovered').length,
    notApplicable: rows.filter((r) => r.status === 'not-applicable').length,
    unmappedControls: active.filter((c) => c.criteria.length === 0),
    outOfScope,
  };
}

function groupByCriterion<T extends { criteria: string[] }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const id of item.criteria) {
      const list = map.get(id);
      if (list) list.push(item);
      else map.set(id, [item]);
    }
  }
  return map;
}
