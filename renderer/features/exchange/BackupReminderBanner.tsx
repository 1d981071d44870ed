/**
 * The reminder on the engagement list when the engagements were never backed up, or the last backup is
 * older than the reminder interval (backup settings). Its one action is "Back up now…"; the settings are
 * in the list's toolbar.
 */
import { formatDateTime } from '@shared/domain/engagement';
import { backupReminder, useBackupState } from './backupReminder';

export function BackupReminderBanner({
  engagements,
  onBackUp,
}: {
  engagements: number;
  onBackUp(): void;
  /**
   * Unused: "Backup settings…" is in the engagement list's toolbar, beside "Back up…" (the banner keeps
   * only "Back up now…"). Kept so the engagement list compiles until it stops passing it.
   */
}) {
  const state = useBackupState();
  if (!state) return null;
  const reminder = backupReminder(state.lastAt, state.reminderDays, engagements, new Date());
  if (!reminder) return null;
  return (
    <div className="banner banner-warn backup-banner" role="status">
      <span>
        <strong>
          {reminder.kind === 'never' ? 'Never backed up.' : `Last backup ${reminder.days} days ago`}
        </strong>
        {reminder.kind === 'never'
          ? ' The engagements exist only in this app on this computer: a lost or broken laptop loses them.'
          : ` (${formatDateTime(reminder.lastAt)}). Back up again so recent work is not lost with this computer.`}
      </span>
      <span className="page-actions">
        <button type="button" onClick={onBackUp}>
          Back up now…
        </button>
      </span>
    </div>
  );
}
