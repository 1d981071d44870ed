/** What the Workpapers & sign-offs list shows: its filters, their address values, and the summary line. */
import type { ReviewSummary, WorkpaperKind, WorkpaperReview } from '@shared/domain/review';

/** The Show choices; all but `all` are also accepted in the page's address (`?filter=stale`). */
export const WORKPAPER_FILTERS = ['all', 'stale', 'missing', 'complete', 'notes'] as const;
export type WorkpaperFilter = (typeof WORKPAPER_FILTERS)[number];
export const WORKPAPER_FILTER_LABELS: Record<WorkpaperFilter, string> = {
  all: 'All workpapers',
  stale: 'Stale sign-offs',
  missing: 'Missing a sign-off',
  complete: 'Complete',
  notes: 'With open review notes',
};

export function parseWorkpaperFilter(filter: string | undefined): WorkpaperFilter {
  return WORKPAPER_FILTERS.find((f) => f === filter) ?? 'all';
}

/** Notes that still need work on a workpaper: open, or responded and not yet cleared. */
export function openNotes(w: WorkpaperReview): number {
  return w.notes.open + w.notes.responded;
}

function shows(w: WorkpaperReview, show: WorkpaperFilter): boolean {
  switch (show) {
    case 'stale':
      return w.stale;
    case 'missing':
      return w.missing.length > 0;
    case 'complete':
      return w.complete;
    case 'notes':
      return openNotes(w) > 0;
    default:
      return true;
  }
}

export interface WorkpaperListFilter {
  show: WorkpaperFilter;
  kind: WorkpaperKind | 'all';
  /** Words that must all appear in the reference or the title. */
  query: string;
}

/** The workpapers the filters keep, in index order. */
export function filterWorkpapers(
  workpapers: readonly WorkpaperReview[],
  { show, kind, query }: WorkpaperListFilter,
): WorkpaperReview[] {
  const words = query.toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  return workpapers.filter((w) => {
    if (kind !== 'all' && w.info.kind !== kind) return false;
    if (!shows(w, show)) return false;
    const text = `${w.info.reference} ${w.info.title}`.toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "42 workpapers: 30 complete, 3 stale, 9 missing a sign-off". */
export function summarizeWorkpapers(s: ReviewSummary): string {
  return `${plural(s.workpapers, 'workpaper')}: ${s.complete} complete, ${s.stale} stale, ${s.missing} missing a sign-off`;
}
