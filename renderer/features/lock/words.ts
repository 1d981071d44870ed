/**
 * Plain words for the app lock's screens: migration progress with an estimate, which profile the lock
 * screen starts on, the keyboard shortcut. Pure, so they are unit-tested without a browser.
 */
import type { Profile } from '@shared/domain/profile';
import { IDLE_MINUTES, REMEMBER_HOURS } from '../../db/at-rest/config';

export type MigrationDirection = 'seal' | 'open';

export interface ProgressFacts {
  direction: MigrationDirection;
  done: number;
  total: number;
  /** The table being worked on; `blobs` holds the evidence files. */
  table: string | null;
}

const count = (n: number) => n.toLocaleString('en-US');

/** "Encrypting: 1,200 of 5,000 records and files" and the fraction done (0–1). */
export function progressWords(p: ProgressFacts): { text: string; fraction: number } {
  const verb = p.direction === 'seal' ? 'Encrypting' : 'Decrypting';
  const total = Math.max(p.total, p.done);
  const what = p.table === 'blobs' ? 'evidence files' : 'records';
  const fraction = total === 0 ? 1 : Math.min(1, p.done / total);
  return { text: `${verb} ${what}: ${count(p.done)} of ${count(total)} done`, fraction };
}

/**
 * Seconds left, from the pace since this run started; null until the estimate means something (a few
 * seconds in and some progress made), because the first batches are not representative.
 */
export function secondsLeft(run: {
  startedAt: number;
  startDone: number;
  now: number;
  done: number;
  total: number;
}): number | null {
  const elapsed = (run.now - run.startedAt) / 1000;
  const progressed = run.done - run.startDone;
  if (elapsed < 3 || progressed <= 0) return null;
  const left = Math.max(0, run.total - run.done);
  return Math.ceil((left / progressed) * elapsed);
}

/** "about 3 minutes left", "less than a minute left"; empty when there is no estimate. */
export function timeLeftWords(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} minute${minutes === 1 ? '' : 's'} left`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} hours left`;
}

/**
 * The profile the lock screen starts on: the one last signed in when it can unlock (or when nobody can,
 * so the recovery key signs them in), otherwise the first that has a passphrase.
 */
export function preselectProfile(
  profiles: readonly Pick<Profile, 'id'>[],
  withPassphrase: readonly string[],
  lastId: string | null,
): string | null {
  const last = profiles.find((p) => p.id === lastId);
  if (last && withPassphrase.includes(last.id)) return last.id;
  const first = profiles.find((p) => withPassphrase.includes(p.id));
  return first?.id ?? last?.id ?? profiles[0]?.id ?? null;
}

/** The profiles a lock screen lists: not deleted, by name (as the profile menu lists them). */
export function lockScreenProfiles<P extends Pick<Profile, 'fullName'> & { deleted?: boolean }>(
  profiles: readonly P[],
): P[] {
  return profiles.filter((p) => !p.deleted).sort((a, b) => a.fullName.localeCompare(b.fullName));
}

/** Ctrl+L (Cmd+L on macOS): lock now. Not with Alt or Shift, which other tools use. */
export function isLockShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): boolean {
  return (
    (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l'
  );
}

export const inRange = (n: number, range: { min: number; max: number }) =>
  Number.isInteger(n) && n >= range.min && n <= range.max;

/** The problem with the typed numbers, or null. Fractions are refused, never rounded. */
export function autoLockProblem(idleMinutes: number, rememberHours: number | null): string | null {
  if (!inRange(idleMinutes, IDLE_MINUTES)) {
    return `Lock after a whole number of minutes from ${IDLE_MINUTES.min} to ${IDLE_MINUTES.max}.`;
  }
  if (rememberHours !== null && !inRange(rememberHours, REMEMBER_HOURS)) {
    return `Remember the unlock for a whole number of hours from ${REMEMBER_HOURS.min} to ${REMEMBER_HOURS.max}.`;
  }
  return null;
}
