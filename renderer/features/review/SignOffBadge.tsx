/**
 * A workpaper's sign-offs in one small badge for list rows: "P ✓ R ✓" when every level is signed for the
 * current content, "Stale" (amber) once it changed after a sign-off, "Unsigned" before anyone signed.
 * The full sentence is there for screen readers and as the tooltip.
 */
import { formatDateTime } from '@shared/domain/engagement';
import {
  SIGN_OFF_LEVEL_LABELS,
  type LevelState,
  type SignOffLevel,
  type WorkpaperReview,
} from '@shared/domain/review';

/** The short mark of each level in the badge. */
export const LEVEL_ABBREVIATIONS: Record<SignOffLevel, string> = {
  preparer: 'P',
  reviewer: 'R',
  manager: 'M',
  partner: 'Pt',
};

const STATUS_MARK = { current: '✓', stale: '!', missing: '–' } as const;

/** Each level in words: "Preparer: AL, 3 Jan 2026, 14:05 · Reviewer: not signed". */
export function describeLevels(levels: readonly LevelState[]): string {
  return levels
    .map(({ level, status, signOff }) => {
      const label = SIGN_OFF_LEVEL_LABELS[level];
      if (!signOff) return `${label}: not signed`;
      const who = `${signOff.initials}, ${formatDateTime(signOff.signedAt)}`;
      return status === 'stale' ? `${label}: ${who}, changed since signed` : `${label}: ${who}`;
    })
    .join(' · ');
}

export function SignOffBadge({ review }: { review: WorkpaperReview | undefined }) {
  if (!review) {
    return (
      <span className="muted" title="Reading the sign-offs…">
        …
      </span>
    );
  }
  const { levels } = review;
  const words = describeLevels(levels);
  const unsigned = levels.every((l) => l.status === 'missing');
  const tone = review.stale ? 'warn' : review.complete ? 'good' : 'neutral';
  const shown = review.stale
    ? '! Stale'
    : unsigned
      ? 'Unsigned'
      : levels.map((l) => `${LEVEL_ABBREVIATIONS[l.level]} ${STATUS_MARK[l.status]}`).join(' ');
  const spoken = review.stale
    ? `Sign-off stale: ${words}`
    : unsigned
      ? 'Not signed off'
      : `Sign-offs: ${words}`;
  return (
    <span className={`badge badge-${tone} signoff-badge`} title={words}>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}

/** Sorts a list by sign-off: stale first, then unsigned, partly signed, complete; loading last. */
export function signOffRank(review: WorkpaperReview | undefined): string {
  if (!review) return '9';
  if (review.stale) return '0';
  if (review.levels.every((l) => l.status === 'missing')) return '1';
  return review.complete ? '3' : '2';
}
