/** Writes generated engagements through the real repository (one write path, audit chain and all). */
import type { Actor, Mutation, Repository } from '../../renderer/db/repository';
import type { Engagement } from '../../shared/domain/engagement';
import { newEngagementId } from '../../shared/domain/ids';
import type { GeneratedEngagement } from './large-engagement';

export async function loadGenerated(
  repo: Repository,
  actor: Actor,
  items: GeneratedEngagement[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const item of items) {
    const id = newEngagementId();
    const mutations: Mutation[] = [
      { entity: 'engagement', op: 'create', id, fields: { ...item.input, team: [actor.id] } },
      ...item.notApplicable.map((na): Mutation => ({
        entity: 'criterionScope',
        op: 'create',
        fields: { engagementId: id, criterionId: na.criterionId, notApplicable: true, reason: na.reason },
      })),
    ];
    await repo.mutate(mutations, actor);
    for (const notes of item.edits) {
      const current = (await repo.db.engagements.get(id)) as Engagement;
      await repo.mutate(
        [{ entity: 'engagement', op: 'update', id, patch: { notes }, expectedRev: current.rev }],
        actor,
      );
    }
    ids.push(id);
  }
  return ids;
}
