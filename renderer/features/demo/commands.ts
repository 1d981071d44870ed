/** Loads the demo engagement (once: a second load opens the existing one). */
import { buildDemoEngagement } from '@shared/demo/demo-engagement';
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
  ];
  await repo.mutate(mutations, actorOf(profile));
  return { id, created: true };
}
