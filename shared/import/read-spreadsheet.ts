/** The entry point for reading a file the auditor picked: decides what it is and reads it into grids. */
import { ImportError } from './errors';
import { CONTROL_MATRIX_LIMITS, type ReadLimits, type SheetGrid } from './grid';
import { decodeText } from './encoding';
import { readCsvText } from './read-csv';
import { DAMAGED_WORKBOOK as DAMAGED, readXlsx } from './read-xlsx';
import { sniffFileKind, type FileKind } from './sniff';

const WORKBOOK_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm', 'xls', 'xlsb', 'ods', 'numbers']);
const SAVE_AS_XLSX = 'save it as .xlsx (Excel Workbook) without a password and try again.';
const CHOOSE_A_SPREADSHEET = 'Choose an Excel workbook (.xlsx) or a CSV file.';

/** The base name without its folder, and its extension in lower case. */
export function splitFileName(fileName: string): { stem: string; extension: string } {
  const base = fileName.split(/[\\/]/u).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return { stem: base, extension: '' };
  return { stem: base.slice(0, dot), extension: base.slice(dot + 1).toLowerCase() };
}

/** Why a file of this kind cannot be read, for every kind that is not a workbook or text. */
const REFUSALS: Partial<Record<FileKind, string>> = {
  ole2:
    'This file is an older Excel workbook (.xls) or a password-protected workbook, which Fieldwork cannot ' +
    `read. Open it in Excel, ${SAVE_AS_XLSX}`,
  xlsb: `This file is an Excel Binary Workbook (.xlsb). Open it in Excel, ${SAVE_AS_XLSX}`,
  ods: `This file is an OpenDocument spreadsheet (.ods). Open it in your spreadsheet program, ${SAVE_AS_XLSX}`,
  zip:
    'This file is not a spreadsheet Fieldwork can read (it is a zip archive, such as a Word document or a ' +
    `compressed folder, not an Excel workbook). ${CHOOSE_A_SPREADSHEET}`,
  image: `This file is not a spreadsheet Fieldwork can read (it is an image). ${CHOOSE_A_SPREADSHEET}`,
  pdf: `This file is not a spreadsheet Fieldwork can read (it is a PDF document). ${CHOOSE_A_SPREADSHEET}`,
  binary: `This file is not a spreadsheet Fieldwork can read (its content is not a workbook or text). ${CHOOSE_A_SPREADSHEET}`,
};

function refuseSize(bytes: Uint8Array, limits: ReadLimits): void {
  if (bytes.length === 0) throw new ImportError('This file is empty. Check that you chose the right file.');
  if (bytes.length > limits.maxFileBytes) {
    const megabytes = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new ImportError(
      `This file is ${megabytes} MB; Fieldwork imports spreadsheets of up to ${limits.maxFileBytes / (1024 * 1024)} MB. ` +
        `Delete the sheets or rows you do not need, or ${limits.keepHint}, and try again.`,
    );
  }
}

function readText(bytes: Uint8Array, fileName: string, maxRows: number): SheetGrid[] {
  const { stem, extension } = splitFileName(fileName);
  if (WORKBOOK_EXTENSIONS.has(extension)) {
    throw new ImportError(
      `This file is named .${extension} but is not an Excel workbook: it contains plain text. If it was ` +
        'exported as text, rename it to .csv and try again; otherwise open it in Excel and save it as .xlsx.',
    );
  }
  const grid = readCsvText(decodeText(bytes).text, stem || 'Sheet1', maxRows);
  if (grid.rows.length === 0)
    throw new ImportError('This file has no data. Check that you chose the right file.');
  return [grid];
}

/**
 * Reads a spreadsheet file into grids, one per sheet with content. The content decides, not the name:
 * an .xlsx workbook (zip), or delimited text (CSV, Excel's "Unicode text"). Anything else, or a damaged,
 * encrypted, empty or oversized file, throws an `ImportError` whose message tells the auditor what to do.
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits = CONTROL_MATRIX_LIMITS,
): Promise<SheetGrid[]> {
  refuseSize(bytes, limits);
  const kind = sniffFileKind(bytes);
  if (kind === 'xlsx') return readXlsx(bytes, limits.maxSheetRows);
  if (kind === 'zip' && WORKBOOK_EXTENSIONS.has(splitFileName(fileName).extension))
    throw new ImportError(DAMAGED);
  if (kind === 'text' || kind === 'utf16-text') return readText(bytes, fileName, limits.maxSheetRows);
  throw new ImportError(
    REFUSALS[kind] ?? `This file is not a spreadsheet Fieldwork can read. ${CHOOSE_A_SPREADSHEET}`,
  );
}
