/**
 * The IndexedDB schema, append-only: never edit a published version, add a new one below it with a named
 * upgrade function and a test in test/renderer/migrations.test.ts that seeds the previous version, opens
 * the new one and checks the rows. Index only the fields that are queried.
 */
import type { Dexie, Transaction } from 'dexie';
import { RECORD_UPGRADES, type StoredRecord } from '@shared/domain/upgrades';

export interface SchemaVersion {
  version: number;
  /** What changed, for the reader of this file. */
  description: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * A Dexie upgrade that runs the pure record upgrades of `version` (shared/domain/upgrades.ts, which the
 * exchange codec also runs over records from older files) over every row of each store they name.
 */
function upgradeRecordsTo(version: number): (tx: Transaction) => Promise<void> {
  return async (tx) => {
    for (const [store, upgrade] of Object.entries(RECORD_UPGRADES[version] ?? {})) {
      await tx
        .table(store)
        .toCollection()
        .modify((row: StoredRecord) => upgrade(row));
    }
  };
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    description: 'profiles, engagements, criterion scoping, hash-chained audit events with chain heads, meta',
    stores: {
      profiles: 'id, updatedAt',
      engagements: 'id, updatedAt',
      criterionScopes: 'id, engagementId, &[engagementId+criterionId]',
      auditEvents: '[chain+seq], entityId',
      chainHeads: 'chain',
      meta: 'key',
    },
  },
  {
    version: 2,
    description:
      'planning: controls, subservice organizations, CSOCs, user entity controls, requests (number unique per engagement, tombstones included), description sections (one per key)',
    stores: {
      controls: 'id, engagementId',
      subserviceOrgs: 'id, engagementId',
      csocs: 'id, engagementId',
      userEntityControls: 'id, engagementId',
      requests: 'id, engagementId, &[engagementId+number]',
      descriptionSections: 'id, engagementId, &[engagementId+key]',
    },
  },
  {
    version: 3,
    description:
      'fieldwork: evidence records and their file bytes (blobs, one row per SHA-256), interviews, walkthroughs, tests of controls, sample items, exceptions (number unique per engagement), tickmark legend; firm settings',
    stores: {
      evidence: 'id, engagementId',
      blobs: 'sha256',
      interviews: 'id, engagementId',
      walkthroughs: 'id, engagementId',
      tests: 'id, engagementId, controlId',
      sampleItems: 'id, engagementId, testId',
      exceptions: 'id, engagementId, testId, &[engagementId+number]',
      tickmarks: 'id, engagementId',
      settings: 'id',
    },
  },
  {
    version: 4,
    description:
      'review: sign-offs (by workpaper), review notes (number unique per engagement), addenda; engagements get sign-off levels, release, lock and unlock history',
    stores: {
      signOffs: 'id, engagementId, workpaper',
      reviewNotes: 'id, engagementId, workpaper, &[engagementId+number]',
      addenda: 'id, engagementId, &[engagementId+number]',
    },
    upgrade: upgradeRecordsTo(4),
  },
  {
    version: 5,
    description:
      "exports: engagements get the report settings (opinion, basis, addressee, city, section IV order, the firm's template wording)",
    stores: {},
    upgrade: upgradeRecordsTo(5),
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

/** Declares every version up to `upTo` on `db` (tests open older versions to seed them). */
export function applySchema(db: Dexie, upTo: number = LATEST_SCHEMA_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}
