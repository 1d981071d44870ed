/**
 * What is attached to a control, so deleting it never silently orphans work: request list items,
 * subservice organizations it monitors (and, as fieldwork arrives, tests, walkthroughs and evidence).
 */
import type { Request, SubserviceOrg } from '@shared/domain/planning';
import { formatRequestNumber } from '@shared/domain/planning';
import type { FieldworkDatabase } from '../../db';
import { engagementRecords } from '../../db/queries';

export interface Dependent {
  kind: 'request' | 'subservice-org';
  label: string;
}

export async function controlDependents(
  db: FieldworkDatabase,
  engagementId: string,
  controlIds: readonly string[],
): Promise<Dependent[]> {
  const ids = new Set(controlIds);
  const [requests, orgs] = await Promise.all([
    engagementRecords<Request>(db, 'requests', engagementId),
    engagementRecords<SubserviceOrg>(db, 'subserviceOrgs', engagementId),
  ]);
  return [
    ...requests
      .filter((r) => r.controlIds.some((id) => ids.has(id)))
      .sort((a, b) => a.number - b.number)
      .map((r): Dependent => ({
        kind: 'request',
        label: `Request ${formatRequestNumber(r.number)} — ${r.title}`,
      })),
    ...orgs
      .filter((o) => o.monitoringControlIds.some((id) => ids.has(id)))
      .map((o): Dependent => ({ kind: 'subservice-org', label: `Monitoring control for ${o.name}` })),
  ];
}

/** "2 requests and 1 subservice organization are linked" */
export function describeDependents(dependents: readonly Dependent[]): string {
  const requests = dependents.filter((d) => d.kind === 'request').length;
  const orgs = dependents.filter((d) => d.kind === 'subservice-org').length;
  const parts = [
    requests ? `${requests} request${requests > 1 ? 's' : ''}` : null,
    orgs ? `${orgs} subservice organization${orgs > 1 ? 's' : ''}` : null,
  ].filter(Boolean);
  if (parts.length === 0) return 'Nothing else is linked to it.';
  return `${parts.join(' and ')} ${dependents.length > 1 ? 'are' : 'is'} linked to it.`;
}
