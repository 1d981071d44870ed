/**
 * The opinion the workpapers suggest (soc2-domain.md §4.1, §5.5): the criterion roll-up decides whether
 * any applicable criterion is not met. The auditor chooses; this only proposes and explains.
 *
 * Rule (documented for the auditor in the reasons):
 * - a criterion no control addresses counts as not met (a design gap);
 * - no applicable criterion not met → unmodified;
 * - some not met → qualified (material, not pervasive);
 * - at least two not met and either more than a quarter of the applicable criteria, or criteria in more
 *   than half of the common-criteria groups that have applicable criteria (CC1–CC9) → adverse (pervasive);
 * - a disclaimer is never suggested: criteria not yet tested are reported in the reasons instead.
 */
import { scopeCriteria } from '../../domain/engagement/scope';
import { rollUp, type CriterionRollup } from '../../domain/fieldwork/rollup';
import { live, type EngagementSnapshot } from '../../domain/snapshot';
import type { AffectedCriterion, OpinionSuggestion } from './types';

/** The criteria roll-up of a snapshot: each criterion in scope with its status and mapped controls. */
export function criteriaRollup(snapshot: EngagementSnapshot) {
  const { engagement } = snapshot;
  const scope = scopeCriteria(engagement.categories, snapshot.criterionScopes);
  const rolled = rollUp(
    engagement.kind,
    scope.criteria,
    snapshot.controls,
    live(snapshot.tests),
    live(snapshot.walkthroughs),
  );
  return { scope, ...rolled };
}

export function suggestOpinion(snapshot: EngagementSnapshot): OpinionSuggestion {
  return suggestFromRollup(criteriaRollup(snapshot).criteria);
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The suggestion from roll-up rows (pure; what `suggestOpinion` and the report builder share). */
export function suggestFromRollup(rows: readonly CriterionRollup[]): OpinionSuggestion {
  const applicable = rows.filter((r) => r.status !== 'not-applicable');
  // A criterion no control addresses cannot be met: a design gap counts like a failed control.
  const uncovered = applicable.filter((r) => r.controls.length === 0);
  const notMet = applicable.filter((r) => r.status === 'not-met' || r.controls.length === 0);
  const affected = notMet.map(affectedCriterion);
  const reasons: string[] = [];

  const commonGroups = new Set(
    applicable.filter((r) => r.criterion.category === 'security').map((r) => r.criterion.group),
  );
  const failedGroups = new Set(
    notMet.filter((r) => r.criterion.category === 'security').map((r) => r.criterion.group),
  );
  const widespread = notMet.length * 4 > applicable.length;
  const acrossGroups = failedGroups.size * 2 > commonGroups.size;
  const pervasive = notMet.length >= 2 && (widespread || acrossGroups);

  if (notMet.length === 0) {
    reasons.push('No applicable criterion is marked not met in the workpapers.');
  } else {
    for (const a of affected.filter((x) => x.controls.length > 0)) {
      reasons.push(
        `${a.criterionId} (${a.title}) is not met: ${a.controls.length === 1 ? 'control' : 'controls'} ${joinAnd(a.controls)} ${a.controls.length === 1 ? 'is' : 'are'} not effective.`,
      );
    }
    if (uncovered.length > 0) {
      reasons.push(
        `${listSome(uncovered.map((r) => r.criterion.id))} ${uncovered.length === 1 ? 'has' : 'have'} no control: no control in the description addresses ${uncovered.length === 1 ? 'it' : 'them'}, so ${uncovered.length === 1 ? 'it' : 'they'} cannot be met as the description stands.`,
      );
    }
    const share = `${notMet.length} of the ${applicable.length} applicable criteria`;
    if (pervasive) {
      const why = [
        widespread ? 'more than a quarter of them' : null,
        acrossGroups ? `${failedGroups.size} of the ${commonGroups.size} common-criteria groups` : null,
      ].filter((x): x is string => x !== null);
      reasons.push(
        `${share} ${notMet.length === 1 ? 'is' : 'are'} not met, across ${joinAnd(why)}: the failures look pervasive, which suggests an adverse opinion.`,
      );
    } else {
      reasons.push(
        `${share} ${notMet.length === 1 ? 'is' : 'are'} not met; the failures are limited to specific criteria, which suggests a qualified opinion.`,
      );
    }
  }
  const withExceptions = applicable.filter((r) => r.status === 'met-with-exceptions').length;
  if (withExceptions > 0) {
    reasons.push(
      `${count(withExceptions, 'criterion is', 'criteria are')} met with exceptions noted: the deviations are reported in Section IV and do not by themselves modify the opinion.`,
    );
  }
  const untested = applicable.filter((r) => r.status === 'not-tested' && r.controls.length > 0);
  if (untested.length > 0) {
    reasons.push(
      `${count(untested.length, 'criterion is', 'criteria are')} not concluded yet (${listSome(untested.map((r) => r.criterion.id))}): their controls are still to be tested or walked through, and the suggestion covers only what is concluded.`,
    );
  }
  const opinion = notMet.length === 0 ? 'unmodified' : pervasive ? 'adverse' : 'qualified';
  return { opinion, affected, reasons };
}

function affectedCriterion(row: CriterionRollup): AffectedCriterion {
  const failed = row.controls.filter((c) => c.result === 'not-effective');
  const controls = (failed.length > 0 ? failed : row.controls).map((c) => c.control.reference);
  return {
    criterionId: row.criterion.id,
    title: row.criterion.title,
    status: row.controls.length === 0 ? 'not-met' : row.status,
    controls,
  };
}

/** "A", "A and B", "A, B and C" (no serial comma, as in the rest of the app's messages). */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Up to `max` items, then "and n more". */
export function listSome(items: readonly string[], max = 8): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
