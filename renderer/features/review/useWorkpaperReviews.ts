/**
 * Every workpaper's review state by key, live, for lists that show a sign-off badge per row (tests,
 * walkthroughs, interviews): one read of the engagement per page, not one per row. `enabled` false skips
 * the work while the page shows something else (a test's workpaper instead of the list of tests).
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { computeReviewState, type WorkpaperReview } from '@shared/domain/review';
import type { EngagementSnapshot } from '@shared/domain/snapshot';
import { db } from '../../db';
import { loadSnapshot } from '../../db/snapshot';

export type WorkpaperReviews = ReadonlyMap<string, WorkpaperReview>;

export function useWorkpaperReviews(engagementId: string, enabled = true): WorkpaperReviews | undefined {
  const snapshot = useLiveQuery(
    async (): Promise<EngagementSnapshot | null> =>
      enabled ? ((await loadSnapshot(db, engagementId)) ?? null) : null,
    [engagementId, enabled],
  );
  const [result, setResult] = useState<WorkpaperReviews | null>(null);
  useEffect(() => {
    if (!snapshot) return undefined;
    let cancelled = false;
    // Hashing is asynchronous (WebCrypto) and must not run inside the live query.
    void computeReviewState(snapshot).then((review) => {
      if (!cancelled) setResult(review.byKey);
    });
    return () => {
      cancelled = true;
    };
  }, [snapshot]);
  // The previous result stays until the new one is ready, so badges do not flicker on every autosave.
  return enabled ? (result ?? undefined) : undefined;
}
