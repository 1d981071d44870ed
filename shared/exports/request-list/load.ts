/** Opening a returned file, refusing what is not a readable .xlsx with a message the auditor can act on. */
import type { Workbook } from 'exceljs';
import { RequestListFileError } from './errors';
import { loadExcelJs } from './exceljs';

const ZIP_SIGNATURE = [0x50, 0x4b]; // "PK": .xlsx is a zip archive
/** OLE2 compound file: legacy .xls, or an .xlsx that Excel encrypted with a password. */
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  if (startsWith(bytes, OLE2_SIGNATURE)) throw new RequestListFileError('encrypted');
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new RequestListFileError('not-xlsx');
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy with its own ArrayBuffer: exceljs wants exactly the file's bytes.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new RequestListFileError('damaged');
  }
  // A zip without a workbook inside (an .ods, a .docx, an empty archive) loads as zero sheets.
  if (workbook.worksheets.length === 0) throw new RequestListFileError('not-xlsx');
  return workbook;
}
