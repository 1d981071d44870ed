import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupDue,
  backupFileName,
  DEFAULT_BACKUP_SETTINGS,
  isBackupFileName,
  pruneBackups,
  readBackupSettings,
  writeBackupSettings,
} from '../../electron/main/backup/backups';
import type { BackupSettings } from '../../shared/ipc';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldwork-backups-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const on: BackupSettings = {
  enabled: true,
  folder: '/backups',
  everyDays: 7,
  keep: 3,
  lastBackupAt: '2026-05-01T09:00:00.000Z',
};

describe('backup settings file', () => {
  it('reads the defaults (backups off) when the file is missing, not JSON or not valid', async () => {
    const file = path.join(dir, 'backup-settings.json');
    expect(await readBackupSettings(file)).toEqual(DEFAULT_BACKUP_SETTINGS);
    await writeFile(file, '{ not json');
    expect(await readBackupSettings(file)).toEqual(DEFAULT_BACKUP_SETTINGS);
    await writeFile(file, JSON.stringify({ ...on, everyDays: 90 }));
    expect(await readBackupSettings(file)).toEqual(DEFAULT_BACKUP_SETTINGS);
    expect(DEFAULT_BACKUP_SETTINGS.enabled).toBe(false);
  });

  it('writes valid settings and reads them back, leaving no temporary file', async () => {
    const file = path.join(dir, 'backup-settings.json');
    await writeBackupSettings(file, on);
    expect(await readBackupSettings(file)).toEqual(on);
    expect(await readdir(dir)).toEqual(['backup-settings.json']);
  });

  it.each([
    ['every 0 days', { everyDays: 0 }, /everyDays/],
    ['every 31 days', { everyDays: 31 }, /everyDays/],
    ['keeping 0', { keep: 0 }, /keep/],
    ['keeping 101', { keep: 101 }, /keep/],
    ['a fractional keep', { keep: 2.5 }, /keep/],
    ['a date that is not a date', { lastBackupAt: 'yesterday' }, /lastBackupAt/],
    ['turned on without a folder', { folder: null }, /Choose a backup folder/],
  ])('refuses settings %s and keeps the file as it was', async (_label, change, message) => {
    const file = path.join(dir, 'backup-settings.json');
    await writeBackupSettings(file, on);
    // The cast lets the test hand in values the type forbids, as a damaged caller could.
    await expect(writeBackupSettings(file, { ...on, ...change } as BackupSettings)).rejects.toThrow(message);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(on);
  });
});

describe('backupDue', () => {
  const at = (iso: string) => new Date(iso);

  it('is due once everyDays have passed since the last backup', () => {
    expect(backupDue(on, at('2026-05-08T08:59:59.000Z'))).toBe(false);
    expect(backupDue(on, at('2026-05-08T09:00:00.000Z'))).toBe(true);
    expect(backupDue({ ...on, everyDays: 1 }, at('2026-05-02T09:00:00.000Z'))).toBe(true);
  });

  it('is due at once when there was never a backup', () => {
    expect(backupDue({ ...on, lastBackupAt: null }, at('2026-05-01T09:00:00.000Z'))).toBe(true);
  });

  it('is never due when off or without a folder', () => {
    expect(backupDue({ ...on, enabled: false, lastBackupAt: null }, at('2030-01-01T00:00:00Z'))).toBe(false);
    expect(backupDue({ ...on, folder: null, lastBackupAt: null }, at('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('is due when the clock was set back before the last backup', () => {
    expect(backupDue(on, at('2025-01-01T00:00:00.000Z'))).toBe(true);
  });
});

describe('backup file names', () => {
  it('names a backup by local date and time, and recognises exactly those names', () => {
    const name = backupFileName(new Date(2026, 4, 1, 9, 5));
    expect(name).toBe('Fieldwork backup 2026-05-01 0905.fieldwork');
    expect(isBackupFileName(name)).toBe(true);
    for (const other of [
      'Fieldwork backup 2026-05-01 0905.fieldwork.partial-1234abcd',
      'Fieldwork backup 2026-05-01.fieldwork',
      'my Fieldwork backup 2026-05-01 0905.fieldwork',
      'Fieldwork backup 2026-05-01 0905.FIELDWORK',
      'Acme.fieldwork',
    ]) {
      expect(isBackupFileName(other), other).toBe(false);
    }
  });
});

describe('pruneBackups', () => {
  const names = [
    'Fieldwork backup 2026-01-15 0800.fieldwork',
    'Fieldwork backup 2025-12-31 2359.fieldwork',
    'Fieldwork backup 2026-03-01 1200.fieldwork',
    'Fieldwork backup 2026-02-01 0700.fieldwork',
    'Fieldwork backup 2026-03-01 1201.fieldwork',
  ];
  const others = [
    'Acme 2026.fieldwork',
    'notes.txt',
    'Fieldwork backup 2026-03-02 0900.fieldwork.partial-1a2b3c4d',
    'Fieldwork backup 2020-01-01 0000.fieldwork.bak',
  ];

  beforeEach(async () => {
    for (const name of [...names, ...others]) await writeFile(path.join(dir, name), name);
    // A folder with a backup-like name is not a backup file.
    await mkdir(path.join(dir, 'Fieldwork backup 2019-01-01 0000.fieldwork'));
  });

  it('keeps the newest N backups, deletes the older ones oldest first, and leaves every other file', async () => {
    const removed = await pruneBackups(dir, 2);
    expect(removed).toEqual([
      'Fieldwork backup 2025-12-31 2359.fieldwork',
      'Fieldwork backup 2026-01-15 0800.fieldwork',
      'Fieldwork backup 2026-02-01 0700.fieldwork',
    ]);
    expect((await readdir(dir)).sort()).toEqual(
      [
        'Fieldwork backup 2026-03-01 1200.fieldwork',
        'Fieldwork backup 2026-03-01 1201.fieldwork',
        'Fieldwork backup 2019-01-01 0000.fieldwork',
        ...others,
      ].sort(),
    );
  });

  it('deletes nothing when there are no more than N', async () => {
    expect(await pruneBackups(dir, 5)).toEqual([]);
    expect(await pruneBackups(dir, 100)).toEqual([]);
    expect(await readdir(dir)).toHaveLength(names.length + others.length + 1);
  });

  it('refuses to keep fewer than one', async () => {
    await expect(pruneBackups(dir, 0)).rejects.toThrow(/At least one/);
    expect(await readdir(dir)).toHaveLength(names.length + others.length + 1);
  });
});
