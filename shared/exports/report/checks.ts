/**
 * What the report (or letter) still lacks, for the auditor before exporting. Blockers are what a released
 * report must not go out without; warnings are worth a look. None of it stops a draft export, which shows
 * the gaps in place ("[Not yet written]", "Testing not completed.").
 */
import { OPINION_LABELS } from '../../domain/engagement/report-settings';
import { formatExceptionNumber } from '../../domain/fieldwork/exceptions';
import { assertionMismatches } from '../../domain/planning/assertion';
import { sectionsFor } from '../../domain/planning/description';
import { OUTSTANDING_REQUEST_STATUSES } from '../../domain/planning/requests';
import { live, type EngagementSnapshot } from '../../domain/snapshot';
import { reportContext, type ReportContext } from './context';
import { sectionRecords, writtenAssertion } from './description';
import { listSome } from './opinion';
import { REPORT_TEMPLATES, templateText, unknownPlaceholders } from './templates';
import type { ReportCheck } from './types';
import { valuesFor } from './values';

const blocker = (area: string, message: string): ReportCheck => ({ severity: 'blocker', area, message });
const warning = (area: string, message: string): ReportCheck => ({ severity: 'warning', area, message });
const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function reportReadiness(snapshot: EngagementSnapshot): ReportCheck[] {
  const ctx = reportContext(snapshot);
  return [
    ...detailChecks(ctx),
    ...(ctx.readiness
      ? letterChecks(ctx)
      : [...opinionChecks(ctx), ...descriptionChecks(ctx), ...fieldworkChecks(ctx)]),
    ...templateChecks(ctx),
  ];
}

function detailChecks(ctx: ReportContext): ReportCheck[] {
  const e = ctx.engagement;
  const doc = ctx.readiness ? 'letter' : 'report';
  const out: ReportCheck[] = [];
  if (!e.reportDate)
    out.push(
      blocker(
        'overview',
        `The ${doc} date is not set; the signature shows "[${doc === 'letter' ? 'Letter' : 'Report'} date]".`,
      ),
    );
  if (!e.firm.trim()) out.push(blocker('overview', `The firm is not set; the ${doc} is signed "[Firm]".`));
  if (!ctx.settings.city.trim())
    out.push(blocker('report', `The city where the ${doc} is signed is not set.`));
  return out;
}

function opinionChecks(ctx: ReportContext): ReportCheck[] {
  const { settings, suggestion } = ctx;
  const out: ReportCheck[] = [];
  const suggested = OPINION_LABELS[suggestion.opinion].toLowerCase();
  if (settings.opinion === null) {
    out.push(blocker('report', `No opinion is chosen yet; drafts use the suggested ${suggested} opinion.`));
  } else if (settings.opinion !== suggestion.opinion) {
    out.push(
      warning(
        'report',
        `The chosen opinion (${OPINION_LABELS[settings.opinion].toLowerCase()}) differs from the one the criteria roll-up suggests (${suggested}); make sure the workpapers support it.`,
      ),
    );
  }
  if (ctx.opinion !== 'unmodified' && !settings.basis.trim()) {
    out.push(
      blocker(
        'report',
        `The ${OPINION_LABELS[ctx.opinion].toLowerCase()} opinion has no basis text: explain the matters behind it.`,
      ),
    );
  }
  return out;
}

function descriptionChecks(ctx: ReportContext): ReportCheck[] {
  const records = sectionRecords(ctx);
  const out: ReportCheck[] = [];
  const typed = sectionsFor(ctx.engagement.kind).filter((d) => !d.generated);
  const empty = typed.filter((d) => !(records.get(d.key)?.body.trim() ?? ''));
  if (empty.length > 0) {
    out.push(
      blocker(
        'description',
        `${n(empty.length, 'description section is', 'description sections are')} not written yet: ${listSome(empty.map((d) => d.title))}.`,
      ),
    );
  }
  const notFinal = sectionsFor(ctx.engagement.kind).filter((d) => {
    const r = records.get(d.key);
    return r && r.body.trim() && r.status !== 'final';
  });
  if (notFinal.length > 0) {
    out.push(
      warning(
        'description',
        `${n(notFinal.length, 'description section is', 'description sections are')} not marked final: ${listSome(notFinal.map((d) => d.title))}.`,
      ),
    );
  }
  const assertion = writtenAssertion(ctx);
  if (assertion === null) {
    out.push(
      blocker(
        'description',
        "Management's assertion is not written; the report shows the assertion drafted from the engagement.",
      ),
    );
  } else {
    const mismatches = assertionMismatches(
      assertion,
      ctx.engagement,
      ctx.subserviceOrgs,
      ctx.cuecs.length > 0,
    );
    if (mismatches.length > 0) {
      out.push(
        warning(
          'description',
          `Management's assertion may no longer match the engagement: ${mismatches.join('; ')}.`,
        ),
      );
    }
  }
  const csocs = live(ctx.snapshot.csocs);
  for (const org of ctx.carveOut) {
    if (!csocs.some((c) => c.subserviceOrgId === org.id)) {
      out.push(
        warning(
          'complementary',
          `${org.name} is carved out but no complementary subservice organization controls are listed for it.`,
        ),
      );
    }
  }
  return out;
}

function fieldworkChecks(ctx: ReportContext): ReportCheck[] {
  const out: ReportCheck[] = [];
  const uncovered = ctx.rollup.filter((r) => r.criterion.applicable && r.controls.length === 0);
  if (uncovered.length > 0) {
    out.push(
      blocker(
        'coverage',
        `${n(uncovered.length, 'applicable criterion has', 'applicable criteria have')} no control: ${listSome(uncovered.map((r) => r.criterion.id))}.`,
      ),
    );
  }
  if (ctx.type2) {
    const untested = ctx.controls.filter((c) => !ctx.tests.some((t) => t.controlId === c.id));
    if (untested.length > 0) {
      out.push(
        blocker(
          'tests',
          `${n(untested.length, 'control has', 'controls have')} no test of operating effectiveness: ${listSome(untested.map((c) => c.reference))}.`,
        ),
      );
    }
    const open = ctx.tests.filter((t) => t.conclusion === null);
    if (open.length > 0) {
      out.push(
        blocker(
          'tests',
          `${n(open.length, 'test is', 'tests are')} not concluded; Section IV says "Testing not completed." for ${open.length === 1 ? 'it' : 'them'}: ${listSome(open.map((t) => t.reference))}.`,
        ),
      );
    }
    const noProcedure = ctx.tests.filter((t) => !t.procedure.trim());
    if (noProcedure.length > 0) {
      out.push(
        warning(
          'tests',
          `${n(noProcedure.length, 'test has', 'tests have')} no procedure text for Section IV: ${listSome(noProcedure.map((t) => t.reference))}.`,
        ),
      );
    }
  } else {
    const notWalked = ctx.controls.filter((c) => !ctx.walkthroughs.some((w) => w.controlIds.includes(c.id)));
    if (notWalked.length > 0) {
      out.push(
        blocker(
          'walkthroughs',
          `${n(notWalked.length, 'control has', 'controls have')} not been walked through: ${listSome(notWalked.map((c) => c.reference))}.`,
        ),
      );
    }
  }
  out.push(...exceptionChecks(ctx));
  return out;
}

function exceptionChecks(ctx: ReportContext): ReportCheck[] {
  const out: ReportCheck[] = [];
  const label = (list: typeof ctx.exceptions) => listSome(list.map((e) => formatExceptionNumber(e.number)));
  const undescribed = ctx.exceptions.filter((e) => !e.description.trim());
  if (undescribed.length > 0) {
    out.push(
      blocker(
        'exceptions',
        `${n(undescribed.length, 'exception has', 'exceptions have')} no description of the condition: ${label(undescribed)}.`,
      ),
    );
  }
  const open = ctx.exceptions.filter((e) => e.status === 'open');
  if (open.length > 0)
    out.push(
      warning(
        'exceptions',
        `${n(open.length, 'exception is', 'exceptions are')} not evaluated yet: ${label(open)}.`,
      ),
    );
  const noResponse = ctx.exceptions.filter((e) => !e.managementResponse.trim());
  if (noResponse.length > 0 && ctx.settings.includeSection5) {
    out.push(
      warning(
        'exceptions',
        `${n(noResponse.length, 'exception has', 'exceptions have')} no management response, so Section V does not mention ${noResponse.length === 1 ? 'it' : 'them'}: ${label(noResponse)}.`,
      ),
    );
  }
  return out;
}

function letterChecks(ctx: ReportContext): ReportCheck[] {
  const out: ReportCheck[] = [];
  const notWalked = ctx.controls.filter((c) => !ctx.walkthroughs.some((w) => w.controlIds.includes(c.id)));
  if (notWalked.length > 0) {
    out.push(
      warning(
        'walkthroughs',
        `${n(notWalked.length, 'control has', 'controls have')} not been walked through, so the letter cannot say whether ${notWalked.length === 1 ? 'it is' : 'they are'} designed suitably: ${listSome(notWalked.map((c) => c.reference))}.`,
      ),
    );
  }
  const unconcluded = ctx.walkthroughs.filter(
    (w) => w.designConclusion === null || w.implementationConclusion === null,
  );
  if (unconcluded.length > 0) {
    out.push(
      warning(
        'walkthroughs',
        `${n(unconcluded.length, 'walkthrough has', 'walkthroughs have')} no conclusion on design or implementation yet.`,
      ),
    );
  }
  const requests = live(ctx.snapshot.requests).filter((r) => OUTSTANDING_REQUEST_STATUSES.has(r.status));
  if (requests.length > 0) {
    out.push(
      warning(
        'requests',
        `${n(requests.length, 'request is', 'requests are')} still outstanding; the letter lists ${requests.length === 1 ? 'it' : 'them'} as low-severity gaps.`,
      ),
    );
  }
  return out;
}

/** Firm wording that would print badly: emptied paragraphs and placeholders Fieldwork does not fill. */
function templateChecks(ctx: ReportContext): ReportCheck[] {
  const values = valuesFor(ctx);
  const out: ReportCheck[] = [];
  for (const template of REPORT_TEMPLATES) {
    if (ctx.settings.templates[template.key] === undefined) continue;
    if (template.appliesTo && !template.appliesTo(ctx.templateContext)) continue;
    const text = templateText(ctx.settings, template.key);
    if (!text.trim())
      out.push(
        warning('report', `The wording of "${template.title}" is empty, so the paragraph is left out.`),
      );
    const unknown = unknownPlaceholders(text, values);
    if (unknown.length > 0) {
      out.push(
        warning(
          'report',
          `The wording of "${template.title}" has ${unknown.length === 1 ? 'a placeholder' : 'placeholders'} Fieldwork does not fill: ${unknown.map((u) => `{${u}}`).join(', ')}.`,
        ),
      );
    }
  }
  const own: [string, string][] = [
    ['The basis for the opinion', ctx.settings.basis],
    ['The addressee', ctx.settings.addressee],
  ];
  for (const [label, text] of own) {
    const unknown = unknownPlaceholders(text, values);
    if (unknown.length > 0) {
      out.push(
        warning(
          'report',
          `${label} has placeholders Fieldwork does not fill: ${unknown.map((u) => `{${u}}`).join(', ')}.`,
        ),
      );
    }
  }
  return out;
}
