/** Checks of the backup settings form: the reminder interval and the desktop schedule's limits. */
import { BACKUP_EVERY_DAYS, BACKUP_KEEP } from '@shared/ipc';
import { REMINDER_DAYS } from '../exchange/backupReminder';

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** A number as typed back to the user ("2.5"); an empty field reads as nothing. */
const typed = (value: number) => (Number.isNaN(value) ? 'an empty field' : value.toLocaleString('en-US'));

/** The problem with the entered numbers, or null. Fractions are refused, never rounded silently. */
export function backupSettingsProblem(
  reminderDays: number,
  schedule: { everyDays: number; keep: number } | null,
): string | null {
  if (!inRange(reminderDays, REMINDER_DAYS)) {
    return Number.isInteger(reminderDays)
      ? `Remind after ${REMINDER_DAYS.min} to ${REMINDER_DAYS.max} days.`
      : `Remind after a whole number of days (${REMINDER_DAYS.min} to ${REMINDER_DAYS.max}), not ${typed(reminderDays)}.`;
  }
  if (schedule && !inRange(schedule.everyDays, BACKUP_EVERY_DAYS)) {
    return Number.isInteger(schedule.everyDays)
      ? `Back up every ${BACKUP_EVERY_DAYS.min} to ${BACKUP_EVERY_DAYS.max} days.`
      : `Back up every whole number of days (${BACKUP_EVERY_DAYS.min} to ${BACKUP_EVERY_DAYS.max}), not ${typed(schedule.everyDays)}.`;
  }
  if (schedule && !inRange(schedule.keep, BACKUP_KEEP)) {
    return Number.isInteger(schedule.keep)
      ? `Keep ${BACKUP_KEEP.min} to ${BACKUP_KEEP.max} backups.`
      : `Keep a whole number of backups (${BACKUP_KEEP.min} to ${BACKUP_KEEP.max}), not ${typed(schedule.keep)}.`;
  }
  return null;
}
