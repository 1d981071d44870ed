/** Marking criteria applicable / not applicable for an engagement. */
import { criterionScopeFieldsSchema } from '@shared/domain/engagement';
import { ValidationError } from '@shared/domain/errors';
import type { Actor, Repository } from '../../db';

export async function setCriterionApplicability(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  input: { criterionId: string; notApplicable: boolean; reason: string },
): Promise<void> {
  const parsed = criterionScopeFieldsSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'The criterion');
  const fields = parsed.data;
  const existing = await repo.db.criterionScopes
    .where('[engagementId+criterionId]')
    .equals([engagementId, fields.criterionId])
    .first();
  // Marking a criterion applicable again keeps the last reason, so undoing a mistake does not mean retyping it.
  const reason = fields.notApplicable ? fields.reason : (existing?.reason ?? '');
  if (existing) {
    await repo.mutate(
      [
        {
          entity: 'criterionScope',
          op: 'update',
          id: existing.id,
          patch: { notApplicable: fields.notApplicable, reason, deleted: false },
          expectedRev: existing.rev,
        },
      ],
      actor,
    );
  } else if (fields.notApplicable) {
    await repo.mutate(
      [
        {
          entity: 'criterionScope',
          op: 'create',
          fields: { engagementId, criterionId: fields.criterionId, notApplicable: true, reason },
        },
      ],
      actor,
    );
  }
}
