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
import { ImportDialog } from '../features/exchange/ImportDialog';
import { chooseFileToImport, useImportStore } from '../features/exchange/importStore';
import { runScheduledBackup } from '../features/exchange/scheduledBackup';
import { actorOf } from '../features/profiles/commands';
import { describeError } from '../components/ErrorText';
import { LockDialogs } from '../features/lock/LockDialogs';
import { lockOrSetUp } from '../features/lock/session';

/** Said once a session: the skip repeats each time the desktop app finds a backup due. */
let toldBackupPaused = false;

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
        else if (command === 'import-engagement') void chooseFileToImport('open');
        else if (command === 'lock') lockOrSetUp();
      }),
    [openDialog],
  );

  // A double-clicked .fieldwork file (desktop) opens the import dialog once someone is signed in.
  const signedIn = !!profile;
  useEffect(() => {
    if (!signedIn) return undefined;
    return platform.onOpenRequest((source) => useImportStore.getState().open({ source, purpose: 'open' }));
  }, [signedIn]);

  // Scheduled backups (desktop): written in the background; a failure is reported, never silent.
  const profileId = profile?.id;
  const profileName = profile?.fullName;
  useEffect(() => {
    if (!profileId || !profileName) return undefined;
    const actor = actorOf({ id: profileId, fullName: profileName });
    return platform.onBackupRequest((request) => {
      runScheduledBackup(request, actor).then(
        (location) => {
          if (typeof location === 'string') notify('info', `Automatic backup written to ${location}.`);
          else if (location && !toldBackupPaused) {
            toldBackupPaused = true;
            notify(
              'info',
              'The automatic backup was skipped while the app lock is being turned on or off; it runs at the next check.',
            );
          }
        },
        (error: unknown) => {
          const { text, detail } = describeError(error);
          notify('error', `The automatic backup failed: ${text}`, detail);
        },
      );
    });
  }, [profileId, profileName, notify]);

  if (loading) return <p className="loading">Opening Fieldwork…</p>;
  if (!profile) return <ProfileSetup />;
  return (
    <>
      <Shell />
      <Dialogs profile={profile} />
      <LockDialogs profile={profile} />
      <ImportDialog />
      <Notices />
    </>
  );
}
