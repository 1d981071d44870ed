/**
 * Backup settings: after how many days without a backup the engagement list reminds the user, and on the
 * desktop the automatic backup (on or off, the folder, every how many days, how many backups to keep).
 * Automatic backups are not encrypted (no passphrase is ever stored), so the text says to choose a folder
 * only the user can read.
 */
import { useEffect, useState } from 'react';
import { BACKUP_EVERY_DAYS, BACKUP_KEEP, type BackupSettings } from '@shared/ipc';
import { platform } from '../../platform';
import { useAction } from '../../app/useAction';
import { Dialog } from '../../components/Dialog';
import { REMINDER_DAYS, setReminderDays, useBackupState } from '../exchange/backupReminder';
import { backupSettingsProblem } from './backupSettings';
import { formatDateTime } from '@shared/domain/engagement';
import { lockIsOn, useAtRestView } from '../lock/session';

/** A typed number; an empty field is NaN (refused by the checks, never saved). */
function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function AutomaticBackup({
  settings,
  onChange,
}: {
  settings: BackupSettings;
  onChange(settings: BackupSettings): void;
}) {
  const run = useAction();
  const lockOn = lockIsOn(useAtRestView());
  // What is typed, so "2.5" stays visible (and refused) instead of being rounded.
  const [typed, setTyped] = useState<{ everyDays?: string; keep?: string }>({});
  const change = (field: 'everyDays' | 'keep', text: string) => {
    setTyped({ ...typed, [field]: text });
    onChange({ ...settings, [field]: numberOf(text) });
  };
  return (
    <fieldset className="checkbox-group backup-schedule">
      <legend>Automatic backup (desktop app)</legend>
      {lockOn ? (
        <p className="hint-box" role="note">
          While the app lock is on, automatic backups are encrypted with its <strong>recovery key</strong>:
          keep it, you need it to restore them on this or another computer. (They pause while the data is
          being encrypted or decrypted.)
        </p>
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.enabled}
          disabled={!settings.folder}
          onChange={(e) => onChange({ ...settings, enabled: e.target.checked })}
        />
        Back up every engagement automatically
      </label>
      <div className="backup-folder">
        <span>
          Folder:{' '}
          {settings.folder ? (
            <strong className="file-name">{settings.folder}</strong>
          ) : (
            <span className="muted">none chosen yet</span>
          )}
        </span>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const chosen = await platform.chooseBackupFolder();
              if (chosen)
                onChange({
                  ...chosen,
                  enabled: settings.enabled,
                  everyDays: settings.everyDays,
                  keep: settings.keep,
                });
            })
          }
        >
          Choose…
        </button>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="backup-every">Every (days)</label>
          <input
            id="backup-every"
            type="number"
            min={BACKUP_EVERY_DAYS.min}
            max={BACKUP_EVERY_DAYS.max}
            step={1}
            value={typed.everyDays ?? String(settings.everyDays)}
            aria-invalid={!Number.isInteger(settings.everyDays) || undefined}
            onChange={(e) => change('everyDays', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="backup-keep">Keep the last</label>
          <input
            id="backup-keep"
            type="number"
            min={BACKUP_KEEP.min}
            max={BACKUP_KEEP.max}
            step={1}
            value={typed.keep ?? String(settings.keep)}
            aria-invalid={!Number.isInteger(settings.keep) || undefined}
            onChange={(e) => change('keep', e.target.value)}
          />
        </div>
      </div>
      <p className="field-hint">
        {settings.lastBackupAt
          ? `Last automatic backup: ${formatDateTime(settings.lastBackupAt)}. `
          : 'No automatic backup yet. '}
        Automatic backups are not encrypted (a passphrase is never stored): choose a folder only you can read,
        such as one on an encrypted disk. Older backups beyond the number kept are removed.
      </p>
    </fieldset>
  );
}

export function BackupSettingsDialog({ onClose }: { onClose(): void }) {
  const run = useAction();
  const state = useBackupState();
  const [daysText, setDaysText] = useState<string | null>(null);
  const [schedule, setSchedule] = useState<BackupSettings | null>(null);
  const [desktop, setDesktop] = useState(false);
  useEffect(() => {
    let live = true;
    void platform.backupSettings().then((s) => {
      if (!live || !s) return;
      setDesktop(true);
      setSchedule(s);
    });
    return () => {
      live = false;
    };
  }, []);
  const reminderDays = daysText === null ? (state?.reminderDays ?? 7) : numberOf(daysText);
  const problem = backupSettingsProblem(reminderDays, desktop ? schedule : null);

  async function saveAll() {
    await setReminderDays(reminderDays);
    if (desktop && schedule) {
      await platform.setBackupSettings({
        enabled: schedule.enabled,
        everyDays: schedule.everyDays,
        keep: schedule.keep,
      });
    }
  }

  return (
    <Dialog
      title="Backup settings"
      onClose={onClose}
      footer={
        <div className="exchange-footer">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={problem !== null || !state}
            onClick={() => void run(saveAll, 'Backup settings saved.').then(onClose)}
          >
            Save settings
          </button>
        </div>
      }
    >
      <div className="field">
        <label htmlFor="backup-reminder-days">Remind me to back up after (days)</label>
        <input
          id="backup-reminder-days"
          type="number"
          min={REMINDER_DAYS.min}
          max={REMINDER_DAYS.max}
          step={1}
          value={daysText ?? String(reminderDays)}
          aria-invalid={!Number.isInteger(reminderDays) || undefined}
          aria-describedby={problem ? 'backup-reminder-hint backup-settings-problem' : 'backup-reminder-hint'}
          onChange={(e) => setDaysText(e.target.value)}
        />
        <p id="backup-reminder-hint" className="field-hint">
          The engagement list shows a reminder when the last backup is older than this ({REMINDER_DAYS.min}–
          {REMINDER_DAYS.max} days).
          {state?.lastAt ? ` Last backup: ${formatDateTime(state.lastAt)}.` : ' No backup yet.'}
        </p>
      </div>
      {desktop && schedule ? <AutomaticBackup settings={schedule} onChange={setSchedule} /> : null}
      {problem ? (
        <p id="backup-settings-problem" className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
    </Dialog>
  );
}
