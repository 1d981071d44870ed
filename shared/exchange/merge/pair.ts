/**
 * The three-way merge of one record both copies hold (same id, or the same natural key): per field path,
 * equal values stay; otherwise the clock stamps and what each copy has seen decide which side's later
 * write wins; writes neither side saw are conflicts. Deleting a record the other side edited meanwhile is
 * one delete conflict, never a silent delete.
 */
import { flattenRecord, pathClock, UNCLOCKED_FIELDS } from '../../domain/records/field-paths';
import type {
  AnyRecord,
  DeleteConflict,
  FieldConflict,
  MergeConflict,
  MergeTable,
  VersionVector,
} from '../types';
import { knows, laterStamp } from './knowledge';
import { deepEqual, isEmptyValue, isLongText, sameValue } from './values';

export type Side = 'mine' | 'theirs';

/** A path decided without the user: its value and the stamp of the write it came from. */
export interface PathOutcome {
  value: unknown;
  stamp: string;
  /** A value the merge composed from both sides (neither side's write): the writer stamps it afresh. */
  composed?: boolean;
}

/**
 * Evidence versions are only ever appended (a replaced file is a new version), so versions added on both
 * laptops are united by file hash — in the order they were added — instead of asked about: "evidence is
 * united by hash".
 */
function unitedVersions(table: MergeTable, path: string, mine: unknown, theirs: unknown): unknown[] | null {
  if (table !== 'evidence' || path !== 'versions' || !Array.isArray(mine) || !Array.isArray(theirs))
    return null;
  const byHash = new Map<string, Record<string, unknown>>();
  for (const v of [...mine, ...theirs] as Record<string, unknown>[]) {
    const hash = String(v.sha256);
    if (!byHash.has(hash)) byHash.set(hash, v);
  }
  return [...byHash.values()].sort(
    (a, b) =>
      String(a.addedAt).localeCompare(String(b.addedAt)) || String(a.sha256).localeCompare(String(b.sha256)),
  );
}

/** A conflict plus what resolving it needs. */
export interface PendingConflict {
  conflict: MergeConflict;
  path: string;
  mineValue: unknown;
  theirsValue: unknown;
  mineStamp: string;
  theirsStamp: string;
}

export interface PairPlan {
  table: MergeTable;
  /** The merged record's id (for a natural-key pair: the smaller of the two ids). */
  id: string;
  /** The local record with that id, if this copy has it. */
  mine: AnyRecord | undefined;
  /** The record the result is built from (its meta fields are kept). */
  template: AnyRecord;
  /** Decided paths: every path of either side except those in conflict. */
  paths: Map<string, PathOutcome>;
  conflicts: PendingConflict[];
  /** Paths taken automatically from theirs whose value differs from mine's. */
  taken: number;
}

export interface Knowledge {
  mineSeen: Readonly<VersionVector>;
  theirsSeen: Readonly<VersionVector>;
}

type Decision = Side | 'conflict';

/**
 * Which side wins a path whose values differ. The write the other side has seen loses; when each side has
 * seen the other's write (only in inconsistent copies) the later stamp wins; the same stamp with different
 * values (a damaged copy) and writes neither saw are conflicts. Records paired by natural key were written
 * independently: when the stamps do not decide, an empty value gives way to a filled one.
 */
function decide(
  mineValue: unknown,
  theirsValue: unknown,
  mineStamp: string,
  theirsStamp: string,
  knowledge: Knowledge,
  naturalKey: boolean,
): Decision {
  if (mineStamp !== theirsStamp) {
    const mineSawTheirs = knows(knowledge.mineSeen, theirsStamp);
    const theirsSawMine = knows(knowledge.theirsSeen, mineStamp);
    if (mineSawTheirs && theirsSawMine) return mineStamp > theirsStamp ? 'mine' : 'theirs';
    if (mineSawTheirs) return 'mine';
    if (theirsSawMine) return 'theirs';
  }
  if (naturalKey) {
    if (isEmptyValue(mineValue)) return 'theirs';
    if (isEmptyValue(theirsValue)) return 'mine';
  }
  return 'conflict';
}

/** Every path either side has a value or a stamp for, sorted (parents before their children). */
function unionPaths(
  a: Map<string, unknown>,
  b: Map<string, unknown>,
  mine: AnyRecord,
  theirs: AnyRecord,
): string[] {
  const paths = new Set<string>(a.keys());
  for (const p of b.keys()) paths.add(p);
  for (const p of Object.keys(mine.fieldClocks ?? {})) paths.add(p);
  for (const p of Object.keys(theirs.fieldClocks ?? {})) paths.add(p);
  return [...paths].sort();
}

/** True when both flattened records hold the same values (the common case: nothing to merge). */
function sameContent(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, value] of a) {
    if (!b.has(path) || !sameValue(value, b.get(path))) return false;
  }
  return true;
}

const DELETED = 'deleted';

/** Same content, checked without flattening (most records of two copies are identical). */
function identicalContent(a: AnyRecord, b: AnyRecord): boolean {
  let count = 0;
  for (const key in a) {
    if (UNCLOCKED_FIELDS.has(key) || a[key] === undefined) continue;
    count += 1;
    if (!deepEqual(a[key], b[key])) return false;
  }
  for (const key in b) if (!UNCLOCKED_FIELDS.has(key) && b[key] !== undefined) count -= 1;
  return count === 0;
}

/**
 * Plans the merge of `mine` and `theirs` (the same record in both copies). Returns null when the values
 * are the same (nothing to write). `resultId` differs from `mine.id` only for natural-key pairs.
 */
export function planPair(
  table: MergeTable,
  mine: AnyRecord,
  theirs: AnyRecord,
  knowledge: Knowledge,
  naturalKey: boolean,
): PairPlan | null {
  const id = naturalKey && theirs.id < mine.id ? theirs.id : mine.id;
  const mineHasId = id === mine.id;
  if (mineHasId && identicalContent(mine, theirs)) return null;
  const fm = flattenRecord(mine);
  const ft = flattenRecord(theirs);
  if (mineHasId && sameContent(fm, ft)) return null;

  const paths = new Map<string, PathOutcome>();
  const conflicts: PendingConflict[] = [];
  let taken = 0;
  /** Paths whose values differ, with each side's stamp, for the delete check. */
  const differing: { path: string; mineStamp: string; theirsStamp: string }[] = [];

  for (const path of unionPaths(fm, ft, mine, theirs)) {
    const mv = fm.get(path);
    const tv = ft.get(path);
    const ms = pathClock(mine, path);
    const ts = pathClock(theirs, path);
    if (sameValue(mv, tv)) {
      paths.set(path, { value: mv, stamp: laterStamp(ms, ts) });
      continue;
    }
    if (path !== DELETED) differing.push({ path, mineStamp: ms, theirsStamp: ts });
    const decision = decide(mv, tv, ms, ts, knowledge, naturalKey);
    if (path === DELETED) {
      paths.set(path, decision === 'theirs' ? { value: tv, stamp: ts } : { value: mv, stamp: ms });
      continue; // settled below, once every other path is known
    }
    const united = decision === 'conflict' ? unitedVersions(table, path, mv, tv) : null;
    if (united) {
      paths.set(path, { value: united, stamp: laterStamp(ms, ts), composed: true });
      taken += 1;
    } else if (decision === 'mine') paths.set(path, { value: mv, stamp: ms });
    else if (decision === 'theirs') {
      paths.set(path, { value: tv, stamp: ts });
      taken += 1;
    } else {
      const conflict: FieldConflict = {
        kind: 'field',
        id: `${table}:${id}:${path}`,
        table,
        recordId: id,
        path,
        mine: mv,
        theirs: tv,
        mineClock: ms,
        theirsClock: ts,
        longText: isLongText(mv, tv),
      };
      conflicts.push({ conflict, path, mineValue: mv, theirsValue: tv, mineStamp: ms, theirsStamp: ts });
    }
  }

  const deleteConflict = planDeleted(table, id, mine, theirs, knowledge, naturalKey, differing);
  if (deleteConflict) {
    paths.delete(DELETED);
    conflicts.push(deleteConflict);
  } else if (mine.deleted !== theirs.deleted && paths.get(DELETED)?.value !== mine.deleted) taken += 1;

  return {
    table,
    id,
    mine: mineHasId ? mine : undefined,
    template: mineHasId ? mine : theirs,
    paths,
    conflicts,
    taken,
  };
}

/**
 * Edit vs delete: one side deleted the record, the other did not see the deletion and changed fields the
 * deleting side has not seen. Then — or when both changed `deleted` without seeing each other — the user
 * chooses keep or delete. A live side winning (a restore) loses nothing and needs no choice.
 */
function planDeleted(
  table: MergeTable,
  id: string,
  mine: AnyRecord,
  theirs: AnyRecord,
  knowledge: Knowledge,
  naturalKey: boolean,
  differing: readonly { path: string; mineStamp: string; theirsStamp: string }[],
): PendingConflict | null {
  if (mine.deleted === theirs.deleted) return null;
  const deletedBy: Side = mine.deleted ? 'mine' : 'theirs';
  const ms = pathClock(mine, DELETED);
  const ts = pathClock(theirs, DELETED);
  const decision = decide(mine.deleted, theirs.deleted, ms, ts, knowledge, naturalKey);
  const deleterStamp = deletedBy === 'mine' ? ms : ts;
  const otherSeen = deletedBy === 'mine' ? knowledge.theirsSeen : knowledge.mineSeen;
  const deleterSeen = deletedBy === 'mine' ? knowledge.mineSeen : knowledge.theirsSeen;
  const editedPaths = differing
    .filter((d) => !knows(deleterSeen, deletedBy === 'mine' ? d.theirsStamp : d.mineStamp))
    .map((d) => d.path);
  const silentDelete = decision === deletedBy && !knows(otherSeen, deleterStamp) && editedPaths.length > 0;
  if (decision !== 'conflict' && !silentDelete) return null;
  const conflict: DeleteConflict = {
    kind: 'delete',
    id: `${table}:${id}:${DELETED}`,
    table,
    recordId: id,
    deletedBy,
    editedPaths,
  };
  return {
    conflict,
    path: DELETED,
    mineValue: mine.deleted,
    theirsValue: theirs.deleted,
    mineStamp: ms,
    theirsStamp: ts,
  };
}
