/** Reads the request list a client sends back: what they changed, what they edited that is ours, what failed. */
import type { Workbook } from 'exceljs';
import { readAbout, isAboutSheet, type AboutInfo } from './about';
import { COLUMNS, type ColumnKey } from './columns';
import { RequestListFileError } from './errors';
import { loadWorkbook } from './load';
import { reconcile } from './reconcile';
import { REQUEST_SHEET } from './request-sheet';
import { findTable, readTableRows, type SheetTable } from './table';
import type { RequestListImportContext, ReturnedRequestList } from './types';

/** The request table: on the Requests sheet if it has one, else on the first sheet that has the header. */
function locateTable(workbook: Workbook): SheetTable {
  const sheets = workbook.worksheets.filter((s) => !isAboutSheet(s));
  const preferred = sheets.filter((s) => s.name.trim().toLowerCase() === REQUEST_SHEET.toLowerCase());
  for (const sheet of [...preferred, ...sheets]) {
    const table = findTable(sheet);
    if (table) return table;
  }
  throw new RequestListFileError('no-request-list');
}

const CLIENT_COLUMNS: readonly ColumnKey[] = ['status', 'comments', 'receivedOn'];

function warningsFor(
  table: SheetTable,
  about: AboutInfo | null,
  context: RequestListImportContext,
): string[] {
  const warnings: string[] = [];
  if (about?.engagementId && about.engagementId !== context.engagementId) {
    const org = about.serviceOrganization ? ` (for “${about.serviceOrganization}”)` : '';
    warnings.push(
      `This file was exported from another engagement${org}. Check that you chose the right file before applying anything from it.`,
    );
  }
  for (const spec of COLUMNS.filter((c) => CLIENT_COLUMNS.includes(c.key) && !table.columns.has(c.key))) {
    warnings.push(`The file has no “${spec.header}” column, so that column was not read.`);
  }
  return warnings;
}

/**
 * Whether the file is another engagement's list: its About sheet says so, or (when the client dropped the
 * About sheet, e.g. by pasting the table into their own workbook) most matched rows have other titles.
 */
function otherEngagement(
  about: AboutInfo | null,
  context: RequestListImportContext,
  result: Pick<ReturnedRequestList, 'clientEdits' | 'rowsMatched'>,
): ReturnedRequestList['otherEngagement'] {
  if (about?.engagementId && about.engagementId !== context.engagementId) {
    return {
      serviceOrganization: about.serviceOrganization ?? '',
      reason: 'its About sheet names another engagement',
    };
  }
  if (about === null && result.rowsMatched >= 2) {
    const retitled = result.clientEdits.filter((e) => e.field === 'title').length;
    if (retitled * 2 > result.rowsMatched) {
      return {
        serviceOrganization: '',
        reason: `${retitled} of its ${result.rowsMatched} requests have other titles than this engagement's`,
      };
    }
  }
  return null;
}

/**
 * Reads a request list exported by `buildRequestListWorkbook` after the client filled it in. The client may
 * have inserted rows, reordered, added or deleted columns, sorted or filtered: rows are matched to requests
 * by request number and columns by header. Nothing is applied here; the result lists the changes to
 * Status, Client comments and Date provided, the client's edits to the auditor's columns, and the problems.
 *
 * @throws RequestListFileError when the file is no readable .xlsx or holds no request list.
 */
export async function readReturnedRequestList(
  bytes: Uint8Array,
  context: RequestListImportContext,
): Promise<ReturnedRequestList> {
  const workbook = await loadWorkbook(bytes);
  const table = locateTable(workbook);
  const about = readAbout(workbook);
  const result = reconcile(readTableRows(table), context, about?.snapshot ?? new Map());
  return {
    sheetName: table.sheet.name,
    headerRow: table.headerRow,
    exportedAt: about?.exportedAt ?? null,
    otherEngagement: otherEngagement(about, context, result),
    warnings: warningsFor(table, about, context),
    ...result,
  };
}
