/**
 * Which audit chain a copy writes, and the marks a file import leaves in `meta`.
 *
 * An engagement's trail is one chain per copy that changed it: `E` on the laptop that created it, and
 * `E~<node id>` on every laptop that imported it from a file and then worked on it. Chains received in files
 * are stored as they came (`imported`), so each still verifies from its first event, and this copy never
 * appends to them.
 */
import { copyChainId, type AuditEvent } from '@shared/domain/audit';
import type { VersionVector } from '@shared/exchange/types';
import type { FieldworkDatabase } from './database';

/** The chain this database appends to for `engagementId`. */
export async function writeChainOf(
  db: FieldworkDatabase,
  engagementId: string,
  nodeId: string,
): Promise<string> {
  const origin = await db.chainHeads.get(engagementId);
  return origin?.imported ? copyChainId(engagementId, nodeId) : engagementId;
}

/** Every chain id of an engagement: `E` and `E~…` sort together. */
export function engagementChainRange(engagementId: string): [[string, number], [string, number]] {
  return [
    [engagementId, 0],
    [`${engagementId}~\uffff`, Infinity],
  ];
}

/** The heads of an engagement's chains (one per copy that changed it), as a collection to read or clear. */
export function engagementChainHeads(db: FieldworkDatabase, engagementId: string) {
  const [from, to] = engagementChainRange(engagementId);
  return db.chainHeads.where('chain').between(from[0], to[0], true, true);
}

/** The audit events of an engagement, every chain, in key order (chain, then position). */
export function engagementEventRange(db: FieldworkDatabase, engagementId: string) {
  const [from, to] = engagementChainRange(engagementId);
  return db.auditEvents.where('[chain+seq]').between(from, to, true, true);
}

/** All audit events of an engagement, every chain, oldest first (by time, then chain, then position). */
export async function engagementAuditEvents(
  db: FieldworkDatabase,
  engagementId: string,
): Promise<AuditEvent[]> {
  const events = await engagementEventRange(db, engagementId).toArray();
  return events.sort(byTime);
}

export function byTime(a: AuditEvent, b: AuditEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.chain !== b.chain) return a.chain < b.chain ? -1 : 1;
  return a.seq - b.seq;
}

/** A reviewer copy: imported locked, refused by every write, never merged back. */
export interface CopyFlag {
  kind: 'reviewer-copy';
  exportedBy: string;
  exportedAt: string;
  importedAt: string;
  fileName: string;
}

export const copyFlagKey = (engagementId: string) => `copy:${engagementId}`;

/** What this copy has merged from other copies (see shared/exchange/merge). */
export const seenKey = (engagementId: string) => `seen:${engagementId}`;

export async function storedSeen(db: FieldworkDatabase, engagementId: string): Promise<VersionVector> {
  const row = await db.meta.get(seenKey(engagementId));
  return (row?.value as VersionVector | undefined) ?? {};
}

export async function readOnlyCopy(
  db: FieldworkDatabase,
  engagementId: string,
): Promise<CopyFlag | undefined> {
  return (await db.meta.get(copyFlagKey(engagementId)))?.value as CopyFlag | undefined;
}

/** When the last backup of this database was written, and how often the user wants to be reminded. */
export const LAST_BACKUP_KEY = 'lastBackupAt';
export const BACKUP_REMINDER_KEY = 'backupReminderDays';
