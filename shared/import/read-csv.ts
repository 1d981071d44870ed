/**
 * Reads delimited text (CSV from Excel, Google Sheets, Numbers or an export tool) into a grid: guesses the
 * encoding and the delimiter the way Excel users expect, then parses with `parseCsv`.
 */
import { CsvError, parseCsv } from '../formats/csv';
import { ImportError } from './errors';
import { sheetSizeRefusal, trimGrid, type Cell, type SheetGrid } from './grid';

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const SAMPLE_LINES = 30;

/** Per line (outside quotes), how often each candidate delimiter occurs, for the first non-blank lines. */
function delimiterCounts(text: string): Map<CsvDelimiter, number[]> {
  const counts = new Map<CsvDelimiter, number[]>(CSV_DELIMITERS.map((d) => [d, []]));
  let line = new Map<string, number>();
  let inQuotes = false;
  let lines = 0;
  let lineHasText = false;
  const endLine = () => {
    if (lineHasText) {
      for (const d of CSV_DELIMITERS) counts.get(d)?.push(line.get(d) ?? 0);
      lines += 1;
    }
    line = new Map();
    lineHasText = false;
  };
  for (let i = 0; i < text.length && lines < SAMPLE_LINES; i += 1) {
    const ch = text.charAt(i);
    if (ch === '"') {
      inQuotes = !inQuotes;
      lineHasText = true;
    } else if (inQuotes) continue;
    else if (ch === '\n' || ch === '\r') endLine();
    else if (ch.trim() !== '') lineHasText = true;
    if (!inQuotes && (CSV_DELIMITERS as readonly string[]).includes(ch))
      line.set(ch, (line.get(ch) ?? 0) + 1);
  }
  endLine();
  return counts;
}

/** How many lines share the most common non-zero count, and that count. */
function consistency(counts: readonly number[]): { lines: number; columns: number } {
  const tally = new Map<number, number>();
  for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
  let best = { lines: 0, columns: 0 };
  for (const [columns, lines] of tally) {
    if (lines > best.lines || (lines === best.lines && columns > best.columns)) best = { lines, columns };
  }
  return best;
}

/**
 * The delimiter that splits the first lines into the most consistent number of columns (quoted text is
 * ignored, so commas inside a semicolon file's descriptions do not mislead it). Comma when nothing splits.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = delimiterCounts(text);
  let best: { delimiter: CsvDelimiter; lines: number; columns: number } = {
    delimiter: ',',
    lines: 0,
    columns: 0,
  };
  for (const delimiter of CSV_DELIMITERS) {
    const score = consistency(counts.get(delimiter) ?? []);
    if (score.lines > best.lines || (score.lines === best.lines && score.columns > best.columns)) {
      best = { delimiter, ...score };
    }
  }
  return best.delimiter;
}

/** Excel honours a first line `sep=;` naming the delimiter, and does not show it as a row. */
function splitSepLine(text: string): { delimiter: CsvDelimiter | null; body: string } {
  const match = /^\uFEFF?sep=(.)\r?\n/iu.exec(text);
  const named = CSV_DELIMITERS.find((d) => d === match?.[1]);
  if (!match || !named) return { delimiter: null, body: text };
  return { delimiter: named, body: text.slice(match[0].length) };
}

function parseOrExplain(text: string, delimiter: CsvDelimiter): string[][] {
  try {
    return parseCsv(text, delimiter);
  } catch (cause) {
    if (!(cause instanceof CsvError)) throw cause;
    throw new ImportError(
      `Fieldwork could not read this CSV file: line ${cause.line} has a quotation mark in an unexpected ` +
        'place. Open the file in Excel, save it again as "CSV UTF-8", and try again.',
      { cause },
    );
  }
}

/** A decoded CSV text as a one-sheet grid named after the file. */
export function readCsvText(text: string, sheetName: string, maxRows?: number): SheetGrid {
  const { delimiter, body } = splitSepLine(text);
  const records = parseOrExplain(body, delimiter ?? detectDelimiter(body));
  const rows = trimGrid(
    records.map((record) => record.map((value): Cell => (value.trim() === '' ? null : value))),
  );
  const refusal = sheetSizeRefusal(sheetName, rows.length, maxRows);
  if (refusal) throw new ImportError(refusal);
  return { name: sheetName, rows, hidden: false, notes: [], refusal: null };
}
