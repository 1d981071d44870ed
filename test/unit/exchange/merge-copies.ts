/**
 * Test support for the merge engine: two auditors' copies of one engagement as plain snapshots, written
 * the way the repository writes (every changed path stamped with the write's clock stamp, `deleted`
 * included) and merged the way the import writes (restamped paths get a fresh local stamp, absorbed
 * records removed, knowledge combined).
 */
import { canonicalJson } from '@shared/domain/canonical-json';
import { formatStamp } from '@shared/domain/clock';
import type { Engagement } from '@shared/domain/engagement';
import { changedPaths, flattenRecord, setPath } from '@shared/domain/records';
import { SNAPSHOT_TABLES, snapshotOf, type EngagementSnapshot } from '@shared/domain/snapshot';
import { planMerge } from '@shared/exchange/merge';
import { cloneValue, sameValue } from '@shared/exchange/merge/values';
import type {
  AnyRecord,
  MergeOutcome,
  MergePlan,
  MergeTable,
  Resolution,
  VersionVector,
} from '@shared/exchange/types';

export const ENGAGEMENT_ID = 'eng-0001';
const START_MS = Date.UTC(2026, 2, 1, 9, 0, 0);

export const MERGE_TABLES: readonly MergeTable[] = ['engagement', ...SNAPSHOT_TABLES];

/** One auditor's database: a snapshot, a clock and what it has seen. */
export class Copy {
  private counter = 0;

  constructor(
    readonly node: string,
    public snapshot: EngagementSnapshot,
    public seen: VersionVector,
    public wallMs: number,
  ) {}

  /** A fresh copy holding only the engagement record, written by `node`. */
  static create(node: string, engagement: Record<string, unknown> = {}): Copy {
    const copy = new Copy(node, snapshotOf(blankEngagement()), {}, START_MS);
    const stamp = copy.stamp();
    const record: AnyRecord = {
      id: ENGAGEMENT_ID,
      engagementId: ENGAGEMENT_ID,
      createdAt: new Date(copy.wallMs).toISOString(),
      updatedAt: new Date(copy.wallMs).toISOString(),
      updatedBy: `person-${node}`,
      rev: 1,
      clock: stamp,
      deleted: false,
      serviceOrganization: 'Acme Cloud, Inc.',
      notes: '',
      phase: 'fieldwork',
      report: { basis: '', opinion: null, showLogo: true },
      ...engagement,
    };
    record.fieldClocks = stampAll(record, stamp);
    // The engagement record carries the engagement's fields; the merge reads it as a plain record.
    copy.snapshot.engagement = record as unknown as Engagement;
    return copy;
  }

  /** Another database that imported this one: same records, its own node, knows everything this knew. */
  fork(node: string): Copy {
    return new Copy(node, cloneValue(this.snapshot), { ...this.seen }, this.wallMs);
  }

  /** The next write's stamp; the copy knows its own writes. */
  stamp(step = 1): string {
    this.wallMs += step;
    const stamp = formatStamp({ wallMs: this.wallMs, counter: 0 }, this.node);
    this.seen = { ...this.seen, [this.node]: stamp };
    return stamp;
  }

  rows(table: MergeTable): AnyRecord[] {
    // Every snapshot row is a stored record with the meta fields.
    if (table === 'engagement') return [this.snapshot.engagement as unknown as AnyRecord];
    return this.snapshot[table] as unknown as AnyRecord[];
  }

  get(table: MergeTable, id: string): AnyRecord | undefined {
    return this.rows(table).find((r) => r.id === id);
  }

  private put(table: MergeTable, record: AnyRecord): void {
    if (table === 'engagement') {
      this.snapshot.engagement = record as unknown as Engagement; // the engagement record, as stored
      return;
    }
    const rows = this.rows(table);
    const i = rows.findIndex((r) => r.id === record.id);
    if (i >= 0) rows[i] = record;
    else rows.push(record);
  }

  /** Creates a record (every path stamped). */
  create(table: MergeTable, fields: Record<string, unknown>): AnyRecord {
    this.counter += 1;
    const stamp = this.stamp();
    const record: AnyRecord = {
      id: `${table}-${this.node}-${String(this.counter).padStart(4, '0')}`,
      engagementId: ENGAGEMENT_ID,
      createdAt: new Date(this.wallMs).toISOString(),
      updatedAt: new Date(this.wallMs).toISOString(),
      updatedBy: `person-${this.node}`,
      rev: 1,
      clock: stamp,
      deleted: false,
      ...fields,
    };
    record.fieldClocks = stampAll(record, stamp);
    this.put(table, record);
    return record;
  }

  /** Sets paths (`undefined` removes one); the changed paths get this write's stamp. */
  update(table: MergeTable, id: string, changes: Record<string, unknown>, step = 1): void {
    const before = this.get(table, id);
    if (!before) throw new Error(`No ${table} record ${id} in copy ${this.node}.`);
    const after = cloneValue(before);
    for (const [path, value] of Object.entries(changes)) setPath(after, path, value);
    const stamp = this.stamp(step);
    const clocks = { ...(before.fieldClocks ?? stampAll(before, before.clock)) };
    for (const path of changedPaths(before, after, sameValue)) clocks[path] = stamp;
    this.put(table, { ...after, rev: before.rev + 1, clock: stamp, fieldClocks: clocks });
  }

  remove(table: MergeTable, id: string): void {
    this.update(table, id, { deleted: true });
  }

  /** Plans merging `other` into this copy. */
  plan(other: Copy): MergePlan {
    return planMerge({
      mine: this.snapshot,
      theirs: other.snapshot,
      mineSeen: this.seen,
      theirsSeen: other.seen,
    });
  }

  /** Writes a merge outcome as the import does. */
  apply(outcome: MergeOutcome): void {
    for (const remote of Object.values(outcome.seen)) {
      const ms = Number(remote.slice(0, 13));
      if (ms > this.wallMs) this.wallMs = ms;
    }
    for (const m of outcome.changed) {
      const stamp = this.stamp();
      const fieldClocks = { ...(m.result.fieldClocks ?? {}) };
      for (const path of m.restampPaths) fieldClocks[path] = stamp;
      this.put(m.table, { ...m.result, rev: (m.mine?.rev ?? m.result.rev) + 1, clock: stamp, fieldClocks });
    }
    for (const a of outcome.absorbed) {
      if (a.table === 'engagement') continue;
      const rows = this.rows(a.table);
      const i = rows.findIndex((r) => r.id === a.id);
      if (i >= 0) rows.splice(i, 1);
    }
    this.seen = { ...outcome.seen, [this.node]: this.stamp(0) };
  }

  /** Plans, resolves and applies in one go. */
  mergeFrom(other: Copy, resolutions: Readonly<Record<string, Resolution>> = {}): MergeOutcome {
    const outcome = this.plan(other).resolve(resolutions);
    this.apply(outcome);
    return outcome;
  }

  /** Every record's content (no revision, stamps or clocks), in a stable order: for comparing copies. */
  content(): string {
    const out: Record<string, unknown> = {};
    for (const table of MERGE_TABLES) {
      out[table] = [...this.rows(table)]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((r) => withoutStamps(r));
    }
    return canonicalJson(out);
  }
}

export function withoutStamps(record: AnyRecord): Record<string, unknown> {
  const { rev: _rev, clock: _clock, fieldClocks: _fc, updatedAt: _at, updatedBy: _by, ...content } = record;
  return content;
}

function stampAll(record: AnyRecord, stamp: string): Record<string, string> {
  const clocks: Record<string, string> = {};
  for (const path of flattenRecord(record).keys()) clocks[path] = stamp;
  return clocks;
}

function blankEngagement(): Engagement {
  // Replaced by `Copy.create` right away; the snapshot needs an engagement to start from.
  return { id: ENGAGEMENT_ID } as unknown as Engagement;
}

/** Swaps mine and theirs in a set of resolutions (for merging the other way round). */
export function swapped(resolutions: Readonly<Record<string, Resolution>>): Record<string, Resolution> {
  const out: Record<string, Resolution> = {};
  for (const [id, r] of Object.entries(resolutions))
    out[id] = r === 'mine' ? 'theirs' : r === 'theirs' ? 'mine' : r;
  return out;
}
