/** Read helpers over the database. Components read through these inside `useLiveQuery`. */
import { verifyAuditChain, type AuditEvent, type AuditVerification } from '@shared/domain/audit';
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

export function auditEvents(db: FieldworkDatabase, chain: string): Promise<AuditEvent[]> {
  return db.auditEvents.where('[chain+seq]').between([chain, 0], [chain, Infinity]).toArray();
}

/** Verifies an engagement's (or the local) audit chain against its stored head. */
export async function verifyChain(db: FieldworkDatabase, chain: string): Promise<AuditVerification> {
  const [events, head] = await Promise.all([auditEvents(db, chain), db.chainHeads.get(chain)]);
  return verifyAuditChain(events, head ?? null);
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
