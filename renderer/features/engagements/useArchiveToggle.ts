/** Archive or restore an engagement, with an Undo in the confirmation. */
import { useCallback } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import { db, repository } from '../../db';
import { getEngagement } from '../../db/queries';
import { useActor } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { setArchived } from './commands';

export function useArchiveToggle() {
  const actor = useActor();
  const run = useAction();
  return useCallback(
    async (e: Engagement) => {
      if (!actor) return;
      const archive = !e.archived;
      await run(
        () => setArchived(repository, actor, e, archive),
        archive
          ? `Archived “${e.serviceOrganization}”. Find it under “Show archived”.`
          : `Restored “${e.serviceOrganization}”.`,
        {
          label: 'Undo',
          run: async () => {
            const current = await getEngagement(db, e.id);
            if (current) await setArchived(repository, actor, current, !archive);
          },
        },
      );
    },
    [actor, run],
  );
}
