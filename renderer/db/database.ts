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
import type {
  ControlException,
  ControlTest,
  Evidence,
  Interview,
  SampleItem,
  Tickmark,
  Walkthrough,
} from '@shared/domain/fieldwork';
import type { FirmSettings } from '@shared/domain/settings';
import type { Addendum, ReviewNote, SignOff } from '@shared/domain/review';
import type { Profile } from '@shared/domain/profile';
import { applySchema, LATEST_SCHEMA_VERSION } from './schema';
import { atRestMiddleware } from './at-rest/middleware';
import { AtRestSession } from './at-rest/session';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** The bytes of an evidence file, stored once per hash whatever the number of records pointing at it. */
export interface BlobRow {
  sha256: string;
  blob: Blob;
  /** Size of the file itself (not of its encrypted form). */
  size: number;
  storedAt: string;
  /** 1 when `blob` holds the file encrypted under the app lock (read it through `atRest.evidenceBytes`). */
  sealed?: 1;
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
  evidence!: Table<Evidence, string>;
  blobs!: Table<BlobRow, string>;
  interviews!: Table<Interview, string>;
  walkthroughs!: Table<Walkthrough, string>;
  tests!: Table<ControlTest, string>;
  sampleItems!: Table<SampleItem, string>;
  exceptions!: Table<ControlException, string>;
  tickmarks!: Table<Tickmark, string>;
  settings!: Table<FirmSettings, string>;
  signOffs!: Table<SignOff, string>;
  reviewNotes!: Table<ReviewNote, string>;
  addenda!: Table<Addendum, string>;
  auditEvents!: Table<AuditEvent, [string, number]>;
  chainHeads!: Table<ChainHead, string>;
  meta!: Table<MetaRow, string>;
  /** The app lock: data key, configuration, migration (docs/app-lock.md). */
  readonly atRest: AtRestSession;

  constructor(name: string = DEFAULT_DB_NAME, upTo: number = LATEST_SCHEMA_VERSION) {
    super(name);
    applySchema(this, upTo);
    this.atRest = new AtRestSession(this);
    // Installed before the first open, so no read or write ever passes around it.
    this.use(atRestMiddleware(this.atRest));
  }
}
