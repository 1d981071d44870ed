/**
 * First run: the auditor creates the local profile that will be stamped on every change — or, on a new or
 * wiped computer, restores a backup first: its profiles come back with the engagements, and the import
 * dialog's result then asks which of them is the user's (no duplicate profile to create).
 */
import { repository } from '../../db';
import { useAppStore } from '../../store';
import { ImportDialog } from '../exchange/ImportDialog';
import { chooseFileToImport } from '../exchange/importStore';
import { createProfile } from './commands';
import { ProfileForm } from './ProfileForm';

export function ProfileSetup() {
  const setCurrentProfile = useAppStore((s) => s.setCurrentProfile);
  return (
    <main className="setup">
      <div className="setup-card">
        <h1>Welcome to Fieldwork</h1>
        <p>
          Create your auditor profile. Your name and initials are recorded on every change you make, in the
          audit trail of each engagement. Everything stays on this computer.
        </p>
        <ProfileForm
          submitLabel="Create profile"
          onSubmit={async (fields) => {
            const profile = await createProfile(repository, fields);
            setCurrentProfile(profile.id);
          }}
        />
        <section className="setup-restore" aria-labelledby="setup-restore-title">
          <h2 id="setup-restore-title">Moving to this computer?</h2>
          <p>
            If you have a Fieldwork backup (a lost or replaced laptop, a new computer), restore it instead:
            your profile comes back with the engagements, and you choose it after the restore.
          </p>
          <button type="button" onClick={() => void chooseFileToImport('restore')}>
            Restore from backup…
          </button>
        </section>
      </div>
      <ImportDialog />
    </main>
  );
}
