/** Read helpers over the database. Components read through these inside `useLiveQuery`. */
import {
  verifyAuditChain,
  type AuditEvent,
  type AuditVerification,
  type ChainHead,
} from '@shared/domain/audit';
import { engagementAuditEvents, engagementChainHeads } from './chains';
import type { CriterionScope, Engagement } from '@shared/domain/engagement';
import type { Profile } from '@shared/domain/profile';
import type { FieldworkDatabase } from './database';
import type { TableName } from './entities';

export async function listProfiles(db: FieldworkDatabase): Promise<Profile[]> {
  const all = await db.profiles.toArray();
  return all.filter((p) => !p.deleted).sort((a, b) => a.fullName.localeCompare(b.fullName));
}

export async function listEngagements(db: FieldworkDatabase): Promise<Engagement[]> {
  const all = await db.engagements.toArray();
  return all.filter((e) => !e.deleted);
}

export async function getEngagement(db: FieldworkDatabase, id: string): Promise<Engagement | undefined> {
  const e = await db.engagements.get(id);
  return e && !e.deleted ? e : undefined;
}

export function listCriterionScopes(db: FieldworkDatabase, engagementId: string): Promise<CriterionScope[]> {
  return db.criterionScopes.where('engagementId').equals(engagementId).toArray();
}

/**
 * Every audit event of an engagement — its own chain and the chains of the other copies merged into it —
 * oldest first (or of the machine-level `local` chain).
 */
export function auditEvents(db: FieldworkDatabase, engagementId: string): Promise<AuditEvent[]> {
  return engagementAuditEvents(db, engagementId);
}

/** The heads of an engagement's chains (one per copy that changed it), in chain order. */
export function chainHeadsOf(db: FieldworkDatabase, engagementId: string): Promise<ChainHead[]> {
  return engagementChainHeads(db, engagementId).toArray();
}

/**
 * Verifies each of an engagement's chains against its stored head: "intact, N events" for all of them, or
 * the first broken event with its chain. A chain whose head is gone counts as broken.
 */
export async function verifyChain(db: FieldworkDatabase, engagementId: string): Promise<AuditVerification> {
  const heads = await chainHeadsOf(db, engagementId);
  const events = await engagementAuditEvents(db, engagementId);
  const byChain = new Map<string, AuditEvent[]>();
  for (const e of events) {
    const list = byChain.get(e.chain);
    if (list) list.push(e);
    else byChain.set(e.chain, [e]);
  }
  const chains = [...new Set([...heads.map((h) => h.chain), ...byChain.keys()])].sort();
  let count = 0;
  for (const chain of chains) {
    const result = await verifyAuditChain(
      byChain.get(chain) ?? [],
      heads.find((h) => h.chain === chain) ?? { chain, seq: -1, hash: '' },
    );
    if (!result.ok) {
      return chains.length > 1
        ? { ...result, chain, message: `${result.message} (in ${chainLabel(chain)})` }
        : { ...result, chain };
    }
    count += result.count;
  }
  const copies = chains.length;
  return {
    ok: true,
    count,
    headHash: heads[heads.length - 1]?.hash ?? '',
    message: `Audit trail intact, ${count} event${count === 1 ? '' : 's'}${copies > 1 ? ` in ${copies} trails (one per copy that changed it)` : ''}`,
  };
}

/** How people read a chain id. */
export function chainLabel(chain: string): string {
  return chain.includes('~')
    ? `the trail of copy ${chain.slice(chain.indexOf('~') + 1)}`
    : 'the original trail';
}

/** The live (not deleted) records of one engagement in a planning table. */
export async function engagementRecords<T extends { deleted: boolean }>(
  db: FieldworkDatabase,
  table: Exclude<TableName, 'engagements' | 'profiles' | 'settings'>,
  engagementId: string,
  options: { includeDeleted?: boolean } = {},
): Promise<T[]> {
  const rows = (await db.table(table).where('engagementId').equals(engagementId).toArray()) as T[];
  return options.includeDeleted ? rows : rows.filter((r) => !r.deleted);
}
