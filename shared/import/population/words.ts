/**
 * The words population exports use in their column headings, compared as plain lower-case words
 * (`normaliseWords`: "Change #" → "change no", "sys_id" → "sys id").
 */
import { normaliseWords } from '../header-words';

function words(header: string): string[] {
  const normalised = normaliseWords(header);
  return normalised === '' ? [] : normalised.split(' ');
}

const hasAny = (tokens: readonly string[], set: ReadonlySet<string>): boolean =>
  tokens.some((t) => set.has(t));

/** Words that name an item's identifier outright. */
const ID_WORDS = new Set([
  'id',
  'ids',
  'no',
  'number',
  'num',
  'nbr',
  'ticket',
  'key',
  'ref',
  'reference',
  'identifier',
  'guid',
  'uuid',
  'userid',
  'username',
  'login',
  'upn',
  'samaccountname',
]);
/** Words for things that are often the item itself (a user, a change), when no identifier column is named. */
const ITEM_WORDS = new Set([
  'user',
  'account',
  'email',
  'mail',
  'employee',
  'change',
  'incident',
  'case',
  'request',
  'issue',
  'problem',
  'order',
  'invoice',
  'transaction',
  'asset',
  'host',
  'hostname',
  'server',
  'device',
]);
/** A person's name: the key of a list of people when nothing better is there. */
const NAME_WORDS = new Set(['name']);
/** Columns about someone acting on the item, or describing it: never its key. */
const NOT_KEY_WORDS = new Set([
  'by',
  'approver',
  'owner',
  'assignee',
  'assigned',
  'manager',
  'reviewer',
  'requester',
  'requestor',
  'reporter',
  'phone',
  'summary',
  'description',
  'title',
  'comment',
  'comments',
  'notes',
  'status',
  'type',
  'priority',
  'department',
  'group',
]);

/**
 * How strongly a heading names the item's identifier: 3 for an ID word ("Change ID", "Number", "Issue
 * key"), 2 for the item itself ("User", "Email"), 1 for a name, 0 otherwise ("Requested by", "Summary").
 */
export function keyHeaderScore(header: string): number {
  const tokens = words(header);
  if (tokens.length === 0 || tokens.length > 5) return 0;
  if (hasAny(tokens, NOT_KEY_WORDS) || dateHeaderWords(tokens)) return 0;
  if (hasAny(tokens, ID_WORDS)) return 3;
  if (hasAny(tokens, ITEM_WORDS)) return 2;
  return hasAny(tokens, NAME_WORDS) ? 1 : 0;
}

const DATE_WORDS = new Set([
  'date',
  'dates',
  'dt',
  'day',
  'when',
  'on',
  'at',
  'time',
  'timestamp',
  'created',
  'opened',
  'raised',
  'submitted',
  'requested',
  'approved',
  'closed',
  'resolved',
  'completed',
  'implemented',
  'deployed',
  'released',
  'terminated',
  'termination',
  'terminations',
  'leaver',
  'leave',
  'removed',
  'revoked',
  'disabled',
  'deactivated',
  'deprovisioned',
  'provisioned',
  'granted',
  'hired',
  'hire',
  'joined',
  'start',
  'end',
  'effective',
  'modified',
  'updated',
  'birth',
  'dob',
]);
/** Dates that rarely define a population: a start of employment, a birthday, the record's last edit. */
const SIDE_DATE_WORDS = new Set(['hire', 'hired', 'joined', 'start', 'birth', 'dob', 'modified', 'updated']);

function dateHeaderWords(tokens: readonly string[]): boolean {
  return hasAny(tokens, DATE_WORDS);
}

/** Whether a heading names a date ("Approved on", "Termination date", "When"). */
export function isDateHeader(header: string): boolean {
  return dateHeaderWords(words(header));
}

/**
 * The preference among date columns: 0 for a heading that names the event ("Approved on", "Termination
 * date"), 1 for a heading without date words, 2 for hire or start dates, birthdays and last-edit dates.
 */
export function dateHeaderTier(header: string): number {
  const tokens = words(header);
  if (hasAny(tokens, SIDE_DATE_WORDS)) return 2;
  return dateHeaderWords(tokens) ? 0 : 1;
}

/** Other words headings are made of, so a heading row is told from a title or a note above it. */
const OTHER_HEADER_WORDS = new Set([
  'name',
  'summary',
  'description',
  'title',
  'status',
  'state',
  'type',
  'priority',
  'category',
  'department',
  'dept',
  'owner',
  'by',
  'manager',
  'role',
  'group',
  'comments',
  'notes',
  'system',
  'application',
  'approver',
  'assignee',
  'requester',
  'reason',
  'location',
]);

/** Whether a cell reads like a column heading: a few words, one of them a heading word. */
export function looksLikeHeading(text: string): boolean {
  const tokens = words(text);
  if (tokens.length === 0 || tokens.length > 5) return false;
  return tokens.some(
    (t) => ID_WORDS.has(t) || ITEM_WORDS.has(t) || DATE_WORDS.has(t) || OTHER_HEADER_WORDS.has(t),
  );
}
