/**
 * What is attached to a control, so deleting it never silently orphans work: request list items,
 * subservice organizations it monitors, its tests, the walkthroughs and interviews that cover it, and the
 * evidence linked to it. Deleting a control deletes none of them; they keep pointing at the tombstone.
 */
import {
  currentVersion,
  type ControlTest,
  type Evidence,
  type Interview,
  type Walkthrough,
} from '@shared/domain/fieldwork';
import type { Request, SubserviceOrg } from '@shared/domain/planning';
import { formatRequestNumber } from '@shared/domain/planning';
import type { FieldworkDatabase } from '../../db';
import { engagementRecords } from '../../db/queries';

export interface Dependent {
  kind: 'request' | 'subservice-org' | 'test' | 'walkthrough' | 'interview' | 'evidence';
  label: string;
}

export async function controlDependents(
  db: FieldworkDatabase,
  engagementId: string,
  controlIds: readonly string[],
): Promise<Dependent[]> {
  const ids = new Set(controlIds);
  const [requests, orgs, tests, walkthroughs, interviews, evidence] = await Promise.all([
    engagementRecords<Request>(db, 'requests', engagementId),
    engagementRecords<SubserviceOrg>(db, 'subserviceOrgs', engagementId),
    engagementRecords<ControlTest>(db, 'tests', engagementId),
    engagementRecords<Walkthrough>(db, 'walkthroughs', engagementId),
    engagementRecords<Interview>(db, 'interviews', engagementId),
    engagementRecords<Evidence>(db, 'evidence', engagementId),
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
    ...tests
      .filter((t) => ids.has(t.controlId))
      .map((t): Dependent => ({ kind: 'test', label: `Test ${t.reference}` })),
    ...walkthroughs
      .filter((w) => w.controlIds.some((id) => ids.has(id)))
      .map((w): Dependent => ({ kind: 'walkthrough', label: `Walkthrough — ${w.title}` })),
    ...interviews
      .filter((i) => i.controlIds.some((id) => ids.has(id)))
      .map((i): Dependent => ({ kind: 'interview', label: `Interview — ${i.title}` })),
    ...evidence
      .filter((e) => e.links.some((l) => l.kind === 'control' && ids.has(l.id)))
      .map((e): Dependent => ({ kind: 'evidence', label: `Evidence file ${currentVersion(e).fileName}` })),
  ];
}

/** "2 requests and 1 subservice organization are linked" */
export function describeDependents(dependents: readonly Dependent[]): string {
  const count = (kind: Dependent['kind'], noun: string) => {
    const n = dependents.filter((d) => d.kind === kind).length;
    return n ? `${n} ${noun}${n > 1 ? 's' : ''}` : null;
  };
  const parts = [
    count('request', 'request'),
    count('subservice-org', 'subservice organization'),
    count('test', 'test'),
    count('walkthrough', 'walkthrough'),
    count('interview', 'interview'),
    count('evidence', 'evidence file'),
  ].filter((p): p is string => p !== null);
  if (parts.length > 2) parts.splice(0, parts.length - 1, parts.slice(0, -1).join(', '));
  if (parts.length === 0) return 'Nothing else is linked to it.';
  return `${parts.join(' and ')} ${dependents.length > 1 ? 'are' : 'is'} linked to it.`;
}
