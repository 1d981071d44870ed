/** Why a returned request list could not be read at all, in words an auditor can act on. */

export type RequestListFileProblem = 'not-xlsx' | 'encrypted' | 'damaged' | 'no-request-list';

const MESSAGES: Record<RequestListFileProblem, string> = {
  'not-xlsx':
    'This file is not an Excel workbook (.xlsx). Open it in Excel or LibreOffice, save it as “Excel Workbook (.xlsx)” and import that file.',
  encrypted:
    'This file is password-protected, or in the old Excel 97–2003 format (.xls). Open it in Excel, remove the password if it has one, save it as “Excel Workbook (.xlsx)” and import that file.',
  damaged:
    'This workbook could not be read; it may be damaged or incomplete. Open it in Excel and save a new copy, or ask the client to send it again.',
  'no-request-list':
    'No request list was found in this workbook: no sheet has a “Request #” column. Import the request list that Fieldwork exported (its sheet is called “Requests”) after the client has filled it in.',
};

export class RequestListFileError extends Error {
  constructor(readonly problem: RequestListFileProblem) {
    super(MESSAGES[problem]);
    this.name = 'RequestListFileError';
  }
}
