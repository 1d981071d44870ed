/**
 * "Back up…": every engagement on this computer (or the ones chosen) in one `.fieldwork` backup file,
 * encrypted with a passphrase unless the user turns it off, with progress and Cancel. Restoring goes
 * through the import dialog.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { backupEngagementIds } from '../../db/exchange';
import { useActor } from '../../app/hooks';
import { Dialog } from '../../components/Dialog';
import { chosenPassphrase, NO_PASSPHRASE, PassphraseFields, type PassphraseValue } from './PassphraseFields';
import { SaveStatus } from './SaveStatus';
import { useSavePackage } from './useSavePackage';

interface Choice {
  id: string;
  name: string;
}

function useBackupChoices(): Choice[] | undefined {
  return useLiveQuery(async () => {
    const ids = new Set(await backupEngagementIds(db));
    const all = await db.engagements.toArray();
    return all
      .filter((e) => ids.has(e.id))
      .map((e) => ({ id: e.id, name: `${e.serviceOrganization} — ${e.systemName}` }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, []);
}

export function BackupDialog({ onClose }: { onClose(): void }) {
  const actor = useActor();
  const choices = useBackupChoices();
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [secret, setSecret] = useState<PassphraseValue>(NO_PASSPHRASE);
  const { state, save, cancel } = useSavePackage();
  const busy = state.stage === 'reading' || state.stage === 'writing';
  const chosen = (choices ?? []).filter((c) => !left.has(c.id)).map((c) => c.id);
  const { passphrase, problem } = chosenPassphrase(secret);
  const blocker =
    chosen.length === 0 ? 'Choose at least one engagement.' : (problem ?? (actor ? null : 'Sign in first.'));

  function toggle(id: string, on: boolean) {
    const next = new Set(left);
    if (on) next.delete(id);
    else next.add(id);
    setLeft(next);
  }

  return (
    <Dialog
      title="Back up engagements"
      onClose={() => {
        if (busy) cancel();
        onClose();
      }}
      wide
      footer={
        <div className="exchange-footer">
          {state.stage === 'saved' ? (
            <button type="button" className="primary" onClick={onClose}>
              Close
            </button>
          ) : (
            <>
              <button type="button" onClick={onClose} disabled={busy}>
                Cancel
              </button>
              <button
                type="button"
                className="primary"
                disabled={busy || blocker !== null}
                title={blocker ?? undefined}
                onClick={() =>
                  actor &&
                  void save({
                    kind: 'backup',
                    engagementIds: chosen,
                    actor,
                    ...(passphrase !== undefined ? { passphrase } : {}),
                  })
                }
              >
                Save backup…
              </button>
            </>
          )}
        </div>
      }
    >
      <p className="muted">
        One file with the engagements, their evidence files and audit trails, the auditor profiles and the
        firm settings of this computer. Restore it here or on another computer with “Restore from backup…”.
      </p>
      <fieldset className="checkbox-group backup-choices" disabled={busy}>
        <legend>
          Engagements ({chosen.length} of {choices?.length ?? 0})
        </legend>
        {(choices ?? []).map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              checked={!left.has(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            {c.name}
          </label>
        ))}
      </fieldset>
      <PassphraseFields value={secret} onChange={setSecret} disabled={busy} what="backup" />
      <SaveStatus state={state} onCancel={cancel} what="backup" />
    </Dialog>
  );
}
