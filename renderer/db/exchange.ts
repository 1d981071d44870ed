/**
 * The database side of `.fieldwork` files: what an export reads (records, every audit chain, evidence
 * bytes, merge knowledge) and how an import lands — a new engagement, a three-way merge into the local
 * copy, or a read-only reviewer copy — in ONE transaction, after the file was verified (shared/exchange)
 * and the user confirmed the preview.
 *
 * Records received from another copy keep their revision, clocks and `fieldClocks`; merged records get a
 * new revision, are stamped by the person merging, and each change is logged in this copy's audit chain
 * with the file it came from. The other copy's own chains are stored as they came, so each still verifies.
 */
import {
  diffRecords,
  GENESIS_HASH,
  hashAuditEvent,
  type AuditEvent,
  type ChainHead,
  type UnhashedAuditEvent,
} from '@shared/domain/audit';
import { ConflictError, ValidationError } from '@shared/domain/errors';
import { SNAPSHOT_TABLE_ENTITIES, SNAPSHOT_TABLES, type EngagementSnapshot } from '@shared/domain/snapshot';
import { planMerge } from '@shared/exchange/merge';
import type {
  EvidenceFileInput,
  MergePlan,
  MergeTable,
  PackageEngagement,
  PackageEvidence,
  PackageKind,
  Resolution,
  VerifiedPackage,
  VersionVector,
  WritePackageInput,
} from '@shared/exchange/types';
import type { BlobRow, FieldworkDatabase, MetaRow } from './database';
import { ENTITIES, type EntityName, type TableName } from './entities';
import {
  copyFlagKey,
  engagementAuditEvents,
  engagementChainHeads,
  engagementEventRange,
  LAST_BACKUP_KEY,
  readOnlyCopy,
  seenKey,
  storedSeen,
  writeChainOf,
  type CopyFlag,
} from './chains';
import { CLOCK_KEY, type Actor, type Repository } from './repository';
import { LATEST_SCHEMA_VERSION } from './schema';
import { loadSnapshot } from './snapshot';

type Fields = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------
// Export

/** What this copy knows for the merge: what it merged from others plus every write of its own. */
export async function knowledgeOf(
  db: FieldworkDatabase,
  repo: Repository,
  engagementId: string,
): Promise<VersionVector> {
  const [seen, node, stamp] = await Promise.all([
    storedSeen(db, engagementId),
    repo.node(),
    repo.currentStamp(),
  ]);
  return { ...seen, [node]: stamp };
}

/** One engagement as a package holds it. */
export async function readPackageEngagement(
  db: FieldworkDatabase,
  repo: Repository,
  engagementId: string,
): Promise<PackageEngagement> {
  const snapshot = await loadSnapshot(db, engagementId);
  if (!snapshot) throw new ValidationError('This engagement no longer exists.', {});
  const [auditEvents, chainHeads, seen] = await Promise.all([
    engagementAuditEvents(db, engagementId),
    engagementChainHeads(db, engagementId).toArray(),
    knowledgeOf(db, repo, engagementId),
  ]);
  return {
    snapshot,
    auditEvents,
    chainHeads: chainHeads.map(({ chain, seq, hash }) => ({ chain, seq, hash })),
    seen,
  };
}

/** Reads a stored Blob in pieces (a 2 GB file never sits in memory). */
async function* blobChunks(blob: Blob, chunkBytes = 4 * 1024 * 1024): AsyncIterable<Uint8Array> {
  for (let offset = 0; offset < blob.size; offset += chunkBytes) {
    yield new Uint8Array(await blob.slice(offset, Math.min(offset + chunkBytes, blob.size)).arrayBuffer());
  }
}

/** A stored evidence file's bytes in pieces, decrypted first when the app lock keeps it encrypted. */
async function* storedChunks(db: FieldworkDatabase, row: BlobRow): AsyncIterable<Uint8Array> {
  yield* blobChunks(await db.atRest.evidenceBytes(row));
}

/** The evidence files the engagements point at (deleted evidence records too: their files are kept). */
async function evidenceFiles(
  db: FieldworkDatabase,
  engagements: PackageEngagement[],
): Promise<EvidenceFileInput[]> {
  const byHash = new Map<string, { fileName: string; mediaType: string }>();
  for (const e of engagements) {
    for (const record of e.snapshot.evidence) {
      for (const v of record.versions) {
        if (!byHash.has(v.sha256)) byHash.set(v.sha256, { fileName: v.fileName, mediaType: v.mediaType });
      }
    }
  }
  const hashes = [...byHash.keys()].sort();
  const rows = await db.blobs.bulkGet(hashes);
  return hashes.map((sha256, i) => {
    const row = rows[i];
    const info = byHash.get(sha256) ?? { fileName: '', mediaType: '' };
    if (!row) {
      throw new ValidationError(
        `The file “${info.fileName}” is missing from this computer's evidence store, so the engagement cannot be exported completely.`,
        {},
      );
    }
    return { sha256, size: row.size, ...info, read: () => storedChunks(db, row) };
  });
}

export interface PackageRequest {
  kind: PackageKind;
  /** One engagement for `engagement` and `reviewer-copy`; any number (or all) for `backup`. */
  engagementIds: readonly string[];
  actor: Actor;
  appVersion: string;
  now?: Date;
}

/** Everything a package writer needs, read from the database. */
export async function buildPackageInput(
  db: FieldworkDatabase,
  repo: Repository,
  request: PackageRequest,
): Promise<WritePackageInput> {
  if (request.kind !== 'backup' && request.engagementIds.length !== 1) {
    throw new Error('An engagement file holds exactly one engagement.');
  }
  if (request.kind === 'engagement') {
    const id = request.engagementIds[0] ?? '';
    const copy = await readOnlyCopy(db, id);
    if (copy) {
      throw new ValidationError(
        'This is a read-only reviewer copy: it can be passed on only as another reviewer copy, never as a file to merge.',
        {},
      );
    }
  }
  const engagements: PackageEngagement[] = [];
  for (const id of request.engagementIds) engagements.push(await readPackageEngagement(db, repo, id));
  const backup = request.kind === 'backup';
  return {
    kind: request.kind,
    app: { name: 'Fieldwork', version: request.appVersion },
    exportedAt: (request.now ?? new Date()).toISOString(),
    exportedBy: { id: request.actor.id, name: request.actor.name },
    sourceNode: await repo.node(),
    schemaVersion: LATEST_SCHEMA_VERSION,
    engagements,
    evidence: await evidenceFiles(db, engagements),
    ...(backup ? { profiles: await db.profiles.toArray(), settings: await db.settings.toArray() } : {}),
  };
}

/** Every engagement on this computer that a backup holds (deleted ones are left out). */
export async function backupEngagementIds(db: FieldworkDatabase): Promise<string[]> {
  const all = await db.engagements.toArray();
  return all.filter((e) => !e.deleted).map((e) => e.id);
}

export async function recordBackup(db: FieldworkDatabase, at: string): Promise<void> {
  await db.meta.put({ key: LAST_BACKUP_KEY, value: at });
}

// ---------------------------------------------------------------------------------------------------------
// Import: the plan shown in the preview

export type ImportAction =
  /** Not on this computer: added as it is. */
  | 'new'
  /** On this computer: three-way merge. */
  | 'merge'
  /** A reviewer copy: added locked. */
  | 'reviewer-copy'
  /** A newer reviewer copy (or the editable engagement) replaces the read-only copy stored here. */
  | 'replace-copy'
  /** Nothing to do: this computer already has everything in the file. */
  | 'up-to-date'
  | 'refused';

export interface EngagementImportPlan {
  id: string;
  name: string;
  action: ImportAction;
  /** Why the engagement is refused, or a note for the preview. */
  reason?: string;
  merge?: MergePlan;
  /** The file's engagement as it came. */
  incoming: PackageEngagement;
  /** Audit events of the other copies that this computer does not have yet. */
  newEvents: AuditEvent[];
  newHeads: ChainHead[];
  /** Evidence files not stored here yet. */
  newEvidence: string[];
}

export interface ImportPlan {
  kind: PackageKind;
  engagements: EngagementImportPlan[];
  /** Backups: profiles not on this computer. */
  newProfiles: number;
}

/** Which stored engagements the chains of a file continue, and which of their events are new here. */
async function newChainEvents(
  db: FieldworkDatabase,
  incoming: PackageEngagement,
): Promise<{ events: AuditEvent[]; heads: ChainHead[] } | { refused: string }> {
  const events: AuditEvent[] = [];
  const heads: ChainHead[] = [];
  const byChain = new Map<string, AuditEvent[]>();
  for (const e of incoming.auditEvents) {
    const list = byChain.get(e.chain) ?? [];
    list.push(e);
    byChain.set(e.chain, list);
  }
  for (const head of incoming.chainHeads) {
    const list = (byChain.get(head.chain) ?? []).sort((a, b) => a.seq - b.seq);
    const local = await db.chainHeads.get(head.chain);
    if (!local) {
      events.push(...list);
      heads.push({ chain: head.chain, seq: head.seq, hash: head.hash, imported: true });
      continue;
    }
    const atLocalSeq = (seq: number) => list.find((e) => e.seq === seq);
    if (head.seq <= local.seq) {
      const ours = await db.auditEvents.get([head.chain, head.seq]);
      if (head.seq > 0 && ours?.hash !== head.hash) return { refused: divergedMessage(head.chain) };
      continue; // this computer already has all of that chain
    }
    if (!local.imported) {
      return {
        refused:
          'The file holds newer events of this computer’s own audit trail than this computer has. Was this computer restored from an older backup? Restore the latest backup first.',
      };
    }
    if (local.seq > 0 && atLocalSeq(local.seq)?.hash !== local.hash) {
      return { refused: divergedMessage(head.chain) };
    }
    events.push(...list.filter((e) => e.seq > local.seq));
    heads.push({ chain: head.chain, seq: head.seq, hash: head.hash, imported: true });
  }
  return { events, heads };
}

function divergedMessage(chain: string): string {
  return `The audit trail ${chain.includes('~') ? 'of another copy ' : ''}in the file does not continue the one stored on this computer, so one of them was changed. Nothing was imported.`;
}

/** Plans the import of a verified package: what happens to each engagement, with the merge conflicts. */
export async function planImport(
  db: FieldworkDatabase,
  repo: Repository,
  pkg: VerifiedPackage,
): Promise<ImportPlan> {
  const plans: EngagementImportPlan[] = [];
  const storedHashes = new Set(
    (await db.blobs.bulkGet([...pkg.evidence.keys()])).flatMap((row) => (row ? [row.sha256] : [])),
  );
  for (const incoming of pkg.engagements) {
    const { engagement } = incoming.snapshot;
    const name = `${engagement.serviceOrganization} — ${engagement.systemName}`;
    const base = {
      id: engagement.id,
      name,
      incoming,
      newEvents: [] as AuditEvent[],
      newHeads: [] as ChainHead[],
      newEvidence: [
        ...new Set(incoming.snapshot.evidence.flatMap((e) => e.versions.map((v) => v.sha256))),
      ].filter((h) => !storedHashes.has(h)),
    };
    const local = await db.engagements.get(engagement.id);
    const copy = local ? await readOnlyCopy(db, engagement.id) : undefined;
    if (pkg.manifest.kind === 'reviewer-copy' && local && !copy) {
      plans.push({
        ...base,
        action: 'refused',
        reason:
          'This computer already has this engagement to work on. A reviewer copy is read-only and cannot be merged into it; ask for an engagement file instead.',
      });
      continue;
    }
    if (!local || copy) {
      plans.push({
        ...base,
        newEvents: incoming.auditEvents,
        newHeads: incoming.chainHeads.map((h) => ({ ...h, imported: true })),
        action: copy ? 'replace-copy' : pkg.manifest.kind === 'reviewer-copy' ? 'reviewer-copy' : 'new',
        ...(copy ? { reason: 'Replaces the read-only reviewer copy stored on this computer.' } : {}),
      });
      continue;
    }
    const chains = await newChainEvents(db, incoming);
    if ('refused' in chains) {
      plans.push({ ...base, action: 'refused', reason: chains.refused });
      continue;
    }
    const mine = await loadSnapshot(db, engagement.id);
    if (!mine) {
      plans.push({ ...base, action: 'refused', reason: 'This engagement was deleted on this computer.' });
      continue;
    }
    const merge = planMerge({
      mine,
      theirs: incoming.snapshot,
      mineSeen: await knowledgeOf(db, repo, engagement.id),
      theirsSeen: incoming.seen,
    });
    const nothingNew =
      merge.conflicts.length === 0 &&
      merge.summary.added === 0 &&
      merge.summary.updated === 0 &&
      chains.events.length === 0;
    if (!nothingNew && mine.engagement.lock) {
      plans.push({
        ...base,
        action: 'refused',
        reason:
          'This engagement is locked on this computer (documentation assembled): changes from a file cannot be merged into it. Only dated addenda can be added.',
      });
      continue;
    }
    plans.push({
      ...base,
      newEvents: chains.events,
      newHeads: chains.heads,
      merge,
      action: nothingNew ? 'up-to-date' : 'merge',
    });
  }
  const localProfiles = new Set((await db.profiles.toArray()).map((p) => p.id));
  return {
    kind: pkg.manifest.kind,
    engagements: plans,
    newProfiles: pkg.profiles.filter((p) => !localProfiles.has(p.id)).length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Import: the one transaction

export interface ImportChoices {
  /** Per engagement id: the resolution of every merge conflict. */
  resolutions: Readonly<Record<string, Readonly<Record<string, Resolution>>>>;
  /** The file's name, recorded with every merged change. */
  fileName: string;
  /** Turns a verified evidence file into a Blob to store (a slice of the opened file when possible). */
  evidenceBlob(evidence: PackageEvidence): Promise<Blob>;
}

export interface ImportResult {
  engagements: { id: string; name: string; action: ImportAction; changedRecords: number }[];
  evidenceAdded: number;
}

const TABLE_OF = (table: MergeTable): TableName => (table === 'engagement' ? 'engagements' : table);
const ENTITY_OF = (table: MergeTable): EntityName =>
  (table === 'engagement' ? 'engagement' : SNAPSHOT_TABLE_ENTITIES[table]) as EntityName; // the map names entities

interface Write {
  table: TableName;
  record: Fields;
  /** The stored version it replaces (checked unchanged in the transaction). */
  before?: Fields;
}

/**
 * Writes the planned import: records, evidence, the other copies' audit events, the merge's own audit
 * events, merge knowledge and copy flags — all in one transaction, or nothing.
 */
export async function applyImport(
  db: FieldworkDatabase,
  repo: Repository,
  pkg: VerifiedPackage,
  plan: ImportPlan,
  choices: ImportChoices,
  actor: Actor,
): Promise<ImportResult> {
  if (!actor.id) throw new Error('No auditor is signed in; choose a profile first.');
  const active = plan.engagements.filter((p) => p.action !== 'refused' && p.action !== 'up-to-date');
  // Evidence first: Blobs are made outside the transaction (it would commit while we wait).
  const hashes = [...new Set(active.flatMap((p) => p.newEvidence))];
  const blobs: BlobRow[] = [];
  const storedAt = new Date().toISOString();
  for (const sha256 of hashes) {
    const evidence = pkg.evidence.get(sha256);
    if (!evidence) throw new ValidationError(`The file lacks the evidence file ${sha256.slice(0, 12)}….`, {});
    // Encrypted here when the app lock is on (WebCrypto cannot run inside the transaction either).
    blobs.push(await repo.db.atRest.evidenceRow(sha256, await choices.evidenceBlob(evidence), storedAt));
  }
  return repo.exclusive(async () => {
    const writes: Write[] = [];
    const removals: { table: TableName; id: string }[] = [];
    const clears: string[] = []; // read-only copies replaced: every row of the engagement goes first
    const meta: MetaRow[] = [];
    const foreignEvents: AuditEvent[] = [];
    const foreignHeads: ChainHead[] = [];
    const logged: { engagementId: string; entity: EntityName; before?: Fields; after: Fields }[] = [];
    const results: ImportResult['engagements'] = [];
    const merges: { p: EngagementImportPlan; outcome: ReturnType<MergePlan['resolve']> }[] = [];
    let restamps = 0;
    for (const p of active) {
      if (p.action === 'merge' && p.merge) {
        const outcome = p.merge.resolve(choices.resolutions[p.id] ?? {});
        merges.push({ p, outcome });
        restamps += outcome.changed.length;
      }
    }
    const { stamps, state } = await repo.allocateStamps(restamps);
    const at = new Date().toISOString();
    let next = 0;
    for (const p of active) {
      foreignEvents.push(...p.newEvents);
      foreignHeads.push(...p.newHeads);
      if (p.action !== 'merge') {
        if (p.action === 'replace-copy') clears.push(p.id);
        for (const [table, rows] of snapshotRows(p.incoming.snapshot)) {
          for (const record of rows) writes.push({ table, record });
        }
        meta.push({ key: seenKey(p.id), value: p.incoming.seen });
        if (p.action === 'reviewer-copy' || (p.action === 'replace-copy' && plan.kind === 'reviewer-copy')) {
          const flag: CopyFlag = {
            kind: 'reviewer-copy',
            exportedBy: pkg.manifest.exportedBy.name,
            exportedAt: pkg.manifest.exportedAt,
            importedAt: at,
            fileName: choices.fileName,
          };
          meta.push({ key: copyFlagKey(p.id), value: flag });
        }
        results.push({
          id: p.id,
          name: p.name,
          action: p.action,
          changedRecords: countRows(p.incoming.snapshot),
        });
      }
    }
    for (const { p, outcome } of merges) {
      for (const changed of outcome.changed) {
        const stamp = stamps[next] ?? '';
        next += 1;
        const clocks = { ...(changed.result.fieldClocks ?? {}) };
        for (const path of changed.restampPaths) clocks[path] = stamp;
        const mineRev = changed.mine?.rev ?? 0;
        const record: Fields = {
          ...changed.result,
          rev: Math.max(mineRev, changed.result.rev) + 1,
          updatedAt: at,
          updatedBy: actor.id,
          clock: stamp,
          fieldClocks: clocks,
        };
        const entity = ENTITY_OF(changed.table);
        const parsed = ENTITIES[entity].schema.safeParse(record);
        if (!parsed.success) throw ValidationError.fromZod(parsed.error, ENTITIES[entity].label);
        const table = TABLE_OF(changed.table);
        writes.push({ table, record: parsed.data, ...(changed.mine ? { before: changed.mine } : {}) });
        logged.push({
          engagementId: p.id,
          entity,
          ...(changed.mine ? { before: changed.mine } : {}),
          after: parsed.data,
        });
      }
      for (const gone of outcome.absorbed) removals.push({ table: TABLE_OF(gone.table), id: gone.id });
      meta.push({ key: seenKey(p.id), value: outcome.seen });
      results.push({ id: p.id, name: p.name, action: 'merge', changedRecords: outcome.changed.length });
    }
    for (const p of plan.engagements) {
      if (p.action === 'refused' || p.action === 'up-to-date') {
        results.push({ id: p.id, name: p.name, action: p.action, changedRecords: 0 });
      }
    }
    // The merge's own events, in this copy's chain of each engagement, hashed before the transaction.
    const nodeId = await repo.node();
    const reason = `Merged from “${choices.fileName}” (exported by ${pkg.manifest.exportedBy.name} on ${pkg.manifest.exportedAt.slice(0, 10)})`;
    const localHeads = new Map<string, ChainHead>();
    const writeChains = new Map<string, string>(); // engagement id -> this copy's chain
    const localEvents: AuditEvent[] = [];
    for (const entry of logged) {
      const changes = diffRecords(entry.before, entry.after);
      // A choice that kept this copy's values changes only the merge's bookkeeping: nothing to log.
      if (Object.keys(changes).length === 0) continue;
      const chain =
        writeChains.get(entry.engagementId) ?? (await writeChainOf(db, entry.engagementId, nodeId));
      writeChains.set(entry.engagementId, chain);
      let head = localHeads.get(chain);
      if (!head) {
        head = (await db.chainHeads.get(chain)) ?? { chain, seq: 0, hash: GENESIS_HASH };
        if (foreignHeads.some((h) => h.chain === chain)) throw new ConflictError();
        localHeads.set(chain, head);
      }
      const unhashed: UnhashedAuditEvent = {
        chain,
        seq: head.seq + 1,
        at,
        actor: actor.id,
        actorName: actor.name,
        entity: entry.entity,
        entityId: String(entry.after.id),
        op: entry.before ? (entry.before.deleted && !entry.after.deleted ? 'restore' : 'update') : 'create',
        changes,
        reason,
        prevHash: head.hash,
      };
      const hash = await hashAuditEvent(unhashed);
      localEvents.push({ ...unhashed, hash });
      localHeads.set(chain, { chain, seq: unhashed.seq, hash, ...(head.imported ? { imported: true } : {}) });
    }
    const startHeads = new Map<string, ChainHead | undefined>();
    for (const chain of [...localHeads.keys(), ...foreignHeads.map((h) => h.chain)]) {
      if (!startHeads.has(chain)) startHeads.set(chain, await db.chainHeads.get(chain));
    }
    for (const chain of localHeads.keys()) {
      const start = startHeads.get(chain);
      const first = localEvents.find((e) => e.chain === chain);
      if (first && first.prevHash !== (start?.hash ?? GENESIS_HASH)) throw new ConflictError();
    }
    const added = await guardQuota(() =>
      db.transaction('rw', importTables(db), async () => {
        for (const [chain, start] of startHeads) {
          const now = await db.chainHeads.get(chain);
          if (now?.seq !== start?.seq || now?.hash !== start?.hash) throw new ConflictError(changedMeanwhile);
        }
        for (const w of writes) {
          if (!w.before) continue;
          const now = (await db.table(w.table).get(String(w.record.id))) as Fields | undefined;
          if (now?.rev !== w.before.rev) throw new ConflictError(changedMeanwhile);
        }
        for (const id of clears) await clearEngagement(db, id);
        for (const r of removals) await db.table(r.table).delete(r.id);
        // Records this copy already has first: a renumbered local record frees its number (a unique index)
        // before the other copy's record that now holds it is added.
        for (const w of writes) if (w.before) await db.table(w.table).put(w.record);
        for (const w of writes) if (!w.before) await db.table(w.table).put(w.record);
        let stored = 0;
        for (const b of blobs) {
          if ((await db.blobs.where('sha256').equals(b.sha256).count()) > 0) continue;
          await db.blobs.add(b);
          stored += 1;
        }
        await db.auditEvents.bulkAdd([...foreignEvents, ...localEvents]);
        await db.chainHeads.bulkPut([...foreignHeads, ...localHeads.values()]);
        if (pkg.manifest.kind === 'backup') {
          for (const profile of pkg.profiles) {
            if (!(await db.profiles.get(profile.id))) await db.profiles.put(profile);
          }
          if ((await db.settings.count()) === 0) await db.settings.bulkPut(pkg.settings);
        }
        if (pkg.manifest.kind === 'backup') {
          // What was just restored is in that backup: it is as recent as the backup.
          const last = (await db.meta.get(LAST_BACKUP_KEY))?.value;
          if (typeof last !== 'string' || last < pkg.manifest.exportedAt) {
            meta.push({ key: LAST_BACKUP_KEY, value: pkg.manifest.exportedAt });
          }
        }
        await db.meta.bulkPut(meta);
        if (restamps > 0) await db.meta.put({ key: CLOCK_KEY, value: state });
        return stored;
      }),
    );
    return { engagements: results, evidenceAdded: added };
  });
}

/** A full disk (or a broken unique rule) aborts the one transaction: nothing of the file is stored, and the message says so. */
async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const name = (error as { name?: string } | null)?.name ?? '';
    const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
    if (name === 'ConstraintError' || inner === 'ConstraintError') {
      throw new Error(
        'The file could not be imported: two records would share a number or reference that must be unique. Nothing was changed; please report this with the file.',
        { cause: error },
      );
    }
    if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
      throw new Error(
        'The disk is full: nothing from the file was imported. Free some space and open the file again.',
        { cause: error },
      );
    }
    throw error;
  }
}

const changedMeanwhile =
  'The engagement changed on this computer while the file was being merged. Open the file again to merge the latest state.';

function importTables(db: FieldworkDatabase) {
  const names = [...new Set(Object.values(ENTITIES).map((e) => e.table))];
  return [...names.map((n) => db.table(n)), db.blobs, db.auditEvents, db.chainHeads, db.meta];
}

function snapshotRows(snapshot: EngagementSnapshot): [TableName, Fields[]][] {
  return [
    ['engagements', [snapshot.engagement as unknown as Fields]], // a stored record
    ...SNAPSHOT_TABLES.map((t) => [t, snapshot[t] as unknown as Fields[]] as [TableName, Fields[]]), // each table's stored records
  ];
}

function countRows(snapshot: EngagementSnapshot): number {
  return 1 + SNAPSHOT_TABLES.reduce((n, t) => n + snapshot[t].length, 0);
}

/** Removes every row of a read-only copy before the newer copy is written (inside the import transaction). */
async function clearEngagement(db: FieldworkDatabase, engagementId: string): Promise<void> {
  for (const table of SNAPSHOT_TABLES)
    await db.table(table).where('engagementId').equals(engagementId).delete();
  await db.engagements.delete(engagementId);
  await engagementEventRange(db, engagementId).delete();
  await engagementChainHeads(db, engagementId).delete();
  await db.meta.delete(copyFlagKey(engagementId));
}
