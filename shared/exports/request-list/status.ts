/** Reading the Status column: the labels in any case or spelling, plus the words clients use instead. */
import { REQUEST_STATUS_LABELS, REQUEST_STATUSES, type RequestStatus } from '../../domain/planning';

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}]+/gu, '');

/**
 * Words that are not status labels but say one thing only. "Done" and "provided" mean the client has
 * handed the item over, i.e. Submitted: only the auditor accepts or closes a request.
 */
const SYNONYMS: Readonly<Record<string, RequestStatus>> = {
  done: 'submitted',
  complete: 'submitted',
  completed: 'submitted',
  provided: 'submitted',
  sent: 'submitted',
  uploaded: 'submitted',
  delivered: 'submitted',
  notstarted: 'open',
  todo: 'open',
  started: 'in-progress',
  wip: 'in-progress',
  ongoing: 'in-progress',
  workinprogress: 'in-progress',
};

const BY_WORD = new Map<string, RequestStatus>([
  ...REQUEST_STATUSES.flatMap((s) => [
    [squash(s), s] as const,
    [squash(REQUEST_STATUS_LABELS[s]), s] as const,
  ]),
  ...Object.entries(SYNONYMS),
]);

/** The status a cell names (`In Progress`, `in-progress`, `Done`…), or null when it names none. */
export function parseStatus(text: string): RequestStatus | null {
  return BY_WORD.get(squash(text)) ?? null;
}

export const STATUS_LABEL_LIST = REQUEST_STATUSES.map((s) => REQUEST_STATUS_LABELS[s]);
