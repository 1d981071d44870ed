/**
 * The engagement dashboard's figures, from one snapshot and its review state: phase and dates, criteria,
 * controls tested, tests by conclusion, exceptions, sign-offs, review notes, requests. Every figure has
 * a list behind it; the screen links each number to that list with a filter (see `DashboardLink`).
 */
import { scopeCriteria } from '../engagement/scope';
import { rollUp } from '../fieldwork/rollup';
import { computeCoverage, isActiveControl } from '../planning/coverage';
import { isOverdue, OUTSTANDING_REQUEST_STATUSES } from '../planning/requests';
import { live, type EngagementSnapshot } from '../snapshot';
import { daysBetween, lifecycleDates } from './lifecycle';
import type { ReviewState } from './state';

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
  controls: { active: number; tested: number; untested: number; withoutTest: number };
  tests: { total: number; open: number; effective: number; withExceptions: number; notEffective: number };
  exceptions: { total: number; open: number };
  signOffs: { workpapers: number; complete: number; stale: number; missing: number };
  notes: { open: number; responded: number; cleared: number };
  requests: { total: number; outstanding: number; overdue: number };
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
  const results = [...rollup.controls.values()];
  const active = controls.filter(isActiveControl);
  const tested = new Set(tests.map((t) => t.controlId));
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
      met: rollup.criteria.filter((c) => c.status === 'met' || c.status === 'met-with-exceptions').length,
      notMet: rollup.criteria.filter((c) => c.status === 'not-met').length,
      notTested: rollup.criteria.filter((c) => c.status === 'not-tested').length,
    },
    controls: {
      active: results.length,
      tested: results.filter((r) => r !== 'not-tested' && r !== 'in-progress').length,
      untested: results.filter((r) => r === 'not-tested' || r === 'in-progress').length,
      withoutTest: active.filter((c) => !tested.has(c.id)).length,
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
  };
}
