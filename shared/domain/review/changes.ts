/**
 * "What changed since sign-off": the audit events written after a sign-off to any record of its workpaper
 * (`workpaperRecordIds`), each with its record named as the auditor knows it ("Sample item 3 (CHG-10042)",
 * "Exception EX-02", the evidence file's name) and every changed field in words, before → after. A
 * sample item's tickmarks read per attribute ("Tickmark B: ✓ → X"), nested settings per setting
 * ("Sampling › Size: 25 → 40").
 */
import type { AuditEvent, AuditOp, FieldChange } from '../audit/chain';
import { canonicalJson } from '../canonical-json';
import {
  opLabel,
  recordLabel,
  recordTypeLabel,
  shortId,
  shownChanges,
  formatTrailTime,
  trailFieldLabel,
  trailValue,
  type TrailValue,
} from '../audit/trail';
import {
  attributeLetter,
  BUILT_IN_TICKMARKS,
  EVIDENCE_LINK_LABELS,
  formatBytes,
  formatExceptionNumber,
  TECHNIQUE_LABELS,
  TEST_CONCLUSION_LABELS,
  EXCEPTION_NATURE_LABELS,
  EXCEPTION_SEVERITY_LABELS,
  EXCEPTION_STATUS_LABELS,
  EXCEPTION_TYPE_LABELS,
  type EvidenceLinkKind,
} from '../fieldwork';
import { CATEGORY_LABELS } from '../criteria/catalog';
import { ENGAGEMENT_KIND_LABELS, ENGAGEMENT_PHASE_LABELS, formatDate } from '../engagement';
import {
  CONTROL_STATUS_LABELS,
  CONTROL_TYPE_LABELS,
  FREQUENCY_LABELS,
  NATURE_LABELS,
  REQUEST_PRIORITY_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  RISK_LABELS,
  SECTION_STATUS_LABELS,
} from '../planning';
import { PROFILE_ROLE_LABELS } from '../profile/schema';
import { SNAPSHOT_TABLE_ENTITIES, SNAPSHOT_TABLES, type PartialSnapshot } from '../snapshot';
import { REVIEW_NOTE_STATUS_LABELS, SIGN_OFF_LEVEL_LABELS } from './schema';
import { parseWorkpaperKey, WORKPAPER_KIND_LABELS, WORKPAPER_TABLES, workpaperRecordIds } from './workpapers';

type Fields = Readonly<Record<string, unknown>>;

/** Where a sign-off sits in the trail: its own event's position, or (when that is missing) its time. */
export interface SignOffPoint {
  seq: number | null;
  at: string;
}

/** One changed field (or one tickmark, or one nested setting) of a change. */
export interface ChangedField {
  key: string;
  label: string;
  before: TrailValue;
  after: TrailValue;
}

/** One audit event after the sign-off, in words. */
export interface WorkpaperChange {
  seq: number;
  at: string;
  actor: string;
  actorName: string;
  op: AuditOp;
  /** "Added", "Changed", "Deleted", "Restored". */
  action: string;
  recordId: string;
  /** The record as the auditor knows it: "Test T-CM-01", "Sample item 3 (CHG-10042)". */
  record: string;
  fields: ChangedField[];
  reason?: string;
  postRelease: boolean;
}

/** What the descriptions read from the engagement: every record by id, and the tickmark legend. */
export interface ChangeContext {
  records: ReadonlyMap<string, { entity: string; record: Fields }>;
  /** A record's readable name by id ("Control CM-01"), for values that are ids. */
  labelOf(id: string): string | undefined;
  /** Tickmarks by id, built-in ones included. */
  marks: ReadonlyMap<string, { symbol: string; meaning: string }>;
}

const str = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/gu, ' ').trim() : '');

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record's name as the auditor knows it, its kind included: "Sample item 3 (CHG-10042)". */
export function changeRecordName(entity: string, record: Fields): string {
  switch (entity) {
    case 'engagement':
      return 'Engagement details';
    case 'controlTest':
      return `Test ${str(record.reference) || shortId(str(record.id))}`;
    case 'sampleItem': {
      const key = str(record.key);
      const position = typeof record.position === 'number' ? ` ${record.position}` : '';
      return `Sample item${position}${key ? ` (${clip(key, 60)})` : ''}`;
    }
    case 'exception':
      return typeof record.number === 'number'
        ? `Exception ${formatExceptionNumber(record.number)}`
        : 'Exception';
    case 'evidence': {
      const name = recordLabel(entity, record);
      return name ? `Evidence file ${name}` : 'Evidence file';
    }
    case 'tickmark': {
      const meaning = str(record.meaning);
      return `Tickmark ${str(record.symbol)}${meaning ? ` (${clip(meaning, 60)})` : ''}`;
    }
    case 'profile':
      return str(record.fullName) || 'An auditor';
    case 'descriptionSection': {
      const title = recordLabel(entity, record);
      return title ? `Section “${title}”` : 'Description section';
    }
    default: {
      const name = recordLabel(entity, record) ?? shortId(str(record.id));
      return `${recordTypeLabel(entity)} ${name}`;
    }
  }
}

/** Every record of the snapshot (tombstones included) with its name, and the legend's marks. */
export function changeContext(s: PartialSnapshot): ChangeContext {
  const records: { entity: string; record: Fields }[] = [{ entity: 'engagement', record: s.engagement }];
  for (const table of SNAPSHOT_TABLES) {
    for (const record of s[table] ?? []) records.push({ entity: SNAPSHOT_TABLE_ENTITIES[table], record });
  }
  return changeContextOf(records);
}

/**
 * The same from a plain list of records (the trail viewer reads every table itself); tickmark records
 * (entity `tickmark`) among them name the engagement's own marks.
 */
export function changeContextOf(list: Iterable<{ entity: string; record: Fields }>): ChangeContext {
  const records = new Map<string, { entity: string; record: Fields }>();
  const names = new Map<string, string>();
  const marks = new Map<string, { symbol: string; meaning: string }>(
    BUILT_IN_TICKMARKS.map((t) => [t.id, { symbol: t.symbol, meaning: t.meaning }]),
  );
  for (const entry of list) {
    records.set(str(entry.record.id), entry);
    if (entry.entity === 'tickmark') {
      marks.set(str(entry.record.id), {
        symbol: str(entry.record.symbol),
        meaning: str(entry.record.meaning),
      });
    }
  }
  return {
    records,
    labelOf(id) {
      let name = names.get(id);
      if (name === undefined) {
        const found = records.get(id);
        if (!found) return undefined;
        name = changeRecordName(found.entity, found.record);
        names.set(id, name);
      }
      return name;
    },
    marks,
  };
}

/** The seq of a sign-off's own event (its creation) among the events recorded for its id. */
export function signOffSeq(events: readonly AuditEvent[], chain: string): number | null {
  const own = events.filter((e) => e.chain === chain && e.op === 'create').map((e) => e.seq);
  return own.length > 0 ? Math.min(...own) : null;
}

/** The events after the sign-off that touched any of the records, oldest first. */
export function eventsAfterSignOff(
  events: readonly AuditEvent[],
  since: SignOffPoint,
  recordIds: ReadonlySet<string>,
): AuditEvent[] {
  return events
    .filter((e) => recordIds.has(e.entityId) && (since.seq !== null ? e.seq > since.seq : e.at > since.at))
    .sort((a, b) => a.seq - b.seq);
}

const EMPTY: TrailValue = { kind: 'empty' };
const text = (t: string): TrailValue => (t ? { kind: 'text', text: t } : EMPTY);
const list = (items: string[]): TrailValue => (items.length > 0 ? { kind: 'list', items } : EMPTY);

/** A readable line for an object inside a list (a person, a step, a follow-up): its main text. */
function objectLine(item: Fields): string | undefined {
  const main = ['description', 'text', 'name', 'title', 'fileName', 'reason']
    .map((k) => str(item[k]))
    .find(Boolean);
  if (!main) return undefined;
  const extra = ['title', 'organization', 'byName'].map((k) => str(item[k])).filter((v) => v && v !== main);
  const done = item.done === true ? ' (done)' : '';
  return `${main}${extra.length > 0 ? ` — ${extra.join(', ')}` : ''}${done}`;
}

type Labels = Readonly<Record<string, string>>;

/** Stored codes and the words the screens show for them, by record type and field. */
const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  engagement: {
    kind: ENGAGEMENT_KIND_LABELS,
    phase: ENGAGEMENT_PHASE_LABELS,
    categories: CATEGORY_LABELS,
    signOffLevels: SIGN_OFF_LEVEL_LABELS,
  },
  control: {
    frequency: FREQUENCY_LABELS,
    nature: NATURE_LABELS,
    controlType: CONTROL_TYPE_LABELS,
    risk: RISK_LABELS,
    status: CONTROL_STATUS_LABELS,
  },
  request: { type: REQUEST_TYPE_LABELS, priority: REQUEST_PRIORITY_LABELS, status: REQUEST_STATUS_LABELS },
  exception: {
    type: EXCEPTION_TYPE_LABELS,
    nature: EXCEPTION_NATURE_LABELS,
    severity: EXCEPTION_SEVERITY_LABELS,
    status: EXCEPTION_STATUS_LABELS,
  },
  controlTest: { conclusion: TEST_CONCLUSION_LABELS },
  signOff: { level: SIGN_OFF_LEVEL_LABELS, role: PROFILE_ROLE_LABELS },
  reviewNote: { status: REVIEW_NOTE_STATUS_LABELS },
  descriptionSection: { status: SECTION_STATUS_LABELS },
  profile: { role: PROFILE_ROLE_LABELS },
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** A workpaper key (`test:<id>`, `control-matrix`) as the auditor knows the workpaper. */
function workpaperName(key: string, ctx: ChangeContext): string {
  try {
    const { kind, id } = parseWorkpaperKey(key);
    const named = id ? ctx.labelOf(id) : undefined;
    return named ?? (id ? `${WORKPAPER_KIND_LABELS[kind]} ${id}` : WORKPAPER_KIND_LABELS[kind]);
  } catch {
    return key;
  }
}

/** One string in words: a code's label, a record's or a person's name, a date as the screens show it. */
function readableText(field: string, value: string, ctx: ChangeContext, entity: string): string {
  const labels = CODE_LABELS[entity]?.[field];
  if (labels?.[value] !== undefined) return labels[value];
  if (field === 'workpaper') return workpaperName(value, ctx);
  if (ISO_INSTANT.test(value)) return formatTrailTime(value);
  if (ISO_DATE.test(value)) return formatDate(value);
  return ctx.labelOf(value) ?? value;
}

/** A field's value in words, for the fields whose stored form reads poorly (codes, ids, objects). */
function readable(field: string, value: unknown, ctx: ChangeContext, entity = ''): TrailValue {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string') return text(readableText(field, value, ctx, entity));
  // A review note's target: its own label ("Item 2 — CHG-10042", "Procedure").
  if (field === 'target' && isPlainObject(value)) {
    return text(str(value.label) || (value.kind === 'workpaper' ? 'Whole workpaper' : str(value.kind)));
  }
  if (!Array.isArray(value)) return trailValue(value, (id) => ctx.labelOf(id));
  if (field === 'techniques') {
    return list(value.map((t) => TECHNIQUE_LABELS[t as keyof typeof TECHNIQUE_LABELS] ?? String(t)));
  }
  if (field === 'attributes') {
    return list(value.map((a, i) => `${attributeLetter(i)}. ${isPlainObject(a) ? str(a.text) : ''}`));
  }
  if (field === 'links') {
    return list(
      value.filter(isPlainObject).map((l) => {
        const id = str(l.id);
        const kind = EVIDENCE_LINK_LABELS[l.kind as EvidenceLinkKind] ?? str(l.kind);
        return ctx.labelOf(id) ?? `${kind} ${shortId(id)}`;
      }),
    );
  }
  if (field === 'versions') {
    return list(
      value.filter(isPlainObject).map((v) => {
        const size = typeof v.size === 'number' ? `, ${formatBytes(v.size)}` : '';
        return `${str(v.fileName)} (SHA-256 ${str(v.sha256).slice(0, 12)}…${size})`;
      }),
    );
  }
  const items = value.map((item) =>
    typeof item === 'string'
      ? readableText(field, item, ctx, entity)
      : isPlainObject(item)
        ? (objectLine(item) ?? JSON.stringify(item))
        : String(item),
  );
  return list(items);
}

/** A sample item's tickmarks, one change per attribute whose mark changed. */
function markChanges(item: Fields | undefined, change: FieldChange, ctx: ChangeContext): ChangedField[] {
  const before = isPlainObject(change.before) ? change.before : {};
  const after = isPlainObject(change.after) ? change.after : {};
  const test = typeof item?.testId === 'string' ? ctx.records.get(item.testId)?.record : undefined;
  const attributes = Array.isArray(test?.attributes) ? (test.attributes as unknown[]) : [];
  const mark = (id: unknown): TrailValue => {
    if (typeof id !== 'string' || !id) return EMPTY;
    const m = ctx.marks.get(id);
    return text(m ? `${m.symbol} (${m.meaning})` : id);
  };
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (id) => before[id] !== after[id],
  );
  const position = (id: string) => {
    const i = attributes.findIndex((a) => isPlainObject(a) && a.id === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return ids
    .sort((a, b) => position(a) - position(b))
    .map((id) => {
      const i = position(id);
      const attribute = attributes[i];
      const what = isPlainObject(attribute) ? str(attribute.text) : '';
      const label =
        i === Number.MAX_SAFE_INTEGER
          ? 'Tickmark, removed attribute'
          : `Tickmark ${attributeLetter(i)}${what ? ` — ${clip(what, 60)}` : ''}`;
      return { key: `marks.${id}`, label, before: mark(before[id]), after: mark(after[id]) };
    });
}

/** A change to a nested object (a test's sampling, its population), one change per setting that moved. */
function nestedChanges(
  key: string,
  label: string,
  before: Fields | null,
  after: Fields | null,
  ctx: ChangeContext,
  depth: number,
  entity: string,
): ChangedField[] {
  const out: ChangedField[] = [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  for (const sub of keys) {
    const a = before?.[sub];
    const b = after?.[sub];
    if (a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b))) continue;
    out.push(
      ...fieldChanges(
        `${key}.${sub}`,
        `${label} › ${trailFieldLabel(sub)}`,
        sub,
        a,
        b,
        ctx,
        depth + 1,
        entity,
      ),
    );
  }
  return out;
}

function fieldChanges(
  key: string,
  label: string,
  field: string,
  before: unknown,
  after: unknown,
  ctx: ChangeContext,
  depth: number,
  entity: string,
): ChangedField[] {
  const objectOrNone = (v: unknown) => isPlainObject(v) || v === null || v === undefined;
  if (
    depth < 3 &&
    field !== 'target' &&
    (isPlainObject(before) || isPlainObject(after)) &&
    objectOrNone(before) &&
    objectOrNone(after)
  ) {
    const a = isPlainObject(before) ? before : null;
    const b = isPlainObject(after) ? after : null;
    return nestedChanges(key, label, a, b, ctx, depth, entity);
  }
  return [
    {
      key,
      label,
      before: readable(field, before, ctx, entity),
      after: readable(field, after, ctx, entity),
    },
  ];
}

/** One stored field change in words: a sample item's marks per attribute, nested settings one by one. */
export function describeField(
  event: AuditEvent,
  field: string,
  change: FieldChange,
  ctx: ChangeContext,
): ChangedField[] {
  if (field === 'marks' && event.entity === 'sampleItem') {
    return markChanges(ctx.records.get(event.entityId)?.record, change, ctx);
  }
  const label = trailFieldLabel(field);
  if (event.op === 'create') {
    // A new record: its values, nested ones read as a whole.
    return [{ key: field, label, before: EMPTY, after: readable(field, change.after, ctx, event.entity) }];
  }
  return fieldChanges(field, label, field, change.before, change.after, ctx, 0, event.entity);
}

/** A value on one line of text (the CSV's "change in words"). */
export function trailValueText(value: TrailValue): string {
  switch (value.kind) {
    case 'empty':
      return '(empty)';
    case 'list':
      return value.items.join('; ');
    default:
      return value.text;
  }
}

/** One stored field change as lines of text: "Tickmark B — Approved: ✓ (…) → X (…)". */
export function fieldChangeInWords(event: AuditEvent, field: string, ctx: ChangeContext): string {
  const change = event.changes[field];
  if (!change) return '';
  return describeField(event, field, change, ctx)
    .map((f) =>
      event.op === 'create'
        ? `${f.label}: ${trailValueText(f.after)}`
        : `${f.label}: ${trailValueText(f.before)} → ${trailValueText(f.after)}`,
    )
    .join('\n');
}

/** One event in words: who, when, which record, and each field before → after. */
export function describeWorkpaperChange(event: AuditEvent, ctx: ChangeContext): WorkpaperChange {
  const found = ctx.records.get(event.entityId);
  const record = found
    ? changeRecordName(event.entity, found.record)
    : `${recordTypeLabel(event.entity)} ${shortId(event.entityId)}`;
  const fields: ChangedField[] = [];
  for (const [field, change] of shownChanges(event)) {
    if (field === 'deleted') continue; // the action says it
    fields.push(...describeField(event, field, change, ctx));
  }
  return {
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    actorName: event.actorName,
    op: event.op,
    action: opLabel(event.op),
    recordId: event.entityId,
    record,
    fields,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    postRelease: event.postRelease === true,
  };
}

/** Whether a stored list of evidence links points at any of the records. */
function pointsInto(links: unknown, ids: ReadonlySet<string>): boolean {
  return (
    Array.isArray(links) && links.some((l) => isPlainObject(l) && typeof l.id === 'string' && ids.has(l.id))
  );
}

/**
 * What changed in a workpaper since a sign-off: `events` are the engagement's events (those after the
 * sign-off are enough), `since` the sign-off's place in the trail. Oldest first.
 */
export function changesSinceSignOff(
  s: PartialSnapshot,
  workpaper: string,
  events: readonly AuditEvent[],
  since: SignOffPoint,
): WorkpaperChange[] {
  const ids = workpaperRecordIds(s, workpaper);
  // Evidence unlinked since the sign-off no longer points into the workpaper, yet its unlinking changed it.
  const withEvidence = WORKPAPER_TABLES[parseWorkpaperKey(workpaper).kind].includes('evidence');
  for (const e of withEvidence ? events : []) {
    const links = e.entity === 'evidence' ? e.changes.links : undefined;
    if (links && [links.before, links.after].some((v) => pointsInto(v, ids))) ids.add(e.entityId);
  }
  const ctx = changeContext(s);
  return eventsAfterSignOff(events, since, ids).map((e) => describeWorkpaperChange(e, ctx));
}
