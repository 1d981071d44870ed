/**
 * Everything the section builders read, derived once from the snapshot: the live records in report order,
 * the criteria roll-up, the opinion in force (the auditor's, or the suggestion while none is chosen) and
 * whether the document is still a draft.
 */
import type { Engagement } from '../../domain/engagement/schema';
import type { OpinionType, ReportSettings } from '../../domain/engagement/report-settings';
import type { ScopedCriterion } from '../../domain/engagement/scope';
import type { ControlTest } from '../../domain/fieldwork/control-tests';
import type { ControlException } from '../../domain/fieldwork/exceptions';
import type { ControlResult, CriterionRollup } from '../../domain/fieldwork/rollup';
import { tickmarkLegend, type LegendEntry } from '../../domain/fieldwork/tickmarks';
import type { Walkthrough } from '../../domain/fieldwork/walkthroughs';
import type { SubserviceOrg, UserEntityControl } from '../../domain/planning/complementary';
import { compareReferences, type Control } from '../../domain/planning/controls';
import { isActiveControl } from '../../domain/planning/coverage';
import { live, type EngagementSnapshot } from '../../domain/snapshot';
import { criteriaRollup, suggestFromRollup } from './opinion';
import type { OpinionSuggestion, TemplateContext } from './types';

export interface ReportContext {
  snapshot: EngagementSnapshot;
  engagement: Engagement;
  settings: ReportSettings;
  type2: boolean;
  readiness: boolean;
  /** Until the report is released, it is a draft: gaps are shown and the DRAFT watermark printed. */
  draft: boolean;
  /** The criteria of the categories in scope, in catalog order, with applicability. */
  criteria: ScopedCriterion[];
  rollup: CriterionRollup[];
  results: Map<string, ControlResult>;
  /** Active controls (not retired), by reference. */
  controls: Control[];
  /** Every live control, retired ones included, by id (exceptions may point at a retired control). */
  controlsById: Map<string, Control>;
  tests: ControlTest[];
  walkthroughs: Walkthrough[];
  exceptions: ControlException[];
  legend: LegendEntry[];
  subserviceOrgs: SubserviceOrg[];
  carveOut: SubserviceOrg[];
  inclusive: SubserviceOrg[];
  cuecs: UserEntityControl[];
  /** Exceptions whose management response Section V prints (empty when Section V is off). */
  section5: ControlException[];
  suggestion: OpinionSuggestion;
  opinion: OpinionType;
  templateContext: TemplateContext;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function reportContext(snapshot: EngagementSnapshot): ReportContext {
  const { engagement } = snapshot;
  const settings = engagement.report;
  const { scope, controls: results, criteria: rollup } = criteriaRollup(snapshot);
  const liveControls = live(snapshot.controls).sort((a, b) => compareReferences(a.reference, b.reference));
  const subserviceOrgs = live(snapshot.subserviceOrgs).sort(byName);
  const carveOut = subserviceOrgs.filter((o) => o.method === 'carve-out');
  const inclusive = subserviceOrgs.filter((o) => o.method === 'inclusive');
  const cuecs = live(snapshot.userEntityControls)
    .filter((u) => u.kind === 'cuec')
    .sort((a, b) => compareReferences(a.reference, b.reference));
  const exceptions = live(snapshot.exceptions).sort((a, b) => a.number - b.number);
  const section5 = settings.includeSection5
    ? exceptions.filter((e) => e.managementResponse.trim() !== '')
    : [];
  const suggestion = suggestFromRollup(rollup);
  return {
    snapshot,
    engagement,
    settings,
    type2: engagement.kind === 'soc2-type2',
    readiness: engagement.kind === 'readiness',
    draft: engagement.release === null,
    criteria: scope.criteria,
    rollup,
    results,
    controls: liveControls.filter(isActiveControl),
    controlsById: new Map(liveControls.map((c) => [c.id, c])),
    tests: live(snapshot.tests).sort((a, b) => compareReferences(a.reference, b.reference)),
    walkthroughs: live(snapshot.walkthroughs),
    exceptions,
    legend: tickmarkLegend(snapshot.tickmarks),
    subserviceOrgs,
    carveOut,
    inclusive,
    cuecs,
    section5,
    suggestion,
    opinion: settings.opinion ?? suggestion.opinion,
    templateContext: {
      kind: engagement.kind,
      carveOut: carveOut.length > 0,
      inclusive: inclusive.length > 0,
      cuecs: cuecs.length > 0,
      section5: section5.length > 0,
    },
  };
}

/** What decides which template paragraphs apply to this engagement (for the wording screen). */
export function templateContextOf(snapshot: EngagementSnapshot): TemplateContext {
  return reportContext(snapshot).templateContext;
}
