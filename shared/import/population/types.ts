/** The shapes of a population import: what the file offers, what the auditor chose, what it yields. */
import type { SheetGrid } from '../grid';
import type { ProblemColumn } from '../problems';

/** How a date written as `03/05/2026` is read: 3 May (`day-first`) or March 5 (`month-first`). */
export type DayOrder = 'month-first' | 'day-first';

/** The columns Fieldwork suggests; each is a 0-based column index, or null when no column fits. */
export interface PopulationColumnSuggestion {
  keyColumn: number | null;
  dateColumn: number | null;
  /** Every column whose values read as dates, best first, so the auditor can pick another one. */
  dateColumns: number[];
}

export interface PopulationColumn {
  /** 0-based column index. */
  index: number;
  /** As the spreadsheet shows it: `C`. */
  letter: string;
  /** The header text ('' when the header cell is blank or the sheet has no header row). */
  label: string;
}

export interface PopulationSheet {
  name: string;
  hidden: boolean;
  /** Why this sheet cannot be used (too many rows); it is still listed so the auditor sees why. */
  refusal: string | null;
  /** 0-based index of the header row in `grid.rows`; -1 when no row looks like column headings. */
  headerRow: number;
  /** Non-blank rows below the header (or in the whole sheet without a header): the rows that may be items. */
  rowCount: number;
  columns: PopulationColumn[];
  suggestion: PopulationColumnSuggestion;
  /** The sheet as read, to hand to `buildPopulation` once the auditor has chosen. */
  grid: SheetGrid;
}

export interface PopulationFile {
  sheets: PopulationSheet[];
  /** Index into `sheets` of the sheet most likely to hold the population; -1 when none can be used. */
  suggestedSheet: number;
}

/** The audit period as calendar dates `YYYY-MM-DD`, both days included. */
export interface PopulationPeriod {
  start: string;
  end: string;
}

export interface PopulationInput {
  /** The sheet as read (only `rows` and `notes` are used). */
  grid: Pick<SheetGrid, 'rows'> & Partial<Pick<SheetGrid, 'notes'>>;
  /** 0-based index of the header row; -1 when the sheet has none (every row may be an item). */
  headerRow: number;
  /** 0-based column holding each item's identifier. */
  keyColumn: number;
  /** 0-based column holding each item's date, or null for a population without dates. */
  dateColumn: number | null;
  period: PopulationPeriod | null;
  /** How to read dates such as `03/05/2026`; by default decided from the column itself. */
  dayOrder?: DayOrder;
}

export interface PopulationItem {
  /** The row number the spreadsheet shows (1-based), for the auditor to find the item. */
  row: number;
  key: string;
  /** `YYYY-MM-DD`, or null when the row has no date or its date cannot be read. */
  date: string | null;
  /** The date falls before the period's start or after its end (never true without a date or period). */
  outsidePeriod: boolean;
}

export type PopulationProblemKind =
  'blank-key' | 'duplicate-key' | 'unreadable-date' | 'total-row' | 'heading-row' | 'header-repeat';

export interface PopulationProblem {
  /** The row number the spreadsheet shows (1-based). */
  row: number;
  column: ProblemColumn | null;
  kind: PopulationProblemKind;
  /** The whole sentence, starting with where: `Row 14, column C "Change ID": …`. */
  message: string;
}

export interface PopulationSummary {
  firstDate: string | null;
  lastDate: string | null;
  /** Items dated before the period's start or after its end. */
  outsidePeriod: number;
  /** Items without a date: blank or unreadable (every item when no date column was chosen). */
  undated: number;
  /** Items whose key already appeared on an earlier row (the first occurrence is not counted). */
  duplicates: number;
  /** Rows with content that are not items: blank keys, totals, headings, repeated headers. */
  skipped: number;
}

export interface Population {
  /** In file order: sampling picks items by their index in this array. */
  items: PopulationItem[];
  count: number;
  problems: PopulationProblem[];
  summary: PopulationSummary;
  /** The day order used for dates such as `03/05/2026`; null when the column has none. */
  dayOrder: DayOrder | null;
  /** How such dates were read and why, for the auditor to confirm; null when no date needed a guess. */
  dateFormatNote: string | null;
}
