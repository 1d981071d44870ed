/**
 * Small hand-built engagements for the report content tests: a Type 2 (or Type 1 / readiness) engagement
 * for "Quillon Data GmbH" with a few controls, tests and exceptions, built without the database.
 */
import { emptyEngagementFields, type Engagement } from '../../../shared/domain/engagement';
import type { CriterionScope } from '../../../shared/domain/engagement/criterion-scope';
import {
  emptyControlTestFields,
  type ControlException,
  type ControlTest,
  type Evidence,
  type SampleItem,
  type Walkthrough,
  emptyWalkthroughFields,
} from '../../../shared/domain/fieldwork';
import { uuidv7 } from '../../../shared/domain/ids';
import {
  emptyControlFields,
  emptyRequestFields,
  emptySubserviceOrgFields,
  type Control,
  type DescriptionSection,
  type Request,
  type SubserviceOrg,
  type UserEntityControl,
} from '../../../shared/domain/planning';
import { snapshotOf, type EngagementSnapshot, type SnapshotTables } from '../../../shared/domain/snapshot';
import { buildReportModel } from '../../../shared/exports/report';
import type { PdfDocumentModel } from '../../../shared/exports/pdf/model';

export const ENGAGEMENT_ID = uuidv7();
const AUTHOR = uuidv7();

function meta() {
  return {
    id: uuidv7(),
    engagementId: ENGAGEMENT_ID,
    createdAt: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-10-01T09:00:00.000Z',
    updatedBy: AUTHOR,
    rev: 1,
    clock: '1790000000000-0000-000000000000',
    deleted: false,
  };
}

export function engagement(overrides: Partial<Engagement> = {}): Engagement {
  const base = {
    ...meta(),
    ...emptyEngagementFields(),
    id: ENGAGEMENT_ID,
    serviceOrganization: 'Quillon Data GmbH',
    systemName: 'Quillon Ledger Service',
    kind: 'soc2-type2' as const,
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    categories: ['security' as const],
    firm: 'Müller & Łódź Partners LLP',
    reportDate: '2026-08-14',
  };
  return { ...base, ...overrides, report: { ...base.report, ...overrides.report } };
}

export function control(reference: string, criteria: string[], overrides: Partial<Control> = {}): Control {
  return {
    ...meta(),
    ...emptyControlFields(),
    reference,
    title: `Title of ${reference}`,
    description: `Activity of ${reference}: the owner performs and evidences the control.`,
    status: 'agreed',
    criteria,
    ...overrides,
  };
}

export function test(c: Control, overrides: Partial<ControlTest> = {}): ControlTest {
  return {
    ...meta(),
    ...emptyControlTestFields(c.id, `T-${c.reference}`),
    procedure: `Inspected evidence for ${c.reference}.`,
    conclusion: 'effective',
    ...overrides,
  };
}

export function exception(
  t: ControlTest,
  number: number,
  overrides: Partial<ControlException> = {},
): ControlException {
  return {
    ...meta(),
    number,
    testId: t.id,
    controlId: t.controlId,
    description: `For 1 of the 25 items sampled for ${t.reference}, the approval was missing.`,
    type: 'operating',
    sampleItemIds: [],
    attributeIds: [],
    rootCause: '',
    compensatingControls: '',
    compensatingControlIds: [],
    managementResponse: '',
    nature: 'isolated',
    severity: 'deficiency',
    status: 'evaluated',
    ...overrides,
  };
}

export function sampleItem(t: ControlTest, position: number, marks: Record<string, string> = {}): SampleItem {
  return {
    ...meta(),
    testId: t.id,
    position,
    populationIndex: position - 1,
    row: position + 1,
    key: `ITEM-${position}`,
    date: '2026-03-01',
    batch: 0,
    stratum: '',
    outsidePeriod: false,
    marks,
    note: '',
  };
}

export function subserviceOrg(name: string, method: SubserviceOrg['method']): SubserviceOrg {
  return { ...meta(), ...emptySubserviceOrgFields(), name, services: `Hosting by ${name}.`, method };
}

export function userEntity(
  kind: UserEntityControl['kind'],
  reference: string,
  criteria: string[] = [],
): UserEntityControl {
  return { ...meta(), kind, reference, description: `User entities do ${reference}.`, criteria };
}

export function section(
  key: string,
  body: string,
  status: DescriptionSection['status'] = 'final',
): DescriptionSection {
  return { ...meta(), key, body, status };
}

export function notApplicable(criterionId: string, reason: string): CriterionScope {
  return { ...meta(), criterionId, notApplicable: true, reason } as CriterionScope; // criterionId is a catalog id
}

export function walkthrough(controls: Control[], overrides: Partial<Walkthrough> = {}): Walkthrough {
  return {
    ...meta(),
    ...emptyWalkthroughFields(),
    title: 'Walkthrough',
    controlIds: controls.map((c) => c.id),
    ...overrides,
  };
}

export function request(number: number, overrides: Partial<Request> = {}): Request {
  return {
    ...meta(),
    ...emptyRequestFields(number),
    title: `Request ${number}`,
    status: 'open',
    ...overrides,
  };
}

export function evidenceFor(kind: Evidence['links'][number]['kind'], id: string): Evidence {
  return {
    ...meta(),
    versions: [
      {
        sha256: '0'.repeat(64),
        fileName: 'evidence.pdf',
        mediaType: 'application/pdf',
        size: 10,
        addedAt: '2026-10-01T09:00:00.000Z',
        addedBy: AUTHOR,
        note: '',
      },
    ],
    description: '',
    receivedOn: null,
    asOf: null,
    source: 'auditor',
    requestId: null,
    sourcePerson: '',
    links: [{ kind, id }],
    purpose: 'evidence',
  };
}

export function snapshot(e: Engagement, tables: Partial<SnapshotTables> = {}): EngagementSnapshot {
  return snapshotOf(e, tables);
}

export const OPTIONS = {
  generatedAt: new Date('2026-11-23T10:00:00Z'),
  generatedBy: 'Ana López',
  appVersion: '9.9.9',
};

export function build(s: EngagementSnapshot): PdfDocumentModel {
  return buildReportModel(s, OPTIONS);
}

/** A snapshot whose controls cover `criteria` one each, tested effective, plus the given extra tables. */
export function coveredSnapshot(
  criteria: readonly string[],
  options: { failing?: readonly string[]; engagement?: Partial<Engagement> } = {},
): { snapshot: EngagementSnapshot; controls: Control[]; tests: ControlTest[] } {
  const controls = criteria.map((id, i) => control(`QD-${String(i + 1).padStart(2, '0')}`, [id]));
  const tests = controls.map((c, i) =>
    test(
      c,
      options.failing?.includes(criteria[i] ?? '')
        ? { conclusion: 'not-effective', rationale: 'Failed.' }
        : {},
    ),
  );
  return { snapshot: snapshot(engagement(options.engagement), { controls, tests }), controls, tests };
}
