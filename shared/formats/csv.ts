/**
 * RFC 4180 CSV parsing: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF,
 * an optional UTF-8 byte-order mark. Malformed input (a stray quote) is reported with its line number.
 * Writing (`formatCsv`) quotes what needs quoting and, by default, keeps cells from running as formulas.
 */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let fieldStartedQuoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i += 1) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.length > 0 || fieldStartedQuoted) throw new CsvError('unexpected quote inside a field', line);
      inQuotes = true;
      fieldStartedQuoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStartedQuoted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStartedQuoted = false;
      line += 1;
    } else {
      if (fieldStartedQuoted) throw new CsvError('text after a closing quote', line);
      field += ch;
    }
  }
  if (inQuotes) throw new CsvError('a quoted field is never closed', line);
  if (field.length > 0 || fieldStartedQuoted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into objects keyed by the header names. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(text);
  if (!header) return [];
  return body
    .filter((cells) => cells.some((c) => c.trim() !== ''))
    .map((cells) => Object.fromEntries(header.map((name, idx) => [name, cells[idx] ?? ''])));
}

/** A value for one CSV cell: text as it is, numbers and booleans as written by `String`, empty for null. */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  delimiter?: string;
  /** Between rows; RFC 4180 says CRLF, which every spreadsheet program reads. */
  newline?: '\r\n' | '\n';
  /**
   * Text cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading apostrophe, so a
   * spreadsheet program opening the file shows them as text instead of running them as formulas (CSV
   * injection: a record's text is typed by people outside the firm). On by default; turn it off only for
   * files read by programs, not people.
   */
  protectFormulas?: boolean;
  /** Starts the text with a UTF-8 byte-order mark, without which Excel reads accented letters wrongly. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/u;

/** One cell as CSV: quoted when it holds the delimiter, a quote or a line break (RFC 4180). */
export function formatCsvCell(cell: CsvCell, options: CsvWriteOptions = {}): string {
  const { delimiter = ',', protectFormulas = true } = options;
  let text = cell === null || cell === undefined ? '' : String(cell);
  if (protectFormulas && typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Rows as CSV text that `parseCsv` (and any spreadsheet program) reads back cell for cell. */
export function formatCsv(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const { delimiter = ',', newline = '\r\n', bom = false } = options;
  const lines = rows.map((row) => row.map((cell) => formatCsvCell(cell, options)).join(delimiter));
  return `${bom ? '\ufeff' : ''}${lines.join(newline)}${lines.length > 0 ? newline : ''}`;
}
