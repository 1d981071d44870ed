/** Checks of the backup settings form: the reminder interval and the desktop schedule's limits. */
import { BACKUP_EVERY_DAYS, BACKUP_KEEP } from '@shared/ipc';
import { REMINDER_DAYS } from '../exchange/backupReminder';

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** The problem with the entered numbers, or null. */
export function backupSettingsProblem(
  reminderDays: number,
  schedule: { everyDays: number; keep: number } | null,
): string | null {
  if (!inRange(reminderDays, REMINDER_DAYS)) {
    return `Remind after ${REMINDER_DAYS.min} to ${REMINDER_DAYS.max} days.`;
  }
  if (schedule && !inRange(schedule.everyDays, BACKUP_EVERY_DAYS)) {
    return `Back up every ${BACKUP_EVERY_DAYS.min} to ${BACKUP_EVERY_DAYS.max} days.`;
  }
  if (schedule && !inRange(schedule.keep, BACKUP_KEEP)) {
    return `Keep ${BACKUP_KEEP.min} to ${BACKUP_KEEP.max} backups.`;
  }
  return null;
}
