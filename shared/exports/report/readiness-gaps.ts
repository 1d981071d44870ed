/**
 * The gaps a readiness assessment reports, each with a recommendation, ordered by severity:
 * - high: an applicable criterion no control addresses; a control whose walkthrough found it not suitably
 *   designed;
 * - medium: a control not placed in operation (walkthrough) or found not operating (a test concluded not
 *   effective); a control with no evidence of its performance linked to it, its tests, its walkthroughs or
 *   its sample items;
 * - low: a request the client has not yet answered (open, in progress or returned).
 */
import { compareReferences, type Control } from '../../domain/planning/controls';
import { formatRequestNumber, OUTSTANDING_REQUEST_STATUSES } from '../../domain/planning/requests';
import { live } from '../../domain/snapshot';
import type { ReportContext } from './context';
import { longDate } from './values';

export const GAP_SEVERITIES = ['high', 'medium', 'low'] as const;
export type GapSeverity = (typeof GAP_SEVERITIES)[number];
export const GAP_SEVERITY_LABELS: Record<GapSeverity, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export interface ReadinessGap {
  severity: GapSeverity;
  /** What the gap is about: a criterion, a control or a request, e.g. "AC-02 — Access requests approved". */
  subject: string;
  /** The criteria it affects, in catalog order. */
  criteria: string[];
  gap: string;
  recommendation: string;
}

const sentence = (text: string) => {
  const t = text.trim().replace(/\s+/gu, ' ');
  return t === '' || /[.!?]$/u.test(t) ? t : `${t}.`;
};

const controlSubject = (c: Control) => `${c.reference}${c.title ? ` — ${c.title}` : ''}`;

export function readinessGaps(ctx: ReportContext): ReadinessGap[] {
  const applicable = new Set(ctx.criteria.filter((c) => c.applicable).map((c) => c.id as string));
  const criteriaOf = (c: Control) => c.criteria.filter((id) => applicable.has(id));
  const gaps: ReadinessGap[] = [];

  for (const entry of ctx.rollup) {
    if (!entry.criterion.applicable || entry.controls.length > 0) continue;
    gaps.push({
      severity: 'high',
      subject: `${entry.criterion.id} — ${entry.criterion.title}`,
      criteria: [entry.criterion.id],
      gap: 'No control addresses this criterion.',
      recommendation: `Design a control that addresses ${entry.criterion.id}, document who performs it, how often and what evidence it leaves, and map it to the criterion.`,
    });
  }

  const evidenced = evidencedControls(ctx);
  for (const control of ctx.controls) {
    const design = designGap(ctx, control);
    if (design) gaps.push({ ...design, subject: controlSubject(control), criteria: criteriaOf(control) });
    else if (!evidenced.has(control.id)) {
      gaps.push({
        severity: 'medium',
        subject: controlSubject(control),
        criteria: criteriaOf(control),
        gap: 'No evidence that the control is performed has been provided yet.',
        recommendation:
          'Keep evidence each time the control is performed (for example tickets, logs, reports or sign-offs) and provide it for a recent instance.',
      });
    }
  }

  const controlsById = ctx.controlsById;
  const requests = live(ctx.snapshot.requests)
    .filter((r) => OUTSTANDING_REQUEST_STATUSES.has(r.status))
    .sort((a, b) => a.number - b.number);
  for (const request of requests) {
    const controls = request.controlIds.map((id) => controlsById.get(id)).filter((c): c is Control => !!c);
    const due = request.dueOn ? `, due ${longDate(request.dueOn)}` : '';
    gaps.push({
      severity: 'low',
      subject: `${formatRequestNumber(request.number)} — ${request.title}`,
      criteria: [...new Set(controls.flatMap(criteriaOf))],
      gap: `The request is still outstanding${due}.`,
      recommendation:
        controls.length > 0
          ? `Provide the requested items so that ${controls
              .map((c) => c.reference)
              .sort(compareReferences)
              .join(', ')} can be assessed.`
          : 'Provide the requested items.',
    });
  }
  const rank = (s: GapSeverity) => GAP_SEVERITIES.indexOf(s);
  // A stable sort keeps criteria, then controls by reference, then requests by number within a severity.
  return gaps.sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** The worst design, implementation or test finding for a control, or null. */
function designGap(
  ctx: ReportContext,
  control: Control,
): Pick<ReadinessGap, 'severity' | 'gap' | 'recommendation'> | null {
  const walkthroughs = ctx.walkthroughs.filter((w) => w.controlIds.includes(control.id));
  const badDesign = walkthroughs.find((w) => w.designConclusion === 'no');
  if (badDesign) {
    return {
      severity: 'high',
      gap: `The walkthrough "${badDesign.title}" found that the control is not suitably designed. ${sentence(badDesign.designExplanation)}`.trim(),
      recommendation:
        'Redesign the control to close the gap described, document the change, and have it walked through again before the examination period starts.',
    };
  }
  const notInOperation = walkthroughs.find((w) => w.implementationConclusion === 'no');
  if (notInOperation) {
    return {
      severity: 'medium',
      gap: `The walkthrough "${notInOperation.title}" found that the control has not been placed in operation. ${sentence(notInOperation.implementationNotes)}`.trim(),
      recommendation:
        'Put the control into operation as designed and keep evidence of each time it is performed.',
    };
  }
  const failedTest = ctx.tests.find((t) => t.controlId === control.id && t.conclusion === 'not-effective');
  if (failedTest) {
    // The exceptions' descriptions are written for the client; the test's rationale is a workpaper note.
    const conditions = ctx.exceptions
      .filter((e) => e.testId === failedTest.id)
      .map((e) => sentence(e.description))
      .filter(Boolean);
    return {
      severity: 'medium',
      gap: ['Testing found that the control did not operate as described.', ...conditions].join(' '),
      recommendation:
        'Find the cause of the deviations, correct how the control is performed, and keep evidence of each performance.',
    };
  }
  return null;
}

/** Ids of the controls with evidence linked to them, their tests, walkthroughs or sample items. */
function evidencedControls(ctx: ReportContext): Set<string> {
  const testControl = new Map(ctx.tests.map((t) => [t.id, t.controlId]));
  const itemControl = new Map(
    live(ctx.snapshot.sampleItems).map((i) => [i.id, testControl.get(i.testId) ?? '']),
  );
  const walkthroughControls = new Map(ctx.walkthroughs.map((w) => [w.id, w.controlIds]));
  const out = new Set<string>();
  for (const evidence of live(ctx.snapshot.evidence)) {
    for (const link of evidence.links) {
      if (link.kind === 'control') out.add(link.id);
      else if (link.kind === 'test') out.add(testControl.get(link.id) ?? '');
      else if (link.kind === 'sample-item') out.add(itemControl.get(link.id) ?? '');
      else if (link.kind === 'walkthrough')
        for (const id of walkthroughControls.get(link.id) ?? []) out.add(id);
    }
  }
  return out;
}
