/** First run: the auditor creates the local profile that will be stamped on every change. */
import { repository } from '../../db';
import { useAppStore } from '../../store';
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
      </div>
    </main>
  );
}
