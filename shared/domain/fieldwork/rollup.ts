/**
 * The roll-up: what the fieldwork says about each control and each criterion. Type 2 controls are
 * concluded by their tests of operating effectiveness; Type 1 controls (and readiness) by their
 * walkthroughs' design and implementation conclusions. A criterion's status is suggested from its
 * controls; the report uses it to suggest the opinion. Inquiry alone never concludes anything.
 */
import type { EngagementKind } from '../engagement/schema';
import type { ScopedCriterion } from '../engagement/scope';
import { compareReferences, type Control } from '../planning/controls';
import { isActiveControl } from '../planning/coverage';
import type { ControlTest } from './control-tests';
import type { SampleItem } from './sample-items';
import { markOutcome, type LegendEntry } from './tickmarks';
import type { Walkthrough } from './walkthroughs';

export type ControlResult = 'effective' | 'exceptions' | 'not-effective' | 'in-progress' | 'not-tested';
export const CONTROL_RESULT_LABELS: Record<ControlResult, string> = {
  effective: 'Effective',
  exceptions: 'Effective with exceptions',
  'not-effective': 'Not effective',
  'in-progress': 'In progress',
  'not-tested': 'Not tested',
};
/** Type 1 wording: design and implementation, not operation. */
export const TYPE1_RESULT_LABELS: Record<ControlResult, string> = {
  effective: 'Suitably designed and implemented',
  exceptions: 'Designed with exceptions',
  'not-effective': 'Not suitably designed or not placed in operation',
  'in-progress': 'In progress',
  'not-tested': 'Not walked through',
};

export type CriterionStatus = 'met' | 'met-with-exceptions' | 'not-met' | 'not-tested' | 'not-applicable';
export const CRITERION_STATUS_LABELS: Record<CriterionStatus, string> = {
  met: 'Met',
  'met-with-exceptions': 'Met, exceptions noted',
  'not-met': 'Not met',
  'not-tested': 'Not tested',
  'not-applicable': 'N/A',
};

type TestLike = Pick<ControlTest, 'id' | 'controlId' | 'conclusion' | 'deleted'>;
type WalkthroughLike = Pick<
  Walkthrough,
  'id' | 'controlIds' | 'designConclusion' | 'implementationConclusion' | 'deleted'
>;

export interface ControlSupport {
  tests: number;
  walkthroughs: number;
  interviews: number;
  /** Only interviews support the control: inquiry alone cannot conclude a test. */
  inquiryOnly: boolean;
}

export function isType1(kind: EngagementKind): boolean {
  return kind !== 'soc2-type2';
}

/** The result of one control from its tests (Type 2) or walkthroughs (Type 1, readiness). */
export function controlResult(
  controlId: string,
  kind: EngagementKind,
  tests: readonly TestLike[],
  walkthroughs: readonly WalkthroughLike[],
): ControlResult {
  const wts = walkthroughs.filter((w) => !w.deleted && w.controlIds.includes(controlId));
  // A design found deficient in a walkthrough means the control cannot operate effectively either.
  const designFailed = wts.some((w) => w.designConclusion === 'no' || w.implementationConclusion === 'no');
  if (isType1(kind)) {
    if (wts.length === 0) return 'not-tested';
    if (designFailed) return 'not-effective';
    return wts.every((w) => w.designConclusion === 'yes' && w.implementationConclusion === 'yes')
      ? 'effective'
      : 'in-progress';
  }
  const own = tests.filter((t) => !t.deleted && t.controlId === controlId);
  if (designFailed || own.some((t) => t.conclusion === 'not-effective')) return 'not-effective';
  if (own.length === 0) return 'not-tested';
  if (own.some((t) => t.conclusion === null)) return 'in-progress';
  return own.some((t) => t.conclusion === 'effective-with-exceptions') ? 'exceptions' : 'effective';
}

export interface CriterionRollup {
  criterion: ScopedCriterion;
  status: CriterionStatus;
  controls: { control: Pick<Control, 'id' | 'reference' | 'title' | 'key'>; result: ControlResult }[];
}

/**
 * A criterion's suggested status: not met when a mapped control is not effective, not tested while any
 * is untested, met with exceptions when a control has exceptions, otherwise met. The auditor judges
 * compensating controls and the effect on the criterion; this is the starting point.
 */
export function criterionStatus(applicable: boolean, results: readonly ControlResult[]): CriterionStatus {
  if (!applicable) return 'not-applicable';
  if (results.length === 0) return 'not-tested';
  if (results.includes('not-effective')) return 'not-met';
  if (results.some((r) => r === 'not-tested' || r === 'in-progress')) return 'not-tested';
  return results.includes('exceptions') ? 'met-with-exceptions' : 'met';
}

export function rollUp(
  kind: EngagementKind,
  criteria: readonly ScopedCriterion[],
  controls: readonly Pick<
    Control,
    'id' | 'reference' | 'title' | 'key' | 'criteria' | 'status' | 'deleted'
  >[],
  tests: readonly TestLike[],
  walkthroughs: readonly WalkthroughLike[],
): { controls: Map<string, ControlResult>; criteria: CriterionRollup[] } {
  const active = controls.filter(isActiveControl).sort((a, b) => compareReferences(a.reference, b.reference));
  const results = new Map(active.map((c) => [c.id, controlResult(c.id, kind, tests, walkthroughs)]));
  const rows = criteria.map((criterion): CriterionRollup => {
    const mapped = active
      .filter((c) => c.criteria.includes(criterion.id))
      .map((control) => ({ control, result: results.get(control.id) ?? 'not-tested' }));
    return {
      criterion,
      status: criterionStatus(
        criterion.applicable,
        mapped.map((m) => m.result),
      ),
      controls: mapped,
    };
  });
  return { controls: results, criteria: rows };
}

/** How each control is supported, to warn where an interview is the only support. */
export function controlSupport(
  controlId: string,
  tests: readonly TestLike[],
  walkthroughs: readonly WalkthroughLike[],
  interviews: readonly { controlIds: string[]; deleted: boolean }[],
): ControlSupport {
  const t = tests.filter((x) => !x.deleted && x.controlId === controlId).length;
  const w = walkthroughs.filter((x) => !x.deleted && x.controlIds.includes(controlId)).length;
  const i = interviews.filter((x) => !x.deleted && x.controlIds.includes(controlId)).length;
  return { tests: t, walkthroughs: w, interviews: i, inquiryOnly: i > 0 && t === 0 && w === 0 };
}

export interface SampleTally {
  /** Live items in the sample. */
  size: number;
  /** Items with at least one exception mark: the deviations counted in the evaluation. */
  deviations: number;
  /** Items with every attribute marked. */
  complete: number;
  /** Cells still blank. */
  blankCells: number;
  exceptionCells: number;
}

/** Counts the sample's deviations (an item with any exception mark is one deviation) and its progress. */
export function tallySample(
  items: readonly Pick<SampleItem, 'marks' | 'deleted'>[],
  attributeIds: readonly string[],
  legend: readonly LegendEntry[],
): SampleTally {
  let deviations = 0;
  let complete = 0;
  let blankCells = 0;
  let exceptionCells = 0;
  let size = 0;
  for (const item of items) {
    if (item.deleted) continue;
    size += 1;
    let blank = 0;
    let exceptions = 0;
    for (const a of attributeIds) {
      const mark = item.marks[a];
      if (!mark) blank += 1;
      else if (markOutcome(mark, legend) === 'exception') exceptions += 1;
    }
    blankCells += blank;
    exceptionCells += exceptions;
    if (exceptions > 0) deviations += 1;
    if (blank === 0) complete += 1;
  }
  return { size, deviations, complete, blankCells, exceptionCells };
}
