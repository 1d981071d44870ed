/** A realistic engagement with its controls and request list, for the request-list export tests. */
import ExcelJS from 'exceljs';
import type { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { defaultReportSettings, type Engagement } from '../../../shared/domain/engagement';
import { uuidv7 } from '../../../shared/domain/ids';
import {
  emptyRequestFields,
  type Control,
  type Request,
  type RequestFields,
} from '../../../shared/domain/planning';
import { buildRequestListWorkbook } from '../../../shared/exports/request-list';
import { toXlsxText } from '../../../shared/exports/xlsx-text';

const CREATED = '2026-02-02T09:15:00.000Z';
const AUDITOR = uuidv7();

function meta(engagementId: string) {
  return {
    id: uuidv7(),
    engagementId,
    createdAt: CREATED,
    updatedAt: CREATED,
    updatedBy: AUDITOR,
    rev: 1,
    clock: `${Date.parse(CREATED)}-0000-laptop-a`,
    deleted: false,
  };
}

export function makeEngagement(): Engagement {
  const id = uuidv7();
  return {
    ...meta(id),
    id,
    engagementId: id,
    serviceOrganization: 'Northwind Payroll, Inc.',
    systemName: 'Northwind Payroll Platform',
    kind: 'soc2-type2',
    asOfDate: null,
    periodStart: '2026-01-01',
    periodEnd: '2026-09-30',
    categories: ['security', 'availability'],
    firm: 'Harbor & Quill CPAs LLP',
    engagementPartner: 'Dana Whitfield, CPA',
    team: [AUDITOR],
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
  };
}

export type ControlRef = Pick<Control, 'id' | 'reference'>;

export function makeControls(): ControlRef[] {
  return ['CC6.1-01', 'CC6.2-01', 'CC6.2-02', 'CC7.2-03', 'CC8.1-01', 'A1.2-01'].map((reference) => ({
    id: uuidv7(),
    reference,
  }));
}

/** Hostile and tricky text a client or auditor might type; each must come back exactly. */
export const HOSTILE = {
  formula: '=HYPERLINK("http://x","click")',
  plus: '+1+1',
  minus: '-2',
  at: '@SUM(A1)',
  tab: '\tTab',
  cr: '\rCR',
  zeros: '0012',
  dateLike: '1/2/2026',
  polish: 'Łódź Zażółć',
  escapeLike: '_x0041_ stays',
} as const;

export interface Fixture {
  engagement: Engagement;
  controls: ControlRef[];
  requests: Request[];
  today: string;
  exportedAt: Date;
}

export function makeFixture(): Fixture {
  const engagement = makeEngagement();
  const controls = makeControls();
  const ref = (r: string): string => controls.find((c) => c.reference === r)?.id ?? '';
  const request = (number: number, fields: Partial<RequestFields>): Request => ({
    ...meta(engagement.id),
    ...emptyRequestFields(number),
    auditorContact: 'Sam Ortega',
    requestedOn: '2026-02-02',
    status: 'open',
    ...fields,
  });
  const requests: Request[] = [
    request(3, {
      title: 'Change tickets for the sampled releases',
      description: 'For the 25 sampled releases: ticket, approval and deployment log.',
      type: 'sample-evidence',
      controlIds: [ref('CC8.1-01')],
      clientOwner: 'Priya Raman',
      dueOn: '2026-04-15',
      priority: 'high',
      status: 'submitted',
      receivedOn: '2026-03-18',
      comments: 'Uploaded to the portal, folder 03.',
    }),
    request(1, {
      title: 'Information security policy',
      description: 'The current policy, its approval by management and the date it was last reviewed.',
      controlIds: [ref('CC6.2-01'), ref('CC6.1-01')],
      clientOwner: 'Jordan Lee',
      dueOn: '2026-03-13',
    }),
    request(2, {
      title: 'Population of new hires',
      description: `System-generated list of everyone hired 2026-01-01 to 2026-09-30, with the query used.\nOffice: ${HOSTILE.polish}`,
      type: 'population',
      controlIds: [ref('CC6.2-02')],
      clientOwner: HOSTILE.polish,
      dueOn: '2026-04-10',
      status: 'in-progress',
      comments: 'HR export to follow.',
    }),
    request(4, {
      title: 'Walkthrough: access provisioning',
      description: HOSTILE.formula,
      type: 'walkthrough',
      dueOn: '2026-03-01',
      status: 'returned',
      comments: HOSTILE.minus,
    }),
    request(5, {
      title: HOSTILE.plus,
      description: HOSTILE.at,
      clientOwner: HOSTILE.tab,
      comments: HOSTILE.cr,
    }),
    request(6, {
      title: HOSTILE.zeros,
      description: HOSTILE.dateLike,
      auditorContact: HOSTILE.escapeLike,
      controlIds: [ref('A1.2-01'), ref('CC7.2-03')],
    }),
    { ...request(7, { title: 'Withdrawn request' }), deleted: true },
    request(8, {
      title: 'Backup restore test results',
      type: 'document',
      status: 'accepted',
      dueOn: '2026-03-02',
    }),
  ];
  return {
    engagement,
    controls,
    requests,
    today: '2026-03-20',
    exportedAt: new Date('2026-03-20T14:05:00Z'),
  };
}

export function exportFixture(f: Fixture): Promise<Uint8Array> {
  return buildRequestListWorkbook({
    engagement: f.engagement,
    requests: f.requests,
    controls: f.controls,
    exportedAt: f.exportedAt,
    exportedBy: 'Sam Ortega',
    today: f.today,
  });
}

export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/**
 * Saves `workbook` as Excel and LibreOffice would. exceljs decodes `_xHHHH_` escapes when it reads but
 * does not write them, so a re-saved `\r` or `_x0041_` would change; escape text cells as those programs do.
 */
export async function saveWorkbook(workbook: Workbook): Promise<Uint8Array> {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = toXlsxText(cell.value);
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The XML of every part of the package whose path starts with `prefix`. */
export async function packageParts(bytes: Uint8Array, prefix: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith(prefix))) {
    parts.set(name, (await zip.file(name)?.async('string')) ?? '');
  }
  return parts;
}
