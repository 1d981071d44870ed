/**
 * The review state of an engagement: for every workpaper, its content hash now and, at each required
 * level, whether the sign-off is current (signed content = content now), stale (signed, then changed) or
 * missing; its review notes; and the release blockers. Screens and the repository's release check both
 * read it, so the dashboard and the "Release report" refusal can never disagree.
 */
import { isType1, rollUp } from '../fieldwork/rollup';
import { scopeCriteria } from '../engagement/scope';
import { live, SNAPSHOT_TABLES, type EngagementSnapshot } from '../snapshot';
import { currentSignOffs, listNotes, unclearedNotes } from './rules';
import {
  formatNoteNumber,
  SIGN_OFF_LEVEL_LABELS,
  type ReviewNote,
  type SignOff,
  type SignOffLevel,
} from './schema';
import {
  hashWorkpaper,
  listWorkpapers,
  parseWorkpaperKey,
  workpaperKey,
  workpaperRecordIds,
  type WorkpaperInfo,
  type WorkpaperLocation,
} from './workpapers';

export type SignOffStatus = 'current' | 'stale' | 'missing';

export interface LevelState {
  level: SignOffLevel;
  status: SignOffStatus;
  signOff: SignOff | null;
}

export interface WorkpaperReview {
  info: WorkpaperInfo;
  hash: string;
  levels: LevelState[];
  /** Every sign-off ever given on it (withdrawn ones included), newest first. */
  history: SignOff[];
  notes: { open: number; responded: number; cleared: number };
  stale: boolean;
  /** Required levels without a sign-off at all. */
  missing: SignOffLevel[];
  /** Every required level signed and current. */
  complete: boolean;
}

export interface ReviewSummary {
  workpapers: number;
  complete: number;
  /** Workpapers with at least one stale sign-off. */
  stale: number;
  /** Workpapers missing at least one required sign-off. */
  missing: number;
  openNotes: number;
  respondedNotes: number;
  clearedNotes: number;
}

export interface ReviewState {
  workpapers: WorkpaperReview[];
  byKey: Map<string, WorkpaperReview>;
  summary: ReviewSummary;
}

export function levelState(
  levels: readonly SignOffLevel[],
  current: ReadonlyMap<SignOffLevel, SignOff>,
  hash: string,
): LevelState[] {
  return levels.map((level) => {
    const s = current.get(level) ?? null;
    return { level, signOff: s, status: !s ? 'missing' : s.contentHash === hash ? 'current' : 'stale' };
  });
}

/**
 * Hashes remembered between refreshes, keyed by workpaper: reused while every record the workpaper is
 * built from still has the same revision (its fingerprint), so an edit rehashes one workpaper, not all.
 */
export type HashCache = Map<string, { fingerprint: string; hash: string }>;

/** The snapshot as one workpaper sees it: a test gets only its own sample items and exceptions. */
function viewFor(
  s: EngagementSnapshot,
  key: string,
  byTest: {
    items: Map<string, EngagementSnapshot['sampleItems']>;
    exceptions: Map<string, EngagementSnapshot['exceptions']>;
  },
): EngagementSnapshot {
  const { kind, id } = parseWorkpaperKey(key);
  if (kind !== 'test' || !id) return s;
  return { ...s, sampleItems: byTest.items.get(id) ?? [], exceptions: byTest.exceptions.get(id) ?? [] };
}

function groupByTest<T extends { testId: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    if (!r.testId) continue;
    const list = map.get(r.testId);
    if (list) list.push(r);
    else map.set(r.testId, [r]);
  }
  return map;
}

export async function computeReviewState(s: EngagementSnapshot, cache?: HashCache): Promise<ReviewState> {
  const required = s.engagement.signOffLevels;
  const byTest = { items: groupByTest(s.sampleItems), exceptions: groupByTest(s.exceptions) };
  const revs = new Map<string, number>();
  for (const table of SNAPSHOT_TABLES) for (const r of s[table]) revs.set(r.id, r.rev);
  revs.set(s.engagement.id, s.engagement.rev);
  const signOffsByKey = new Map<string, SignOff[]>();
  for (const x of s.signOffs) signOffsByKey.set(x.workpaper, [...(signOffsByKey.get(x.workpaper) ?? []), x]);
  const notesByWorkpaper = new Map<string, ReviewNote[]>();
  for (const n of live(s.reviewNotes)) {
    notesByWorkpaper.set(n.workpaper, [...(notesByWorkpaper.get(n.workpaper) ?? []), n]);
  }
  const workpapers: WorkpaperReview[] = [];
  for (const info of listWorkpapers(s)) {
    const view = viewFor(s, info.key, byTest);
    let hash: string;
    if (cache) {
      let fingerprint = info.key;
      for (const id of workpaperRecordIds(view, info.key)) fingerprint += `|${id}:${revs.get(id) ?? 0}`;
      const cached = cache.get(info.key);
      if (cached?.fingerprint === fingerprint) hash = cached.hash;
      else {
        hash = await hashWorkpaper(view, info.key);
        cache.set(info.key, { fingerprint, hash });
      }
    } else {
      hash = await hashWorkpaper(view, info.key);
    }
    const own = signOffsByKey.get(info.key) ?? [];
    const levels = levelState(required, currentSignOffs(own, info.key), hash);
    const notes = notesByWorkpaper.get(info.key) ?? [];
    const missing = levels.filter((l) => l.status === 'missing').map((l) => l.level);
    workpapers.push({
      info,
      hash,
      levels,
      history: [...own].sort((a, b) => b.signedAt.localeCompare(a.signedAt)),
      notes: {
        open: notes.filter((n) => n.status === 'open').length,
        responded: notes.filter((n) => n.status === 'responded').length,
        cleared: notes.filter((n) => n.status === 'cleared').length,
      },
      stale: levels.some((l) => l.status === 'stale'),
      missing,
      complete: levels.every((l) => l.status === 'current'),
    });
  }
  const notes = live(s.reviewNotes);
  return {
    workpapers,
    byKey: new Map(workpapers.map((w) => [w.info.key, w])),
    summary: {
      workpapers: workpapers.length,
      complete: workpapers.filter((w) => w.complete).length,
      stale: workpapers.filter((w) => w.stale).length,
      missing: workpapers.filter((w) => w.missing.length > 0).length,
      openNotes: notes.filter((n) => n.status === 'open').length,
      respondedNotes: notes.filter((n) => n.status === 'responded').length,
      clearedNotes: notes.filter((n) => n.status === 'cleared').length,
    },
  };
}

export type BlockerKind =
  'report-date' | 'notes' | 'sign-off' | 'stale' | 'unfinished' | 'criterion' | 'phase';

export interface ReleaseBlocker {
  kind: BlockerKind;
  message: string;
  /** Where to fix it. */
  location:
    | (WorkpaperLocation & { filter?: string })
    | { area: 'notes' | 'coverage' | 'overview'; item?: string; filter?: string };
}

/**
 * Why the report cannot be released yet: review notes not cleared, workpapers not signed at every
 * required level or signed and changed since, applicable criteria neither tested nor marked not
 * applicable. Empty when the release can proceed.
 */
export function releaseBlockers(s: EngagementSnapshot, review: ReviewState): ReleaseBlocker[] {
  const blockers: ReleaseBlocker[] = [];
  const e = s.engagement;
  if (e.phase === 'released' || e.phase === 'completed') {
    blockers.push({
      kind: 'phase',
      message: 'The report is already released.',
      location: { area: 'overview' },
    });
    return blockers;
  }
  if (!e.reportDate) {
    blockers.push({
      kind: 'report-date',
      message: 'The report date is not set (set it on the Overview before the report draft is signed).',
      location: { area: 'overview', item: 'report-date' },
    });
  }
  const uncleared = live(s.reviewNotes)
    .filter((n) => n.status !== 'cleared')
    .sort((a, b) => a.number - b.number);
  for (const n of uncleared) {
    const wp = review.byKey.get(n.workpaper)?.info;
    blockers.push({
      kind: 'notes',
      message: `Review note ${formatNoteNumber(n.number)} (${n.status}) on ${wp ? `${wp.reference} ${wp.title}` : 'a removed workpaper'} is not cleared.`,
      location: { area: 'notes', item: n.id },
    });
  }
  for (const w of review.workpapers) {
    const where = `${w.info.reference} ${w.info.title}`;
    const stale = w.levels.filter((l) => l.status === 'stale').map((l) => SIGN_OFF_LEVEL_LABELS[l.level]);
    if (stale.length > 0) {
      blockers.push({
        kind: 'stale',
        message: `${where}: changed after the ${stale.join(' and ').toLowerCase()} signed it.`,
        location: w.info.location,
      });
    }
    if (w.missing.length > 0) {
      blockers.push({
        kind: 'sign-off',
        message: `${where}: no ${orList(w.missing.map((l) => SIGN_OFF_LEVEL_LABELS[l].toLowerCase()))} sign-off.`,
        location: w.info.location,
      });
    }
  }
  // Work left unfinished in the file: a test without a conclusion (or, for Type 1 and readiness, a
  // walkthrough without its design and implementation conclusions) is not evidence of anything yet.
  const where = (key: string, fallback: string) => {
    const info = review.byKey.get(key)?.info;
    return info ? `${info.reference} ${info.title}` : fallback;
  };
  for (const t of live(s.tests).filter((x) => x.conclusion === null)) {
    blockers.push({
      kind: 'unfinished',
      message: `${where(workpaperKey('test', t.id), t.reference)}: the test is not concluded.`,
      location: { area: 'tests', item: t.id },
    });
  }
  if (isType1(e.kind)) {
    for (const w of live(s.walkthroughs)) {
      if (w.designConclusion !== null && w.implementationConclusion !== null) continue;
      blockers.push({
        kind: 'unfinished',
        message: `${where(workpaperKey('walkthrough', w.id), 'A walkthrough')}: the design or implementation conclusion is missing.`,
        location: { area: 'walkthroughs', item: w.id },
      });
    }
  }
  const criteria = scopeCriteria(e.categories, s.criterionScopes).criteria;
  const rollup = rollUp(e.kind, criteria, live(s.controls), live(s.tests), live(s.walkthroughs));
  for (const c of rollup.criteria) {
    if (c.status !== 'not-tested') continue;
    blockers.push({
      kind: 'criterion',
      message: `${c.criterion.id}: applicable but not yet tested (no concluded ${e.kind === 'soc2-type2' ? 'test' : 'walkthrough'} of its controls), and not marked not applicable.`,
      location: { area: 'coverage', item: c.criterion.id },
    });
  }
  return blockers;
}

/** "a", "a or b", "a, b or c". */
function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** One line for a refusal message: the first blockers and how many more. */
export function summarizeBlockers(
  blockers: readonly ReleaseBlocker[],
  lead = 'The report cannot be released yet',
): string {
  const shown = blockers.slice(0, 3).map((b) => b.message);
  const more = blockers.length > 3 ? ` (and ${blockers.length - 3} more)` : '';
  return `${lead}: ${shown.join(' ')}${more}`;
}

export { listNotes, unclearedNotes };
