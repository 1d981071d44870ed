/**
 * Live review state. The records are read in a liveQuery (so any change anywhere re-runs it), then the
 * hashes are computed outside it: WebCrypto is asynchronous and must not run inside a Dexie query.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import {
  computeReviewState,
  currentSignOffs,
  describeWorkpaper,
  hashWorkpaper,
  levelState,
  parseWorkpaperKey,
  releaseBlockers,
  WORKPAPER_TABLES,
  type LevelState,
  type ReleaseBlocker,
  type ReviewNote,
  type HashCache,
  type ReviewState,
  type SignOff,
  type WorkpaperInfo,
} from '@shared/domain/review';
import type { EngagementSnapshot, PartialSnapshot } from '@shared/domain/snapshot';
import { db } from '../../db';
import { loadSnapshot, readSnapshot } from '../../db/snapshot';
import { workpaperReader } from './commands';

/** Runs an async computation over a live value; the result belongs to the value it was computed from. */
function useComputed<I, O>(input: I | undefined, compute: (input: I) => Promise<O>): O | undefined {
  const [result, setResult] = useState<{ input: I; output: O } | null>(null);
  useEffect(() => {
    if (input === undefined) return undefined;
    let cancelled = false;
    void compute(input).then((output) => {
      if (!cancelled) setResult({ input, output });
    });
    return () => {
      cancelled = true;
    };
  }, [input, compute]);
  // Show the previous result until the new one is ready (no flicker on every autosave).
  return result?.output;
}

export interface EngagementReview {
  snapshot: EngagementSnapshot;
  review: ReviewState;
  blockers: ReleaseBlocker[];
}

/** Hash caches per engagement (a handful of engagements per session at most). */
const hashCaches = new Map<string, HashCache>();

async function computeEngagementReview(snapshot: EngagementSnapshot): Promise<EngagementReview> {
  const id = snapshot.engagement.id;
  const cache = hashCaches.get(id) ?? new Map();
  hashCaches.set(id, cache);
  const review = await computeReviewState(snapshot, cache);
  return { snapshot, review, blockers: releaseBlockers(snapshot, review) };
}

/**
 * The whole engagement's review state (dashboard, workpaper list, release, list badges); `undefined` while
 * loading. `enabled` false skips the work while a page shows something else.
 */
export function useEngagementReview(engagementId: string, enabled = true): EngagementReview | undefined {
  const snapshot = useLiveQuery(
    async () => (enabled ? await loadSnapshot(db, engagementId) : undefined),
    [engagementId, enabled],
  );
  const review = useComputed(snapshot, computeEngagementReview);
  return enabled ? review : undefined;
}

export interface WorkpaperReviewState {
  info: WorkpaperInfo | undefined;
  hash: string;
  levels: LevelState[];
  history: SignOff[];
  notes: ReviewNote[];
  engagement: Engagement;
}

interface WorkpaperData {
  snapshot: PartialSnapshot;
  key: string;
  signOffs: SignOff[];
  notes: ReviewNote[];
}

async function computeWorkpaper(data: WorkpaperData): Promise<WorkpaperReviewState | null> {
  let hash: string;
  try {
    hash = await hashWorkpaper(data.snapshot, data.key);
  } catch {
    return null; // the workpaper was deleted
  }
  const e = data.snapshot.engagement;
  return {
    info: describeWorkpaper(data.snapshot, data.key),
    hash,
    levels: levelState(e.signOffLevels, currentSignOffs(data.signOffs, data.key), hash),
    history: [...data.signOffs].sort((a, b) => b.signedAt.localeCompare(a.signedAt)),
    notes: data.notes.filter((n) => !n.deleted).sort((a, b) => a.number - b.number),
    engagement: e,
  };
}

/** One workpaper's sign-offs and notes, live; reads only the tables its content needs. */
export function useWorkpaperReview(
  engagementId: string,
  key: string,
): WorkpaperReviewState | null | undefined {
  const data = useLiveQuery(async (): Promise<WorkpaperData | undefined> => {
    const engagement = await db.engagements.get(engagementId);
    if (!engagement) return undefined;
    const { kind } = parseWorkpaperKey(key);
    const tables = [
      ...new Set([
        ...WORKPAPER_TABLES[kind],
        'tests' as const,
        'interviews' as const,
        'walkthroughs' as const,
        'controls' as const,
      ]),
    ];
    const [snapshot, signOffs, notes] = await Promise.all([
      readSnapshot(engagement, workpaperReader(db, engagementId, key), tables),
      db.signOffs.where('workpaper').equals(key).toArray(),
      db.reviewNotes.where('workpaper').equals(key).toArray(),
    ]);
    return { snapshot, key, signOffs: signOffs.filter((s) => s.engagementId === engagementId), notes };
  }, [engagementId, key]);
  const computed = useComputed(data, computeWorkpaper);
  if (data === undefined) return undefined;
  return computed;
}
