/**
 * Suggesting the key column (each item's identifier) and the date column of a population, from the
 * headings and from the values below them. The auditor confirms or changes both before building.
 */
import { cellText, isBlankRow, type Cell } from '../grid';
import { columnCount, headerLabels } from '../mapping';
import { ColumnDateReader, detectDayOrder } from './dates';
import type { PopulationColumnSuggestion } from './types';
import { dateHeaderTier, isDateHeader, keyHeaderScore } from './words';

/** Enough rows to judge a column; a larger sheet is judged by its first rows. */
const SAMPLE_ROWS = 5_000;
/** A key column has a value in nearly every row, and nearly every value is different. */
const KEY_MIN_FILLED = 0.8;
const KEY_MIN_UNIQUE = 0.9;
/** Without headings, only a column of short, all-different values in every row is taken as the key. */
const BARE_KEY_MIN = 0.95;
const BARE_KEY_MAX_LENGTH = 40;
/** A date column: most of its values read as dates. */
const DATE_MIN_READ = 0.8;

interface ColumnStats {
  filled: number;
  unique: number;
  dates: number;
  longestText: number;
}

function sampleRows(rows: readonly (readonly Cell[])[], headerRow: number): (readonly Cell[])[] {
  const sample: (readonly Cell[])[] = [];
  for (let i = Math.max(0, headerRow + 1); i < rows.length && sample.length < SAMPLE_ROWS; i += 1) {
    const row = rows[i];
    if (row && !isBlankRow(row)) sample.push(row);
  }
  return sample;
}

function columnStats(
  rows: readonly (readonly Cell[])[],
  sample: readonly (readonly Cell[])[],
  headerRow: number,
  column: number,
  label: string,
): ColumnStats {
  const order = detectDayOrder(rows, column, headerRow + 1).order ?? 'month-first';
  // A bare number is an Excel serial only under a date heading: 45123 is more often a ticket number.
  const reader = new ColumnDateReader(order, isDateHeader(label));
  const seen = new Set<string>();
  const stats: ColumnStats = { filled: 0, unique: 0, dates: 0, longestText: 0 };
  for (const row of sample) {
    const cell = row[column];
    const text = cellText(cell).replace(/\s+/gu, ' ');
    if (text === '') continue;
    stats.filled += 1;
    stats.longestText = Math.max(stats.longestText, text.length);
    const key = text.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      stats.unique += 1;
    }
    if (reader.read(cell).kind === 'date') stats.dates += 1;
  }
  return stats;
}

function isDateColumn(stats: ColumnStats): boolean {
  return stats.filled > 0 && stats.dates >= stats.filled * DATE_MIN_READ;
}

function keyFits(stats: ColumnStats, rowCount: number): boolean {
  return (
    stats.filled >= rowCount * KEY_MIN_FILLED &&
    stats.unique >= stats.filled * KEY_MIN_UNIQUE &&
    !isDateColumn(stats)
  );
}

function bareKeyFits(stats: ColumnStats, rowCount: number): boolean {
  return (
    stats.filled >= rowCount * BARE_KEY_MIN &&
    stats.unique >= stats.filled * BARE_KEY_MIN &&
    stats.longestText <= BARE_KEY_MAX_LENGTH &&
    !isDateColumn(stats)
  );
}

function suggestKey(
  stats: readonly ColumnStats[],
  labels: readonly string[],
  rowCount: number,
): number | null {
  if (rowCount === 0) return null;
  let best: number | null = null;
  let bestScore = 0;
  stats.forEach((s, column) => {
    const score = keyHeaderScore(labels[column] ?? '');
    if (score > bestScore && keyFits(s, rowCount)) {
      best = column;
      bestScore = score;
    }
  });
  if (best !== null || labels.some((label) => label !== '')) return best;
  const bare = stats.findIndex((s) => bareKeyFits(s, rowCount));
  return bare === -1 ? null : bare;
}

/**
 * Suggests the key and date columns of a sheet (`headerRow` 0-based, -1 without headings).
 *
 * Key: the column whose heading names an identifier ("Change ID", "Number", "Issue key" before "User" or
 * "Email", before "Name"; never "Requested by" or "Summary"), whose values are filled in at least 80% of
 * the rows and at least 90% different. Without headings, the leftmost column of short values filled and
 * different in (almost) every row. Null when no column fits.
 *
 * Date: among the columns whose values mostly (80%) read as dates, the leftmost one whose heading names
 * an event ("Approved on", "Closed", "Termination date"), then the leftmost without date words, and only
 * then hire or start dates, birthdays and last-edit dates. For a change export with "Approved on" and
 * "Implemented on", that is "Approved on". `dateColumns` lists all of them in that order for the picker.
 */
export function suggestPopulationColumns(
  rows: readonly (readonly Cell[])[],
  headerRow: number,
): PopulationColumnSuggestion {
  const labels = headerRow < 0 ? [] : headerLabels(rows, headerRow);
  const sample = sampleRows(rows, headerRow);
  const stats = Array.from({ length: columnCount(rows) }, (_, column) =>
    columnStats(rows, sample, headerRow, column, labels[column] ?? ''),
  );
  const keyColumn = suggestKey(stats, labels, sample.length);
  const dateColumns = stats
    .map((s, column) => ({ column, tier: dateHeaderTier(labels[column] ?? ''), fits: isDateColumn(s) }))
    .filter((c) => c.fits && c.column !== keyColumn)
    .sort((a, b) => a.tier - b.tier || a.column - b.column)
    .map((c) => c.column);
  return { keyColumn, dateColumn: dateColumns[0] ?? null, dateColumns };
}
