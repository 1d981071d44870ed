/**
 * The database schema version the code works with, and the pure per-version upgrades of stored records.
 * The IndexedDB schema (renderer/db/schema.ts) runs these inside its version upgrades, and the exchange
 * codec runs the same ones over the records of a package made by an older version of Fieldwork, so a
 * record reads the same whether it came from an old database or from an old file.
 *
 * Append only: a new schema version adds an entry here (when its records change) and bumps
 * CURRENT_SCHEMA_VERSION; renderer/db/schema.ts declares the same versions.
 */
import { defaultReportSettings } from './engagement/report-settings';

/** The latest database schema version (renderer/db/schema.ts LATEST_SCHEMA_VERSION equals it). */
export const CURRENT_SCHEMA_VERSION = 5;

/** A stored record as plain data; upgrades only add fields, in place (as Dexie's `modify` does). */
export type StoredRecord = Record<string, unknown>;

/** Store (table) name -> what a version does to each of its records. */
export type RecordUpgrades = Readonly<Record<string, (record: StoredRecord) => void>>;

/** v4: engagements get sign-off levels, release, lock and unlock history. */
function upgradeEngagementV4(e: StoredRecord): void {
  e.signOffLevels ??= ['preparer', 'reviewer'];
  e.release ??= null;
  e.lock ??= null;
  e.unlocks ??= [];
}

/** v5: engagements get the report settings, with nothing chosen yet. */
function upgradeEngagementV5(e: StoredRecord): void {
  e.report ??= defaultReportSettings();
}

/** Schema version -> the record upgrades that version brings (versions without any are absent). */
export const RECORD_UPGRADES: Readonly<Record<number, RecordUpgrades>> = {
  4: { engagements: upgradeEngagementV4 },
  5: { engagements: upgradeEngagementV5 },
};

/**
 * A copy of `record` of `store`, as written at schema version `fromVersion`, upgraded to
 * CURRENT_SCHEMA_VERSION by every upgrade after `fromVersion`, in order.
 */
export function upgradeRecord(store: string, record: StoredRecord, fromVersion: number): StoredRecord {
  const copy = { ...record };
  for (let version = fromVersion + 1; version <= CURRENT_SCHEMA_VERSION; version += 1) {
    RECORD_UPGRADES[version]?.[store]?.(copy);
  }
  return copy;
}
