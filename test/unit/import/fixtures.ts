/** Builds real .xlsx workbooks with exceljs inside the tests, so every import test reads a genuine file. */
import type * as ExcelJsModule from 'exceljs';
import type { CellValue } from 'exceljs';
import { emptyControlFields, type ControlFields } from '../../../shared/domain/planning/controls';
import {
  buildImportPreview,
  detectLayout,
  readSpreadsheet,
  suggestSheet,
  type ExistingControl,
  type ImportPreview,
  type ImportPreviewInput,
  type SheetGrid,
  type SheetLayout,
} from '../../../shared/import';

type ExcelModule = typeof ExcelJsModule;

async function excel(): Promise<ExcelModule> {
  const mod: ExcelModule & { default?: ExcelModule } = await import('exceljs');
  return mod.default ?? mod;
}

export interface SheetSpec {
  name: string;
  /** Row i is spreadsheet row i + 1; `undefined` leaves a cell empty. */
  rows: (CellValue | undefined)[][];
  /** Ranges such as `A1:F1`, merged after the values are set (the first cell keeps its value). */
  merges?: string[];
  hidden?: boolean;
  /** Rows below the data that only carry formatting (a bordered, empty table tail). */
  formattedEmptyRows?: number;
}

export async function buildXlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { state: spec.hidden ? 'hidden' : 'visible' });
    spec.rows.forEach((cells, r) => {
      cells.forEach((value, c) => {
        if (value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
    for (let i = 1; i <= (spec.formattedEmptyRows ?? 0); i += 1) {
      sheet.getCell(spec.rows.length + i, 1).border = { top: { style: 'thin' } };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook with no sheets at all (Excel never writes one, but other tools do). */
export async function buildEmptyWorkbook(): Promise<Uint8Array> {
  const ExcelJS = await excel();
  return new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer());
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function withBom(bytes: Uint8Array): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
}

/** UTF-16 LE with its byte-order mark, as Excel's "Unicode text" saves. */
export function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2] = code & 0xff;
    bytes[3 + i * 2] = code >> 8;
  }
  return bytes;
}

const WINDOWS_1252_EXTRAS: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };

/** Windows-1252 (Latin-1 plus a few of its extras), as Excel on Windows saves "CSV". */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => WINDOWS_1252_EXTRAS[ch] ?? ch.charCodeAt(0)));
}

/** Reads a file the way the import dialog does: pick the sheet, find the header, suggest the mapping. */
export async function previewFile(
  bytes: Uint8Array,
  fileName: string,
  options: Partial<Omit<ImportPreviewInput, 'rows' | 'headerRow' | 'mapping' | 'notes'>> = {},
): Promise<{ sheet: SheetGrid; layout: SheetLayout; preview: ImportPreview }> {
  const sheets = await readSpreadsheet(bytes, fileName);
  const sheet = sheets[suggestSheet(sheets)];
  if (!sheet) throw new Error('no sheet to import');
  const layout = detectLayout(sheet.rows);
  const preview = buildImportPreview({
    rows: sheet.rows,
    headerRow: layout.headerRow,
    mapping: layout.mapping,
    notes: sheet.notes,
    existing: options.existing ?? [],
    applicableCriteria: options.applicableCriteria ?? [],
    replaceCriteria: options.replaceCriteria ?? false,
  });
  return { sheet, layout, preview };
}

/** A control as stored in Fieldwork, for re-import tests. */
export function existingControl(
  id: string,
  fields: Partial<ControlFields>,
  deleted = false,
): ExistingControl {
  return { ...emptyControlFields(), ...fields, id, deleted };
}
