/**
 * Engagements for the evidence-workbook tests: a small one whose every user field holds hostile or
 * non-Latin text, an empty one, and a large generated one (300+ controls, 200+ tests, 8,000+ sample
 * items, 20,000 audit events). Plus helpers to read a workbook back as tables of cells.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import type { AuditEvent } from '../../../shared/domain/audit';
import { defaultReportSettings, type Engagement } from '../../../shared/domain/engagement';
import {
  emptyControlTestFields,
  emptyIpe,
  emptyPopulation,
  emptySampling,
  type ControlException,
  type ControlTest,
  type Evidence,
  type Interview,
  type SampleItem,
  type Tickmark,
  type Walkthrough,
} from '../../../shared/domain/fieldwork';
import { isCriterionId } from '../../../shared/domain/criteria';
import { uuidv7, type CriterionId } from '../../../shared/domain/ids';
import { emptyRequestFields, type Control, type Request } from '../../../shared/domain/planning';
import type { ReviewNote, SignOff } from '../../../shared/domain/review';
import { snapshotOf, type EngagementSnapshot } from '../../../shared/domain/snapshot';
import type { ExportPerson } from '../../../shared/exports/progress';
import type { EvidenceWorkbookOptions } from '../../../shared/exports/workbook';
import { generateControlMatrix, generateFieldwork, seededRandom } from '../../generators/large-engagement';

/** What a person might type that a spreadsheet could take for a formula; each must stay text. */
export const HOSTILE = {
  equals: '=1+1',
  plus: "+cmd|' /C calc'!A0",
  minus: '-2+3',
  at: '@SUM(A1)',
  tab: '\t=1+1',
  cr: '\r=1+1',
  hyperlink: '=HYPERLINK("http://example.com","click")',
  escapeLike: '_x0041_ stays',
} as const;

/** Names that must come back exactly, whatever the script. */
export const NON_LATIN = {
  german: 'Jürgen Müller',
  polish: 'Łódź, Zażółć gęślą jaźń',
  japanese: '東京都 千代田区',
  emoji: 'Evidence 📎✅',
} as const;

const CREATED = '2026-10-01T09:15:00.000Z';
export const AUDITOR = uuidv7(Date.parse('2026-01-01T00:00:00Z'));
export const REVIEWER = uuidv7(Date.parse('2026-01-02T00:00:00Z'));

export const PEOPLE: ExportPerson[] = [
  { id: AUDITOR, name: `Zoë Łukasiewicz`, initials: 'ZŁ', role: 'senior' },
  { id: REVIEWER, name: '山田 太郎', initials: 'YT', role: 'manager' },
];

export const EXPORTED_AT = new Date('2026-11-02T08:30:00Z');

export function options(extra: Partial<EvidenceWorkbookOptions> = {}): EvidenceWorkbookOptions {
  return {
    exportedAt: EXPORTED_AT,
    exportedBy: PEOPLE[0]?.name ?? '',
    appVersion: '0.1.0',
    people: PEOPLE,
    ...extra,
  };
}

const meta = (engagementId: string, createdAt = CREATED, id = uuidv7(Date.parse(createdAt))) => ({
  id,
  engagementId,
  createdAt,
  updatedAt: createdAt,
  updatedBy: AUDITOR,
  rev: 1,
  clock: `${Date.parse(createdAt)}-0000-laptop-a`,
  deleted: false,
});

function criterion(id: string): CriterionId {
  if (!isCriterionId(id)) throw new Error(`${id} is no criterion`);
  return id;
}

const hex = (seed: number): string =>
  Array.from({ length: 64 }, (_, i) => ((seed * 7 + i * 13) % 16).toString(16)).join('');

export function makeEngagement(fields: Partial<Engagement> = {}): Engagement {
  const id = uuidv7(Date.parse('2026-01-03T00:00:00Z'));
  return {
    ...meta(id),
    id,
    engagementId: id,
    serviceOrganization: NON_LATIN.polish,
    systemName: NON_LATIN.japanese,
    kind: 'soc2-type2',
    asOfDate: null,
    periodStart: '2026-01-01',
    periodEnd: '2026-09-30',
    categories: ['security', 'availability'],
    firm: 'Harbor & Quill CPAs LLP',
    engagementPartner: NON_LATIN.german,
    team: [AUDITOR, REVIEWER],
    phase: 'fieldwork',
    reportDate: null,
    notes: '',
    report: defaultReportSettings(),
    signOffLevels: ['preparer', 'reviewer'],
    release: null,
    lock: null,
    unlocks: [],
    archived: false,
    demo: false,
    ...fields,
  };
}

export function emptySnapshot(engagement: Engagement = makeEngagement()): EngagementSnapshot {
  return snapshotOf(engagement);
}

function control(engagementId: string, reference: string, fields: Partial<Control>): Control {
  return {
    ...meta(engagementId),
    reference,
    title: '',
    description: 'A control.',
    owner: '',
    frequency: 'daily',
    nature: 'manual',
    controlType: 'preventive',
    key: true,
    risk: 'high',
    components: '',
    status: 'agreed',
    notes: '',
    criteria: [],
    ...fields,
  };
}

/** A small engagement whose user fields hold the hostile and non-Latin strings. */
export function hostileSnapshot(): EngagementSnapshot {
  const s = emptySnapshot();
  const e = s.engagement.id;
  const c1 = control(e, 'AC-01', {
    title: HOSTILE.equals,
    description: HOSTILE.plus,
    owner: HOSTILE.minus,
    components: HOSTILE.at,
    notes: HOSTILE.tab,
    criteria: ['CC6.1'],
  });
  const c2 = control(e, 'AC-02', { description: `${HOSTILE.cr} ${NON_LATIN.emoji}`, criteria: ['CC6.2'] });
  const attributes = [
    { id: uuidv7(), text: HOSTILE.at },
    { id: uuidv7(), text: NON_LATIN.polish },
  ];
  const test: ControlTest = {
    ...meta(e),
    ...emptyControlTestFields(c1.id, 'T-AC-01'),
    objective: HOSTILE.equals,
    procedure: HOSTILE.minus,
    attributes,
    population: {
      ...emptyPopulation(),
      source: 'file',
      description: HOSTILE.plus,
      count: 120,
      fileName: HOSTILE.hyperlink,
      sha256: hex(1),
      firstDate: '2026-01-02',
      lastDate: '2026-09-28',
      ipe: { ...emptyIpe(), sourceSystem: 'Jira', procedures: 'Agreed the count.', result: 'satisfactory' },
    },
    sampling: { ...emptySampling(), size: 3, recommendedSize: 3, seed: HOSTILE.equals, selectedBy: AUDITOR },
    conclusion: 'effective-with-exceptions',
    rationale: HOSTILE.tab,
    resultText: HOSTILE.minus,
  };
  const firm: Tickmark = { ...meta(e), symbol: HOSTILE.equals, meaning: HOSTILE.at, outcome: 'pass' };
  const [a, b] = attributes.map((x) => x.id) as [string, string];
  const item = (position: number, fields: Partial<SampleItem>): SampleItem => ({
    ...meta(e),
    testId: test.id,
    position,
    populationIndex: position * 3,
    row: position * 3 + 2,
    key: `ITEM-${position}`,
    date: `2026-0${position}-1${position}`,
    batch: 0,
    stratum: '',
    outsidePeriod: false,
    marks: { [a]: 'pass', [b]: 'pass' },
    note: '',
    ...fields,
  });
  const items = [
    item(1, { key: HOSTILE.equals, note: HOSTILE.plus, marks: { [a]: firm.id, [b]: 'na' } }),
    item(2, { key: NON_LATIN.japanese, note: HOSTILE.cr }),
    item(3, { key: HOSTILE.minus, note: HOSTILE.escapeLike, marks: { [a]: 'exception', [b]: 'pass' } }),
  ];
  const exception: ControlException = {
    ...meta(e),
    number: 1,
    testId: test.id,
    controlId: c1.id,
    description: HOSTILE.equals,
    type: 'operating',
    sampleItemIds: [items[2]?.id ?? ''],
    attributeIds: [a],
    rootCause: HOSTILE.minus,
    compensatingControls: HOSTILE.tab,
    compensatingControlIds: [c2.id],
    managementResponse: HOSTILE.at,
    nature: 'isolated',
    severity: 'deficiency',
    status: 'evaluated',
  };
  const evidence: Evidence = {
    ...meta(e),
    versions: [
      {
        sha256: hex(2),
        fileName: HOSTILE.equals,
        mediaType: 'application/pdf',
        size: 1_234_567,
        addedAt: CREATED,
        addedBy: REVIEWER,
        note: '',
      },
    ],
    description: HOSTILE.plus,
    receivedOn: '2026-10-01',
    asOf: '2026-06-30',
    source: 'client',
    requestId: null,
    sourcePerson: NON_LATIN.german,
    links: [
      { kind: 'control', id: c1.id },
      { kind: 'sample-item', id: items[0]?.id ?? '' },
    ],
    purpose: 'evidence',
  };
  const interview: Interview = {
    ...meta(e),
    title: HOSTILE.equals,
    date: '2026-09-02',
    place: NON_LATIN.japanese,
    interviewees: [{ name: NON_LATIN.german, title: HOSTILE.at, organization: '' }],
    auditorIds: [AUDITOR],
    topics: HOSTILE.minus,
    controlIds: [c1.id],
    criteria: ['CC6.1'],
    notes: HOSTILE.cr,
    followUps: [],
  };
  const walkthrough: Walkthrough = {
    ...meta(e),
    title: HOSTILE.minus,
    startDate: '2026-09-04',
    endDate: '2026-09-04',
    participants: [],
    auditorIds: [REVIEWER],
    instance: HOSTILE.equals,
    steps: [
      {
        id: uuidv7(),
        kind: 'trigger',
        description: HOSTILE.plus,
        performer: '',
        systems: '',
        reports: '',
        outputs: '',
      },
    ],
    controlIds: [c1.id],
    criteria: ['CC6.1'],
    risks: HOSTILE.tab,
    designConclusion: 'yes',
    designExplanation: HOSTILE.at,
    implementationConclusion: null,
    implementationNotes: '',
    changesSincePrior: '',
  };
  const request: Request = {
    ...meta(e),
    ...emptyRequestFields(1),
    title: HOSTILE.equals,
    description: HOSTILE.at,
    clientOwner: NON_LATIN.polish,
    comments: HOSTILE.cr,
    status: 'open',
    requestedOn: '2026-09-01',
    dueOn: '2026-09-15',
    controlIds: [c1.id],
  };
  const note: ReviewNote = {
    ...meta(e),
    number: 1,
    workpaper: `test:${test.id}`,
    target: { kind: 'workpaper' },
    text: HOSTILE.equals,
    raisedBy: REVIEWER,
    raisedByName: PEOPLE[1]?.name ?? '',
    raisedAt: '2026-10-20T10:00:00.000Z',
    assignedTo: AUDITOR,
    response: HOSTILE.minus,
    respondedBy: AUDITOR,
    respondedByName: PEOPLE[0]?.name ?? '',
    respondedAt: '2026-10-21T11:00:00.000Z',
    status: 'responded',
    clearedBy: null,
    clearedByName: '',
    clearedAt: null,
    reopened: 0,
  };
  const signOff: SignOff = {
    ...meta(e),
    workpaper: `test:${test.id}`,
    level: 'preparer',
    profileId: AUDITOR,
    name: PEOPLE[0]?.name ?? '',
    initials: 'ZŁ',
    role: 'senior',
    signedAt: '2026-10-19T16:00:00.000Z',
    contentHash: hex(3),
  };
  return {
    ...s,
    criterionScopes: [
      {
        ...meta(e),
        criterionId: criterion('CC6.4'),
        notApplicable: true,
        reason: `${HOSTILE.equals} no offices`,
      },
    ],
    controls: [c1, c2],
    tests: [test],
    tickmarks: [firm],
    sampleItems: items,
    exceptions: [exception],
    evidence: [evidence],
    interviews: [interview],
    walkthroughs: [walkthrough],
    requests: [request],
    reviewNotes: [note],
    signOffs: [signOff],
  };
}

/** Audit events that look like a long engagement's history (not a verifiable chain: the sheet only lists). */
export function generateAuditEvents(
  snapshot: EngagementSnapshot,
  count: number,
  extra: Partial<AuditEvent> = {},
): AuditEvent[] {
  const rnd = seededRandom(7);
  const items = snapshot.sampleItems;
  const start = Date.parse('2026-01-05T09:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const item = items[Math.floor(rnd() * items.length)];
    return {
      chain: snapshot.engagement.id,
      seq: i + 1,
      at: new Date(start + i * 61_000).toISOString(),
      actor: i % 3 === 0 ? REVIEWER : AUDITOR,
      actorName: i % 3 === 0 ? (PEOPLE[1]?.name ?? '') : (PEOPLE[0]?.name ?? ''),
      entity: item ? 'sampleItem' : 'engagement',
      entityId: item?.id ?? snapshot.engagement.id,
      op: 'update',
      changes: { note: { before: '', after: `Checked ${i}` } },
      prevHash: hex(i),
      hash: hex(i + 1),
      ...extra,
    };
  });
}

export interface LargeFigures {
  controls: number;
  tests: number;
  items: number;
  exceptions: number;
  events: number;
}

/** 320 controls, 210 tests of 40 items (8,400), evidence for a tenth of the items, 20,000 audit events. */
export function largeSnapshot(): {
  snapshot: EngagementSnapshot;
  events: AuditEvent[];
  figures: LargeFigures;
} {
  const s = emptySnapshot(
    makeEngagement({
      serviceOrganization: 'Northwind Payroll, Inc.',
      categories: ['security', 'availability', 'processing-integrity', 'confidentiality', 'privacy'],
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    }),
  );
  const e = s.engagement.id;
  const controls = generateControlMatrix(320).map((c) => ({ ...meta(e), ...c }));
  const fieldwork = generateFieldwork(controls.slice(0, 210), {
    testsPerControl: 1,
    itemsPerTest: 40,
    attributes: 4,
    selectedBy: AUDITOR,
  });
  const tests = fieldwork.map((t) => ({ ...meta(e), ...t.fields, id: t.id }));
  const items = fieldwork.flatMap((t) => t.items.map((i) => ({ ...meta(e), ...i })));
  const exceptions = fieldwork.flatMap((t) => t.exceptions.map((x) => ({ ...meta(e), ...x })));
  const evidence: Evidence[] = items
    .filter((_, i) => i % 10 === 0)
    .map((item, i) => ({
      ...meta(e),
      versions: [
        {
          sha256: hex(i),
          fileName: `evidence-${i + 1}.pdf`,
          mediaType: 'application/pdf',
          size: 10_000 + i,
          addedAt: CREATED,
          addedBy: AUDITOR,
          note: '',
        },
      ],
      description: '',
      receivedOn: '2026-10-01',
      asOf: null,
      source: 'auditor',
      requestId: null,
      sourcePerson: '',
      links: [{ kind: 'sample-item', id: item.id }],
      purpose: 'evidence',
    }));
  const snapshot = { ...s, controls, tests, sampleItems: items, exceptions, evidence };
  const events = generateAuditEvents(snapshot, 20_000);
  return {
    snapshot,
    events,
    figures: {
      controls: controls.length,
      tests: tests.length,
      items: items.length,
      exceptions: exceptions.length,
      events: events.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading back

export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

export function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet "${name}"`);
  return found;
}

/** The header row of a table sheet: column number by header. */
export function headers(ws: Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => map.set(String(cell.value), col));
  return map;
}

/** A table sheet's rows below the header, each as cell values by header. */
export function records(ws: Worksheet): Map<string, CellValue>[] {
  const columns = [...headers(ws)];
  const out: Map<string, CellValue>[] = [];
  for (let r = 2; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    out.push(new Map(columns.map(([header, col]) => [header, row.getCell(col).value])));
  }
  return out;
}

/** The value of `header` in the first record whose `key` column equals `value`. */
export function lookup(ws: Worksheet, key: string, value: string | number, header: string): CellValue {
  const row = records(ws).find((r) => r.get(key) === value);
  if (!row) throw new Error(`no row with ${key} = ${value} on ${ws.name}`);
  return row.get(header) ?? null;
}
