/** Live reads shared by several screens. */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Profile } from '@shared/domain/profile';
import { db } from '../db';
import { engagementRecords, listCriterionScopes, listProfiles } from '../db/queries';
import { scopeCriteria } from '@shared/domain/engagement';
import type { TrustServicesCategory } from '@shared/domain/criteria';
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

/**
 * The actor for repository writes; null while nobody is signed in (the shell prevents that). On a
 * released engagement it carries the reason the auditor gave for changes in the assembly window.
 */
export function useActor() {
  const { profile } = useCurrentProfile();
  const id = profile?.id;
  const name = profile?.fullName;
  const reason = useAppStore((s) =>
    s.route.name === 'engagement' ? s.changeReasons[s.route.id] : undefined,
  );
  // Stable identity while the same auditor is signed in, so callbacks depending on it do not churn.
  return useMemo(
    () => (id && name ? { ...actorOf({ id, fullName: name }), ...(reason ? { reason } : {}) } : null),
    [id, name, reason],
  );
}

/** The engagement's criteria (categories in scope) with their applicability; `undefined` while loading. */
export function useScopedCriteria(engagement: { id: string; categories: readonly TrustServicesCategory[] }) {
  const scopes = useLiveQuery(() => listCriterionScopes(db, engagement.id), [engagement.id]);
  return useMemo(
    () => (scopes ? scopeCriteria(engagement.categories, scopes).criteria : undefined),
    [scopes, engagement.categories],
  );
}

/** Live records of one engagement table (tombstones left out); `undefined` while loading. */
export function useEngagementRecords<T extends { deleted: boolean }>(
  table: Parameters<typeof engagementRecords>[1],
  engagementId: string,
  includeDeleted = false,
): T[] | undefined {
  return useLiveQuery(
    () => engagementRecords<T>(db, table, engagementId, { includeDeleted }),
    [table, engagementId, includeDeleted],
  );
}
