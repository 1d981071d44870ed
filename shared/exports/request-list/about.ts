/**
 * The hidden About sheet: which engagement the file belongs to, when it was exported, and a snapshot of the
 * request list as exported. On import the snapshot tells the client's changes apart from changes made in
 * Fieldwork since the export, so an old file never undoes the auditor's later work.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { parseRequestNumber } from '../../domain/planning';
import { toXlsxText } from '../xlsx-text';
import { COLUMNS, normalizeHeader, type ColumnKey } from './columns';
import { cellText } from './cells';
import { findTable, readTableRows } from './table';
import { canonical, type RowValues } from './values';

export const ABOUT_SHEET = 'About';
const FORMAT = 'fieldwork-request-list/1';

export const isAboutSheet = (sheet: Worksheet): boolean =>
  normalizeHeader(sheet.name) === normalizeHeader(ABOUT_SHEET);

type MetaKey = keyof AboutMeta | 'format';
const LABELS: readonly (readonly [MetaKey, string])[] = [
  ['engagementId', 'Engagement id'],
  ['serviceOrganization', 'Service organization'],
  ['exportedAt', 'Exported at'],
  ['exportedBy', 'Exported by'],
  ['format', 'File format'],
];

export interface AboutMeta {
  readonly engagementId: string;
  readonly serviceOrganization: string;
  readonly exportedAt: string;
  readonly exportedBy: string;
}

/** The export snapshot in canonical form, by request number. */
export type Snapshot = ReadonlyMap<number, Readonly<Partial<Record<ColumnKey, string>>>>;

export interface AboutInfo {
  readonly engagementId: string | null;
  readonly serviceOrganization: string | null;
  readonly exportedAt: string | null;
  readonly snapshot: Snapshot;
}

function writeMeta(sheet: Worksheet, meta: AboutMeta): void {
  sheet.addRow(['About this file']).font = { bold: true };
  sheet.addRow(['Fieldwork reads this sheet when the file comes back. Please leave it unchanged.']);
  const values: Record<MetaKey, string> = { ...meta, format: FORMAT };
  for (const [key, label] of LABELS) sheet.addRow([label, toXlsxText(values[key])]);
  sheet.addRow([]);
  sheet.addRow(['The request list as exported:']);
}

/** Adds the hidden About sheet with `meta` and the exported rows. Every value is a text cell. */
export function addAboutSheet(workbook: Workbook, meta: AboutMeta, rows: readonly RowValues[]): void {
  const sheet = workbook.addWorksheet(ABOUT_SHEET, { state: 'hidden' });
  writeMeta(sheet, meta);
  sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(COLUMNS.map((c) => toXlsxText(row[c.key])));
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 40;
}

function readMeta(sheet: Worksheet): Partial<Record<MetaKey, string>> {
  const byLabel = new Map(LABELS.map(([key, label]) => [normalizeHeader(label), key]));
  const meta: Partial<Record<MetaKey, string>> = {};
  sheet.eachRow((row) => {
    const key = byLabel.get(normalizeHeader(cellText(row.getCell(1).value)));
    if (key) meta[key] ??= cellText(row.getCell(2).value).trim();
  });
  return meta;
}

function readSnapshot(sheet: Worksheet): Snapshot {
  const table = findTable(sheet);
  const snapshot = new Map<number, Partial<Record<ColumnKey, string>>>();
  if (!table) return snapshot;
  for (const row of readTableRows(table)) {
    const number = parseRequestNumber(row.text.number ?? '');
    if (number === null) continue;
    const values: Partial<Record<ColumnKey, string>> = {};
    for (const key of table.columns.keys()) values[key] = canonical(key, row.text[key] ?? '');
    snapshot.set(number, values);
  }
  return snapshot;
}

/** What the About sheet says, or null when the client removed it (a file still worth importing). */
export function readAbout(workbook: Workbook): AboutInfo | null {
  const sheet = workbook.worksheets.find(isAboutSheet);
  if (!sheet) return null;
  const meta = readMeta(sheet);
  return {
    engagementId: meta.engagementId || null,
    serviceOrganization: meta.serviceOrganization || null,
    exportedAt: meta.exportedAt || null,
    snapshot: readSnapshot(sheet),
  };
}
