/**
 * Reading a population file the auditor picked: every sheet with its header row, column labels, size
 * and suggested key and date columns, plus the sheet most likely to hold the population.
 */
import { ImportError } from '../errors';
import { columnLetter, isBlankRow, type ReadLimits, type SheetGrid } from '../grid';
import { columnCount, headerLabels } from '../mapping';
import { readSpreadsheet } from '../read-spreadsheet';
import { suggestPopulationColumns } from './columns';
import { detectPopulationHeaderRow } from './header';
import type { PopulationFile, PopulationSheet } from './types';
import { MAX_POPULATION_ITEMS } from './build';

/** A population export can be far larger than a control matrix: a year of logins, every change ticket. */
export const POPULATION_LIMITS: ReadLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxSheetRows: MAX_POPULATION_ITEMS + 100,
  keepHint: 'ask the client to split the population by month or system',
};

function dataRowCount(grid: SheetGrid, headerRow: number): number {
  let count = 0;
  for (let i = Math.max(0, headerRow + 1); i < grid.rows.length; i += 1) {
    if (!isBlankRow(grid.rows[i])) count += 1;
  }
  return count;
}

/** One sheet as offered to the auditor; a refused sheet (too many rows) has no header or columns. */
export function describePopulationSheet(grid: SheetGrid): PopulationSheet {
  const base = { name: grid.name, hidden: grid.hidden, refusal: grid.refusal, grid };
  if (grid.refusal !== null) {
    return {
      ...base,
      headerRow: -1,
      rowCount: 0,
      columns: [],
      suggestion: { keyColumn: null, dateColumn: null, dateColumns: [] },
    };
  }
  const headerRow = detectPopulationHeaderRow(grid.rows);
  const labels = headerRow < 0 ? [] : headerLabels(grid.rows, headerRow);
  const columns = Array.from({ length: columnCount(grid.rows) }, (_, index) => ({
    index,
    letter: columnLetter(index),
    label: labels[index] ?? '',
  }));
  return {
    ...base,
    headerRow,
    rowCount: dataRowCount(grid, headerRow),
    columns,
    suggestion: suggestPopulationColumns(grid.rows, headerRow),
  };
}

/** Compares two ranks element by element, the first difference deciding. */
function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The sheet most likely to hold the population: usable sheets with rows, visible before hidden, then one
 * with a suggested key column, then one with a date column, then the one with more rows, then the first.
 * -1 when no sheet has any rows to import.
 */
export function suggestPopulationSheet(sheets: readonly PopulationSheet[]): number {
  let best = -1;
  let bestRank: readonly number[] = [];
  sheets.forEach((sheet, index) => {
    if (sheet.refusal !== null || sheet.rowCount === 0) return;
    const rank = [
      sheet.hidden ? 0 : 1,
      sheet.suggestion.keyColumn === null ? 0 : 1,
      sheet.suggestion.dateColumn === null ? 0 : 1,
      sheet.rowCount,
    ];
    if (best === -1 || compareRanks(rank, bestRank) > 0) {
      best = index;
      bestRank = rank;
    }
  });
  return best;
}

/**
 * Reads a population export (.xlsx or CSV) with `readSpreadsheet`, so every file it refuses is refused
 * here with the same message. Throws `ImportError` as well when no sheet has any row below its header.
 */
export async function readPopulation(bytes: Uint8Array, fileName: string): Promise<PopulationFile> {
  const sheets = (await readSpreadsheet(bytes, fileName, POPULATION_LIMITS)).map(describePopulationSheet);
  const suggestedSheet = suggestPopulationSheet(sheets);
  if (suggestedSheet === -1) {
    const refused = sheets.find((s) => s.refusal !== null);
    throw new ImportError(
      refused?.refusal ??
        'This file has no rows to sample from: there is nothing below the column headings. Check that you ' +
          'chose the right file, or ask the client for the population again.',
    );
  }
  return { sheets, suggestedSheet };
}
