/**
 * When to remind the user to back up: never backed up while engagements exist, or the last backup is older
 * than the number of days chosen in the backup settings (7 unless changed). Stored in `meta`.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { BACKUP_REMINDER_KEY, LAST_BACKUP_KEY } from '../../db/chains';

export const DEFAULT_REMINDER_DAYS = 7;
export const REMINDER_DAYS = { min: 1, max: 90 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Reminder = { kind: 'never' } | { kind: 'old'; days: number; lastAt: string };

export function backupReminder(
  lastAt: string | undefined,
  reminderDays: number,
  engagements: number,
  now: Date,
): Reminder | null {
  if (engagements === 0) return null;
  if (!lastAt) return { kind: 'never' };
  const age = now.getTime() - new Date(lastAt).getTime();
  if (!Number.isFinite(age) || age <= reminderDays * DAY_MS) return null;
  return { kind: 'old', days: Math.floor(age / DAY_MS), lastAt };
}

/** A stored number of days, or the default when absent or out of range. */
export function reminderDaysOf(value: unknown): number {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= REMINDER_DAYS.min &&
    value <= REMINDER_DAYS.max
    ? value
    : DEFAULT_REMINDER_DAYS;
}

export async function setReminderDays(days: number): Promise<void> {
  await db.meta.put({ key: BACKUP_REMINDER_KEY, value: days });
}

/** The last backup and the reminder interval; `undefined` while loading. */
export function useBackupState(): { lastAt: string | undefined; reminderDays: number } | undefined {
  return useLiveQuery(async () => {
    const [last, days] = await Promise.all([db.meta.get(LAST_BACKUP_KEY), db.meta.get(BACKUP_REMINDER_KEY)]);
    return {
      lastAt: typeof last?.value === 'string' ? last.value : undefined,
      reminderDays: reminderDaysOf(days?.value),
    };
  }, []);
}
