/** Top of the UI: first-run profile setup, then the shell with its dialogs. */
import { useEffect } from 'react';
import type { Profile } from '@shared/domain/profile';
import { useAppStore } from '../store';
import { platform } from '../platform';
import { useCurrentProfile } from './hooks';
import { Shell } from './Shell';
import { Notices } from './Notices';
import { ProfileSetup } from '../features/profiles/ProfileSetup';
import { NewProfileDialog, EditProfileDialog } from '../features/profiles/ProfileDialogs';
import { NewEngagementDialog } from '../features/engagements/NewEngagementDialog';
import { AboutDialog } from '../features/about/AboutDialog';
import { JumpDialog } from '../features/jump/JumpDialog';

function Dialogs({ profile }: { profile: Profile }) {
  const dialog = useAppStore((s) => s.dialog);
  switch (dialog) {
    case 'new-engagement':
      return <NewEngagementDialog profile={profile} />;
    case 'about':
      return <AboutDialog />;
    case 'jump':
      return <JumpDialog />;
    case 'profile-new':
      return <NewProfileDialog />;
    case 'profile-edit':
      return <EditProfileDialog />;
    default:
      return null;
  }
}

export function App() {
  const { profile, loading } = useCurrentProfile();
  const openDialog = useAppStore((s) => s.openDialog);
  const notify = useAppStore((s) => s.notify);
  const syncRoute = useAppStore((s) => s.syncRouteFromLocation);

  useEffect(() => {
    window.addEventListener('hashchange', syncRoute);
    return () => window.removeEventListener('hashchange', syncRoute);
  }, [syncRoute]);

  // Ctrl+K (Cmd+K on macOS) opens "Go to" from anywhere once a profile is signed in.
  useEffect(() => {
    if (!profile) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openDialog('jump');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [profile, openDialog]);

  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'new-engagement') openDialog('new-engagement');
        else if (command === 'about') openDialog('about');
        else if (command === 'import-engagement') {
          notify('info', 'Engagement files (.fieldwork) can be imported once the exchange format ships.');
        }
      }),
    [openDialog, notify],
  );

  if (loading) return <p className="loading">Opening Fieldwork…</p>;
  if (!profile) return <ProfileSetup />;
  return (
    <>
      <Shell />
      <Dialogs profile={profile} />
      <Notices />
    </>
  );
}
