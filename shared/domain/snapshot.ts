/**
 * Everything one engagement holds, as plain records: what the review rules, the exports and the exchange
 * codec work from. Tables are complete (tombstones included); readers filter `deleted` themselves.
 * Builders that need only some tables accept a `Partial` snapshot (see `WORKPAPER_TABLES`).
 */
import type { CriterionScope, Engagement } from './engagement';
import type {
  Control,
  Csoc,
  DescriptionSection,
  Request,
  SubserviceOrg,
  UserEntityControl,
} from './planning';
import type {
  ControlException,
  ControlTest,
  Evidence,
  Interview,
  SampleItem,
  Tickmark,
  Walkthrough,
} from './fieldwork';
import type { Addendum, ReviewNote, SignOff } from './review/schema';

export interface SnapshotTables {
  criterionScopes: CriterionScope[];
  controls: Control[];
  subserviceOrgs: SubserviceOrg[];
  csocs: Csoc[];
  userEntityControls: UserEntityControl[];
  requests: Request[];
  descriptionSections: DescriptionSection[];
  evidence: Evidence[];
  interviews: Interview[];
  walkthroughs: Walkthrough[];
  tests: ControlTest[];
  sampleItems: SampleItem[];
  exceptions: ControlException[];
  tickmarks: Tickmark[];
  signOffs: SignOff[];
  reviewNotes: ReviewNote[];
  addenda: Addendum[];
}

export type SnapshotTable = keyof SnapshotTables;

export interface EngagementSnapshot extends SnapshotTables {
  engagement: Engagement;
}

/** A snapshot holding only some tables (the others may be missing). */
export type PartialSnapshot = { engagement: Engagement } & Partial<SnapshotTables>;

export const SNAPSHOT_TABLES: readonly SnapshotTable[] = [
  'criterionScopes',
  'controls',
  'subserviceOrgs',
  'csocs',
  'userEntityControls',
  'requests',
  'descriptionSections',
  'evidence',
  'interviews',
  'walkthroughs',
  'tests',
  'sampleItems',
  'exceptions',
  'tickmarks',
  'signOffs',
  'reviewNotes',
  'addenda',
];

/** The live records of a table (tombstones left out); an absent table reads as empty. */
export function live<T extends { deleted: boolean }>(rows: readonly T[] | undefined): T[] {
  return (rows ?? []).filter((r) => !r.deleted);
}

/** The entity name the audit trail records for each table's records (`renderer/db/entities.ts`). */
export const SNAPSHOT_TABLE_ENTITIES: Readonly<Record<SnapshotTable, string>> = {
  criterionScopes: 'criterionScope',
  controls: 'control',
  subserviceOrgs: 'subserviceOrg',
  csocs: 'csoc',
  userEntityControls: 'userEntityControl',
  requests: 'request',
  descriptionSections: 'descriptionSection',
  evidence: 'evidence',
  interviews: 'interview',
  walkthroughs: 'walkthrough',
  tests: 'controlTest',
  sampleItems: 'sampleItem',
  exceptions: 'exception',
  tickmarks: 'tickmark',
  signOffs: 'signOff',
  reviewNotes: 'reviewNote',
  addenda: 'addendum',
};

/** An engagement with every table empty, plus the tables given. */
export function snapshotOf(engagement: Engagement, tables: Partial<SnapshotTables> = {}): EngagementSnapshot {
  const empty = Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, []])) as unknown as SnapshotTables; // one empty list per table
  return { engagement, ...empty, ...tables };
}
