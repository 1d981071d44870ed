/** Builds the population the auditor chose from a file already read: one sheet, its key and date columns. */
import { ImportError } from '../errors';
import { buildPopulation } from './build';
import type { DayOrder, Population, PopulationFile, PopulationPeriod } from './types';

export interface PopulationChoice {
  sheet: string;
  /** 0-based header row (-1: none), as the file's sheet reported it. */
  headerRow: number;
  keyColumn: number;
  dateColumn: number | null;
  dayOrder?: DayOrder | null | undefined;
}

export function buildChosenPopulation(
  file: PopulationFile,
  choice: PopulationChoice,
  period: PopulationPeriod | null,
): Population {
  const sheet = file.sheets.find((s) => s.name === choice.sheet);
  if (!sheet) throw new ImportError(`The sheet "${choice.sheet}" is not in this file.`);
  return buildPopulation({
    grid: sheet.grid,
    headerRow: choice.headerRow,
    keyColumn: choice.keyColumn,
    dateColumn: choice.dateColumn,
    period,
    ...(choice.dayOrder ? { dayOrder: choice.dayOrder } : {}),
  });
}
