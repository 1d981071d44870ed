/**
 * Management's assertion (report section II): a starting text filled from the engagement, which the
 * auditor and management then edit. It covers the three statements the assertion must make (description,
 * design, and for Type 2 operating effectiveness; soc2-domain.md §4.2) and adds the carve-out and CUEC
 * caveats when the engagement has them. Our own wording, not AICPA text.
 */
import { CATEGORY_LABELS, type TrustServicesCategory } from '../criteria/catalog';
import { formatDate, formatLongDate } from '../engagement/dates';
import type { Engagement } from '../engagement/schema';
import type { SubserviceOrg } from './complementary';

export interface AssertionContext {
  engagement: Pick<
    Engagement,
    'serviceOrganization' | 'systemName' | 'kind' | 'asOfDate' | 'periodStart' | 'periodEnd' | 'categories'
  >;
  subserviceOrgs: readonly Pick<SubserviceOrg, 'name' | 'method' | 'deleted'>[];
  /** True when the engagement lists at least one CUEC (not mere user entity responsibilities). */
  hasCuecs: boolean;
}

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

export function assertionTemplate({ engagement: e, subserviceOrgs, hasCuecs }: AssertionContext): string {
  const org = e.serviceOrganization || '[Service organization]';
  // "…controls at Acme, Inc." must not end in two full stops.
  const orgEndsSentence = org.endsWith('.');
  const system = e.systemName || '[system]';
  const type2 = e.kind === 'soc2-type2';
  const when = type2
    ? `throughout the period ${formatLongDate(e.periodStart) || '[start]'} to ${formatLongDate(e.periodEnd) || '[end]'}`
    : `as of ${formatLongDate(e.asOfDate) || '[date]'}`;
  const categories = joinList(
    e.categories.map((c: TrustServicesCategory) => CATEGORY_LABELS[c].toLowerCase()),
  );
  const active = subserviceOrgs.filter((s) => !s.deleted);
  const carveOut = active.filter((s) => s.method === 'carve-out').map((s) => s.name);
  const inclusive = active.filter((s) => s.method === 'inclusive').map((s) => s.name);

  const scopeCaveats: string[] = [];
  if (carveOut.length > 0) {
    scopeCaveats.push(
      `${org} uses ${joinList(carveOut)} (the subservice organization${carveOut.length > 1 ? 's' : ''}). The description includes only the controls of ${org} and excludes the controls of the subservice organization${carveOut.length > 1 ? 's' : ''}. The description also indicates that certain trust services criteria can be met only if the complementary subservice organization controls assumed in the design of ${org}'s controls are suitably designed${type2 ? ' and operating effectively' : ''}, along with the related controls at ${org}${orgEndsSentence ? '' : '.'}`,
    );
  }
  if (inclusive.length > 0) {
    scopeCaveats.push(
      `The description includes the relevant controls of ${joinList(inclusive)}, a subservice organization presented using the inclusive method.`,
    );
  }
  if (hasCuecs) {
    scopeCaveats.push(
      `The description indicates that certain trust services criteria can be met only if the complementary user entity controls assumed in the design of ${org}'s controls are suitably designed${type2 ? ' and operating effectively' : ''}, along with the related controls at ${org}${orgEndsSentence ? '' : '.'}`,
    );
  }

  const statements = [
    `The description presents the ${system} that was designed and implemented ${when}, in accordance with the description criteria.`,
    `The controls stated in the description were suitably designed ${when} to provide reasonable assurance that ${org}'s service commitments and system requirements would be achieved based on the applicable trust services criteria, if the controls operated as described${carveOut.length > 0 || hasCuecs ? ' and if the complementary controls assumed in the design of the controls operated as assumed' : ''}.`,
  ];
  if (type2) {
    statements.push(
      `The controls stated in the description operated effectively ${when} to provide reasonable assurance that ${org}'s service commitments and system requirements were achieved based on the applicable trust services criteria${carveOut.length > 0 || hasCuecs ? ', if the complementary controls assumed in the design of the controls operated effectively' : ''}.`,
    );
  }

  return [
    `## Assertion of ${org} management`,
    '',
    `We have prepared the accompanying description of ${org}'s ${system} (the description) ${when}, based on the description criteria for a description of a service organization's system in a SOC 2 report. The description is intended to provide report users with information about the ${system} that may be useful when assessing the risks arising from interactions with it, particularly information about system controls that ${org} has ${type2 ? 'designed, implemented and operated' : 'designed and implemented'} to provide reasonable assurance that its service commitments and system requirements were achieved based on the trust services criteria relevant to ${categories}.`,
    '',
    ...scopeCaveats.flatMap((p) => [p, '']),
    'We confirm, to the best of our knowledge and belief, that:',
    '',
    ...statements.map((s, i) => `${i + 1}. ${s}`),
    '',
  ].join('\n');
}

/**
 * What an edited assertion no longer matches in the engagement: the period or date, the organization, each
 * carved-out subservice organization, and the CUEC and carve-out caveats (present exactly when needed).
 */
export function assertionMismatches(
  body: string,
  e: AssertionContext['engagement'],
  subserviceOrgs: AssertionContext['subserviceOrgs'],
  hasCuecs: boolean,
): string[] {
  const text = body.toLocaleLowerCase();
  // Dates count in either style: the report's "September 30, 2026" (the template's) or the app's "30 Sep 2026".
  const dates = e.kind === 'soc2-type2' ? [e.periodStart, e.periodEnd] : [e.asOfDate];
  const carveOut = subserviceOrgs.filter((o) => !o.deleted && o.method === 'carve-out').map((o) => o.name);
  const out = [
    ...dates
      .filter((d): d is string => !!d)
      .filter((d) => !body.includes(formatLongDate(d)) && !body.includes(formatDate(d)))
      .map(formatLongDate),
    ...[e.serviceOrganization, ...carveOut].filter((f) => f && !body.includes(f)),
  ].map((f) => `it does not mention ${f}`);
  for (const gone of subserviceOrgs.filter((o) => o.deleted || o.method !== 'carve-out')) {
    if (gone.name && body.includes(gone.name) && !carveOut.includes(gone.name)) {
      out.push(
        `it still names ${gone.name}, which is ${gone.deleted ? 'no longer a subservice organization' : 'no longer carved out'}`,
      );
    }
  }
  const mentionsCuecs = text.includes('complementary user entity controls');
  if (hasCuecs && !mentionsCuecs) out.push('it has no CUEC caveat although the engagement lists CUECs');
  if (!hasCuecs && mentionsCuecs) out.push('it has a CUEC caveat although the engagement lists no CUECs');
  const mentionsCarveOut = text.includes('complementary subservice organization controls');
  if (carveOut.length === 0 && mentionsCarveOut) {
    out.push('it describes carved-out subservice organizations although none is carved out any more');
  }
  if (carveOut.length > 0 && !mentionsCarveOut) out.push('it has no carve-out caveat');
  return out;
}
