/** Engagement changes, through the repository. */
import {
  engagementFields,
  engagementInputSchema,
  type Engagement,
  type EngagementFields,
  type EngagementInput,
} from '@shared/domain/engagement';
import { ValidationError } from '@shared/domain/errors';
import { newEngagementId } from '@shared/domain/ids';
import type { Actor, Repository } from '../../db';

export function parseEngagementFields(input: EngagementInput): EngagementFields {
  const parsed = engagementInputSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'The engagement');
  return parsed.data;
}

export async function createEngagement(
  repo: Repository,
  actor: Actor,
  input: EngagementInput,
): Promise<Engagement> {
  const fields = parseEngagementFields(input);
  const id = newEngagementId();
  const [saved] = await repo.mutate([{ entity: 'engagement', op: 'create', id, fields }], actor);
  return saved as Engagement; // the repository returns the record its schema just parsed
}

export async function updateEngagement(
  repo: Repository,
  actor: Actor,
  engagement: Engagement,
  patch: Partial<EngagementInput>,
): Promise<Engagement> {
  const fields = parseEngagementFields({ ...engagementFields(engagement), ...patch });
  const [saved] = await repo.mutate(
    [{ entity: 'engagement', op: 'update', id: engagement.id, patch: fields, expectedRev: engagement.rev }],
    actor,
  );
  return (saved ?? engagement) as Engagement; // as above; unchanged when the patch changed nothing
}

export function setArchived(repo: Repository, actor: Actor, engagement: Engagement, archived: boolean) {
  return repo.mutate(
    [
      {
        entity: 'engagement',
        op: 'update',
        id: engagement.id,
        patch: { archived },
        expectedRev: engagement.rev,
      },
    ],
    actor,
  );
}
