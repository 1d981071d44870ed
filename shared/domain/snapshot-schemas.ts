/**
 * The schema of every snapshot table, so a snapshot read from outside the database (a file on the command
 * line, and later the exchange file) is checked record by record with the same rules the repository uses.
 */
import type { z } from 'zod';
import { criterionScopeSchema } from './engagement';
import {
  controlSchema,
  csocSchema,
  descriptionSectionSchema,
  requestSchema,
  subserviceOrgSchema,
  userEntityControlSchema,
} from './planning';
import {
  controlTestSchema,
  evidenceSchema,
  exceptionSchema,
  interviewSchema,
  sampleItemSchema,
  tickmarkSchema,
  walkthroughSchema,
} from './fieldwork';
import { addendumSchema, reviewNoteSchema, signOffSchema } from './review';
import type { SnapshotTable } from './snapshot';

export const SNAPSHOT_TABLE_SCHEMAS: Readonly<Record<SnapshotTable, z.ZodType>> = {
  criterionScopes: criterionScopeSchema,
  controls: controlSchema,
  subserviceOrgs: subserviceOrgSchema,
  csocs: csocSchema,
  userEntityControls: userEntityControlSchema,
  requests: requestSchema,
  descriptionSections: descriptionSectionSchema,
  evidence: evidenceSchema,
  interviews: interviewSchema,
  walkthroughs: walkthroughSchema,
  tests: controlTestSchema,
  sampleItems: sampleItemSchema,
  exceptions: exceptionSchema,
  tickmarks: tickmarkSchema,
  signOffs: signOffSchema,
  reviewNotes: reviewNoteSchema,
  addenda: addendumSchema,
};

/** Table names in words, for messages about a file's content. */
export const SNAPSHOT_TABLE_LABELS: Readonly<Record<SnapshotTable, string>> = {
  criterionScopes: 'criterion scoping',
  controls: 'control',
  subserviceOrgs: 'subservice organization',
  csocs: 'complementary subservice organization control',
  userEntityControls: 'user entity control',
  requests: 'request',
  descriptionSections: 'description section',
  evidence: 'evidence file',
  interviews: 'interview',
  walkthroughs: 'walkthrough',
  tests: 'test',
  sampleItems: 'sample item',
  exceptions: 'exception',
  tickmarks: 'tickmark',
  signOffs: 'sign-off',
  reviewNotes: 'review note',
  addenda: 'addendum',
};
