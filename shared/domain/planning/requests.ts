/**
 * The request list (PBC, "provided by client"): what the auditor asks the client for. Request numbers are
 * stable and never reused, even after a request is deleted (the tombstone keeps its number), because the
 * client's spreadsheet and emails refer to them. See soc2-domain.md §5.3.
 */
import { z } from 'zod';
import { engagementRecordMetaSchema } from '../records/base';
import { idListSchema, optionalDate, text } from './fields';

export const REQUEST_TYPES = ['document', 'population', 'sample-evidence', 'walkthrough', 'other'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  document: 'Policy / document',
  population: 'Population',
  'sample-evidence': 'Sample evidence',
  walkthrough: 'Walkthrough meeting',
  other: 'Other',
};

export const REQUEST_STATUSES = [
  'draft',
  'open',
  'in-progress',
  'submitted',
  'accepted',
  'returned',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  'in-progress': 'In progress',
  submitted: 'Submitted',
  accepted: 'Accepted',
  returned: 'Returned',
  closed: 'Closed',
};
/** Statuses in which the client still owes something: these can be overdue. */
export const OUTSTANDING_REQUEST_STATUSES: ReadonlySet<RequestStatus> = new Set([
  'open',
  'in-progress',
  'returned',
]);

export const REQUEST_PRIORITIES = ['low', 'normal', 'high'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];
export const REQUEST_PRIORITY_LABELS: Record<RequestPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
};

const requestShape = {
  /** Stable number shown as PBC-001; assigned once, never reused. */
  number: z.number().int().min(1).max(99_999),
  title: text(300).min(1, 'Give the request a short title.'),
  description: text(10_000),
  type: z.enum(REQUEST_TYPES),
  controlIds: idListSchema,
  clientOwner: text(200),
  auditorContact: text(200),
  requestedOn: optionalDate,
  dueOn: optionalDate,
  priority: z.enum(REQUEST_PRIORITIES),
  status: z.enum(REQUEST_STATUSES),
  /** The running comments between auditor and client (the spreadsheet's comments column). */
  comments: text(20_000),
  receivedOn: optionalDate,
  // Evidence received for a request is linked from the evidence record (its `links`), not from here.
};

function checkDates(r: { requestedOn: string | null; dueOn: string | null }, ctx: z.RefinementCtx): void {
  if (r.requestedOn && r.dueOn && r.dueOn < r.requestedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['dueOn'],
      message: 'The due date cannot be before the request date.',
    });
  }
}

export const requestFieldsSchema = z.object(requestShape).superRefine(checkDates);
export type RequestFields = z.output<typeof requestFieldsSchema>;
export const requestSchema = engagementRecordMetaSchema.extend(requestShape).superRefine(checkDates);
export type Request = z.output<typeof requestSchema>;

export function formatRequestNumber(n: number): string {
  return `PBC-${String(n).padStart(3, '0')}`;
}

/** Reads `PBC-007`, `pbc 7`, `7` or `7.0` (a spreadsheet number) back to 7; null when it is not one. */
export function parseRequestNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(?:pbc[\s-]*)?0*(\d{1,5})(?:\.0+)?\s*$/iu.exec(value);
  return match ? Number(match[1]) : null;
}

/** The next number for a new request: one above every number ever used, deleted requests included. */
export function nextRequestNumber(existing: readonly { number: number }[]): number {
  return existing.reduce((max, r) => Math.max(max, r.number), 0) + 1;
}

/** A request the client still owes past its due date. `today` is `YYYY-MM-DD`. */
export function isOverdue(r: Pick<Request, 'status' | 'dueOn' | 'deleted'>, today: string): boolean {
  return !r.deleted && OUTSTANDING_REQUEST_STATUSES.has(r.status) && r.dueOn !== null && r.dueOn < today;
}

export function emptyRequestFields(number: number): RequestFields {
  return {
    number,
    title: '',
    description: '',
    type: 'document',
    controlIds: [],
    clientOwner: '',
    auditorContact: '',
    requestedOn: null,
    dueOn: null,
    priority: 'normal',
    status: 'draft',
    comments: '',
    receivedOn: null,
  };
}

/** Still owed and due within `days` days (today included): shown in amber before it turns overdue. */
export function isDueSoon(
  r: Pick<Request, 'status' | 'dueOn' | 'deleted'>,
  today: string,
  days = 3,
): boolean {
  if (r.deleted || !OUTSTANDING_REQUEST_STATUSES.has(r.status) || r.dueOn === null || r.dueOn < today)
    return false;
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + days);
  return r.dueOn <= limit.toISOString().slice(0, 10);
}
