/** The local database: one IndexedDB per app origin holding every engagement on this machine. */
import { Dexie, type Table } from 'dexie';
import type { AuditEvent, ChainHead } from '@shared/domain/audit';
import type { CriterionScope, Engagement } from '@shared/domain/engagement';
import type {
  Control,
  Csoc,
  DescriptionSection,
  Request,
  SubserviceOrg,
  UserEntityControl,
} from '@shared/domain/planning';
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
  controls!: Table<Control, string>;
  subserviceOrgs!: Table<SubserviceOrg, string>;
  csocs!: Table<Csoc, string>;
  userEntityControls!: Table<UserEntityControl, string>;
  requests!: Table<Request, string>;
  descriptionSections!: Table<DescriptionSection, string>;
  auditEvents!: Table<AuditEvent, [string, number]>;
  chainHeads!: Table<ChainHead, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string = DEFAULT_DB_NAME, upTo: number = LATEST_SCHEMA_VERSION) {
    super(name);
    applySchema(this, upTo);
  }
}
