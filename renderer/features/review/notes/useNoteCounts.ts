/** The engagement's review notes counted by status, and the open ones that are the signed-in auditor's. */
import { useMemo } from 'react';
import { useCurrentProfile } from '../../../app/hooks';
import { countNotes, type NoteCounts } from './noteView';
import { useEngagementNotes } from './useNotesData';

export type { NoteCounts };

/**
 * Live counts for the dashboard: `open`, `responded`, `cleared`, and `mineOpen` (open notes assigned to
 * or raised by the signed-in auditor). All zero while loading, with `loading` true.
 */
export function useNoteCounts(engagementId: string): NoteCounts & { loading: boolean } {
  const notes = useEngagementNotes(engagementId);
  const me = useCurrentProfile().profile?.id;
  return useMemo(() => ({ ...countNotes(notes ?? [], me), loading: notes === undefined }), [notes, me]);
}
