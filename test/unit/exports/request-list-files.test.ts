import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readReturnedRequestList, RequestListFileError } from '../../../shared/exports/request-list';
import { exportFixture, makeFixture, saveWorkbook } from './request-list-fixture';

const context = { engagementId: makeFixture().engagement.id, requests: [] };

async function problemOf(bytes: Uint8Array): Promise<RequestListFileError> {
  const error: unknown = await readReturnedRequestList(bytes, context).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RequestListFileError))
    throw new Error(`expected a RequestListFileError, got ${String(error)}`);
  return error;
}

describe('readReturnedRequestList on files it cannot read', () => {
  it('explains that random bytes or an empty file are no Excel workbook', async () => {
    const random = crypto.getRandomValues(new Uint8Array(2048));
    random[0] = 0x42; // never a zip or OLE2 signature by chance
    for (const bytes of [
      random,
      new Uint8Array(0),
      new TextEncoder().encode('Request #,Status\nPBC-001,Open\n'),
    ]) {
      const error = await problemOf(bytes);
      expect(error.problem).toBe('not-xlsx');
      expect(error.message).toBe(
        'This file is not an Excel workbook (.xlsx). Open it in Excel or LibreOffice, save it as “Excel Workbook (.xlsx)” and import that file.',
      );
    }
  });

  it('explains that a zip without a workbook in it is no Excel workbook', async () => {
    const empty = await new JSZip().generateAsync({ type: 'uint8array' });
    const other = new JSZip();
    other.file('content.xml', '<office:document-content/>');
    for (const bytes of [empty, await other.generateAsync({ type: 'uint8array' })]) {
      expect((await problemOf(bytes)).problem).toBe('not-xlsx');
    }
  });

  it('recognises a password-protected or old .xls file by its OLE2 header', async () => {
    const ole2 = new Uint8Array(4096);
    ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await problemOf(ole2);
    expect(error.problem).toBe('encrypted');
    expect(error.message).toMatch(/password-protected.*remove the password/);
  });

  it('calls a cut-off workbook damaged', async () => {
    const bytes = await exportFixture(makeFixture());
    const error = await problemOf(bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(error.problem).toBe('damaged');
    expect(error.message).toMatch(/could not be read; it may be damaged/);
  });

  it('says so when no sheet has a request list', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Request list', 'Status']);
    sheet.addRow(['Evidence for CC6.1', 'Open']);
    const error = await problemOf(await saveWorkbook(workbook));
    expect(error.problem).toBe('no-request-list');
    expect(error.name).toBe('RequestListFileError');
    expect(error.message).toMatch(
      /^No request list was found in this workbook: no sheet has a “Request #” column\./,
    );
  });

  it('finds the list on another sheet when the client renamed or copied it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cover').addRow(['Northwind responses']);
    const sheet = workbook.addWorksheet('Sheet2');
    sheet.addRow(['PBC #', 'Status', 'Comments']);
    sheet.addRow([7, 'Submitted', 'done']);
    const f = makeFixture();
    const result = await readReturnedRequestList(await saveWorkbook(workbook), {
      engagementId: f.engagement.id,
      requests: f.requests,
    });
    expect(result.sheetName).toBe('Sheet2');
    expect(result.warnings).toEqual(['The file has no “Date provided” column, so that column was not read.']);
    expect(result.problems.map((p) => p.kind)).toEqual(['deleted-request']);
  });
});
