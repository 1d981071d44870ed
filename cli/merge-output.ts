/**
 * What `fieldwork merge` writes: "mine" with the merge outcome applied, as one engagement of a package.
 *
 * Mirrors the app's import (renderer/db/exchange.ts `applyImport`) for the records: each changed record
 * gets a new revision, a fresh clock stamp of the command line's own node, and that stamp on every path
 * the merge decided, so either copy importing the result takes the decisions without asking again. Unlike
 * the app it cannot append audit events (there is no signed-in auditor to sign them): the result keeps both
 * files' audit chains as they were, and the changes show in the app as made by the merge.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEvent, ChainHead } from '../shared/domain/audit';
import { formatStamp, parseStamp, tick, type ClockState } from '../shared/domain/clock';
import { engagementSchema } from '../shared/domain/engagement';
import { SNAPSHOT_TABLE_SCHEMAS } from '../shared/domain/snapshot-schemas';
import { SNAPSHOT_TABLES, type EngagementSnapshot } from '../shared/domain/snapshot';
import type {
  AnyRecord,
  EvidenceFileInput,
  MergeOutcome,
  MergeTable,
  PackageEngagement,
  PackageEvidence,
  VersionVector,
} from '../shared/exchange/types';

/** Who the records changed by a command-line merge name as their writer. */
export const CLI_ACTOR = { id: 'cli', name: 'fieldwork merge (command line)' } as const;

/** A node id for this run: stamps of the command line's writes are told apart from every copy's. */
export function cliNodeId(): string {
  return `cli-${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** The clock to continue from: after every stamp either copy has seen, and not before `now`. */
export function clockAfter(seen: VersionVector, nowMs: number): ClockState {
  let state: ClockState = { wallMs: 0, counter: 0 };
  for (const stamp of Object.values(seen)) {
    const parsed = parseStamp(stamp);
    if (!parsed) continue;
    if (parsed.wallMs > state.wallMs || (parsed.wallMs === state.wallMs && parsed.counter > state.counter)) {
      state = { wallMs: parsed.wallMs, counter: parsed.counter };
    }
  }
  return tick(state, nowMs);
}

export class AuditChainMismatchError extends Error {}

function sortedBySeq(events: readonly AuditEvent[]): AuditEvent[] {
  return [...events].sort((a, b) => a.seq - b.seq);
}

/**
 * Both files' audit chains, united by chain id. A chain in both is the same trail seen at two moments: one
 * must be a prefix of the other, and the longer is kept. Chains that went different ways are refused.
 */
export function uniteChains(
  mine: Pick<PackageEngagement, 'auditEvents' | 'chainHeads'>,
  theirs: Pick<PackageEngagement, 'auditEvents' | 'chainHeads'>,
): { auditEvents: AuditEvent[]; chainHeads: ChainHead[] } {
  const group = (events: readonly AuditEvent[]) => {
    const chains = new Map<string, AuditEvent[]>();
    for (const event of events) chains.set(event.chain, [...(chains.get(event.chain) ?? []), event]);
    return chains;
  };
  const mineChains = group(mine.auditEvents);
  const theirChains = group(theirs.auditEvents);
  const heads = new Map<string, ChainHead>();
  for (const head of [...mine.chainHeads, ...theirs.chainHeads]) {
    const known = heads.get(head.chain);
    if (!known || head.seq > known.seq) heads.set(head.chain, head);
  }
  const auditEvents: AuditEvent[] = [];
  for (const chain of [...heads.keys()].sort()) {
    const a = sortedBySeq(mineChains.get(chain) ?? []);
    const b = sortedBySeq(theirChains.get(chain) ?? []);
    const shorter = a.length <= b.length ? a : b;
    const longer = a.length <= b.length ? b : a;
    shorter.forEach((event, i) => {
      if (longer[i]?.hash !== event.hash) {
        throw new AuditChainMismatchError(
          `The audit trail "${chain}" went different ways in the two files (event ${event.seq} differs), so they cannot be merged. Each copy must have been changed after one of them was restored from an older file.`,
        );
      }
    });
    auditEvents.push(...longer);
  }
  return { auditEvents, chainHeads: [...heads.values()].sort((x, y) => (x.chain < y.chain ? -1 : 1)) };
}

function validate(table: MergeTable, record: Record<string, unknown>): Record<string, unknown> {
  const schema = table === 'engagement' ? engagementSchema : SNAPSHOT_TABLE_SCHEMAS[table];
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The merged ${table} record ${String(record.id)} is not valid (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown reason'}).`,
    );
  }
  // The schema of `table` parsed a record of that table.
  return parsed.data as Record<string, unknown>;
}

export interface MergedEngagement {
  engagement: PackageEngagement;
  /** Records written by the merge. */
  changed: number;
}

/** Applies `outcome` to mine's snapshot and unites both files' audit chains. */
export function applyMergeOutcome(
  mine: PackageEngagement,
  theirs: PackageEngagement,
  outcome: MergeOutcome,
  options: { nodeId: string; now: Date },
): MergedEngagement {
  const at = options.now.toISOString();
  let clock = clockAfter(outcome.seen, options.now.getTime());
  let lastStamp = '';
  const replaced = new Map<MergeTable, Map<string, Record<string, unknown>>>();
  for (const changed of outcome.changed) {
    const stamp = formatStamp(clock, options.nodeId);
    clock = tick(clock, options.now.getTime());
    lastStamp = stamp;
    const clocks = { ...(changed.result.fieldClocks ?? {}) };
    for (const path of changed.restampPaths) clocks[path] = stamp;
    const record = validate(changed.table, {
      ...changed.result,
      rev: Math.max(changed.mine?.rev ?? 0, changed.result.rev) + 1,
      updatedAt: at,
      updatedBy: CLI_ACTOR.id,
      clock: stamp,
      fieldClocks: clocks,
    });
    const table = replaced.get(changed.table) ?? new Map<string, Record<string, unknown>>();
    table.set(changed.result.id, record);
    replaced.set(changed.table, table);
  }
  const absorbed = new Set(outcome.absorbed.map((gone) => `${gone.table}:${gone.id}`));

  const rows = (table: MergeTable, current: readonly AnyRecord[]): AnyRecord[] => {
    const changes = replaced.get(table) ?? new Map<string, Record<string, unknown>>();
    const out: AnyRecord[] = [];
    for (const record of current) {
      if (absorbed.has(`${table}:${record.id}`)) continue;
      // A validated record of this table carries the meta fields AnyRecord names.
      out.push((changes.get(record.id) as AnyRecord | undefined) ?? record);
      changes.delete(record.id);
    }
    for (const added of changes.values()) out.push(added as AnyRecord); // as above
    return out;
  };

  const snapshot = mine.snapshot;
  // The snapshot tables hold the records of these schemas; AnyRecord is their common shape.
  const asRecords = (list: readonly unknown[]) => list as readonly AnyRecord[];
  const [engagement] = rows('engagement', asRecords([snapshot.engagement]));
  const merged = { engagement } as Record<string, unknown>; // filled table by table below
  for (const table of SNAPSHOT_TABLES) merged[table] = rows(table, asRecords(snapshot[table]));
  const chains = uniteChains(mine, theirs);
  return {
    engagement: {
      snapshot: merged as unknown as EngagementSnapshot, // every table validated or taken from a verified file
      ...chains,
      seen: lastStamp ? { ...outcome.seen, [options.nodeId]: lastStamp } : { ...outcome.seen },
    },
    changed: outcome.changed.length,
  };
}

/** Every evidence file the merged snapshot points at, read from whichever file holds it. */
export function mergedEvidence(
  snapshot: EngagementSnapshot,
  sources: readonly ReadonlyMap<string, PackageEvidence>[],
): EvidenceFileInput[] {
  const files = new Map<string, EvidenceFileInput>();
  for (const record of snapshot.evidence) {
    for (const version of record.versions) {
      if (files.has(version.sha256)) continue;
      const evidence = sources.map((source) => source.get(version.sha256)).find((e) => e !== undefined);
      if (!evidence) {
        throw new Error(
          `Neither file holds the evidence file ${version.fileName} (${version.sha256.slice(0, 12)}…).`,
        );
      }
      files.set(version.sha256, {
        sha256: version.sha256,
        size: evidence.size,
        fileName: version.fileName,
        mediaType: version.mediaType,
        read: () => evidence.read(),
      });
    }
  }
  return [...files.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
}
