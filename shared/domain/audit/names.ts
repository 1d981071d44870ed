/**
 * What the audit trail calls things: record types ("Test"), actions ("Added"), fields ("Due date") and each
 * record by its current content ("CC6.1-01", "PBC-007", "EX-03", an evidence file's name).
 */
import { formatExceptionNumber } from '../fieldwork';
import { ASSERTION_KEY, DESCRIPTION_SECTIONS, formatRequestNumber } from '../planning';
import type { AuditOp } from './chain';
import { fieldLabel, OP_LABELS } from './describe';

export { OP_LABELS };

type Fields = Readonly<Record<string, unknown>>;

/** What each kind of record is called in the trail's "Record type" column and filter. */
const RECORD_TYPE_LABELS: Record<string, string> = {
  engagement: 'Engagement',
  criterionScope: 'Criterion scoping',
  control: 'Control',
  subserviceOrg: 'Subservice organization',
  csoc: 'CSOC',
  userEntityControl: 'User entity control',
  request: 'Request',
  descriptionSection: 'Description section',
  evidence: 'Evidence',
  interview: 'Interview',
  walkthrough: 'Walkthrough',
  controlTest: 'Test',
  sampleItem: 'Sample item',
  exception: 'Exception',
  tickmark: 'Tickmark',
  signOff: 'Sign-off',
  reviewNote: 'Review note',
  addendum: 'Addendum',
  firmSettings: 'Firm settings',
  profile: 'Profile',
};

/** Workpapers without a record of their own, by the key a sign-off records (`review/workpapers.ts`). */
const WORKPAPER_NAMES: Record<string, string> = {
  'control-matrix': 'Control matrix',
  'request-list': 'Request list',
  'report-draft': 'Report draft',
};

/** `reviewNote` → `Review note`: a readable name for an entity or field nobody has named yet. */
function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/gu, '$1 $2').toLocaleLowerCase();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

export function recordTypeLabel(entity: string): string {
  return RECORD_TYPE_LABELS[entity] ?? humanize(entity);
}

export function opLabel(op: string): string {
  return OP_LABELS[op as AuditOp] ?? humanize(op); // events read back from disk may hold any string
}

/** A field's label: the history's own wording where there is one, else the field name in words. */
export function trailFieldLabel(field: string): string {
  if (field === 'id') return 'Record id';
  const known = fieldLabel(field);
  return known === field ? humanize(field) : known;
}

/** The end of a record id (UUIDv7 ids share their first, time-based, digits): `…3f9a2c1d`. */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}

const MAX_LABEL = 80;

function str(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/gu, ' ').trim() : '';
}

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/**
 * A record's readable name from its current content: a control's or test's reference, `PBC-007`, `EX-03`,
 * an evidence file's name, an interview's title… `labelOf` names other records (a sample item's test).
 * Undefined when the record says nothing readable about itself.
 */
export function recordLabel(
  entity: string,
  record: Fields,
  labelOf: (id: string) => string | undefined = () => undefined,
): string | undefined {
  const first = (...values: unknown[]) => values.map(str).find(Boolean);
  let label: string | undefined;
  switch (entity) {
    case 'engagement':
      label = first(record.serviceOrganization);
      break;
    case 'criterionScope':
      label = first(record.criterionId);
      break;
    case 'request':
    case 'exception':
      if (typeof record.number === 'number') {
        const n = record.number;
        label = entity === 'request' ? formatRequestNumber(n) : formatExceptionNumber(n);
      }
      break;
    case 'evidence': {
      const versions = Array.isArray(record.versions) ? (record.versions as unknown[]) : [];
      const current = versions[versions.length - 1];
      label = first(typeof current === 'object' && current ? (current as Fields).fileName : undefined);
      break;
    }
    case 'descriptionSection':
      label =
        record.key === ASSERTION_KEY
          ? "Management's assertion"
          : DESCRIPTION_SECTIONS.find((s) => s.key === record.key)?.title;
      break;
    case 'sampleItem': {
      const test = typeof record.testId === 'string' ? labelOf(record.testId) : undefined;
      const position = typeof record.position === 'number' ? `#${record.position}` : '';
      label = [test, position, str(record.key)].filter(Boolean).join(' ');
      break;
    }
    case 'reviewNote':
    case 'addendum':
      // Named as the review screens number them (review/schema.ts), without importing that area: it imports this one.
      if (typeof record.number === 'number')
        label = `${entity === 'reviewNote' ? 'RN' : 'AD'}-${record.number}`;
      break;
    case 'signOff': {
      const level = str(record.level);
      const what = workpaperName(str(record.workpaper), labelOf);
      label = [level && `${level.charAt(0).toLocaleUpperCase()}${level.slice(1)} sign-off`, what]
        .filter(Boolean)
        .join(', ');
      break;
    }
    case 'tickmark':
      label = [str(record.symbol), str(record.meaning)].filter(Boolean).join(' — ');
      break;
    case 'profile':
      label = first(record.fullName);
      break;
    default:
      label = first(record.reference, record.title, record.name, record.description);
  }
  return label ? clip(label) : undefined;
}

/** A workpaper key (`test:<id>`, `description:services`, `control-matrix`) in words. */
function workpaperName(key: string, labelOf: (id: string) => string | undefined): string {
  const [kind = '', id = ''] = key.split(':');
  if (WORKPAPER_NAMES[key]) return WORKPAPER_NAMES[key];
  if (kind === 'description') return DESCRIPTION_SECTIONS.find((s) => s.key === id)?.title ?? key;
  return labelOf(id) ?? key;
}

/**
 * The readable name of every record given, by id. Records naming others (a sample item its test) are
 * named after the others, whatever the order they come in.
 */
export function recordLabels(records: readonly { entity: string; record: Fields }[]): Map<string, string> {
  const labels = new Map<string, string>();
  const later: { entity: string; record: Fields }[] = [];
  for (const r of records) {
    if (NAMED_AFTER_OTHERS.has(r.entity)) later.push(r);
    else setLabel(labels, r.entity, r.record);
  }
  for (const r of later) setLabel(labels, r.entity, r.record);
  return labels;
}

/** Records whose name includes another record's (a sample item its test's, a sign-off its workpaper's). */
const NAMED_AFTER_OTHERS: ReadonlySet<string> = new Set(['sampleItem', 'signOff']);

function setLabel(labels: Map<string, string>, entity: string, record: Fields): void {
  const label = recordLabel(entity, record, (id) => labels.get(id));
  if (label && typeof record.id === 'string') labels.set(record.id, label);
}
