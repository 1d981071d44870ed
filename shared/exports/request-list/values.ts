/**
 * One request as the spreadsheet shows it, every column as text (dates `YYYY-MM-DD`, choices by label),
 * and the canonical form that decides whether two values of a column are the same: the app's value, the
 * value in the returned file and the value in the export snapshot are all compared in this form.
 */
import {
  formatRequestNumber,
  isOverdue,
  parseRequestNumber,
  REQUEST_PRIORITIES,
  REQUEST_PRIORITY_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type Request,
} from '../../domain/planning';
import type { ColumnKey } from './columns';
import { parseDateText } from './dates';
import { parseStatus } from './status';

export type RowValues = Readonly<Record<ColumnKey, string>>;

export const OVERDUE_WORD = 'Overdue';

/**
 * The columns of `request` as exported. `references` maps control ids to their references; without `today`
 * (`YYYY-MM-DD`) no request is marked overdue.
 */
export function requestValues(
  request: Request,
  references: ReadonlyMap<string, string>,
  today?: string,
): RowValues {
  return {
    number: formatRequestNumber(request.number),
    title: request.title,
    description: request.description,
    type: REQUEST_TYPE_LABELS[request.type],
    controls: joinReferences(request.controlIds.flatMap((id) => references.get(id) ?? [])),
    clientOwner: request.clientOwner,
    auditorContact: request.auditorContact,
    requestedOn: request.requestedOn ?? '',
    dueOn: request.dueOn ?? '',
    overdue: today && isOverdue(request, today) ? OVERDUE_WORD : '',
    priority: REQUEST_PRIORITY_LABELS[request.priority],
    status: REQUEST_STATUS_LABELS[request.status],
    comments: request.comments,
    receivedOn: request.receivedOn ?? '',
  };
}

const byReference = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

function joinReferences(references: readonly string[]): string {
  return [...new Set(references)].sort(byReference).join(', ');
}

/** Line breaks as `\n`, no surrounding blanks (the app trims every text field when it saves). */
export const normalizeText = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

const squash = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

function choiceLabel<K extends string>(keys: readonly K[], labels: Record<K, string>, text: string): string {
  const wanted = squash(text);
  const key = keys.find((k) => squash(labels[k]) === wanted || k === wanted);
  return key ? labels[key] : normalizeText(text);
}

/**
 * The canonical form of `text` in column `key`: `Population` for `population `, `2026-03-05` for
 * `5 Mar 2026`, `CC6.1-01, CC6.2-01` for `CC6.2-01;CC6.1-01`. Text that cannot be read stays as it is.
 */
export function canonical(key: ColumnKey, text: string): string {
  switch (key) {
    case 'number': {
      const n = parseRequestNumber(text);
      return n === null ? normalizeText(text) : formatRequestNumber(n);
    }
    case 'type':
      return choiceLabel(REQUEST_TYPES, REQUEST_TYPE_LABELS, text);
    case 'priority':
      return choiceLabel(REQUEST_PRIORITIES, REQUEST_PRIORITY_LABELS, text);
    case 'status': {
      const status = parseStatus(text);
      return status ? REQUEST_STATUS_LABELS[status] : normalizeText(text);
    }
    case 'controls':
      return joinReferences(
        text
          .split(/[,;\n]/u)
          .map((r) => r.trim())
          .filter(Boolean),
      );
    case 'requestedOn':
    case 'dueOn':
    case 'receivedOn': {
      const reading = parseDateText(text);
      return reading.ok ? (reading.date ?? '') : normalizeText(text);
    }
    default:
      return normalizeText(text);
  }
}
