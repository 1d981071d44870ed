/**
 * Live reads behind the review-note screens: the engagement's notes, the workpapers they point at (their
 * reference, title and screen), the profiles notes are assigned to, and the assignee a new note suggests.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import type { Profile } from '@shared/domain/profile';
import {
  describeWorkpaper,
  listWorkpapers,
  type ReviewNote,
  type WorkpaperInfo,
} from '@shared/domain/review';
import type { SnapshotTable } from '@shared/domain/snapshot';
import { db } from '../../../db';
import { readSnapshot, tableReader } from '../../../db/snapshot';
import { useProfiles } from '../../../app/hooks';
import { liveNotes } from './queries';

/** What naming a workpaper needs: its record (tests, interviews, walkthroughs, addenda) and a test's control. */
const DIRECTORY_TABLES: readonly SnapshotTable[] = [
  'tests',
  'interviews',
  'walkthroughs',
  'controls',
  'addenda',
];

export interface WorkpaperDirectory {
  /** Every workpaper of the engagement in index order. */
  list: WorkpaperInfo[];
  /** One workpaper's header; `undefined` for a workpaper that no longer exists. */
  describe(key: string): WorkpaperInfo | undefined;
}

/** The engagement's workpapers, live; `undefined` while loading. */
export function useWorkpaperDirectory(engagement: Engagement): WorkpaperDirectory | undefined {
  const snapshot = useLiveQuery(
    () => readSnapshot(engagement, tableReader(db, engagement.id), DIRECTORY_TABLES),
    [engagement],
  );
  return useMemo(() => {
    if (!snapshot) return undefined;
    const list = listWorkpapers(snapshot);
    const byKey = new Map(list.map((w) => [w.key, w]));
    return { list, describe: (key) => byKey.get(key) ?? describeWorkpaper(snapshot, key) };
  }, [snapshot]);
}

/** The engagement's live review notes, by number; `undefined` while loading. */
export function useEngagementNotes(engagementId: string): ReviewNote[] | undefined {
  return useLiveQuery(() => liveNotes(db, engagementId), [engagementId]);
}

/** One workpaper's live notes, by number; `undefined` while loading. */
export function useWorkpaperNotes(engagementId: string, workpaper: string): ReviewNote[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.reviewNotes.where('workpaper').equals(workpaper).toArray();
    return rows
      .filter((n) => !n.deleted && n.engagementId === engagementId)
      .sort((a, b) => a.number - b.number);
  }, [engagementId, workpaper]);
}

/** All local profiles by id (deleted ones too: old notes may name them). */
export function useProfileMap(): { profiles: Profile[] | undefined; byId: ReadonlyMap<string, Profile> } {
  const profiles = useProfiles();
  const byId = useMemo(() => new Map((profiles ?? []).map((p) => [p.id, p])), [profiles]);
  return { profiles, byId };
}
