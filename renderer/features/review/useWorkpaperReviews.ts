/**
 * Every workpaper's review state by key, live, for lists that show a sign-off badge per row (tests,
 * walkthroughs, interviews): one read of the engagement per page, not one per row, sharing the hash cache
 * of `useEngagementReview`. `enabled` false skips the work while the page shows something else (a test's
 * workpaper instead of the list of tests).
 */
import type { WorkpaperReview } from '@shared/domain/review';
import { useEngagementReview } from './useReview';

export type WorkpaperReviews = ReadonlyMap<string, WorkpaperReview>;

export function useWorkpaperReviews(engagementId: string, enabled = true): WorkpaperReviews | undefined {
  return useEngagementReview(engagementId, enabled)?.review.byKey;
}
