/**
 * The review and lock rules, enforced inside every write (Repository.plan calls these with the record
 * before and after the change). They hold whatever screen asks:
 *
 * - a locked (assembled) engagement refuses every change except adding an addendum, a reviewer's
 *   sign-off of an addendum, archiving, and an unlock by a partner with a reason;
 * - once the report is released, every change needs a reason and is marked post-release in the trail;
 * - the phase reaches `released` only through a release whose blockers are all resolved, and
 *   `completed` only from `released`;
 * - a sign-off is given by the signed-in auditor, to the workpaper's current content, at a level the
 *   engagement uses, by someone other than the preparer, after the level below, with no review note
 *   left uncleared; sign-offs are never edited, only withdrawn by their signer;
 * - review notes move open -> responded -> cleared (or reopened); cleared notes are read-only;
 * - addenda are append-only.
 *
 * Checks that need hashing run after the read transaction (a returned `deferred` function): WebCrypto
 * would let the transaction commit. The write re-checks the chain head, so nothing read here can have
 * changed by the time the records are written.
 */
import { diffRecords } from '@shared/domain/audit';
import { canonicalJson } from '@shared/domain/canonical-json';
import { ENGAGEMENT_PHASE_LABELS, WORKING_PHASES, type Engagement } from '@shared/domain/engagement';
import {
  ConflictError,
  LockedError,
  NotFoundError,
  ReasonRequiredError,
  ValidationError,
} from '@shared/domain/errors';
import type { Profile } from '@shared/domain/profile';
import { DEFAULT_REVIEW_POLICY } from '@shared/domain/settings';
import {
  computeReviewState,
  currentSignOffs,
  hashWorkpaper,
  levelsChangeProblem,
  noteChangeProblem,
  preparersOf,
  reviewPolicyProblem,
  parseWorkpaperKey,
  releaseBlockers,
  signOffProblem,
  summarizeBlockers,
  unclearedNotes,
  withdrawProblem,
  WORKPAPER_TABLES,
  addDays,
  type Addendum,
  type ReviewNote,
  type SignOff,
} from '@shared/domain/review';
import { SNAPSHOT_TABLES, type EngagementSnapshot, type SnapshotTable } from '@shared/domain/snapshot';
import type { EntityName } from './entities';
import type { Actor } from './repository';
import { readSnapshot } from './snapshot';

type Fields = Record<string, unknown>;

export interface GuardContext {
  entity: EntityName;
  op: 'create' | 'update' | 'delete' | 'restore';
  before: Fields | undefined;
  after: Fields;
  actor: Actor;
  /** The engagement before this change (earlier changes in the same batch applied). */
  engagement: Engagement | undefined;
  /** An engagement table's stored rows with this batch's earlier changes applied. */
  rows(table: SnapshotTable): Promise<unknown[]>;
  profile(id: string): Promise<Profile | undefined>;
}

/** What the audit event records about the change's place in the engagement's life. */
export interface GuardVerdict {
  postRelease: boolean;
  reason?: string;
  /** A check that needs hashing: run after the read transaction, before anything is written. */
  deferred?: () => Promise<void>;
}

const name = (e: Engagement) => `${e.serviceOrganization} — ${e.systemName}`;

/** Data some rules need read first (kept out of the common path: see below). */
interface Reads {
  profile?: Profile | undefined;
  snapshot?: EngagementSnapshot;
}

/**
 * Synchronous for most writes: awaiting many native promises with no IndexedDB request in between
 * loses Dexie's transaction zone (PrematureCommitError on a 500-record import), so only the writes that
 * must read more (an engagement update, a sign-off) take the asynchronous path.
 */
export function checkEngagementRules(ctx: GuardContext): GuardVerdict | Promise<GuardVerdict> {
  const e = ctx.engagement;
  const next = ctx.after as unknown as Engagement;
  const engagementUpdate = ctx.entity === 'engagement' && ctx.op === 'update' && e !== undefined;
  // Unlocking and changing the sign-off levels depend on who asks.
  const needsProfile =
    engagementUpdate &&
    (e.phase === 'completed' || e.signOffLevels.join() !== (next.signOffLevels ?? []).join());
  const needsSnapshot =
    engagementUpdate &&
    ((next.phase === 'released' && WORKING_PHASES.includes(e.phase)) ||
      (next.phase === 'completed' && e.phase === 'released'));
  if (!needsProfile && !needsSnapshot && ctx.entity !== 'signOff') {
    return combine(lockRules(ctx, {}), entityRules(ctx));
  }
  return (async () => {
    const reads: Reads = {};
    if (needsProfile) reads.profile = await ctx.profile(ctx.actor.id);
    if (needsSnapshot && e) {
      reads.snapshot = (await readSnapshot(e, ctx.rows, SNAPSHOT_TABLES)) as EngagementSnapshot; // all tables
    }
    const verdict = lockRules(ctx, reads);
    return combine(verdict, ctx.entity === 'signOff' ? await signOffRules(ctx) : entityRules(ctx));
  })();
}

function combine(verdict: GuardVerdict, deferred: (() => Promise<void>) | undefined): GuardVerdict {
  if (!deferred) return verdict;
  const first = verdict.deferred;
  return {
    ...verdict,
    deferred: async () => {
      await first?.();
      await deferred();
    },
  };
}

function lockRules(ctx: GuardContext, reads: Reads): GuardVerdict {
  const { entity, op, before, after, actor } = ctx;
  const e = ctx.engagement;
  if (!e) {
    if (entity === 'engagement' && op === 'create') return { postRelease: false };
    throw new NotFoundError('The engagement');
  }
  if (entity === 'engagement' && op === 'create') {
    throw new ConflictError('An engagement with this id already exists.');
  }
  const changed = new Set(Object.keys(diffRecords(before, after)));
  const only = (...fields: string[]) => [...changed].every((f) => fields.includes(f));
  if (entity === 'engagement' && op === 'update') {
    if (only('archived')) return { postRelease: e.phase === 'released' || e.phase === 'completed' };
    const next = after as unknown as Engagement; // validated by the engagement schema
    if (e.phase === 'completed') {
      if (
        next.phase === 'released' &&
        only('phase', 'lock', 'unlocks') &&
        next.unlocks.length === e.unlocks.length + 1
      ) {
        const unlock = next.unlocks[next.unlocks.length - 1];
        if (reads.profile?.role !== 'partner') {
          throw new ValidationError('Only a partner can unlock an assembled engagement.', {});
        }
        if (!unlock || unlock.by !== actor.id || next.lock !== null) {
          throw new ValidationError('An unlock is recorded under the name of the partner who unlocks.', {});
        }
        return { postRelease: true, reason: `Unlocked: ${unlock.reason}` };
      }
      throw new LockedError(name(e));
    }
    if (next.phase !== e.phase) {
      if (next.phase === 'released') return releaseRules(ctx, e, next, only, reads.snapshot);
      if (next.phase === 'completed') {
        if (e.phase !== 'released') {
          throw new ValidationError('Release the report before assembling and locking the file.', {});
        }
        if (!only('phase', 'lock') || !next.lock || next.lock.by !== actor.id) {
          throw new ValidationError('Locking records who locked the file and changes nothing else.', {});
        }
        const snapshot = reads.snapshot;
        return {
          postRelease: true,
          reason: actor.reason?.trim() || 'File assembled and locked',
          // Changes made in the assembly window are reviewed before the file is locked for good.
          deferred: async () => {
            if (!snapshot) throw new Error('lock check without the engagement read');
            const asBefore = { ...snapshot, engagement: { ...e, phase: 'reporting' as const } };
            const open = releaseBlockers(asBefore, await computeReviewState(asBefore)).filter(
              (b) => b.kind === 'notes' || b.kind === 'stale' || b.kind === 'sign-off',
            );
            if (open.length > 0) {
              throw new ValidationError(
                summarizeBlockers(
                  open,
                  'The file cannot be locked yet (changes since the release are not reviewed)',
                ),
                {},
              );
            }
          },
        };
      }
      if (e.phase === 'released') {
        throw new ValidationError(
          `The report was released on ${e.release?.date ?? '—'}: the engagement can only be assembled and locked now.`,
          { phase: 'The report is released.' },
        );
      }
      if (!WORKING_PHASES.includes(next.phase)) {
        throw new ValidationError(
          `${ENGAGEMENT_PHASE_LABELS[next.phase]} is reached through Release & lock.`,
          {
            phase: 'Use Release & lock.',
          },
        );
      }
    }
    if (changed.has('signOffLevels')) {
      const problem = levelsChangeProblem(
        reads.profile?.role ?? 'staff',
        e.signOffLevels,
        next.signOffLevels,
      );
      if (problem) throw new ValidationError(problem, {});
    }
    if (changed.has('release') || changed.has('lock') || changed.has('unlocks')) {
      throw new ValidationError(
        'The release, the lock and unlocks are recorded through Release & lock only.',
        {},
      );
    }
  }
  if (e.phase === 'completed') {
    if (entity === 'addendum' && op === 'create') {
      return { postRelease: true, reason: `Addendum: ${String(after.reason)}` };
    }
    if (entity === 'signOff' && op === 'create' && String(after.workpaper).startsWith('addendum:')) {
      return { postRelease: true, reason: 'Review of an addendum' };
    }
    throw new LockedError(name(e));
  }
  if (entity === 'addendum') {
    throw new ValidationError(
      'Addenda are added once the file is assembled and locked; until then, change the workpaper itself.',
      {},
    );
  }
  if (e.phase === 'released') {
    const reason = actor.reason?.trim();
    if (!reason) throw new ReasonRequiredError(e.release?.date ?? '—');
    return { postRelease: true, reason };
  }
  return { postRelease: false };
}

function releaseRules(
  ctx: GuardContext,
  e: Engagement,
  next: Engagement,
  only: (...fields: string[]) => boolean,
  snapshot: EngagementSnapshot | undefined,
): GuardVerdict {
  if (!WORKING_PHASES.includes(e.phase)) {
    throw new ValidationError('The report is already released.', {});
  }
  if (!only('phase', 'release') || !next.release || next.release.by !== ctx.actor.id) {
    throw new ValidationError(
      'Releasing records the release date and who released it, and changes nothing else.',
      {},
    );
  }
  if (!e.reportDate) {
    throw new ValidationError('Enter the report date (on the Overview) before releasing the report.', {
      reportDate: 'Enter the report date.',
    });
  }
  if (next.release.date > addDays(next.release.at.slice(0, 10), 1)) {
    throw new ValidationError(
      'The release date cannot be in the future: record the release once the report is given to the client.',
      { date: 'In the future.' },
    );
  }
  if (next.release.date < e.reportDate) {
    throw new ValidationError(`The release date cannot be before the report date (${e.reportDate}).`, {
      date: 'Before the report date.',
    });
  }
  return {
    postRelease: false,
    deferred: async () => {
      if (!snapshot) throw new Error('release check without the engagement read');
      const blockers = releaseBlockers(snapshot, await computeReviewState(snapshot));
      if (blockers.length > 0) throw new ValidationError(summarizeBlockers(blockers), {});
    },
  };
}

/** The synchronous rules of review notes and addenda (sign-offs read more: `signOffRules`). */
function entityRules(ctx: GuardContext): undefined {
  switch (ctx.entity) {
    case 'reviewNote':
      reviewNoteRules(ctx);
      return undefined;
    case 'addendum':
      if (ctx.op !== 'create') {
        throw new ValidationError('Addenda cannot be changed or removed; add another addendum instead.', {});
      }
      if ((ctx.after as unknown as Addendum).authorId !== ctx.actor.id) {
        throw new ValidationError('An addendum is recorded under the name of its author.', {});
      }
      return undefined;
    default:
      return undefined;
  }
}

async function signOffRules(ctx: GuardContext): Promise<(() => Promise<void>) | undefined> {
  const s = ctx.after as unknown as SignOff; // validated by the sign-off schema
  const e = ctx.engagement;
  if (!e) throw new NotFoundError('The engagement');
  if (ctx.op === 'update' || ctx.op === 'restore') {
    throw new ValidationError('A sign-off is never changed: withdraw it or sign again.', {});
  }
  const signOffs = (await ctx.rows('signOffs')) as SignOff[];
  if (ctx.op === 'delete') {
    const problem = withdrawProblem(
      s,
      ctx.actor.id,
      currentSignOffs(signOffs, s.workpaper),
      s.workpaper.startsWith('addendum:') ? ['reviewer'] : e.signOffLevels,
    );
    if (problem) throw new ValidationError(problem, {});
    return undefined;
  }
  if (s.profileId !== ctx.actor.id) throw new ValidationError('You can only sign as yourself.', {});
  const profile = await ctx.profile(ctx.actor.id);
  if (!profile) throw new NotFoundError('Your profile');
  if (profile.role !== s.role) throw new ValidationError('The sign-off must record your current role.', {});
  const { kind, id } = parseWorkpaperKey(s.workpaper);
  const snapshot = await readSnapshot(e, ctx.rows, [...WORKPAPER_TABLES[kind]]);
  const notes = (await ctx.rows('reviewNotes')) as ReviewNote[];
  const others = signOffs.filter((x) => x.id !== s.id);
  const author = kind === 'addendum' ? snapshot.addenda?.find((a) => a.id === id)?.authorId : undefined;
  return async () => {
    let hash: string;
    try {
      hash = await hashWorkpaper(snapshot, s.workpaper);
    } catch {
      throw new NotFoundError('The workpaper');
    }
    if (hash !== s.contentHash) {
      throw new ConflictError(
        'The workpaper changed while you were signing it. Look at the current version, then sign again.',
      );
    }
    const problem = signOffProblem({
      level: s.level,
      signer: { id: profile.id, role: profile.role },
      required: e.signOffLevels,
      current: currentSignOffs(others, s.workpaper),
      currentHash: hash,
      uncleared: unclearedNotes(notes, s.workpaper),
      preparers: preparersOf(others, s.workpaper),
      ...(author !== undefined ? { addendumAuthor: author } : {}),
    });
    if (problem) throw new ValidationError(problem, {});
  };
}

function reviewNoteRules(ctx: GuardContext): void {
  const after = ctx.after as unknown as ReviewNote; // validated by the review note schema
  if (ctx.op === 'create') {
    if (after.status !== 'open' || after.response || after.clearedBy) {
      throw new ValidationError('A new review note starts open, without a response.', {});
    }
    if (after.raisedBy !== ctx.actor.id) {
      throw new ValidationError('A review note is raised under the name of whoever raises it.', {});
    }
    return;
  }
  const before = ctx.before as unknown as ReviewNote; // an update always has the stored record
  if (ctx.op === 'restore') {
    if (before.raisedBy !== ctx.actor.id) {
      throw new ValidationError('Only the reviewer who raised the note can restore it.', {});
    }
    return;
  }
  const changed = new Set(Object.keys(diffRecords(ctx.before, ctx.after)));
  const problem = noteChangeProblem(before, after, changed, ctx.actor.id);
  if (problem) throw new ValidationError(problem, {});
}

/**
 * The firm's settings are not an engagement's, but its documentation policy governs every release:
 * only a manager or a partner changes it (the sample-size table stays open to every auditor).
 */
export function checkFirmSettingsRules(
  before: Fields | undefined,
  after: Fields,
  profile: Profile | undefined,
): void {
  // A record without a policy (saved before it existed, or not yet saved) holds the default one.
  const policy = (fields: Fields | undefined) => canonicalJson(fields?.reviewPolicy ?? DEFAULT_REVIEW_POLICY);
  if (policy(before) === policy(after)) return;
  const problem = reviewPolicyProblem(profile?.role ?? 'staff');
  if (problem) throw new ValidationError(problem, {});
}
