/** How many evidence files link to each record of one kind (sample items in the grid, for instance). */
import { useMemo } from 'react';
import type { Evidence, EvidenceLinkKind } from '@shared/domain/fieldwork';
import { useEngagementRecords } from '../../app/hooks';

export function useLinkedEvidenceCounts(
  engagementId: string,
  kind: EvidenceLinkKind,
): ReadonlyMap<string, number> {
  const evidence = useEngagementRecords<Evidence>('evidence', engagementId);
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of evidence ?? []) {
      for (const l of e.links) if (l.kind === kind) counts.set(l.id, (counts.get(l.id) ?? 0) + 1);
    }
    return counts;
  }, [evidence, kind]);
}
