/**
 * The engagement dashboard's figures, from one snapshot and its review state: phase and dates, criteria,
 * controls tested, tests by conclusion, exceptions, sign-offs, review notes, requests. Every figure has
 * a list behind it; the screen links each number to that list with a filter (see `DashboardLink`).
 */
import { scopeCriteria } from '../engagement/scope';
import { isType1, rollUp, type ControlResult, type CriterionRollup } from '../fieldwork/rollup';
import { computeCoverage } from '../planning/coverage';
import { isOverdue, OUTSTANDING_REQUEST_STATUSES } from '../planning/requests';
import { live, type EngagementSnapshot } from '../snapshot';
import { daysBetween, lifecycleDates } from './lifecycle';
import { currentSignOffs } from './rules';
import type { ReviewState } from './state';
import { workpaperKey } from './workpapers';

export interface DashboardFigures {
  phase: EngagementSnapshot['engagement']['phase'];
  /** Days from today to the report date (negative once past); null when no report date is set. */
  daysToReport: number | null;
  /** Days left in the assembly window (negative when overdue); null before release or after lock. */
  daysToAssembly: number | null;
  criteria: {
    inScope: number;
    notApplicable: number;
    uncovered: number;
    met: number;
    notMet: number;
    notTested: number;
  };
  /** withoutTest: without any test (Type 2) or walkthrough (Type 1, readiness). */
  controls: { active: number; tested: number; untested: number; withoutTest: number };
  tests: { total: number; open: number; effective: number; withExceptions: number; notEffective: number };
  exceptions: { total: number; open: number };
  signOffs: { workpapers: number; complete: number; stale: number; missing: number };
  notes: { open: number; responded: number; cleared: number };
  requests: { total: number; outstanding: number; overdue: number };
  /** The addenda of a locked file and those without a reviewer's sign-off yet. */
  addenda: { total: number; awaitingReview: number };
}

/**
 * Addenda not yet reviewed. They are not workpapers with the engagement's levels (one reviewer, someone
 * other than the author) and are append-only, so a reviewer's sign-off on one never goes stale.
 */
export function addendaAwaitingReview(s: Pick<EngagementSnapshot, 'addenda' | 'signOffs'>) {
  return live(s.addenda).filter(
    (a) => !currentSignOffs(s.signOffs, workpaperKey('addendum', a.id)).has('reviewer'),
  );
}

/**
 * The lists behind the dashboard's control and criterion figures. The figure and the list it opens are
 * computed by the same functions, so the number on the dashboard is always the number of rows the list
 * shows (the control matrix and Coverage filter with these, see `?filter=` in the route).
 */
export const CONTROL_FIGURE_FILTERS = ['concluded', 'not-concluded', 'without-work'] as const;
export type ControlFigureFilter = (typeof CONTROL_FIGURE_FILTERS)[number];
export const CRITERION_FIGURE_FILTERS = ['met', 'not-met', 'not-concluded'] as const;
export type CriterionFigureFilter = (typeof CRITERION_FIGURE_FILTERS)[number];

/** How the control filters read on the list (Type 1 and readiness work through walkthroughs). */
export function controlFigureLabels(
  kind: EngagementSnapshot['engagement']['kind'],
): Record<ControlFigureFilter, string> {
  return isType1(kind)
    ? {
        concluded: 'Walked through',
        'not-concluded': 'Not yet concluded',
        'without-work': 'Without a walkthrough',
      }
    : { concluded: 'Concluded', 'not-concluded': 'Not yet concluded', 'without-work': 'Without a test' };
}

export const CRITERION_FIGURE_LABELS: Record<CriterionFigureFilter, string> = {
  met: 'Met (with or without exceptions)',
  'not-met': 'Not met',
  'not-concluded': 'Not yet concluded',
};

/**
 * The active controls in each figure: concluded (every test or walkthrough concluded, or one found not
 * effective), not yet concluded (the rest), and without any test (Type 2) or walkthrough (Type 1).
 */
export function controlFigureSets(
  kind: EngagementSnapshot['engagement']['kind'],
  results: ReadonlyMap<string, ControlResult>,
  tests: readonly { controlId: string; deleted: boolean }[],
  walkthroughs: readonly { controlIds: readonly string[]; deleted: boolean }[],
): Record<ControlFigureFilter, Set<string>> {
  const worked = new Set<string>();
  if (isType1(kind)) {
    for (const w of walkthroughs) if (!w.deleted) for (const id of w.controlIds) worked.add(id);
  } else {
    for (const t of tests) if (!t.deleted) worked.add(t.controlId);
  }
  const sets: Record<ControlFigureFilter, Set<string>> = {
    concluded: new Set(),
    'not-concluded': new Set(),
    'without-work': new Set(),
  };
  for (const [id, result] of results) {
    sets[result === 'not-tested' || result === 'in-progress' ? 'not-concluded' : 'concluded'].add(id);
    if (!worked.has(id)) sets['without-work'].add(id);
  }
  return sets;
}

/** The applicable criteria in each result figure (from the roll-up). */
export function criterionFigureSets(
  rows: readonly CriterionRollup[],
): Record<CriterionFigureFilter, Set<string>> {
  const sets: Record<CriterionFigureFilter, Set<string>> = {
    met: new Set(),
    'not-met': new Set(),
    'not-concluded': new Set(),
  };
  for (const r of rows) {
    if (r.status === 'met' || r.status === 'met-with-exceptions') sets.met.add(r.criterion.id);
    else if (r.status === 'not-met') sets['not-met'].add(r.criterion.id);
    else if (r.status === 'not-tested') sets['not-concluded'].add(r.criterion.id);
  }
  return sets;
}

export function dashboardFigures(
  s: EngagementSnapshot,
  review: ReviewState,
  today: string,
): DashboardFigures {
  const e = s.engagement;
  const scoped = scopeCriteria(e.categories, s.criterionScopes);
  const controls = live(s.controls);
  const tests = live(s.tests);
  const coverage = computeCoverage(scoped.criteria, controls);
  const rollup = rollUp(e.kind, scoped.criteria, controls, tests, live(s.walkthroughs));
  const controlSets = controlFigureSets(e.kind, rollup.controls, tests, live(s.walkthroughs));
  const criterionSets = criterionFigureSets(rollup.criteria);
  const requests = live(s.requests);
  const dates = lifecycleDates(e);
  return {
    phase: e.phase,
    daysToReport: e.reportDate ? daysBetween(today, e.reportDate) : null,
    daysToAssembly:
      dates && e.phase === 'released' ? daysBetween(today, dates.documentationCompletionDate) : null,
    criteria: {
      inScope: scoped.inScope,
      notApplicable: scoped.notApplicable,
      uncovered: coverage.uncovered,
      met: criterionSets.met.size,
      notMet: criterionSets['not-met'].size,
      notTested: criterionSets['not-concluded'].size,
    },
    controls: {
      active: rollup.controls.size,
      tested: controlSets.concluded.size,
      untested: controlSets['not-concluded'].size,
      withoutTest: controlSets['without-work'].size,
    },
    tests: {
      total: tests.length,
      open: tests.filter((t) => t.conclusion === null).length,
      effective: tests.filter((t) => t.conclusion === 'effective').length,
      withExceptions: tests.filter((t) => t.conclusion === 'effective-with-exceptions').length,
      notEffective: tests.filter((t) => t.conclusion === 'not-effective').length,
    },
    exceptions: {
      total: live(s.exceptions).length,
      open: live(s.exceptions).filter((x) => x.status === 'open').length,
    },
    signOffs: {
      workpapers: review.summary.workpapers,
      complete: review.summary.complete,
      stale: review.summary.stale,
      missing: review.summary.missing,
    },
    notes: {
      open: review.summary.openNotes,
      responded: review.summary.respondedNotes,
      cleared: review.summary.clearedNotes,
    },
    requests: {
      total: requests.length,
      outstanding: requests.filter((r) => OUTSTANDING_REQUEST_STATUSES.has(r.status)).length,
      overdue: requests.filter((r) => isOverdue(r, today)).length,
    },
    addenda: { total: live(s.addenda).length, awaitingReview: addendaAwaitingReview(s).length },
  };
}
