/**
 * The one write path for Fieldwork data. `mutate()` validates each record, bumps its revision, stamps
 * who/when and the logical clock, refuses writes to locked engagements, and appends one hash-chained
 * audit event per change — records, events and chain heads in ONE Dexie transaction, so either all of a
 * change lands or none of it does. The UI never writes to Dexie directly.
 *
 * Hashing uses WebCrypto, which is asynchronous and would let an IndexedDB transaction auto-commit while
 * it waits. So a mutation runs in three steps: read and plan (read-only transaction), hash (no
 * transaction), then write in one read-write transaction that first re-checks that nothing it read has
 * changed (chain heads, record revisions) and retries from the start if something did.
 */
import { Dexie } from 'dexie';
import {
  diffRecords,
  GENESIS_HASH,
  hashAuditEvent,
  type AuditEvent,
  type AuditOp,
  type ChainHead,
  type UnhashedAuditEvent,
} from '@shared/domain/audit';
import { formatStamp, parseStamp, tick, type ClockState } from '@shared/domain/clock';
import { canonicalJson } from '@shared/domain/canonical-json';
import { changedPaths, flattenRecord } from '@shared/domain/records';
import { ConflictError, NotFoundError, ValidationError } from '@shared/domain/errors';
import { copyFlagKey, writeChainOf, type CopyFlag } from './chains';
import { uuidv7 } from '@shared/domain/ids';
import type { Engagement } from '@shared/domain/engagement';
import type { SnapshotTable } from '@shared/domain/snapshot';
import type { BlobRow, FieldworkDatabase } from './database';
import { ALL_TABLES, ENTITIES, LOCAL_CHAIN, type EntityDefinition, type EntityName } from './entities';
import { checkEngagementRules, checkFirmSettingsRules } from './guards';

/** Who is making the change: the signed-in profile. */
export interface Actor {
  id: string;
  name: string;
  /**
   * Why, when the engagement's report is already released (the assembly window): every change then
   * needs one, and the audit event records it. Ignored before release.
   */
  reason?: string;
}

type Fields = Record<string, unknown>;

/** File bytes written with the records that point at them (evidence), in the same transaction. */
export interface BlobWrite {
  sha256: string;
  blob: Blob;
}

export interface MutateOptions {
  /** Stored only when no row holds the hash yet: the same bytes are kept once. */
  blobs?: readonly BlobWrite[];
}

export type Mutation =
  | { entity: EntityName; op: 'create'; fields: Fields; id?: string }
  | { entity: EntityName; op: 'update'; id: string; patch: Fields; expectedRev?: number }
  | { entity: EntityName; op: 'delete' | 'restore'; id: string };

const MAX_ATTEMPTS = 8;

interface Planned {
  entity: EntityName;
  before: Fields | undefined;
  after: Fields;
  event: UnhashedAuditEvent;
}

class RetryError extends Error {}

export class Repository {
  private clock: ClockState = { wallMs: 0, counter: 0 };
  private nodeId: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly db: FieldworkDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Applies the mutations atomically and returns the written records, in order. Calls from this window
   * run one after another (a queue), so only another window or tab can make a write retry.
   */
  mutate(mutations: readonly Mutation[], actor: Actor, options: MutateOptions = {}): Promise<Fields[]> {
    const run = this.queue.then(() => this.mutateNow(mutations, actor, options.blobs ?? []));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async mutateNow(
    mutations: readonly Mutation[],
    actor: Actor,
    blobs: readonly BlobWrite[],
  ): Promise<Fields[]> {
    if (mutations.length === 0) return [];
    if (!actor.id) throw new Error('No auditor is signed in; choose a profile first.');
    const nodeId = await this.getNodeId();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const { planned, heads, deferred } = await this.plan(mutations, actor, nodeId);
      for (const check of deferred) await check(); // rules that hash (sign-offs, release)
      const events = await this.hashEvents(planned, heads);
      // Evidence is encrypted (app lock on) before the transaction: WebCrypto cannot run inside one.
      const rows = await this.evidenceRows(blobs);
      try {
        await this.write(planned, events, heads, rows);
        return planned.map((p) => p.after);
      } catch (error) {
        if (error instanceof RetryError) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
          continue;
        }
        throw unwrap(error);
      }
    }
    throw new ConflictError('Fieldwork could not save because the data kept changing. Try again.');
  }

  private tables() {
    const { db } = this;
    // Only tables this database declares: tests open older schema versions to seed them.
    const declared = new Set(db.tables.map((t) => t.name));
    const tables = ALL_TABLES.filter((name) => declared.has(name)).map((name) => db.table(name));
    const extra = declared.has('blobs') ? [db.blobs] : [];
    return [...tables, ...extra, db.auditEvents, db.chainHeads, db.meta];
  }

  private async plan(mutations: readonly Mutation[], actor: Actor, nodeId: string) {
    return this.db.transaction('r', this.tables(), async () => {
      const planned: Planned[] = [];
      const deferred: (() => Promise<void>)[] = [];
      const heads = new Map<string, ChainHead>();
      const pending = new Map<string, Fields>(); // records already changed earlier in this batch
      const pendingByTable = new Map<string, Map<string, Fields>>();
      const uniques = new Map<string, UniqueIndex>(); // per entity and engagement
      const at = this.now().toISOString();
      await this.loadClock();
      const chains = new Map<string, string>(); // engagement id -> the chain this copy writes
      for (const m of mutations) {
        const def = ENTITIES[m.entity];
        const table = this.db.table(def.table);
        const key = `${m.entity}:${m.op === 'create' ? (m.id ?? '') : m.id}`;
        const before: Fields | undefined =
          m.op === 'create' ? undefined : (pending.get(key) ?? (await table.get(m.id)));
        if (m.op !== 'create' && !before) throw new NotFoundError(def.label);
        if (m.op === 'update' && m.expectedRev !== undefined && before?.rev !== m.expectedRev) {
          throw new ConflictError();
        }
        this.clock = tick(this.clock, Date.parse(at));
        const id = m.op === 'create' ? (m.id ?? uuidv7()) : m.id;
        const content =
          m.op === 'create'
            ? { ...m.fields, createdAt: at, deleted: false }
            : m.op === 'update'
              ? { ...before, ...m.patch }
              : { ...before, deleted: m.op === 'delete' };
        const candidate: Fields = {
          ...content,
          id,
          ...(m.entity === 'engagement' ? { engagementId: id } : {}),
          rev: typeof before?.rev === 'number' ? before.rev + 1 : 1,
          updatedAt: at,
          updatedBy: actor.id,
          clock: formatStamp(this.clock, nodeId),
        };
        const parsed = def.schema.safeParse(candidate);
        if (!parsed.success) throw ValidationError.fromZod(parsed.error, def.label);
        const after: Fields = {
          ...parsed.data,
          fieldClocks: stampPaths(before, parsed.data, String(candidate.clock)),
        };
        let chain = LOCAL_CHAIN;
        if (def.engagementScoped) {
          const engagementId = String(after.engagementId);
          const known = chains.get(engagementId);
          if (known) chain = known;
          else {
            // Once per engagement and batch: a reviewer copy refuses writes; then the chain this copy writes.
            const copy = (await this.db.meta.get(copyFlagKey(engagementId)))?.value as CopyFlag | undefined;
            if (copy) throw new ValidationError(readOnlyCopyMessage(copy), {});
            chain = await writeChainOf(this.db, engagementId, nodeId);
            chains.set(engagementId, chain);
          }
        }
        let verdict: { postRelease: boolean; reason?: string } = { postRelease: false };
        if (def.engagementScoped) {
          const engagementId = String(after.engagementId);
          const checked = checkEngagementRules({
            entity: m.entity,
            op: m.op,
            before,
            after,
            actor,
            engagement: (pending.get(`engagement:${engagementId}`) ??
              (await this.db.engagements.get(engagementId))) as Engagement | undefined,
            rows: async (table: SnapshotTable) => {
              const stored = (await this.db
                .table(table)
                .where('engagementId')
                .equals(engagementId)
                .toArray()) as Fields[];
              const changed = pendingByTable.get(table);
              if (!changed) return stored;
              const merged = new Map(stored.map((r) => [String(r.id), r]));
              for (const [id, r] of changed) if (r.engagementId === engagementId) merged.set(id, r);
              return [...merged.values()];
            },
            profile: (id: string) => this.db.profiles.get(id),
          });
          // Awaited only when the rules had to read: see checkEngagementRules.
          // (Not `instanceof Promise`: inside a transaction Dexie swaps the global Promise for its own.)
          const { deferred: check, ...rest } = 'then' in checked ? await checked : checked;
          if (check) deferred.push(check);
          verdict = rest;
        }
        if (m.entity === 'firmSettings') {
          checkFirmSettingsRules(before, after, await this.db.profiles.get(actor.id));
        }
        if ('unique' in def) await this.checkUnique(m.entity, def, after, uniques);
        const changes = diffRecords(before, after);
        if (m.op === 'update' && Object.keys(changes).length === 0) continue; // nothing changed: no event
        if (!heads.has(chain)) {
          const head = await this.db.chainHeads.get(chain);
          heads.set(chain, head ?? { chain, seq: 0, hash: GENESIS_HASH });
        }
        const op: AuditOp = m.op;
        planned.push({
          entity: m.entity,
          before,
          after,
          event: {
            chain,
            seq: 0, // assigned when hashing, in batch order
            at,
            actor: actor.id,
            actorName: actor.name,
            entity: m.entity,
            entityId: id,
            op,
            changes,
            ...(verdict.postRelease
              ? { postRelease: true, ...(verdict.reason ? { reason: verdict.reason } : {}) }
              : {}),
            prevHash: '',
          },
        });
        pending.set(`${m.entity}:${id}`, after);
        const tableChanges = pendingByTable.get(def.table) ?? new Map<string, Fields>();
        tableChanges.set(id, after);
        pendingByTable.set(def.table, tableChanges);
      }
      return { planned, heads, deferred };
    });
  }

  /**
   * Refuses a value another record of the engagement already holds (a control reference, a request
   * number). The engagement's records are read once per batch and the index follows the batch's own
   * changes, so an import of 500 controls checks them against each other too. Concurrent writers are
   * caught by the chain-head check in `write()`: they retry and plan again.
   */
  private async checkUnique(
    entity: EntityName,
    def: EntityDefinition,
    after: Fields,
    uniques: Map<string, UniqueIndex>,
  ): Promise<void> {
    const rule = def.unique;
    if (!rule) return;
    const indexKey = `${entity}:${String(after.engagementId)}`;
    let index = uniques.get(indexKey);
    if (!index) {
      index = new UniqueIndex();
      const rows = (await this.db
        .table(def.table)
        .where('engagementId')
        .equals(String(after.engagementId))
        .toArray()) as Fields[];
      for (const row of rows) {
        if (!row.deleted || rule.includeDeleted) index.set(rule.key(row[rule.field]), String(row.id));
      }
      uniques.set(indexKey, index);
    }
    const id = String(after.id);
    index.remove(id); // its old value is free again (a rename, a delete)
    if (after.deleted && !rule.includeDeleted) return;
    const key = rule.key(after[rule.field]);
    if (!key) return;
    if (index.holder(key) !== undefined) {
      const message = rule.message(after[rule.field]);
      throw new ValidationError(message, { [rule.field]: message });
    }
    index.set(key, id);
  }

  private async hashEvents(planned: Planned[], heads: Map<string, ChainHead>): Promise<AuditEvent[]> {
    const tips = new Map([...heads].map(([chain, head]) => [chain, { ...head }]));
    const events: AuditEvent[] = [];
    for (const p of planned) {
      const tip = tips.get(p.event.chain);
      if (!tip) throw new Error(`missing chain head for ${p.event.chain}`);
      const unhashed: UnhashedAuditEvent = { ...p.event, seq: tip.seq + 1, prevHash: tip.hash };
      const hash = await hashAuditEvent(unhashed);
      events.push({ ...unhashed, hash });
      tip.seq = unhashed.seq;
      tip.hash = hash;
    }
    return events;
  }

  /** The rows to store for new evidence bytes; hashes already stored are skipped (the bytes are kept once). */
  private async evidenceRows(blobs: readonly BlobWrite[]): Promise<BlobRow[]> {
    const rows: BlobRow[] = [];
    const storedAt = this.now().toISOString();
    for (const b of blobs) {
      if ((await this.db.blobs.where('sha256').equals(b.sha256).count()) > 0) continue;
      rows.push(await this.db.atRest.evidenceRow(b.sha256, b.blob, storedAt));
    }
    return rows;
  }

  private async write(
    planned: Planned[],
    events: AuditEvent[],
    heads: Map<string, ChainHead>,
    blobs: readonly BlobRow[],
  ) {
    await this.db.transaction('rw', this.tables(), async () => {
      for (const [chain, head] of heads) {
        const current = (await this.db.chainHeads.get(chain)) ?? { chain, seq: 0, hash: GENESIS_HASH };
        if (current.seq !== head.seq || current.hash !== head.hash) throw new RetryError();
      }
      const seen = new Set<string>();
      for (const p of planned) {
        const key = `${p.entity}:${String(p.after.id)}`;
        if (seen.has(key)) continue; // only the first read of a record in the batch is from the store
        seen.add(key);
        const current = (await this.db.table(ENTITIES[p.entity].table).get(String(p.after.id))) as
          Fields | undefined; // rows of this table are records
        if ((current?.rev ?? 0) !== (p.before?.rev ?? 0)) throw new RetryError();
      }
      for (const b of blobs) {
        // A File is stored by reference to its bytes (IndexedDB copies them); an existing hash is kept.
        if ((await this.db.blobs.where('sha256').equals(b.sha256).count()) > 0) continue;
        await this.db.blobs.add(b);
      }
      for (const p of planned) await this.db.table(ENTITIES[p.entity].table).put(p.after);
      await this.db.auditEvents.bulkAdd(events);
      const tips = new Map<string, ChainHead>();
      for (const e of events) tips.set(e.chain, { chain: e.chain, seq: e.seq, hash: e.hash });
      await this.db.chainHeads.bulkPut([...tips.values()]);
      await this.db.meta.put({ key: CLOCK_KEY, value: { ...this.clock } });
    });
  }

  /**
   * Continues from the latest stamp this database ever wrote (kept in `meta`), so the stamps of this node
   * only ever grow — across restarts, windows and a wall clock set back. The merge relies on it: another
   * copy that has seen stamp S of this node assumes it has seen every earlier write of it.
   */
  private async loadClock(): Promise<void> {
    const stored = (await this.db.meta.get(CLOCK_KEY))?.value as ClockState | undefined;
    if (!stored || typeof stored.wallMs !== 'number' || typeof stored.counter !== 'number') return;
    if (
      stored.wallMs > this.clock.wallMs ||
      (stored.wallMs === this.clock.wallMs && stored.counter > this.clock.counter)
    ) {
      this.clock = { wallMs: stored.wallMs, counter: stored.counter };
    }
  }

  /** The newest stamp this database has written (what another copy that received all of it has seen). */
  async currentStamp(): Promise<string> {
    const nodeId = await this.getNodeId();
    await this.db.transaction('r', this.db.meta, () => this.loadClock());
    return formatStamp(this.clock, nodeId);
  }

  /**
   * Runs `task` in this window's write queue, so nothing else this window writes interleaves with it (the
   * import of a file: see `exchange.ts`).
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Advances the clock for `count` new writes and returns their stamps plus the state to store with them
   * (the caller writes `meta.clock` in its transaction). Only for `exclusive` tasks.
   */
  async allocateStamps(count: number): Promise<{ stamps: string[]; state: ClockState }> {
    const nodeId = await this.getNodeId();
    await this.db.transaction('r', this.db.meta, () => this.loadClock());
    const stamps: string[] = [];
    const nowMs = this.now().getTime();
    for (let i = 0; i < count; i += 1) {
      this.clock = tick(this.clock, nowMs);
      stamps.push(formatStamp(this.clock, nodeId));
    }
    return { stamps, state: { ...this.clock } };
  }

  /** This database's node id (the tie-breaker in clock stamps, and the name of its audit chains). */
  node(): Promise<string> {
    return this.getNodeId();
  }

  /** A stable random id for this database, the tie-breaker in clock stamps. */
  private async getNodeId(): Promise<string> {
    if (this.nodeId) return this.nodeId;
    const existing = await this.db.meta.get('nodeId');
    if (typeof existing?.value === 'string') {
      this.nodeId = existing.value;
      return existing.value;
    }
    const fresh = uuidv7().slice(-12);
    await this.db.transaction('rw', this.db.meta, async () => {
      const again = await this.db.meta.get('nodeId');
      if (typeof again?.value === 'string') this.nodeId = again.value;
      else {
        await this.db.meta.put({ key: 'nodeId', value: fresh });
        this.nodeId = fresh;
      }
    });
    return this.nodeId ?? fresh;
  }
}

export const CLOCK_KEY = 'clock';

function readOnlyCopyMessage(copy: CopyFlag): string {
  return `This is a read-only reviewer copy (exported by ${copy.exportedBy} on ${copy.exportedAt.slice(0, 10)}): it cannot be changed. Ask for an engagement file to work on it.`;
}

const sameValue = (a: unknown, b: unknown) =>
  a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

/**
 * The per-path clocks of a record after a write: every path the write changed (or, for a new record,
 * every path it has) gets this write's stamp. A record written before clocks existed first reads every
 * path as written at its last `clock`.
 */
function stampPaths(before: Fields | undefined, after: Fields, stamp: string): Record<string, string> {
  const clocks: Record<string, string> = {};
  if (before) {
    const old = before.fieldClocks as Record<string, string> | undefined; // validated by the entity schema
    if (old) Object.assign(clocks, old);
    else if (typeof before.clock === 'string' && parseStamp(before.clock)) {
      for (const path of flattenRecord(before).keys()) clocks[path] = before.clock;
    }
  }
  const paths = before ? changedPaths(before, after, sameValue) : [...flattenRecord(after).keys()];
  for (const path of paths) clocks[path] = stamp;
  return clocks;
}

/** Unique values of one entity in one engagement, both ways, so a record's old value is freed in O(1). */
class UniqueIndex {
  private readonly byKey = new Map<string, string>();
  private readonly byId = new Map<string, string>();

  set(key: string, id: string): void {
    if (!key) return; // empty values are not compared
    this.byKey.set(key, id);
    this.byId.set(id, key);
  }

  holder(key: string): string | undefined {
    return this.byKey.get(key);
  }

  remove(id: string): void {
    const key = this.byId.get(id);
    if (key === undefined) return;
    this.byId.delete(id);
    if (this.byKey.get(key) === id) this.byKey.delete(key);
  }
}

/** Dexie wraps errors thrown inside transactions; give callers back the original, readable error. */
function unwrap(error: unknown): unknown {
  if (error instanceof Dexie.ConstraintError) {
    return new ConflictError('This change conflicts with a record saved at the same time. Try again.');
  }
  if (error instanceof Dexie.QuotaExceededError) {
    return new Error(
      'The disk is full: Fieldwork could not save. Free some space and try again; nothing was lost.',
    );
  }
  if (error instanceof Dexie.DexieError && error.inner instanceof Error) return error.inner;
  return error;
}
