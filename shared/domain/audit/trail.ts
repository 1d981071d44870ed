/**
 * The audit-trail viewer's pure side: how field values read, which events a set of filters keeps, and the
 * CSV an auditor hands to a reviewer (one row per field change). What records, fields and actions are
 * called lives in `names.ts`, re-exported here.
 */
import { formatCsv } from '../../formats/csv';
import { formatDateTime } from '../engagement';
import type { AuditEvent, FieldChange } from './chain';
import { flattenChanges } from './diff';
import { opLabel, recordTypeLabel, trailFieldLabel } from './names';

export {
  OP_LABELS,
  opLabel,
  recordLabel,
  recordLabels,
  recordTypeLabel,
  shortId,
  trailFieldLabel,
} from './names';

/** A local date and time to the second: `3 Jan 2026, 14:05:09`. */
export function formatTrailTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDateTime(iso)}:${String(d.getSeconds()).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------
// Field changes and their values

/** Fields that only say which record this is: shown once, not as changes. */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['id', 'engagementId']);

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/**
 * The changes worth showing: identity fields left out and, for a record just added, only the fields it
 * was given (not the empty ones, nor `deleted: false`).
 */
export function shownChanges(event: AuditEvent): [string, FieldChange][] {
  return (event.op === 'update' ? flattenChanges(event.changes) : Object.entries(event.changes)).filter(
    ([field, change]) =>
      !IDENTITY_FIELDS.has(field) &&
      (event.op !== 'create' || !(isEmpty(change.after) || (field === 'deleted' && change.after === false))),
  );
}

/** The labels of the fields an event changed, for the list. */
export function changedFieldLabels(event: AuditEvent): string[] {
  return shownChanges(event).map(([field]) => trailFieldLabel(field));
}

/** A value as the details show it: a line of text, a list (one entry per item) or compact JSON. */
export type TrailValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'json'; text: string };

/** Reads a stored value for people; ids of known records read as their labels (`labelOf`). */
export function trailValue(
  value: unknown,
  labelOf: (id: string) => string | undefined = () => undefined,
): TrailValue {
  if (isEmpty(value)) return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'Yes' : 'No' };
  if (typeof value === 'string') return { kind: 'text', text: labelOf(value) ?? value };
  if (Array.isArray(value)) {
    return {
      kind: 'list',
      items: value.map((item) =>
        typeof item === 'string' ? (labelOf(item) ?? item) : (JSON.stringify(item) ?? String(item)),
      ),
    };
  }
  if (typeof value === 'object') return { kind: 'json', text: JSON.stringify(value) };
  return { kind: 'text', text: String(value) };
}

/** A value as one cell of the CSV: the stored value itself, arrays and objects as JSON. */
export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Everything a search can find in an event besides its record's name and type: lower-case. */
export function eventSearchText(event: AuditEvent): string {
  const parts = [event.actorName, opLabel(event.op), event.reason ?? ''];
  for (const [field, change] of Object.entries(event.changes)) {
    parts.push(field, trailFieldLabel(field), csvValue(change.before), csvValue(change.after));
  }
  return parts.join('\n').toLocaleLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// Filters

export interface TrailFilter {
  /** Only this record's events. */
  recordId?: string | undefined;
  /** Profile id of the auditor. */
  actor?: string | undefined;
  entity?: string | undefined;
  /** Local calendar dates (`YYYY-MM-DD`), both included. */
  from?: string | undefined;
  to?: string | undefined;
  /** Words that must all appear in the record's name or type, the fields, the values or the reason. */
  query?: string | undefined;
  postReleaseOnly?: boolean | undefined;
}

export interface TrailContext {
  /** The record's readable name (or short id). */
  labelOf(event: AuditEvent): string;
  /** `eventSearchText`, possibly cached by the caller: it is the costly part over 100,000 events. */
  searchText?(event: AuditEvent): string;
}

/** The ISO instant a local calendar day starts at, `days` days after `date`; undefined for no date. */
export function localDayStart(date: string | undefined, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date ?? '');
  if (!match) return undefined;
  const d = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The events the filters keep, in the order given. */
export function filterTrailEvents(
  events: readonly AuditEvent[],
  filter: TrailFilter,
  context: TrailContext,
): AuditEvent[] {
  const from = localDayStart(filter.from);
  const until = localDayStart(filter.to, 1);
  const words = (filter.query ?? '').toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  const searchText = context.searchText ?? eventSearchText;
  return events.filter((e) => {
    if (filter.recordId && e.entityId !== filter.recordId) return false;
    if (filter.actor && e.actor !== filter.actor) return false;
    if (filter.entity && e.entity !== filter.entity) return false;
    if (filter.postReleaseOnly && !e.postRelease) return false;
    // ISO instants in UTC compare as text.
    if (from && new Date(e.at).toISOString() < from) return false;
    if (until && new Date(e.at).toISOString() >= until) return false;
    if (words.length === 0) return true;
    const text = `${context.labelOf(e)}\n${recordTypeLabel(e.entity)}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w) || searchText(e).includes(w));
  });
}

/** The auditors found in the events (latest name each), by name. */
export function trailActors(events: readonly AuditEvent[]): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const e of events) names.set(e.actor, e.actorName);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The record types found in the events, by label. */
export function trailRecordTypes(events: readonly AuditEvent[]): { entity: string; label: string }[] {
  return [...new Set(events.map((e) => e.entity))]
    .map((entity) => ({ entity, label: recordTypeLabel(entity) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

// ---------------------------------------------------------------------------------------------------------
// CSV

export const TRAIL_CSV_HEADER = [
  'seq',
  'at',
  'actor id',
  'actor name',
  'record type',
  'record id',
  'record label',
  'action',
  'field',
  'before',
  'after',
  'reason',
  'post-release',
  'prev hash',
  'hash',
  'change in words',
] as const;

/**
 * The CSV's rows, header first: one per field change, one for an event without any. `before`/`after`
 * hold the stored values exactly (what the hash covers); `inWords` adds the change as the screens read
 * it (names instead of ids, a tickmark per attribute), in the last column.
 */
export function trailCsvRows(
  events: readonly AuditEvent[],
  labelOf: (event: AuditEvent) => string,
  inWords: (event: AuditEvent, field: string) => string = () => '',
): string[][] {
  const rows: string[][] = [[...TRAIL_CSV_HEADER]];
  for (const e of events) {
    const row = (field: string, change: FieldChange | null) => [
      String(e.seq),
      e.at,
      e.actor,
      e.actorName,
      recordTypeLabel(e.entity),
      e.entityId,
      labelOf(e),
      opLabel(e.op),
      field ? trailFieldLabel(field) : '',
      change ? csvValue(change.before) : '',
      change ? csvValue(change.after) : '',
      e.reason ?? '',
      e.postRelease ? 'yes' : '',
      e.prevHash,
      e.hash,
      change ? inWords(e, field) : '',
    ];
    const changes = Object.entries(e.changes);
    if (changes.length === 0) rows.push(row('', null));
    for (const [field, change] of changes) rows.push(row(field, change));
  }
  return rows;
}

/** The CSV file's text: UTF-8 with a byte-order mark (Excel), cells kept from running as formulas. */
export function trailCsv(
  events: readonly AuditEvent[],
  labelOf: (event: AuditEvent) => string,
  inWords?: (event: AuditEvent, field: string) => string,
): string {
  return formatCsv(trailCsvRows(events, labelOf, inWords), { bom: true, protectFormulas: true });
}
