/**
 * The desktop app's automatic backup: when the schedule says a backup is due, every engagement is written
 * into the chosen backup folder (no dialog), the time is recorded for the reminder, and the desktop side
 * prunes old backups. Without the app lock they are not encrypted (no passphrase is stored for them). With
 * the app lock on they are encrypted with the lock's recovery key — an unencrypted copy in the backup
 * folder would undo the lock — so the recovery key restores them on this or any other computer.
 */
import type { BackupRunRequest } from '@shared/ipc';
import { db, type Actor } from '../../db';
import { backupEngagementIds } from '../../db/exchange';
import { platform } from '../../platform';
import { savePackage } from './useSavePackage';

const FILTERS = [{ name: 'Fieldwork engagement file', extensions: ['fieldwork'] }];

/**
 * The passphrase an automatic backup is encrypted with: none without the app lock, the recovery key with
 * it; `paused` while the lock is being turned on or off, or when this lock keeps no recovery key.
 */
export function scheduledBackupPassphrase(): { passphrase?: string } | 'paused' {
  const view = db.atRest.view();
  if (view.state === 'off') return {};
  if (view.state !== 'on' || view.locked) return 'paused';
  const recoveryKey = db.atRest.recoveryKey();
  return recoveryKey ? { passphrase: recoveryKey } : 'paused';
}

/** The app lock is being turned on or off (or keeps no recovery key): no backup was written. */
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
  const encryption = scheduledBackupPassphrase();
  if (encryption === 'paused') return { skipped: 'app-lock' };
  const engagementIds = await backupEngagementIds(db);
  if (engagementIds.length === 0) return null;
  const outcome = await savePackage(
    { kind: 'backup', engagementIds, actor, ...encryption },
    () => undefined,
    () => undefined,
    { stream: () => platform.saveStream(request.suggestedName, FILTERS, { backupFolder: true }) },
  );
  if (!outcome) return null;
  await platform.backupCompleted(outcome.saved.location);
  return outcome.saved.location;
}
