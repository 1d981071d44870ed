/** Add another profile (shared laptops) or edit the signed-in one. */
import { Dialog } from '../../components/Dialog';
import { repository } from '../../db';
import { useAppStore } from '../../store';
import { useCurrentProfile } from '../../app/hooks';
import { createProfile, updateProfile } from './commands';
import { ProfileForm } from './ProfileForm';

/** The profile dialogs open from the profile menu, which is closed by then: focus goes back to its button. */
const profileButton = () => document.querySelector<HTMLElement>('.profile-button');

export function NewProfileDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const setCurrentProfile = useAppStore((s) => s.setCurrentProfile);
  const notify = useAppStore((s) => s.notify);
  return (
    <Dialog title="Add a profile" onClose={closeDialog} returnFocus={profileButton}>
      <ProfileForm
        submitLabel="Create profile"
        onCancel={closeDialog}
        onSubmit={async (fields) => {
          const profile = await createProfile(repository, fields);
          setCurrentProfile(profile.id);
          closeDialog();
          notify('success', `Signed in as ${profile.fullName}.`);
        }}
      />
    </Dialog>
  );
}

export function EditProfileDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const notify = useAppStore((s) => s.notify);
  const { profile } = useCurrentProfile();
  if (!profile) return null;
  return (
    <Dialog title="Edit profile" onClose={closeDialog} returnFocus={profileButton}>
      <ProfileForm
        initial={profile}
        submitLabel="Save profile"
        onCancel={closeDialog}
        onSubmit={async (fields) => {
          await updateProfile(repository, profile, fields);
          closeDialog();
          notify('success', 'Profile saved.');
        }}
      />
    </Dialog>
  );
}
