/** Builds the request list the client fills in, as .xlsx bytes (pure: the caller saves the file). */
import type { Workbook } from 'exceljs';
import {
  ENGAGEMENT_KIND_LABELS,
  formatDate,
  formatDateTime,
  formatPeriod,
  type Engagement,
} from '../../domain/engagement';
import { addAboutSheet } from './about';
import { loadExcelJs } from './exceljs';
import { addRequestSheet, type TitleLine } from './request-sheet';
import type { RequestListExportInput } from './types';
import { requestValues } from './values';

export const INSTRUCTIONS =
  'Fill in the yellow columns: Status, Client comments, Date provided. Do not change the request numbers.';

function titleLines(input: RequestListExportInput): TitleLine[] {
  const e: Engagement = input.engagement;
  const dates =
    e.kind === 'soc2-type2' ? `Period: ${formatPeriod(e)}` : `As of: ${formatDate(e.asOfDate) || 'not set'}`;
  return [
    { text: `Request list — ${e.serviceOrganization}`, style: 'title' },
    { text: `Service organization: ${e.serviceOrganization}` },
    { text: `System: ${e.systemName}` },
    { text: `Examination: ${ENGAGEMENT_KIND_LABELS[e.kind]}` },
    { text: dates },
    ...(e.firm ? [{ text: `Auditor: ${e.firm}` }] : []),
    { text: `Exported: ${formatDateTime(input.exportedAt.toISOString())} by ${input.exportedBy}` },
    { text: INSTRUCTIONS, style: 'strong' },
    {
      text: 'Enter dates as year-month-day, e.g. 2026-03-31. Rows marked “Overdue” are past their due date.',
    },
  ];
}

function setProperties(workbook: Workbook, input: RequestListExportInput): void {
  workbook.title = `Request list — ${input.engagement.serviceOrganization}`;
  workbook.subject = `${ENGAGEMENT_KIND_LABELS[input.engagement.kind]}: ${input.engagement.systemName}`;
  workbook.creator = input.exportedBy;
  workbook.lastModifiedBy = input.exportedBy;
  workbook.company = input.engagement.firm;
  workbook.created = input.exportedAt;
  workbook.modified = input.exportedAt;
}

/**
 * The client request list as an .xlsx workbook: a Requests sheet (every non-deleted request in number order;
 * Status, Client comments and Date provided for the client to fill in) and a hidden About sheet that lets
 * `readReturnedRequestList` recognise the file and the client's changes when it comes back.
 */
export async function buildRequestListWorkbook(input: RequestListExportInput): Promise<Uint8Array> {
  const references = new Map(input.controls.map((c) => [c.id, c.reference]));
  const rows = input.requests
    .filter((r) => !r.deleted)
    .sort((a, b) => a.number - b.number)
    .map((r) => requestValues(r, references, input.today));
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  setProperties(workbook, input);
  addRequestSheet(workbook, {
    titleLines: titleLines(input),
    rows,
    footer: { left: `Request list — ${input.engagement.serviceOrganization}`, centre: input.engagement.firm },
  });
  addAboutSheet(
    workbook,
    {
      engagementId: input.engagement.id,
      serviceOrganization: input.engagement.serviceOrganization,
      exportedAt: input.exportedAt.toISOString(),
      exportedBy: input.exportedBy,
    },
    rows,
  );
  // exceljs returns a Node Buffer or a browser Buffer polyfill; both are byte arrays to copy from.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
