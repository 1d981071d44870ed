/**
 * The columns of the request-list spreadsheet, in export order. Reading matches columns by header name, so
 * the client may reorder, add or delete columns; `aliases` are the other names a header may carry.
 */

export type ColumnKey =
  | 'number'
  | 'title'
  | 'description'
  | 'type'
  | 'controls'
  | 'clientOwner'
  | 'auditorContact'
  | 'requestedOn'
  | 'dueOn'
  | 'overdue'
  | 'priority'
  | 'status'
  | 'comments'
  | 'receivedOn';

export interface ColumnSpec {
  readonly key: ColumnKey;
  readonly header: string;
  readonly width: number;
  readonly kind: 'text' | 'date';
  /** Long text: wrapped, top-aligned. */
  readonly wrap?: boolean;
  /** One of the yellow columns the client fills in; the text is its header note. */
  readonly clientNote?: string;
  readonly aliases: readonly string[];
}

export const COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'number',
    header: 'Request #',
    width: 11,
    kind: 'text',
    aliases: ['request no', 'request number', 'request id', 'pbc', 'pbc #', 'pbc no', 'pbc number', 'pbc id'],
  },
  { key: 'title', header: 'Title', width: 34, kind: 'text', wrap: true, aliases: ['request title'] },
  { key: 'description', header: 'Description', width: 60, kind: 'text', wrap: true, aliases: ['details'] },
  { key: 'type', header: 'Type', width: 19, kind: 'text', aliases: ['request type'] },
  {
    key: 'controls',
    header: 'Related controls',
    width: 18,
    kind: 'text',
    wrap: true,
    aliases: ['controls', 'control', 'control ids'],
  },
  {
    key: 'clientOwner',
    header: 'Client owner',
    width: 18,
    kind: 'text',
    wrap: true,
    aliases: ['owner', 'assignee'],
  },
  {
    key: 'auditorContact',
    header: 'Auditor contact',
    width: 18,
    kind: 'text',
    wrap: true,
    aliases: ['auditor'],
  },
  {
    key: 'requestedOn',
    header: 'Requested',
    width: 12,
    kind: 'date',
    aliases: ['date requested', 'requested on'],
  },
  { key: 'dueOn', header: 'Due', width: 12, kind: 'date', aliases: ['due date', 'due on'] },
  { key: 'overdue', header: 'Overdue?', width: 10, kind: 'text', aliases: [] },
  { key: 'priority', header: 'Priority', width: 10, kind: 'text', aliases: [] },
  {
    key: 'status',
    header: 'Status',
    width: 14,
    kind: 'text',
    clientNote: 'Please fill in: choose the status from the list.',
    aliases: ['client status'],
  },
  {
    key: 'comments',
    header: 'Client comments',
    width: 50,
    kind: 'text',
    wrap: true,
    clientNote: 'Please fill in: your comments or questions about this request.',
    aliases: ['comments', 'comment'],
  },
  {
    key: 'receivedOn',
    header: 'Date provided',
    width: 14,
    kind: 'date',
    clientNote: 'Please fill in: the date you provided the item, as year-month-day (2026-03-31).',
    aliases: ['provided', 'provided on', 'date received', 'received', 'received on'],
  },
];

const KIND_BY_KEY = new Map(COLUMNS.map((c) => [c.key, c.kind]));
export const columnKind = (key: ColumnKey): ColumnSpec['kind'] => KIND_BY_KEY.get(key) ?? 'text';

/** A header as compared: lower case, letters, digits and `#` only ("Request #" -> "request#"). */
export const normalizeHeader = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}#]+/gu, '');

const BY_HEADER = new Map<string, ColumnKey>(
  COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((name) => [normalizeHeader(name), c.key] as const)),
);

/** The column a header names, or null for a column the client added. */
export function columnForHeader(text: string): ColumnKey | null {
  return BY_HEADER.get(normalizeHeader(text)) ?? null;
}
