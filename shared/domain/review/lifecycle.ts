/**
 * Release, assembly and retention dates (soc2-domain.md §6): the documentation completion date is the
 * report release date plus the firm's assembly window (60 days under AU-C 230); documentation is kept for
 * the firm's retention period (7 years by default, never under 5).
 */
import type { Engagement } from '../engagement/schema';
import { localIsoDate } from '../engagement/dates';

export const DEFAULT_ASSEMBLY_DAYS = 60;
export const DEFAULT_RETENTION_YEARS = 7;
export const MIN_RETENTION_YEARS = 5;

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds whole years; 29 February falls back to 28 February in a common year. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export interface LifecycleDates {
  releaseDate: string;
  documentationCompletionDate: string;
  retentionUntil: string;
}

export function lifecycleDates(e: Pick<Engagement, 'release'>): LifecycleDates | null {
  if (!e.release) return null;
  return {
    releaseDate: e.release.date,
    documentationCompletionDate: addDays(e.release.date, e.release.assemblyDays),
    retentionUntil: addYears(e.release.date, Math.max(MIN_RETENTION_YEARS, e.release.retentionYears)),
  };
}

/**
 * How many days after the documentation completion date the file was locked (AU-C 230: at most 60 days
 * after release), in the laptop's calendar; null when locked on time or not locked.
 */
export function daysLockedLate(e: Pick<Engagement, 'release' | 'lock'>): number | null {
  const dates = lifecycleDates(e);
  if (!dates || !e.lock) return null;
  const late = daysBetween(dates.documentationCompletionDate, localIsoDate(new Date(e.lock.at)));
  return late > 0 ? late : null;
}

export function isLocked(e: Pick<Engagement, 'phase'>): boolean {
  return e.phase === 'completed';
}
