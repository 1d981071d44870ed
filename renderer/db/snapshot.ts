/**
 * Reads an engagement into a snapshot (shared/domain/snapshot.ts): every table, tombstones included, or
 * only the tables a caller needs. Inside a Dexie transaction or a liveQuery it reads through that context.
 */
import {
  SNAPSHOT_TABLES,
  type EngagementSnapshot,
  type PartialSnapshot,
  type SnapshotTable,
} from '@shared/domain/snapshot';
import type { Engagement } from '@shared/domain/engagement';
import type { FieldworkDatabase } from './database';

export type RowReader = (table: SnapshotTable) => Promise<unknown[]>;

export function tableReader(db: FieldworkDatabase, engagementId: string): RowReader {
  return (table) => db.table(table).where('engagementId').equals(engagementId).toArray();
}

export async function readSnapshot(
  engagement: Engagement,
  read: RowReader,
  tables: readonly SnapshotTable[] = SNAPSHOT_TABLES,
): Promise<PartialSnapshot> {
  const rows = await Promise.all(tables.map((t) => read(t)));
  const snapshot: Record<string, unknown> = { engagement };
  tables.forEach((t, i) => {
    snapshot[t] = rows[i];
  });
  return snapshot as PartialSnapshot; // each table holds that table's stored records
}

/** The whole engagement; `undefined` when it does not exist (or is deleted). */
export async function loadSnapshot(
  db: FieldworkDatabase,
  engagementId: string,
): Promise<EngagementSnapshot | undefined> {
  const engagement = await db.engagements.get(engagementId);
  if (!engagement || engagement.deleted) return undefined;
  return (await readSnapshot(engagement, tableReader(db, engagementId))) as EngagementSnapshot; // all tables read
}
