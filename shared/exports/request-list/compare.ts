/**
 * One returned row against its request. A value counts as the client's change only when it differs from
 * Fieldwork and from the export snapshot (when the file has one): a value the client left as exported never
 * undoes a change the auditor made after the export, and a value both sides changed is a conflict.
 */
import { formatRequestNumber, REQUEST_STATUS_LABELS, type Request } from '../../domain/planning';
import { COLUMNS, type ColumnKey } from './columns';
import { parseDateText } from './dates';
import { parseStatus, STATUS_LABEL_LIST } from './status';
import type { TableRow } from './table';
import type { ClientEdit, ClientEditField, RequestListChange, RequestListProblem } from './types';
import { canonical, normalizeText, type RowValues } from './values';

export interface RowComparison {
  readonly changes: RequestListChange[];
  readonly edits: ClientEdit[];
  readonly problems: RequestListProblem[];
}

export interface RowInput {
  readonly request: Request;
  readonly row: TableRow;
  /** The request's columns as Fieldwork would export them now. */
  readonly ours: RowValues;
  /** This request in the export snapshot, if the file has one. */
  readonly base: Readonly<Partial<Record<ColumnKey, string>>> | undefined;
  /** False when the caller gave no controls: related controls are then compared with the snapshot only. */
  readonly knowsControls: boolean;
}

type Verdict = 'same' | 'changed' | 'conflict';

/** Compares canonical values; `ours` undefined means Fieldwork's value is unknown. */
export function threeWay(ours: string | undefined, theirs: string, base: string | undefined): Verdict {
  if (theirs === ours || (base !== undefined && theirs === base)) return 'same';
  if (ours === undefined && base === undefined) return 'same';
  if (base !== undefined && ours !== undefined && ours !== base) return 'conflict';
  return 'changed';
}

const EDIT_FIELDS: readonly ClientEditField[] = [
  'title',
  'description',
  'type',
  'controls',
  'clientOwner',
  'auditorContact',
  'requestedOn',
  'dueOn',
  'priority',
];
const HEADERS = new Map(COLUMNS.map((c) => [c.key, c.header]));

const where = (input: RowInput): string =>
  `${formatRequestNumber(input.request.number)} (row ${input.row.row})`;
const quoted = (value: string): string => (value === '' ? 'blank' : `“${value}”`);

function problem(
  input: RowInput,
  kind: RequestListProblem['kind'],
  message: string,
  theirs?: string,
): RequestListProblem {
  const base = {
    kind,
    row: input.row.row,
    number: input.request.number,
    message: `${where(input)}: ${message}`,
  };
  return theirs === undefined ? base : { ...base, theirs };
}

function conflict(input: RowInput, what: string, ours: string, theirs: string): RequestListProblem {
  return problem(
    input,
    'conflict',
    `${what} was changed in Fieldwork after this file was exported (now ${quoted(ours)}) and by the client (to ${quoted(theirs)}); not imported. Decide which is right and update it in Fieldwork.`,
    theirs,
  );
}

function compareStatus(input: RowInput, out: RowComparison): void {
  const text = input.row.text.status;
  if (text === undefined) return;
  const current = REQUEST_STATUS_LABELS[input.request.status];
  const status = parseStatus(text);
  if (!status) {
    const found = text.trim() === '' ? 'has no status' : `“${text.trim()}” is not a status Fieldwork knows`;
    out.problems.push(
      problem(
        input,
        'invalid-status',
        `${found}; it stays ${current}. Use one of: ${STATUS_LABEL_LIST.join(', ')}.`,
      ),
    );
    return;
  }
  const theirs = REQUEST_STATUS_LABELS[status];
  const verdict = threeWay(current, theirs, input.base?.status);
  if (verdict === 'conflict') out.problems.push(conflict(input, 'The status', current, theirs));
  if (verdict === 'changed')
    out.changes.push({ field: 'status', before: input.request.status, after: status });
}

function compareComments(input: RowInput, out: RowComparison): void {
  const text = input.row.text.comments;
  if (text === undefined) return;
  const ours = normalizeText(input.request.comments);
  const theirs = normalizeText(text);
  const verdict = threeWay(ours, theirs, input.base?.comments);
  if (verdict === 'conflict') {
    out.problems.push(
      problem(
        input,
        'conflict',
        'the comments were changed both in Fieldwork, after this file was exported, and by the client; not imported. Compare them and update the comments in Fieldwork.',
        theirs,
      ),
    );
  }
  if (verdict !== 'changed' || theirs === '') return; // an emptied cell never erases the conversation
  out.changes.push({ field: 'comments', before: input.request.comments, after: mergeComments(ours, theirs) });
}

/**
 * The comments after the client's reply. The client usually adds below what was exported; when they
 * replaced the text instead, theirs is added below ours, so the auditor's comments are never lost.
 */
export function mergeComments(ours: string, theirs: string): string {
  if (ours === '' || theirs.includes(ours)) return theirs;
  return `${ours}\n\nClient: ${theirs}`;
}

function compareReceived(input: RowInput, out: RowComparison): void {
  const text = input.row.text.receivedOn;
  if (text === undefined) return;
  const reading = parseDateText(text);
  if (!reading.ok) {
    const why = reading.reason === 'ambiguous' ? 'could be read day-first or month-first' : 'is not a date';
    out.problems.push(
      problem(
        input,
        'invalid-date',
        `“${text.trim()}” in Date provided ${why}; enter it as year-month-day, e.g. 2026-03-31.`,
      ),
    );
    return;
  }
  const ours = input.request.receivedOn;
  const verdict = threeWay(ours ?? '', reading.date ?? '', input.base?.receivedOn);
  if (verdict === 'conflict')
    out.problems.push(conflict(input, 'Date provided', ours ?? '', reading.date ?? ''));
  // A cleared cell never erases the date recorded in Fieldwork (as with comments).
  if (verdict === 'changed' && reading.date !== null) {
    out.changes.push({ field: 'receivedOn', before: ours, after: reading.date });
  }
}

function compareAuditorColumns(input: RowInput, out: RowComparison): void {
  for (const field of EDIT_FIELDS) {
    const text = input.row.text[field];
    if (text === undefined) continue;
    const theirs = canonical(field, text);
    const ours =
      field === 'controls' && !input.knowsControls ? undefined : canonical(field, input.ours[field]);
    const base = input.base?.[field];
    if (threeWay(ours, theirs, base) === 'same') continue;
    out.edits.push({
      requestId: input.request.id,
      number: input.request.number,
      field,
      column: HEADERS.get(field) ?? field,
      ours: ours ?? base ?? '',
      theirs,
    });
  }
}

/** The client's changes, edits to the auditor's columns, and the values that could not be imported. */
export function compareRow(input: RowInput): RowComparison {
  const out: RowComparison = { changes: [], edits: [], problems: [] };
  compareStatus(input, out);
  compareComments(input, out);
  compareReceived(input, out);
  compareAuditorColumns(input, out);
  return out;
}
