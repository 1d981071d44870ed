/**
 * The parts of the system description that come from records rather than typing: criteria not relevant
 * (DC 8, from scope), subservice organizations with their CSOCs (DC 7) and CUECs (DC 6). Written as
 * structured text so the screen and the report render them like the typed sections.
 */
import type { ScopedCriterion } from '../engagement/scope';
import {
  SUBSERVICE_METHOD_LABELS,
  type Csoc,
  type SubserviceOrg,
  type UserEntityControl,
} from './complementary';
import { compareReferences, type Control } from './controls';
import type { DescriptionSectionDefinition } from './description';

export interface GeneratedContext {
  criteria: readonly ScopedCriterion[];
  subserviceOrgs: readonly SubserviceOrg[];
  csocs: readonly Csoc[];
  controls: readonly Pick<Control, 'id' | 'reference' | 'title' | 'deleted' | 'status' | 'criteria'>[];
  userEntityControls: readonly UserEntityControl[];
}

const escapeCell = (s: string) => s.replace(/\|/gu, '\\|').replace(/\s*\n\s*/gu, ' ');

export function generatedSectionText(
  kind: NonNullable<DescriptionSectionDefinition['generated']>,
  ctx: GeneratedContext,
): string {
  switch (kind) {
    case 'not-applicable':
      return notApplicableText(ctx);
    case 'subservice':
      return subserviceText(ctx);
    case 'controls':
      return controlsText(ctx);
    default:
      return cuecText(ctx);
  }
}

function notApplicableText({ criteria }: GeneratedContext): string {
  const na = criteria.filter((c) => !c.applicable);
  if (na.length === 0) return 'All criteria of the categories in scope are relevant to the system.';
  return [
    '| Criterion | Reason it is not relevant to the system |',
    '| --- | --- |',
    ...na.map((c) => `| ${c.id} | ${escapeCell(c.naReason ?? '')} |`),
  ].join('\n');
}

function controlsText({ criteria, controls }: GeneratedContext): string {
  const active = controls.filter((c) => !c.deleted && c.status !== 'retired');
  const rows = criteria
    .filter((c) => c.applicable)
    .map((c) => {
      const refs = active
        .filter((ctl) => ctl.criteria.includes(c.id))
        .map((ctl) => ctl.reference)
        .sort(compareReferences);
      return `| ${c.id} | ${refs.length > 0 ? refs.join(', ') : 'None'} |`;
    });
  if (rows.length === 0) return 'No criteria are in scope yet.';
  return ['| Criterion | Controls |', '| --- | --- |', ...rows].join('\n');
}

function subserviceText({ subserviceOrgs, csocs, controls }: GeneratedContext): string {
  const orgs = subserviceOrgs.filter((o) => !o.deleted).sort((a, b) => a.name.localeCompare(b.name));
  if (orgs.length === 0)
    return 'The service organization does not use subservice organizations for the system.';
  const refs = new Map(controls.filter((c) => !c.deleted).map((c) => [c.id, c.reference]));
  return orgs
    .map((o) => {
      const own = csocs
        .filter((c) => !c.deleted && c.subserviceOrgId === o.id)
        .sort((a, b) => compareReferences(a.reference, b.reference));
      const monitoring = o.monitoringControlIds.map((id) => refs.get(id)).filter((r): r is string => !!r);
      const lines = [
        `### ${o.name}`,
        '',
        `**Services provided:** ${o.services.replace(/\s*\n\s*/gu, ' ')}`,
        '',
        `**Method:** ${SUBSERVICE_METHOD_LABELS[o.method]}`,
      ];
      if (o.method === 'carve-out') {
        lines.push('', '**Complementary subservice organization controls expected:**', '');
        if (own.length === 0) lines.push('- None listed yet.');
        for (const c of own) {
          lines.push(
            `- ${c.reference ? `${c.reference}: ` : ''}${c.description.replace(/\s*\n\s*/gu, ' ')}${c.criteria.length ? ` (${c.criteria.join(', ')})` : ''}`,
          );
        }
        lines.push(
          '',
          `**Monitoring controls at the service organization:** ${monitoring.length ? monitoring.join(', ') : 'none linked yet'}`,
        );
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

function cuecText({ userEntityControls }: GeneratedContext): string {
  const live = userEntityControls
    .filter((u) => !u.deleted)
    .sort((a, b) => compareReferences(a.reference, b.reference));
  const cuecs = live.filter((u) => u.kind === 'cuec');
  const duties = live.filter((u) => u.kind === 'responsibility');
  const parts: string[] = [];
  if (cuecs.length === 0)
    parts.push('The system was designed without assuming complementary user entity controls.');
  else {
    parts.push(
      '| Reference | Complementary user entity control | Criteria |',
      '| --- | --- | --- |',
      ...cuecs.map(
        (c) => `| ${escapeCell(c.reference)} | ${escapeCell(c.description)} | ${c.criteria.join(', ')} |`,
      ),
    );
  }
  if (duties.length > 0) {
    parts.push(
      '',
      '### User entity responsibilities',
      '',
      ...duties.map((d) => `- ${d.description.replace(/\s*\n\s*/gu, ' ')}`),
    );
  }
  return parts.join('\n');
}
