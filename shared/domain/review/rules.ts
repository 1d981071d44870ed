/**
 * Who may sign what, and what a review note may become. These functions return the refusal in words (or
 * null); the repository calls them inside the write so the rules hold whatever screen asks, and the
 * screens call them to explain a disabled button before anyone clicks.
 */
import type { ProfileRole } from '../profile/schema';
import {
  formatNoteNumber,
  LEVEL_ROLES,
  SIGN_OFF_LEVEL_LABELS,
  SIGN_OFF_LEVELS,
  type ReviewNote,
  type SignOff,
  type SignOffLevel,
} from './schema';

/** The sign-off in force at each level of one workpaper: the latest one not withdrawn. */
export function currentSignOffs(signOffs: readonly SignOff[], workpaper: string): Map<SignOffLevel, SignOff> {
  const current = new Map<SignOffLevel, SignOff>();
  for (const s of signOffs) {
    if (s.deleted || s.workpaper !== workpaper) continue;
    const held = current.get(s.level);
    if (!held || later(s, held)) current.set(s.level, s);
  }
  return current;
}

function later(a: SignOff, b: SignOff): boolean {
  return a.signedAt > b.signedAt || (a.signedAt === b.signedAt && a.id > b.id);
}

/**
 * Everyone who signed the workpaper as preparer and did not withdraw it, stale and replaced sign-offs
 * included: whoever prepared it once may not review it later (not even after someone else re-signs as
 * preparer).
 */
export function preparersOf(signOffs: readonly SignOff[], workpaper: string): Set<string> {
  const ids = new Set<string>();
  for (const s of signOffs) {
    if (!s.deleted && s.workpaper === workpaper && s.level === 'preparer') ids.add(s.profileId);
  }
  return ids;
}

/**
 * Who may change the levels an engagement requires: a manager or a partner; only a partner may stop
 * requiring the partner's sign-off (staff could otherwise lift the review meant for their own work).
 */
export function levelsChangeProblem(
  role: ProfileRole,
  before: readonly SignOffLevel[],
  after: readonly SignOffLevel[],
): string | null {
  if (role !== 'manager' && role !== 'partner') {
    return 'Only a manager or a partner can change the sign-off levels.';
  }
  if (before.includes('partner') && !after.includes('partner') && role !== 'partner') {
    return 'Only a partner can stop requiring the partner sign-off.';
  }
  return null;
}

/** Who may change the firm's documentation policy (assembly window, retention, cleared notes). */
export function reviewPolicyProblem(role: ProfileRole): string | null {
  return role === 'manager' || role === 'partner'
    ? null
    : "Only a manager or a partner can change the firm's documentation policy.";
}

/** Notes that still need work: open, or responded and not yet cleared. */
export function unclearedNotes(notes: readonly ReviewNote[], workpaper: string): ReviewNote[] {
  return notes
    .filter((n) => !n.deleted && n.workpaper === workpaper && n.status !== 'cleared')
    .sort((a, b) => a.number - b.number);
}

export function listNotes(notes: readonly ReviewNote[]): string {
  const shown = notes.slice(0, 5).map((n) => `${formatNoteNumber(n.number)} (${n.status})`);
  const more = notes.length > 5 ? ` and ${notes.length - 5} more` : '';
  return `${shown.join(', ')}${more}`;
}

/** The level that must be current before `level` can be signed, among the engagement's levels. */
export function previousLevel(level: SignOffLevel, required: readonly SignOffLevel[]): SignOffLevel | null {
  const order = SIGN_OFF_LEVELS.filter((l) => required.includes(l));
  const index = order.indexOf(level);
  return index > 0 ? (order[index - 1] ?? null) : null;
}

export interface SignOffRequest {
  level: SignOffLevel;
  signer: { id: string; role: ProfileRole };
  /** The engagement's required levels. */
  required: readonly SignOffLevel[];
  /** Sign-offs currently in force on the workpaper (see `currentSignOffs`). */
  current: ReadonlyMap<SignOffLevel, SignOff>;
  /** The workpaper's content hash now. */
  currentHash: string;
  /** The workpaper's notes that are not cleared. */
  uncleared: readonly ReviewNote[];
  /** For an addendum: its author, who may not review it. Addenda have one level, reviewer. */
  addendumAuthor?: string;
  /** Everyone who prepared the workpaper (`preparersOf`): none of them may sign above preparer. */
  preparers?: ReadonlySet<string>;
}

/** Why this sign-off cannot be given, in words; null when it can. */
export function signOffProblem(r: SignOffRequest): string | null {
  const label = SIGN_OFF_LEVEL_LABELS[r.level].toLowerCase();
  if (r.addendumAuthor !== undefined) {
    if (r.level !== 'reviewer') return 'An addendum is signed off by a reviewer only.';
    if (r.signer.id === r.addendumAuthor) {
      return 'You wrote this addendum; another auditor must review it.';
    }
    if (!LEVEL_ROLES.reviewer.includes(r.signer.role)) {
      return 'Staff prepare workpapers; a senior, a manager or a partner signs as reviewer.';
    }
    const held = r.current.get('reviewer');
    if (held && held.contentHash === r.currentHash) return 'This addendum is already reviewed.';
    return null;
  }
  if (!r.required.includes(r.level)) {
    return `This engagement does not use ${label} sign-offs (change the levels on the Release & lock screen).`;
  }
  if (!LEVEL_ROLES[r.level].includes(r.signer.role)) {
    return r.level === 'partner'
      ? 'Only a partner can sign at the partner level.'
      : r.level === 'manager'
        ? 'Only a manager or a partner can sign at the manager level.'
        : 'Staff prepare workpapers; a senior, a manager or a partner signs as reviewer.';
  }
  const held = r.current.get(r.level);
  if (held && held.contentHash === r.currentHash) {
    return `This workpaper is already signed as ${label} (${held.name}) for its current content.`;
  }
  for (const [level, s] of r.current) {
    // A sign-off at a level the engagement no longer requires does not count, for or against anyone.
    if (!r.required.includes(level)) continue;
    if (level !== r.level && s.profileId === r.signer.id && s.contentHash === r.currentHash) {
      return level === 'preparer'
        ? 'You prepared this workpaper; another auditor must review it.'
        : `You already signed this workpaper as ${SIGN_OFF_LEVEL_LABELS[level].toLowerCase()}; each level needs a different auditor.`;
    }
  }
  if (r.level === 'preparer') return null;
  const preparer = r.current.get('preparer');
  if (preparer?.profileId === r.signer.id) {
    return 'You prepared this workpaper; another auditor must review it.';
  }
  if (r.preparers?.has(r.signer.id)) {
    return 'You signed this workpaper as preparer before; another auditor must review it.';
  }
  const before = previousLevel(r.level, r.required);
  if (before) {
    const s = r.current.get(before);
    const beforeLabel = SIGN_OFF_LEVEL_LABELS[before].toLowerCase();
    if (!s) return `The ${beforeLabel} has not signed this workpaper yet.`;
    if (s.contentHash !== r.currentHash) {
      return `The workpaper changed after the ${beforeLabel} signed it: the ${beforeLabel} signs it again first.`;
    }
  }
  if (r.uncleared.length > 0) {
    const n = r.uncleared.length;
    return `${n} review note${n === 1 ? ' is' : 's are'} not cleared: ${listNotes(r.uncleared)}. Clear ${n === 1 ? 'it' : 'them'} before signing as ${label}.`;
  }
  return null;
}

/** Whether a withdrawal of this sign-off is allowed: only by its signer, and only while nobody signed above. */
export function withdrawProblem(
  s: SignOff,
  actorId: string,
  current: ReadonlyMap<SignOffLevel, SignOff>,
  required: readonly SignOffLevel[] = SIGN_OFF_LEVELS,
): string | null {
  if (s.profileId !== actorId) return `Only ${s.name} can withdraw this sign-off.`;
  const above = SIGN_OFF_LEVELS.slice(SIGN_OFF_LEVELS.indexOf(s.level) + 1)
    .filter((l) => required.includes(l))
    .map((l) => current.get(l))
    .find((x) => x !== undefined);
  if (above) {
    return `${above.name} signed above this level; that sign-off is withdrawn first.`;
  }
  return null;
}

/** Fields of a note that change with its status; any other change is an edit of the note's text. */
const STATUS_FIELDS = new Set([
  'status',
  'response',
  'respondedBy',
  'respondedByName',
  'respondedAt',
  'clearedBy',
  'clearedByName',
  'clearedAt',
  'reopened',
]);

/** Why a change to a review note is refused, or null. `changed` is the set of fields the change touches. */
export function noteChangeProblem(
  before: ReviewNote,
  after: ReviewNote,
  changed: ReadonlySet<string>,
  actorId: string,
): string | null {
  const id = formatNoteNumber(before.number);
  if (after.deleted && !before.deleted) {
    if (before.status === 'cleared') return null; // firm policy at assembly may remove cleared notes
    return before.raisedBy === actorId ? null : `Only the reviewer who raised ${id} can delete it.`;
  }
  if (before.status === 'cleared') {
    const reopen = after.status === 'open' && [...changed].every((f) => STATUS_FIELDS.has(f));
    if (!reopen) return `${id} is cleared and read-only; reopen it to change it.`;
    // Reopening is the reviewer's call: the auditor who answered (or was asked to) cannot undo a clearance.
    if (before.raisedBy !== actorId && (before.respondedBy === actorId || before.assignedTo === actorId)) {
      return `${id} was raised for you to answer; the reviewer reopens it.`;
    }
    return null;
  }
  const textEdit = [...changed].some((f) => !STATUS_FIELDS.has(f));
  if (textEdit && before.raisedBy !== actorId) {
    return `Only the reviewer who raised ${id} can change its text; reply with a response instead.`;
  }
  if (after.status === 'responded' && changed.has('response') && after.respondedBy !== actorId) {
    return 'A response is recorded under the name of whoever writes it.';
  }
  if (after.status === 'cleared') {
    if (after.clearedBy !== actorId) return 'A note is cleared under the name of whoever clears it.';
    if (before.respondedBy === actorId && before.raisedBy !== actorId) {
      return `You responded to ${id}; the reviewer clears it.`;
    }
    if (before.assignedTo === actorId && before.raisedBy !== actorId) {
      return `${id} is assigned to you; the reviewer clears it.`;
    }
  }
  return null;
}
