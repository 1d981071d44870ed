/**
 * The desktop app's automatic backup: when the schedule says a backup is due, every engagement is written
 * into the chosen backup folder (no dialog), the time is recorded for the reminder, and the desktop side
 * prunes old backups. Automatic backups are not encrypted: no passphrase is ever stored to do so. That is
 * why they are skipped while the app lock is on: an unencrypted copy of the data in the backup folder would
 * undo the lock (Backup settings says so; "Back up…" with a passphrase still works).
 */
import type { BackupRunRequest } from '@shared/ipc';
import { db, type Actor } from '../../db';
import { backupEngagementIds } from '../../db/exchange';
import { platform } from '../../platform';
import { savePackage } from './useSavePackage';

const FILTERS = [{ name: 'Fieldwork engagement file', extensions: ['fieldwork'] }];

/** Automatic backups wait while the app lock is on (or being turned on or off). */
export function scheduledBackupsPaused(): boolean {
  return db.atRest.view().state !== 'off';
}

/** The app lock is on: no backup was written. */
export interface SkippedForAppLock {
  skipped: 'app-lock';
}

/**
 * Writes the scheduled backup; resolves to where it went, null when there is nothing to back up, or
 * `{ skipped: 'app-lock' }`.
 */
export async function runScheduledBackup(
  request: BackupRunRequest,
  actor: Actor,
): Promise<string | null | SkippedForAppLock> {
  if (scheduledBackupsPaused()) return { skipped: 'app-lock' };
  const engagementIds = await backupEngagementIds(db);
  if (engagementIds.length === 0) return null;
  const outcome = await savePackage(
    { kind: 'backup', engagementIds, actor },
    () => undefined,
    () => undefined,
    { stream: () => platform.saveStream(request.suggestedName, FILTERS, { backupFolder: true }) },
  );
  if (!outcome) return null;
  await platform.backupCompleted(outcome.saved.location);
  return outcome.saved.location;
}
