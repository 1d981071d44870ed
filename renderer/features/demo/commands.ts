/** Loads the demo engagement (once: a second load opens the existing one). */
import { buildDemoEngagement } from '@shared/demo/demo-engagement';
import {
  DEMO_CONTROLS,
  DEMO_CSOCS,
  DEMO_REQUESTS,
  DEMO_SECTIONS,
  DEMO_SUBSERVICE_ORGS,
  DEMO_USER_ENTITY_CONTROLS,
} from '@shared/demo/demo-planning';
import { emptyControlFields, emptyRequestFields } from '@shared/domain/planning';
import { uuidv7 } from '@shared/domain/ids';
import type { Engagement } from '@shared/domain/engagement';
import { newEngagementId } from '@shared/domain/ids';
import type { Profile } from '@shared/domain/profile';
import type { Mutation, Repository } from '../../db';
import { actorOf } from '../profiles/commands';

export async function loadDemoEngagement(
  repo: Repository,
  profile: Profile,
): Promise<{ id: string; created: boolean }> {
  const existing = (await repo.db.engagements.toArray()).find((e: Engagement) => e.demo && !e.deleted);
  if (existing) {
    if (existing.archived)
      await repo.mutate(
        [{ entity: 'engagement', op: 'update', id: existing.id, patch: { archived: false } }],
        actorOf(profile),
      );
    return { id: existing.id, created: false };
  }
  const demo = buildDemoEngagement(profile.id, profile.firm);
  const id = newEngagementId();
  const mutations: Mutation[] = [
    { entity: 'engagement', op: 'create', id, fields: demo.fields },
    ...demo.notApplicable.map((na): Mutation => ({
      entity: 'criterionScope',
      op: 'create',
      fields: { engagementId: id, criterionId: na.criterionId, notApplicable: true, reason: na.reason },
    })),
    ...planningMutations(id, profile.fullName),
  ];
  await repo.mutate(mutations, actorOf(profile));
  return { id, created: true };
}

/** The demo's control matrix, subservice organizations, CUECs, description and requests. */
function planningMutations(engagementId: string, auditor: string): Mutation[] {
  const controlIds = new Map(DEMO_CONTROLS.map((c) => [c.reference, uuidv7()]));
  const ids = (refs: readonly string[]) => refs.map((r) => controlIds.get(r)).filter((x): x is string => !!x);
  const orgIds = DEMO_SUBSERVICE_ORGS.map(() => uuidv7());
  return [
    ...DEMO_CONTROLS.map((c): Mutation => ({
      entity: 'control',
      op: 'create',
      id: controlIds.get(c.reference),
      fields: { ...emptyControlFields(), status: 'agreed', ...c, engagementId },
    })),
    ...DEMO_SUBSERVICE_ORGS.map(({ monitoringRefs, ...o }, i): Mutation => ({
      entity: 'subserviceOrg',
      op: 'create',
      id: orgIds[i],
      fields: { ...o, monitoringControlIds: ids(monitoringRefs), engagementId },
    })),
    ...DEMO_CSOCS.map(({ org, ...c }): Mutation => ({
      entity: 'csoc',
      op: 'create',
      fields: { ...c, subserviceOrgId: orgIds[org], engagementId },
    })),
    ...DEMO_USER_ENTITY_CONTROLS.map((u): Mutation => ({
      entity: 'userEntityControl',
      op: 'create',
      fields: { ...u, engagementId },
    })),
    ...DEMO_SECTIONS.map((s): Mutation => ({
      entity: 'descriptionSection',
      op: 'create',
      fields: { ...s, engagementId },
    })),
    ...DEMO_REQUESTS.map(({ controlRefs, ...r }, i): Mutation => ({
      entity: 'request',
      op: 'create',
      fields: {
        ...emptyRequestFields(i + 1),
        auditorContact: auditor,
        ...r,
        controlIds: ids(controlRefs),
        number: i + 1,
        engagementId,
      },
    })),
  ];
}
