/**
 * RFC 4180 CSV parsing: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF,
 * an optional UTF-8 byte-order mark. Malformed input (a stray quote) is reported with its line number.
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
