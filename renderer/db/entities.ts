/**
 * The entities the repository can write: their table, their schema, which audit chain their events join
 * and the uniqueness rules checked inside the write. To add an entity: add its table in schema.ts (new
 * version), its zod schema in shared/domain, and a row here.
 */
import type { z } from 'zod';
import { criterionScopeSchema, engagementSchema } from '@shared/domain/engagement';
import {
  controlSchema,
  csocSchema,
  descriptionSectionSchema,
  formatRequestNumber,
  referenceKey,
  requestSchema,
  subserviceOrgSchema,
  userEntityControlSchema,
} from '@shared/domain/planning';
import {
  controlTestSchema,
  evidenceSchema,
  exceptionSchema,
  formatExceptionNumber,
  interviewSchema,
  sampleItemSchema,
  tickmarkSchema,
  walkthroughSchema,
} from '@shared/domain/fieldwork';
import { firmSettingsSchema } from '@shared/domain/settings';
import {
  addendumSchema,
  formatAddendumNumber,
  formatNoteNumber,
  reviewNoteSchema,
  signOffSchema,
} from '@shared/domain/review';
import { profileSchema } from '@shared/domain/profile';

/** Chain id for machine-level records (profiles), which belong to no engagement. */
export const LOCAL_CHAIN = 'local';

export type TableName =
  | 'engagements'
  | 'criterionScopes'
  | 'profiles'
  | 'controls'
  | 'subserviceOrgs'
  | 'csocs'
  | 'userEntityControls'
  | 'requests'
  | 'descriptionSections'
  | 'evidence'
  | 'interviews'
  | 'walkthroughs'
  | 'tests'
  | 'sampleItems'
  | 'exceptions'
  | 'tickmarks'
  | 'settings'
  | 'signOffs'
  | 'reviewNotes'
  | 'addenda';

/** A field whose value must be unique among an engagement's records of one entity. */
export interface UniqueRule {
  field: string;
  /** The comparison key (e.g. case-insensitive); records whose key is empty are not compared. */
  key: (value: unknown) => string;
  /** Tombstoned records keep their value reserved (request numbers are never reused). */
  includeDeleted: boolean;
  message: (value: unknown) => string;
}

export interface EntityDefinition {
  table: TableName;
  schema: z.ZodType<Record<string, unknown>>;
  /** Human name for messages. */
  label: string;
  /** True when records carry `engagementId` and their events join that engagement's chain. */
  engagementScoped: boolean;
  unique?: UniqueRule;
}

export const ENTITIES = {
  engagement: { table: 'engagements', schema: engagementSchema, label: 'Engagement', engagementScoped: true },
  criterionScope: {
    table: 'criterionScopes',
    schema: criterionScopeSchema,
    label: 'Criterion scoping',
    engagementScoped: true,
  },
  profile: { table: 'profiles', schema: profileSchema, label: 'Profile', engagementScoped: false },
  control: {
    table: 'controls',
    schema: controlSchema,
    label: 'Control',
    engagementScoped: true,
    unique: {
      field: 'reference',
      key: (v) => referenceKey(String(v)),
      includeDeleted: false,
      message: (v) => `Another control already uses the reference ${String(v)}.`,
    },
  },
  subserviceOrg: {
    table: 'subserviceOrgs',
    schema: subserviceOrgSchema,
    label: 'Subservice organization',
    engagementScoped: true,
  },
  csoc: { table: 'csocs', schema: csocSchema, label: 'CSOC', engagementScoped: true },
  userEntityControl: {
    table: 'userEntityControls',
    schema: userEntityControlSchema,
    label: 'User entity control',
    engagementScoped: true,
  },
  request: {
    table: 'requests',
    schema: requestSchema,
    label: 'Request',
    engagementScoped: true,
    unique: {
      field: 'number',
      key: (v) => String(v),
      includeDeleted: true,
      message: (v) => `${formatRequestNumber(Number(v))} is already used on this request list.`,
    },
  },
  descriptionSection: {
    table: 'descriptionSections',
    schema: descriptionSectionSchema,
    label: 'Description section',
    engagementScoped: true,
    unique: {
      field: 'key',
      key: (v) => String(v),
      includeDeleted: true,
      message: () => 'This description section already exists.',
    },
  },
  evidence: { table: 'evidence', schema: evidenceSchema, label: 'Evidence', engagementScoped: true },
  interview: { table: 'interviews', schema: interviewSchema, label: 'Interview', engagementScoped: true },
  walkthrough: {
    table: 'walkthroughs',
    schema: walkthroughSchema,
    label: 'Walkthrough',
    engagementScoped: true,
  },
  controlTest: {
    table: 'tests',
    schema: controlTestSchema,
    label: 'Test',
    engagementScoped: true,
    unique: {
      field: 'reference',
      key: (v) => referenceKey(String(v)),
      includeDeleted: false,
      message: (v) => `Another test already uses the reference ${String(v)}.`,
    },
  },
  sampleItem: {
    table: 'sampleItems',
    schema: sampleItemSchema,
    label: 'Sample item',
    engagementScoped: true,
  },
  exception: {
    table: 'exceptions',
    schema: exceptionSchema,
    label: 'Exception',
    engagementScoped: true,
    unique: {
      field: 'number',
      key: (v) => String(v),
      includeDeleted: true,
      message: (v) => `${formatExceptionNumber(Number(v))} is already used in this engagement.`,
    },
  },
  tickmark: { table: 'tickmarks', schema: tickmarkSchema, label: 'Tickmark', engagementScoped: true },
  firmSettings: {
    table: 'settings',
    schema: firmSettingsSchema,
    label: 'Firm settings',
    engagementScoped: false,
  },
  signOff: { table: 'signOffs', schema: signOffSchema, label: 'Sign-off', engagementScoped: true },
  reviewNote: {
    table: 'reviewNotes',
    schema: reviewNoteSchema,
    label: 'Review note',
    engagementScoped: true,
    unique: {
      field: 'number',
      key: (v) => String(v),
      includeDeleted: true,
      message: (v) => `${formatNoteNumber(Number(v))} is already used in this engagement.`,
    },
  },
  addendum: {
    table: 'addenda',
    schema: addendumSchema,
    label: 'Addendum',
    engagementScoped: true,
    unique: {
      field: 'number',
      key: (v) => String(v),
      includeDeleted: true,
      message: (v) => `${formatAddendumNumber(Number(v))} is already used in this engagement.`,
    },
  },
} as const satisfies Record<string, EntityDefinition>;

export type EntityName = keyof typeof ENTITIES;

export const ALL_TABLES: readonly TableName[] = [
  ...new Set(Object.values(ENTITIES).map((e: EntityDefinition) => e.table)),
];
