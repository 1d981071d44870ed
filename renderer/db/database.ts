/** The local database: one IndexedDB per app origin holding every engagement on this machine. */
import { Dexie, type Table } from 'dexie';
import type { AuditEvent, ChainHead } from '@shared/domain/audit';
import type { CriterionScope, Engagement } from '@shared/domain/engagement';
import type { Profile } from '@shared/domain/profile';
import { applySchema, LATEST_SCHEMA_VERSION } from './schema';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DEFAULT_DB_NAME = 'fieldwork';

export class FieldworkDatabase extends Dexie {
  profiles!: Table<Profile, string>;
  engagements!: Table<Engagement, string>;
  criterionScopes!: Table<CriterionScope, string>;
  auditEvents!: Table<AuditEvent, [string, number]>;
  chainHeads!: Table<ChainHead, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string = DEFAULT_DB_NAME, upTo: number = LATEST_SCHEMA_VERSION) {
    super(name);
    applySchema(this, upTo);
  }
}
