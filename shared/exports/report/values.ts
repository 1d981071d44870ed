/**
 * The values that fill the template placeholders. Missing facts become a bracketed prompt
 * ("[Report date]") so a draft shows what is still to be set rather than an empty gap.
 */
import { CATEGORY_LABELS } from '../../domain/criteria/catalog';
import { ENGAGEMENT_KIND_LABELS, type Engagement } from '../../domain/engagement/schema';
import { formatLongDate } from '../../domain/engagement/dates';
import { joinList } from '../../domain/planning/assertion';
import type { EngagementSnapshot } from '../../domain/snapshot';
import { reportContext, type ReportContext } from './context';

export function longDate(date: string | null | undefined): string {
  return formatLongDate(date);
}

/** "January 1, 2026 to September 30, 2026" (Type 2) or "September 30, 2026" (Type 1, readiness). */
export function periodDates(e: Pick<Engagement, 'kind' | 'asOfDate' | 'periodStart' | 'periodEnd'>): string {
  if (e.kind === 'soc2-type2') {
    return `${longDate(e.periodStart) || '[start date]'} to ${longDate(e.periodEnd) || '[end date]'}`;
  }
  return longDate(e.asOfDate) || '[as-of date]';
}

/** "throughout the period January 1, 2026 to September 30, 2026" or "as of September 30, 2026". */
export function periodPhrase(e: Pick<Engagement, 'kind' | 'asOfDate' | 'periodStart' | 'periodEnd'>): string {
  return e.kind === 'soc2-type2' ? `throughout the period ${periodDates(e)}` : `as of ${periodDates(e)}`;
}

/** "security, availability, and confidentiality" as the criteria sentences use them. */
export function categoriesPhrase(e: Pick<Engagement, 'categories'>): string {
  return joinList(e.categories.map((c) => CATEGORY_LABELS[c].toLowerCase()));
}

/** "Security, Availability, and Confidentiality" for titles. */
export function categoriesTitle(e: Pick<Engagement, 'categories'>): string {
  return joinList(e.categories.map((c) => CATEGORY_LABELS[c]));
}

/** The values of every documented placeholder for this engagement (see `TEMPLATE_PLACEHOLDERS`). */
export function templateValues(snapshot: EngagementSnapshot): Record<string, string> {
  return valuesFor(reportContext(snapshot));
}

export function valuesFor(ctx: ReportContext): Record<string, string> {
  const e = ctx.engagement;
  const organization = e.serviceOrganization || '[Service organization]';
  const carveOutNames = ctx.carveOut.map((o) => o.name);
  const type2 = ctx.type2;
  return {
    organization,
    system: e.systemName || '[System]',
    reportType: ENGAGEMENT_KIND_LABELS[e.kind],
    period: periodPhrase(e),
    periodDates: periodDates(e),
    categories: categoriesPhrase(e),
    firm: e.firm || '[Firm]',
    subservice: joinList(carveOutNames) || '[subservice organization]',
    subserviceNoun: carveOutNames.length > 1 ? 'subservice organizations' : 'subservice organization',
    inclusive: joinList(ctx.inclusive.map((o) => o.name)) || '[subservice organization]',
    reportDate: longDate(e.reportDate) || (e.kind === 'readiness' ? '[Letter date]' : '[Report date]'),
    city: ctx.settings.city || '[City, State]',
    criteria: joinList(ctx.suggestion.affected.map((a) => `${a.criterionId} (${a.title})`)) || '[criteria]',
    examined: ctx.opinion === 'disclaimer' ? 'We were engaged to examine' : 'We have examined',
    controlsExamined: type2
      ? 'the suitability of the design and the operating effectiveness of the controls stated in the description'
      : 'the suitability of the design of the controls stated in the description',
    andOperatingEffectively: type2 ? ' and operating effectively' : '',
    complementary: complementaryClause(ctx, organization),
  };
}

/**
 * ", provided that the subservice organizations and user entities applied the complementary controls
 * assumed in the design of X's controls" when the engagement relies on any; otherwise empty.
 */
function complementaryClause(ctx: ReportContext, organization: string): string {
  const who = [
    ctx.carveOut.length > 0
      ? ctx.carveOut.length > 1
        ? 'the subservice organizations'
        : 'the subservice organization'
      : null,
    ctx.cuecs.length > 0 ? 'user entities' : null,
  ].filter((w): w is string => w !== null);
  if (who.length === 0) return '';
  return `, provided that ${who.join(' and ')} applied the complementary controls assumed in the design of ${organization}'s controls`;
}
