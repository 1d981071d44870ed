/** Live reads shared by several screens. */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Profile } from '@shared/domain/profile';
import { db } from '../db';
import { listProfiles } from '../db/queries';
import { useAppStore } from '../store';
import { actorOf } from '../features/profiles/commands';

/** All local profiles; `undefined` while loading. */
export function useProfiles(): Profile[] | undefined {
  return useLiveQuery(() => listProfiles(db), []);
}

/** The signed-in profile, falling back to the first one when the remembered id is gone. */
export function useCurrentProfile(): { profile: Profile | undefined; loading: boolean } {
  const profiles = useProfiles();
  const currentId = useAppStore((s) => s.currentProfileId);
  if (!profiles) return { profile: undefined, loading: true };
  return { profile: profiles.find((p) => p.id === currentId) ?? profiles[0], loading: false };
}

/** The actor for repository writes; throws if nobody is signed in (the shell prevents that). */
export function useActor() {
  const { profile } = useCurrentProfile();
  const id = profile?.id;
  const name = profile?.fullName;
  // Stable identity while the same auditor is signed in, so callbacks depending on it do not churn.
  return useMemo(() => (id && name ? actorOf({ id, fullName: name }) : null), [id, name]);
}
