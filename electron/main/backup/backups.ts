/**
 * Scheduled backups on the desktop: the settings file, when a backup is due, the backup file names, and
 * pruning the folder to the last N backups.
 *
 * Settings live in `backup-settings.json` in the app's user-data folder, validated with the contract's zod
 * schema on every read and write (a damaged file reads as the defaults: backups off) and written atomically.
 * Pruning deletes only files whose name is exactly a backup name this app writes
 * (`Fieldwork backup YYYY-MM-DD HHmm.fieldwork`), oldest first; anything else in the folder is never touched.
 */
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { backupSettingsSchema, type BackupSettings } from '../../../shared/ipc';
import { writeFileAtomic, type AtomicWriteIo } from '../ipc/atomic-write';

export const BACKUP_SETTINGS_FILE = 'backup-settings.json';

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = Object.freeze({
  enabled: false,
  folder: null,
  everyDays: 7,
  keep: 10,
  lastBackupAt: null,
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** The settings in `file`; the defaults when it is missing, unreadable or not valid. */
export async function readBackupSettings(file: string): Promise<BackupSettings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { ...DEFAULT_BACKUP_SETTINGS };
  }
  try {
    const parsed = backupSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { ...DEFAULT_BACKUP_SETTINGS };
  } catch {
    return { ...DEFAULT_BACKUP_SETTINGS };
  }
}

/** Validate and write atomically; refuses invalid settings with a plain-words message. */
export async function writeBackupSettings(
  file: string,
  settings: BackupSettings,
  io?: AtomicWriteIo,
): Promise<BackupSettings> {
  const parsed = backupSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new Error(
      `The backup settings are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`,
    );
  }
  if (parsed.data.enabled && parsed.data.folder === null) {
    throw new Error('Choose a backup folder before turning automatic backups on.');
  }
  const bytes = new TextEncoder().encode(`${JSON.stringify(parsed.data, null, 2)}\n`);
  await writeFileAtomic(file, bytes, io);
  return parsed.data;
}

/** True when automatic backups are on, a folder is set, and the last one is `everyDays` old or there is none. */
export function backupDue(settings: BackupSettings, now: Date): boolean {
  if (!settings.enabled || settings.folder === null) return false;
  if (settings.lastBackupAt === null) return true;
  const last = Date.parse(settings.lastBackupAt);
  if (Number.isNaN(last)) return true;
  // A clock set back (last backup "in the future") must not stop backups for good.
  if (last > now.getTime()) return true;
  return now.getTime() - last >= settings.everyDays * DAY_MS;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `Fieldwork backup 2026-05-01 0930.fieldwork`, in local time (what the user sees in the folder). */
export function backupFileName(at: Date): string {
  const date = `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `Fieldwork backup ${date} ${pad(at.getHours())}${pad(at.getMinutes())}.fieldwork`;
}

/** Exactly the names `backupFileName` produces. */
export const BACKUP_NAME_PATTERN = /^Fieldwork backup \d{4}-\d{2}-\d{2} \d{4}\.fieldwork$/;

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME_PATTERN.test(name);
}

/**
 * Delete the oldest backups in `folder` so that `keep` remain. Only regular files with a backup name count
 * and only they are deleted; the names sort by time. Returns the names removed, oldest first.
 */
export async function pruneBackups(folder: string, keep: number): Promise<string[]> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('At least one backup must be kept.');
  const entries = await readdir(folder, { withFileTypes: true });
  const backups = entries
    .filter((entry) => entry.isFile() && isBackupFileName(entry.name))
    .map((entry) => entry.name)
    .sort();
  const excess = backups.slice(0, Math.max(0, backups.length - keep));
  const removed: string[] = [];
  for (const name of excess) {
    try {
      await unlink(path.join(folder, name));
      removed.push(name);
    } catch {
      // Gone already or locked by another program: it is tried again after the next backup.
    }
  }
  return removed;
}
