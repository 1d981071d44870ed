/** Writes the report settings (opinion, basis, wording) of an engagement through the one write path. */
import { reportSettingsSchema, type Engagement, type ReportSettings } from '@shared/domain/engagement';
import type { Actor, Repository } from '../../db/repository';

export async function saveReportSettings(
  repo: Repository,
  actor: Actor,
  engagement: Engagement,
  patch: Partial<ReportSettings>,
): Promise<Engagement> {
  const report = reportSettingsSchema.parse({ ...engagement.report, ...patch });
  const [saved] = await repo.mutate(
    [{ entity: 'engagement', op: 'update', id: engagement.id, patch: { report } }],
    actor,
  );
  return (saved ?? engagement) as Engagement; // the repository returns the record its schema parsed
}
