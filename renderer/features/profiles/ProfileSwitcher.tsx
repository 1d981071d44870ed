/** Header control: who is signed in, switch between local profiles, add or edit one. */
import { useEffect, useRef, useState } from 'react';
import { PROFILE_ROLE_LABELS } from '@shared/domain/profile';
import { useAppStore } from '../../store';
import { useCurrentProfile, useProfiles } from '../../app/hooks';
import { lockApp, lockIsOn, useAtRestView, useLockDialogs } from '../lock/session';

export function ProfileSwitcher() {
  const profiles = useProfiles() ?? [];
  const { profile } = useCurrentProfile();
  const setCurrentProfile = useAppStore((s) => s.setCurrentProfile);
  const openDialog = useAppStore((s) => s.openDialog);
  const openLockSettings = useLockDialogs((s) => s.openSettings);
  const lockView = useAtRestView();
  const lockOn = lockIsOn(lockView);
  const askSwitch = useLockDialogs((s) => s.askSwitch);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false); // a DOM event target is a Node
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      ref.current?.querySelector<HTMLButtonElement>('.profile-button')?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!profile) return null;
  return (
    <div
      className="profile-switcher"
      ref={ref}
      onBlur={(event) => {
        // Tabbing out of the menu closes it.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false); // a DOM node
      }}
    >
      <button
        type="button"
        className="profile-button"
        aria-expanded={open}
        title="Switch profile"
        onClick={() => setOpen((v) => !v)}
      >
        <span className="avatar" aria-hidden="true">
          {profile.initials}
        </span>
        <span className="visually-hidden">Signed in as </span>
        <span className="profile-name">{profile.fullName}</span>
        <span className="profile-role">{PROFILE_ROLE_LABELS[profile.role]}</span>
      </button>
      {open ? (
        <div className="popover" role="group" aria-label="Profiles">
          <p className="popover-title">Profiles on this computer</p>
          {profiles.map((p) => (
            <button
              key={p.id}
              type="button"
              className="popover-item"
              aria-pressed={p.id === profile.id}
              onClick={() => {
                setOpen(false);
                // With the lock on, a profile that has a passphrase is signed in only with it.
                if (p.id !== profile.id && lockOn && lockView.profileSlots.includes(p.id)) askSwitch(p.id);
                else setCurrentProfile(p.id);
              }}
            >
              <span className="avatar small" aria-hidden="true">
                {p.initials}
              </span>
              <span className="popover-name">{p.fullName}</span>
              {p.id === profile.id ? <span className="muted">(signed in)</span> : null}
            </button>
          ))}
          <hr />
          <button
            type="button"
            className="popover-item"
            onClick={() => {
              setOpen(false);
              openDialog('profile-edit');
            }}
          >
            Edit my profile…
          </button>
          <button
            type="button"
            className="popover-item"
            onClick={() => {
              setOpen(false);
              openDialog('profile-new');
            }}
          >
            Add a profile…
          </button>
          <hr />
          <button
            type="button"
            className="popover-item"
            onClick={() => {
              setOpen(false);
              openLockSettings();
            }}
          >
            App lock…
          </button>
          {lockOn ? (
            <button
              type="button"
              className="popover-item"
              aria-keyshortcuts="Control+L"
              onClick={() => {
                setOpen(false);
                lockApp();
              }}
            >
              Lock now <kbd className="popover-shortcut">Ctrl+L</kbd>
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
