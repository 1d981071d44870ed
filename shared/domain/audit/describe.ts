/**
 * Audit events in words, for the change history an auditor reads: "Marked CC6.4 not applicable",
 * "Changed Notes, Engagement partner".
 */
import { CATEGORY_LABELS } from '../criteria/catalog';
import type { AuditEvent, AuditOp } from './chain';
import { flattenChanges } from './diff';

function categoryLabel(id: string): string {
  return Object.entries(CATEGORY_LABELS).find(([key]) => key === id)?.[1] ?? id;
}

const FIELD_LABELS: Record<string, string> = {
  serviceOrganization: 'Service organization',
  systemName: 'System name',
  kind: 'Engagement type',
  asOfDate: 'As-of date',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  categories: 'Categories in scope',
  firm: 'Firm',
  engagementPartner: 'Engagement partner',
  team: 'Team',
  phase: 'Phase',
  reportDate: 'Report date',
  notes: 'Notes',
  archived: 'Archived',
  deleted: 'Deleted',
  fullName: 'Name',
  initials: 'Initials',
  role: 'Role',
  reason: 'Reason',
  marks: 'Tickmarks',
  note: 'Note',
  sampling: 'Sampling',
  population: 'Population',
  attributes: 'Attributes',
  conclusion: 'Conclusion',
  rationale: 'Rationale',
  resultText: 'Result text',
  report: 'Report',
  'report.opinion': 'Report: opinion',
  'report.basis': 'Report: basis for the opinion',
  'report.addressee': 'Report: addressed to',
  'report.city': 'Report: city where signed',
  'report.section4Order': 'Report: section IV order',
  'report.includeSection5': 'Report: section V included',
  description: 'Description',
  links: 'Links',
  versions: 'Versions',
  sampleItemIds: 'Items affected',
  attributeIds: 'Attributes affected',
  managementResponse: 'Management response',
  rootCause: 'Root cause',
  status: 'Status',
  controlIds: 'Controls',
  criteria: 'Criteria',
};

/** What each kind of record is called in the history ("Changed a sample item"). */
const ENTITY_WORDS: Record<string, string> = {
  control: 'a control',
  controlTest: 'a test',
  sampleItem: 'a sample item',
  exception: 'an exception',
  evidence: 'an evidence file',
  interview: 'an interview',
  walkthrough: 'a walkthrough',
  tickmark: 'a tickmark',
  request: 'a request',
  subserviceOrg: 'a subservice organization',
  csoc: 'a CSOC',
  userEntityControl: 'a user entity control',
  descriptionSection: 'a description section',
  firmSettings: 'the firm settings',
};
/** What each change is called: "Added", "Changed"… (the trail's Action column too). */
export const OP_LABELS: Record<AuditOp, string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  restore: 'Restored',
};

export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  // Inner values of an object field (flattenChanges): "Report: opinion", "Report wording: scope".
  if (field.startsWith('report.templates.'))
    return `Report wording: ${field.slice('report.templates.'.length)}`;
  const dot = field.lastIndexOf('.');
  if (dot > 0) return `${fieldLabel(field.slice(0, dot))}: ${field.slice(dot + 1)}`;
  return field;
}

export interface DescribeContext {
  /** The criterion a criterion-scoping record is about, by record id. */
  criterionOf(recordId: string): string | undefined;
}

export function describeAuditEvent(event: AuditEvent, context: DescribeContext): string {
  const changed = Object.keys(event.changes);
  if (event.entity === 'criterionScope') {
    const criterion =
      (typeof event.changes.criterionId?.after === 'string' ? event.changes.criterionId.after : undefined) ??
      context.criterionOf(event.entityId) ??
      'a criterion';
    const na = event.changes.notApplicable?.after;
    if (na === true) return `Marked ${criterion} not applicable`;
    if (na === false) return `Marked ${criterion} applicable`;
    return `Changed the not-applicable reason of ${criterion}`;
  }
  if (event.entity === 'engagement') {
    if (event.op === 'create') return 'Created the engagement';
    if (event.op === 'delete') return 'Deleted the engagement';
    if (event.op === 'restore') return 'Restored the engagement';
    if (changed.length === 1 && changed[0] === 'archived') {
      return event.changes.archived?.after
        ? 'Archived the engagement'
        : 'Restored the engagement from the archive';
    }
    return `Changed ${changed.map(fieldLabel).join(', ')}`;
  }
  if (event.entity === 'profile') {
    return event.op === 'create' ? 'Created the profile' : `Changed ${changed.map(fieldLabel).join(', ')}`;
  }
  const what = ENTITY_WORDS[event.entity] ?? event.entity;
  const fields =
    event.op === 'update' && changed.length > 0 ? ` (${changed.map(fieldLabel).join(', ')})` : '';
  return `${OP_LABELS[event.op] ?? event.op} ${what}${fields}`;
}

const MAX_VALUE_LENGTH = 60;

function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (field === 'team') return `${value.length} ${value.length === 1 ? 'person' : 'people'}`;
    if (value.some((v) => typeof v === 'object' && v !== null)) {
      return `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
    }
    return value.map((v) => (field === 'categories' ? categoryLabel(String(v)) : String(v))).join(', ');
  }
  if (typeof value === 'object') {
    const n = Object.keys(value).length;
    return n === 0 ? '(empty)' : `${n} value${n === 1 ? '' : 's'}`;
  }
  const text = String(value).replace(/\s+/g, ' ').trim();
  return `“${text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text}”`;
}

/** Each changed field as "Label: before → after" (long text shortened), for the change history. */
export function describeFieldChanges(event: AuditEvent): string[] {
  if (event.op === 'create') return [];
  return flattenChanges(event.changes)
    .filter(([field]) => field !== 'deleted')
    .map(
      ([field, change]) =>
        `${fieldLabel(field)}: ${formatValue(field, change.before)} → ${formatValue(field, change.after)}`,
    );
}
