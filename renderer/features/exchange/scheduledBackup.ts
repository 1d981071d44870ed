/**
 * The desktop app's automatic backup: when the schedule says a backup is due, every engagement is written
 * into the chosen backup folder (no dialog), the time is recorded for the reminder, and the desktop side
 * prunes old backups. Automatic backups are not encrypted: no passphrase is ever stored to do so.
 */
import type { BackupRunRequest } from '@shared/ipc';
import { db, type Actor } from '../../db';
import { backupEngagementIds } from '../../db/exchange';
import { platform } from '../../platform';
import { savePackage } from './useSavePackage';

const FILTERS = [{ name: 'Fieldwork engagement file', extensions: ['fieldwork'] }];

/** Writes the scheduled backup; resolves to where it went, or null when there is nothing to back up. */
export async function runScheduledBackup(request: BackupRunRequest, actor: Actor): Promise<string | null> {
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
