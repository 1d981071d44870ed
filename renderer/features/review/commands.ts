/**
 * Review commands: sign-offs, review notes, release, assembly and lock, addenda, unlock. Each reads the
 * stored records it builds on (never a screen's copy) and goes through the one write path, where the
 * rules in renderer/db/guards.ts decide; the messages the auditor sees come from there.
 */
import { NotFoundError, ValidationError } from '@shared/domain/errors';
import type { Engagement } from '@shared/domain/engagement';
import { localIsoDate } from '@shared/domain/engagement';
import {
  hashWorkpaper,
  parseWorkpaperKey,
  WORKPAPER_TABLES,
  type Addendum,
  type NoteTarget,
  type ReviewNote,
  type SignOff,
  type SignOffLevel,
} from '@shared/domain/review';
import { DEFAULT_SAMPLE_SIZE_TABLE } from '@shared/domain/sampling';
import { FIRM_SETTINGS_ID, reviewPolicyOf, type ReviewPolicy } from '@shared/domain/settings';
import type { SnapshotTable } from '@shared/domain/snapshot';
import type { Actor, Repository } from '../../db';
import type { FieldworkDatabase } from '../../db/database';
import { readSnapshot, type RowReader } from '../../db/snapshot';

async function engagementOf(db: FieldworkDatabase, id: string): Promise<Engagement> {
  const e = await db.engagements.get(id);
  if (!e || e.deleted) throw new NotFoundError('The engagement');
  return e;
}

/** Reads only what one workpaper's content needs (a test's own sample items and exceptions by index). */
export function workpaperReader(db: FieldworkDatabase, engagementId: string, key: string): RowReader {
  const { kind, id } = parseWorkpaperKey(key);
  return (table: SnapshotTable) => {
    if (kind === 'test' && id && (table === 'sampleItems' || table === 'exceptions')) {
      return db.table(table).where('testId').equals(id).toArray();
    }
    return db.table(table).where('engagementId').equals(engagementId).toArray();
  };
}

/** The SHA-256 of a workpaper's content as stored now. */
export async function currentWorkpaperHash(
  db: FieldworkDatabase,
  engagementId: string,
  key: string,
): Promise<string> {
  const engagement = await engagementOf(db, engagementId);
  const { kind } = parseWorkpaperKey(key);
  const snapshot = await readSnapshot(
    engagement,
    workpaperReader(db, engagementId, key),
    WORKPAPER_TABLES[kind],
  );
  return hashWorkpaper(snapshot, key);
}

/**
 * Signs a workpaper at a level. `seenHash` is the content the auditor was looking at: if the workpaper
 * changed since, the repository refuses and nothing is signed.
 */
export async function signWorkpaper(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  workpaper: string,
  level: SignOffLevel,
  seenHash?: string,
): Promise<SignOff> {
  const profile = await repo.db.profiles.get(actor.id);
  if (!profile || profile.deleted) throw new NotFoundError('Your profile');
  const contentHash = seenHash ?? (await currentWorkpaperHash(repo.db, engagementId, workpaper));
  const [saved] = await repo.mutate(
    [
      {
        entity: 'signOff',
        op: 'create',
        fields: {
          engagementId,
          workpaper,
          level,
          profileId: profile.id,
          name: profile.fullName,
          initials: profile.initials,
          role: profile.role,
          signedAt: new Date().toISOString(),
          contentHash,
        },
      },
    ],
    actor,
  );
  return saved as SignOff; // the sign-off schema parsed it
}

export async function withdrawSignOff(repo: Repository, actor: Actor, signOffId: string): Promise<void> {
  await repo.mutate([{ entity: 'signOff', op: 'delete', id: signOffId }], actor);
}

function nextNumber(rows: readonly { number: number }[]): number {
  return rows.reduce((max, r) => Math.max(max, r.number), 0) + 1;
}

export interface NewNote {
  workpaper: string;
  target: NoteTarget;
  text: string;
  assignedTo: string | null;
}

export async function raiseReviewNote(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  note: NewNote,
): Promise<ReviewNote> {
  const existing = await repo.db.reviewNotes.where('engagementId').equals(engagementId).toArray();
  const [saved] = await repo.mutate(
    [
      {
        entity: 'reviewNote',
        op: 'create',
        fields: {
          engagementId,
          number: nextNumber(existing),
          workpaper: note.workpaper,
          target: note.target,
          text: note.text,
          raisedBy: actor.id,
          raisedByName: actor.name,
          raisedAt: new Date().toISOString(),
          assignedTo: note.assignedTo,
          response: '',
          respondedBy: null,
          respondedByName: '',
          respondedAt: null,
          status: 'open',
          clearedBy: null,
          clearedByName: '',
          clearedAt: null,
          reopened: 0,
        },
      },
    ],
    actor,
  );
  return saved as ReviewNote; // the review note schema parsed it
}

async function updateNote(
  repo: Repository,
  actor: Actor,
  id: string,
  patch: (stored: ReviewNote) => Partial<ReviewNote>,
): Promise<ReviewNote> {
  const stored = await repo.db.reviewNotes.get(id);
  if (!stored || stored.deleted) throw new NotFoundError('The review note');
  const [saved] = await repo.mutate(
    [{ entity: 'reviewNote', op: 'update', id, patch: patch(stored), expectedRev: stored.rev }],
    actor,
  );
  return (saved ?? stored) as ReviewNote; // unchanged when the patch changed nothing
}

export function respondToNote(repo: Repository, actor: Actor, id: string, response: string) {
  const text = response.trim();
  if (!text) throw new ValidationError('Write the response.', { response: 'Write the response.' });
  return updateNote(repo, actor, id, () => ({
    response: text,
    respondedBy: actor.id,
    respondedByName: actor.name,
    respondedAt: new Date().toISOString(),
    status: 'responded',
  }));
}

export function clearNote(repo: Repository, actor: Actor, id: string) {
  return updateNote(repo, actor, id, () => ({
    status: 'cleared',
    clearedBy: actor.id,
    clearedByName: actor.name,
    clearedAt: new Date().toISOString(),
  }));
}

export function reopenNote(repo: Repository, actor: Actor, id: string) {
  return updateNote(repo, actor, id, (n) => ({
    status: 'open',
    clearedBy: null,
    clearedByName: '',
    clearedAt: null,
    reopened: n.reopened + 1,
  }));
}

export function editNote(
  repo: Repository,
  actor: Actor,
  id: string,
  patch: Partial<Pick<ReviewNote, 'text' | 'assignedTo'>>,
) {
  return updateNote(repo, actor, id, () => patch);
}

export async function deleteNote(repo: Repository, actor: Actor, id: string): Promise<void> {
  await repo.mutate([{ entity: 'reviewNote', op: 'delete', id }], actor);
}

export async function setSignOffLevels(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  levels: readonly SignOffLevel[],
): Promise<void> {
  await repo.mutate(
    [{ entity: 'engagement', op: 'update', id: engagementId, patch: { signOffLevels: [...levels] } }],
    actor,
  );
}

export async function firmReviewPolicy(db: FieldworkDatabase): Promise<ReviewPolicy> {
  return reviewPolicyOf(await db.settings.get(FIRM_SETTINGS_ID));
}

export async function saveReviewPolicy(repo: Repository, actor: Actor, policy: ReviewPolicy): Promise<void> {
  const stored = await repo.db.settings.get(FIRM_SETTINGS_ID);
  await repo.mutate(
    [
      stored
        ? { entity: 'firmSettings', op: 'update', id: FIRM_SETTINGS_ID, patch: { reviewPolicy: policy } }
        : {
            entity: 'firmSettings',
            op: 'create',
            id: FIRM_SETTINGS_ID,
            fields: { sampleSizeTable: DEFAULT_SAMPLE_SIZE_TABLE, reviewPolicy: policy },
          },
    ],
    actor,
  );
}

/**
 * Records the report release (date the report was given to the client). Refused, with the blockers
 * named, while review notes are open, workpapers are unsigned or stale, or criteria are untested.
 */
export async function releaseReport(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  releaseDate: string = localIsoDate(),
): Promise<void> {
  const policy = await firmReviewPolicy(repo.db);
  await repo.mutate(
    [
      {
        entity: 'engagement',
        op: 'update',
        id: engagementId,
        patch: {
          phase: 'released',
          release: {
            date: releaseDate,
            at: new Date().toISOString(),
            by: actor.id,
            byName: actor.name,
            assemblyDays: policy.assemblyDays,
            retentionYears: policy.retentionYears,
          },
        },
      },
    ],
    actor,
  );
}

/**
 * Assembles the file and locks it. Cleared review notes are kept or deleted as the firm's policy says
 * (each deletion logged); from then on only addenda can be added.
 */
export async function assembleAndLock(repo: Repository, actor: Actor, engagementId: string): Promise<void> {
  const policy = await firmReviewPolicy(repo.db);
  const notes = await repo.db.reviewNotes.where('engagementId').equals(engagementId).toArray();
  const removed =
    policy.clearedNotesAtAssembly === 'delete'
      ? notes.filter((n) => !n.deleted && n.status === 'cleared')
      : [];
  const reason = `File assembled and locked; cleared review notes ${policy.clearedNotesAtAssembly === 'delete' ? 'deleted' : 'kept'} (firm policy)`;
  await repo.mutate(
    [
      ...removed.map((n) => ({ entity: 'reviewNote' as const, op: 'delete' as const, id: n.id })),
      {
        entity: 'engagement',
        op: 'update',
        id: engagementId,
        patch: {
          phase: 'completed',
          lock: {
            at: new Date().toISOString(),
            by: actor.id,
            byName: actor.name,
            clearedNotes: policy.clearedNotesAtAssembly === 'delete' ? 'deleted' : 'kept',
          },
        },
      },
    ],
    { ...actor, reason },
  );
}

export async function addAddendum(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  input: { text: string; reason: string; workpaper: string | null },
): Promise<Addendum> {
  const existing = await repo.db.addenda.where('engagementId').equals(engagementId).toArray();
  const [saved] = await repo.mutate(
    [
      {
        entity: 'addendum',
        op: 'create',
        fields: {
          engagementId,
          number: nextNumber(existing),
          workpaper: input.workpaper,
          text: input.text,
          reason: input.reason,
          authorId: actor.id,
          authorName: actor.name,
          addedAt: new Date().toISOString(),
        },
      },
    ],
    actor,
  );
  return saved as Addendum; // the addendum schema parsed it
}

/** Unlocks an assembled engagement back into the assembly window: a partner, with a reason, logged. */
export async function unlockEngagement(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  reason: string,
): Promise<void> {
  const e = await engagementOf(repo.db, engagementId);
  await repo.mutate(
    [
      {
        entity: 'engagement',
        op: 'update',
        id: engagementId,
        patch: {
          phase: 'released',
          lock: null,
          unlocks: [...e.unlocks, { at: new Date().toISOString(), by: actor.id, byName: actor.name, reason }],
        },
      },
    ],
    actor,
  );
}
