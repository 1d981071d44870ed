/**
 * The three-way merge engine: compares this copy of an engagement ("mine") with another auditor's copy
 * ("theirs") record by record and field by field, using the per-field clock stamps and what each copy has
 * seen, and plans what to write. Pure: it reads two snapshots and returns records; the caller writes them
 * in one transaction. Rules: see README.md next to this file.
 */
import { flattenRecord, changedPaths, setPath } from '../../domain/records/field-paths';
import { SNAPSHOT_TABLES, type EngagementSnapshot } from '../../domain/snapshot';
import type {
  AnyRecord,
  MergeConflict,
  MergedRecord,
  MergeInput,
  MergeOutcome,
  MergePlan,
  MergeSummary,
  MergeTable,
  Renumbering,
  Resolution,
} from '../types';
import { combineVectors } from './knowledge';
import { planPair, type Knowledge, type PairPlan, type PathOutcome, type PendingConflict } from './pair';
import { enforceUniqueness, type UniqueView } from './unique';
import { cloneValue, keepBoth, sameValue } from './values';

export { knows, combineVectors } from './knowledge';
export { isLongText, keepBoth } from './values';

/** Tables in merge order: the engagement record first, then the snapshot tables. */
export const MERGE_TABLES: readonly MergeTable[] = ['engagement', ...SNAPSHOT_TABLES];

const TABLE_ORDER = new Map<MergeTable, number>(MERGE_TABLES.map((t, i) => [t, i]));

/** Fields that identify one record per engagement: copies that each created one hold the same record. */
const NATURAL_KEYS: Partial<Record<MergeTable, string>> = {
  descriptionSections: 'key',
  criterionScopes: 'criterionId',
};

function rowsOf(snapshot: EngagementSnapshot, table: MergeTable): readonly AnyRecord[] {
  // Every stored record carries the meta fields AnyRecord names (records/base.ts).
  if (table === 'engagement') return [snapshot.engagement as unknown as AnyRecord];
  return (snapshot[table] ?? []) as unknown as readonly AnyRecord[];
}

function indexById(rows: readonly AnyRecord[]): Map<string, AnyRecord> {
  const map = new Map<string, AnyRecord>();
  for (const r of rows) if (!map.has(r.id)) map.set(r.id, r);
  return map;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pairs the records that share a natural key but not an id. Only clean cases: one record per key on each
 * side, and neither side also holding the other's id (those records already pair by id).
 */
function naturalKeyPairs(
  field: string,
  mine: Map<string, AnyRecord>,
  theirs: Map<string, AnyRecord>,
): [AnyRecord, AnyRecord][] {
  const byKey = (rows: Map<string, AnyRecord>) => {
    const out = new Map<string, AnyRecord[]>();
    for (const r of rows.values()) {
      const key = r[field];
      if (typeof key !== 'string' || key === '') continue;
      const group = out.get(key);
      if (group) group.push(r);
      else out.set(key, [r]);
    }
    return out;
  };
  const theirsByKey = byKey(theirs);
  const pairs: [AnyRecord, AnyRecord][] = [];
  for (const [key, mineGroup] of byKey(mine)) {
    const theirsGroup = theirsByKey.get(key);
    const m = mineGroup[0];
    const t = theirsGroup?.[0];
    if (!m || !t || mineGroup.length !== 1 || theirsGroup?.length !== 1 || m.id === t.id) continue;
    if (theirs.has(m.id) || mine.has(t.id)) continue;
    pairs.push([m, t]);
  }
  return pairs;
}

/** A record without per-field stamps reads every path as written at `clock`: make that explicit. */
function withFieldClocks(record: AnyRecord): AnyRecord {
  if (record.fieldClocks) return record;
  const fieldClocks: Record<string, string> = {};
  for (const path of flattenRecord(record).keys()) fieldClocks[path] = record.clock;
  return { ...record, fieldClocks };
}

/** A merged record being assembled. `owned`: `result` is a copy the merge may change. */
interface Working {
  table: MergeTable;
  mine: AnyRecord | undefined;
  result: AnyRecord;
  owned: boolean;
  decided: Set<string>;
  /** Paths known to differ from `mine` (null: compare when listing). */
  changed: Set<string> | null;
}

const describeConflict = (c: MergeConflict) =>
  c.kind === 'field'
    ? `the field ${c.path} of ${c.table} record ${c.recordId}`
    : `deleting ${c.table} record ${c.recordId}`;

/** Refuses missing, unknown and ill-fitting choices, before anything is built. */
function checkResolutions(
  conflicts: readonly MergeConflict[],
  resolutions: Readonly<Record<string, Resolution>>,
) {
  const ids = new Set(conflicts.map((c) => c.id));
  for (const id of Object.keys(resolutions)) {
    if (!ids.has(id)) throw new Error(`There is no conflict "${id}" in this merge.`);
  }
  for (const c of conflicts) {
    const r = resolutions[c.id];
    if (r === undefined)
      throw new Error(`Choose how to resolve every conflict: none was chosen for ${describeConflict(c)}.`);
    if (c.kind === 'delete' && r !== 'keep' && r !== 'delete') {
      throw new Error(`For ${describeConflict(c)}, choose "keep" or "delete", not "${r}".`);
    }
    if (c.kind === 'field' && r !== 'mine' && r !== 'theirs' && r !== 'both') {
      throw new Error(`For ${describeConflict(c)}, choose "mine", "theirs" or "both", not "${r}".`);
    }
    if (c.kind === 'field' && r === 'both' && !c.longText) {
      throw new Error(
        `"Keep both" is only offered for long texts; for ${describeConflict(c)}, choose "mine" or "theirs".`,
      );
    }
  }
}

/** The value and stamp a choice gives. */
function resolvedOutcome(pending: PendingConflict, resolution: Resolution): PathOutcome {
  const { mineValue, theirsValue, mineStamp, theirsStamp } = pending;
  switch (resolution) {
    case 'mine':
      return { value: mineValue, stamp: mineStamp };
    case 'theirs':
      return { value: theirsValue, stamp: theirsStamp };
    case 'both':
      return {
        value: keepBoth(String(mineValue), String(theirsValue), mineStamp, theirsStamp),
        stamp: mineStamp > theirsStamp ? mineStamp : theirsStamp,
      };
    case 'keep':
    case 'delete': {
      const deleted = resolution === 'delete';
      return { value: deleted, stamp: mineValue === deleted ? mineStamp : theirsStamp };
    }
  }
}

/** Builds a planned record with the choices applied: a copy of its template with the merged values. */
function buildPair(pair: PairPlan, resolutions: Readonly<Record<string, Resolution>>): Working {
  const final = new Map(pair.paths);
  const decided = new Set<string>();
  for (const [path, outcome] of pair.paths) if (outcome.composed) decided.add(path);
  for (const pending of pair.conflicts) {
    const resolution = resolutions[pending.conflict.id];
    if (resolution === undefined) continue; // checked before: every conflict has one
    final.set(pending.path, resolvedOutcome(pending, resolution));
    decided.add(pending.path);
  }
  const result = cloneValue(pair.template);
  const before = flattenRecord(pair.template);
  const paths = [...final.keys()].sort();
  const changed = new Set<string>();
  for (const path of paths) {
    const value = final.get(path)?.value;
    if (!sameValue(before.get(path), value)) {
      setPath(result, path, value);
      changed.add(path);
    }
  }
  const fieldClocks: Record<string, string> = {};
  for (const path of paths) {
    const stamp = final.get(path)?.stamp ?? '';
    if (stamp !== '') fieldClocks[path] = stamp;
  }
  result.fieldClocks = fieldClocks;
  // Differences from the template are differences from mine when the template is mine.
  const known = pair.mine === pair.template ? changed : null;
  return { table: pair.table, mine: pair.mine, result, owned: true, decided, changed: known };
}

/** What the plan found before any choice: pairs to merge, records to add, records absorbed. */
interface Analysis {
  pairs: PairPlan[];
  added: { table: MergeTable; record: AnyRecord }[];
  absorbed: { table: MergeTable; id: string; into: string }[];
  mineById: Map<MergeTable, Map<string, AnyRecord>>;
  keptMineOnly: number;
}

function analyse(input: MergeInput, knowledge: Knowledge): Analysis {
  const analysis: Analysis = { pairs: [], added: [], absorbed: [], mineById: new Map(), keptMineOnly: 0 };
  for (const table of MERGE_TABLES) {
    const mine = indexById(rowsOf(input.mine, table));
    const theirs = indexById(rowsOf(input.theirs, table));
    analysis.mineById.set(table, mine);
    const consumed = new Set<string>();
    const keyField = NATURAL_KEYS[table];
    for (const [m, t] of keyField ? naturalKeyPairs(keyField, mine, theirs) : []) {
      consumed.add(m.id);
      consumed.add(t.id);
      const survivor = m.id < t.id ? m.id : t.id;
      analysis.absorbed.push({ table, id: survivor === m.id ? t.id : m.id, into: survivor });
      const pair = planPair(table, m, t, knowledge, true);
      if (pair) analysis.pairs.push(pair);
    }
    for (const m of mine.values()) {
      if (consumed.has(m.id)) continue;
      const t = theirs.get(m.id);
      if (!t) {
        analysis.keptMineOnly += 1;
        continue;
      }
      const pair = planPair(table, m, t, knowledge, false);
      if (pair) analysis.pairs.push(pair);
    }
    for (const t of theirs.values()) {
      if (!consumed.has(t.id) && !mine.has(t.id)) analysis.added.push({ table, record: t });
    }
  }
  return analysis;
}

const recordKey = (table: MergeTable, id: string) => `${table}\u0000${id}`;

interface Built {
  changed: MergedRecord[];
  renumberings: Renumbering[];
  notices: string[];
}

/** Applies the choices, restores unique values and lists the records to write. */
function build(analysis: Analysis, resolutions: Readonly<Record<string, Resolution>>): Built {
  const working = new Map<string, Working>();
  for (const pair of analysis.pairs)
    working.set(recordKey(pair.table, pair.id), buildPair(pair, resolutions));
  for (const { table, record } of analysis.added) {
    const result = withFieldClocks(record);
    working.set(recordKey(table, record.id), {
      table,
      mine: undefined,
      result,
      owned: result !== record,
      decided: new Set(),
      changed: null,
    });
  }
  const absorbedIds = new Set(analysis.absorbed.map((a) => recordKey(a.table, a.id)));
  const mineOf = (table: MergeTable) => analysis.mineById.get(table) ?? new Map<string, AnyRecord>();

  const view: UniqueView = {
    records(table) {
      const out: AnyRecord[] = [];
      for (const m of mineOf(table).values()) {
        const key = recordKey(table, m.id);
        if (!absorbedIds.has(key)) out.push(working.get(key)?.result ?? m);
      }
      for (const w of working.values()) {
        if (w.table === table && !w.mine && !mineOf(table).has(w.result.id)) out.push(w.result);
      }
      return out;
    },
    set(table, id, field, value) {
      const key = recordKey(table, id);
      let w = working.get(key);
      if (!w) {
        const m = mineOf(table).get(id);
        if (!m) return;
        w = { table, mine: m, result: m, owned: false, decided: new Set(), changed: new Set() };
        working.set(key, w);
      }
      if (!w.owned) {
        w.result = { ...withFieldClocks(w.result) };
        w.owned = true;
      }
      w.result[field] = value;
      w.decided.add(field);
      if (w.changed && !sameValue(w.mine?.[field], value)) w.changed.add(field);
    },
    isMine: (table, id) => mineOf(table).has(id),
  };
  const { renumberings, notices } = enforceUniqueness(view);

  const changed: MergedRecord[] = [];
  const ordered = [...working.values()].sort(
    (a, b) =>
      (TABLE_ORDER.get(a.table) ?? 0) - (TABLE_ORDER.get(b.table) ?? 0) ||
      compareText(a.result.id, b.result.id),
  );
  for (const w of ordered) {
    const paths = !w.mine
      ? [...flattenRecord(w.result).keys()]
      : w.changed
        ? [...w.changed].sort()
        : changedPaths(w.mine, w.result, sameValue);
    // A decided path is restamped even when it keeps mine's value: the choice was made after seeing theirs.
    if (w.mine && paths.length === 0 && w.decided.size === 0) continue;
    const mine = w.mine;
    const restampPaths = [...w.decided].sort();
    changed.push({
      table: w.table,
      ...(mine ? { mine } : {}),
      result: w.result,
      changedPaths: paths,
      restampPaths,
    });
  }
  return { changed, renumberings, notices };
}

function summarize(analysis: Analysis, conflicts: number): MergeSummary {
  let updated = 0;
  let fieldsTaken = 0;
  let keptMine = analysis.keptMineOnly;
  for (const pair of analysis.pairs) {
    fieldsTaken += pair.taken;
    if (pair.taken > 0) updated += 1;
    else if (pair.conflicts.length === 0) keptMine += 1;
  }
  return { added: analysis.added.length, updated, fieldsTaken, conflicts, keptMine };
}

/**
 * Plans merging `theirs` into `mine`. Nothing is written: `resolve` applies the user's choices and returns
 * the records to write (and `seen`, what this copy knows afterwards).
 */
export function planMerge(input: MergeInput): MergePlan {
  if (input.mine.engagement.id !== input.theirs.engagement.id) {
    throw new Error(
      'These are copies of two different engagements; only copies of the same engagement can be merged.',
    );
  }
  const knowledge: Knowledge = { mineSeen: input.mineSeen, theirsSeen: input.theirsSeen };
  const analysis = analyse(input, knowledge);
  const pending = analysis.pairs.flatMap((p) => p.conflicts.map((c) => c.conflict));
  const conflicts = pending.sort(
    (a, b) =>
      (TABLE_ORDER.get(a.table) ?? 0) - (TABLE_ORDER.get(b.table) ?? 0) ||
      compareText(a.recordId, b.recordId) ||
      compareText(a.id, b.id),
  );
  const preview: Record<string, Resolution> = {};
  for (const c of conflicts) {
    preview[c.id] = c.kind === 'field' ? 'mine' : c.deletedBy === 'mine' ? 'delete' : 'keep';
  }
  const previewed = build(analysis, preview);
  const seen = combineVectors(input.mineSeen, input.theirsSeen);
  const absorbed = [...analysis.absorbed].sort(
    (a, b) => (TABLE_ORDER.get(a.table) ?? 0) - (TABLE_ORDER.get(b.table) ?? 0) || compareText(a.id, b.id),
  );
  return {
    conflicts,
    renumberings: previewed.renumberings,
    notices: previewed.notices,
    summary: summarize(analysis, conflicts.length),
    resolve(resolutions): MergeOutcome {
      checkResolutions(conflicts, resolutions);
      const built = conflicts.length === 0 ? previewed : build(analysis, resolutions);
      return {
        changed: built.changed,
        seen,
        absorbed,
        renumberings: built.renumberings,
        notices: built.notices,
      };
    },
  };
}
