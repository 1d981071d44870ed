/**
 * The IndexedDB schema, append-only: never edit a published version, add a new one below it with a named
 * upgrade function and a test in test/renderer/migrations.test.ts that seeds the previous version, opens
 * the new one and checks the rows. Index only the fields that are queried.
 */
import type { Dexie, Transaction } from 'dexie';
import { defaultReportSettings } from '@shared/domain/engagement/report-settings';

export interface SchemaVersion {
  version: number;
  /** What changed, for the reader of this file. */
  description: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
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
    upgrade: async (tx) => {
      await tx
        .table('engagements')
        .toCollection()
        .modify((e: Record<string, unknown>) => {
          e.signOffLevels ??= ['preparer', 'reviewer'];
          e.release ??= null;
          e.lock ??= null;
          e.unlocks ??= [];
        });
    },
  },
  {
    version: 5,
    description:
      "exports: engagements get the report settings (opinion, basis, addressee, city, section IV order, the firm's template wording)",
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('engagements')
        .toCollection()
        .modify((e: Record<string, unknown>) => {
          e.report ??= defaultReportSettings();
        });
    },
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
