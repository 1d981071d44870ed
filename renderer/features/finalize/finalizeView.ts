/**
 * What the Release & lock screen shows, as pure functions: the steps of the engagement's life, the
 * deadline wording, the release blockers grouped by what fixes them, and where each one is fixed.
 */
import {
  ENGAGEMENT_PHASES,
  formatDate,
  localIsoDate,
  type Engagement,
  type EngagementPhase,
} from '@shared/domain/engagement';
import { addDays, addYears, daysBetween, type BlockerKind, type ReleaseBlocker } from '@shared/domain/review';
import type { Tone } from '../../components/StatusBadge';
import type { Route } from '../../store/route';

/** The engagement's life as the strip at the top of the screen shows it (soc2-domain.md §6.3). */
export const LIFECYCLE_STEP_LABELS: Record<EngagementPhase, string> = {
  planning: 'Planning',
  fieldwork: 'Fieldwork',
  review: 'Review',
  reporting: 'Reporting',
  released: 'Released (assembly window)',
  completed: 'Locked',
};

export type StepState = 'done' | 'current' | 'todo';

export function stepState(current: EngagementPhase, step: EngagementPhase): StepState {
  const a = ENGAGEMENT_PHASES.indexOf(current);
  const b = ENGAGEMENT_PHASES.indexOf(step);
  return b < a ? 'done' : b === a ? 'current' : 'todo';
}

/** "12 days left", "due today" or "overdue by 3 days", with the tone the status language gives it. */
export function deadlineText(dueDate: string, today: string): { text: string; tone: Tone } {
  const left = daysBetween(today, dueDate);
  if (left > 0)
    return { text: `${left} day${left === 1 ? '' : 's'} left`, tone: left <= 7 ? 'warn' : 'info' };
  if (left === 0) return { text: 'due today', tone: 'warn' };
  return { text: `overdue by ${-left} day${left === -1 ? '' : 's'}`, tone: 'bad' };
}

export interface BlockerGroup {
  kind: BlockerKind;
  title: string;
  /** What to do about this kind of blocker. */
  hint: string;
  blockers: ReleaseBlocker[];
}

const GROUPS: readonly Omit<BlockerGroup, 'blockers'>[] = [
  {
    kind: 'report-date',
    title: 'Report date',
    hint: 'The report is dated before it is released; set the date before the report draft is signed, since the draft includes it.',
  },
  {
    kind: 'notes',
    title: 'Review notes not cleared',
    hint: 'All review notes are cleared before the report is released.',
  },
  {
    kind: 'sign-off',
    title: 'Missing sign-offs',
    hint: 'Every workpaper is signed at each level this engagement requires.',
  },
  {
    kind: 'stale',
    title: 'Sign-offs out of date',
    hint: 'The workpaper changed after it was signed: look at the change and sign again.',
  },
  {
    kind: 'unfinished',
    title: 'Work not concluded',
    hint: 'Every test is concluded (and, for Type 1, every walkthrough), or deleted if it is not needed.',
  },
  {
    kind: 'criterion',
    title: 'Criteria not tested',
    hint: 'Each applicable criterion needs a concluded test of its controls, or is marked not applicable on Scope with the reason.',
  },
  { kind: 'phase', title: 'Already released', hint: '' },
];

/** The blockers grouped by kind, in the order the screen lists them; empty groups left out. */
export function groupBlockers(blockers: readonly ReleaseBlocker[]): BlockerGroup[] {
  return GROUPS.map((g) => ({ ...g, blockers: blockers.filter((b) => b.kind === g.kind) })).filter(
    (g) => g.blockers.length > 0,
  );
}

/** The screen where a blocker is fixed. */
export function blockerRoute(engagementId: string, blocker: ReleaseBlocker): Route {
  const { area, item, filter } = blocker.location as ReleaseBlocker['location'] & { filter?: string }; // filter is optional on both variants
  return {
    name: 'engagement',
    id: engagementId,
    area,
    ...(item ? { item } : {}),
    ...(filter ? { filter } : {}),
  };
}

/** Why the release cannot be recorded with this date, or null (the repository checks the same). */
export function releaseDateProblem(
  reportDate: string | null,
  releaseDate: string,
  today: string = localIsoDate(),
): string | null {
  if (!reportDate) return 'Enter the report date on the Overview first.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(releaseDate)) return 'Enter the release date.';
  if (releaseDate > today) {
    return 'The release date cannot be in the future: record the release once the report is given to the client.';
  }
  if (releaseDate < reportDate) {
    return `The release date cannot be before the report date (${formatDate(reportDate)}).`;
  }
  return null;
}

/** The dates a release on `releaseDate` would set, under the firm's policy. */
export function projectedDates(
  releaseDate: string,
  policy: { assemblyDays: number; retentionYears: number },
) {
  return {
    documentationCompletionDate: addDays(releaseDate, policy.assemblyDays),
    retentionUntil: addYears(releaseDate, policy.retentionYears),
  };
}

/** The calendar date (local) of an ISO timestamp, for "locked on 3 Mar 2027". */
export function dateOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
}

/** Whether the release controls can be used, and why not. */
export function releaseProblem(e: Pick<Engagement, 'archived'>, blockers: number): string | null {
  if (e.archived) return 'The engagement is archived: restore it on the Overview first.';
  if (blockers > 0) return `${blockers} item${blockers === 1 ? ' blocks' : 's block'} the release`;
  return null;
}
