/**
 * How review notes are shown and filtered, and which actions the signed-in auditor is offered on one.
 * The actions follow the data layer's rules (`noteChangeProblem`): a screen asks the same question the
 * repository will ask, so a button is hidden or disabled with the refusal in words before anyone clicks.
 */
import type { Profile } from '@shared/domain/profile';
import {
  formatNoteNumber,
  noteChangeProblem,
  type NoteTarget,
  type ReviewNote,
  type ReviewNoteStatus,
} from '@shared/domain/review';
import type { Tone } from '../../../components/StatusBadge';

export const NOTE_STATUS_TONES: Record<ReviewNoteStatus, Tone> = {
  open: 'warn',
  responded: 'info',
  cleared: 'good',
};

/** What the note points at, in words. */
export function targetLabel(target: NoteTarget): string {
  if (target.kind === 'workpaper') return 'Whole workpaper';
  if (target.kind === 'field') return target.label || target.field;
  return target.label || 'Sample item';
}

export function sameTarget(a: NoteTarget, b: NoteTarget): boolean {
  if (a.kind === 'workpaper' || b.kind === 'workpaper') return a.kind === b.kind;
  if (a.kind === 'field') return b.kind === 'field' && a.field === b.field;
  return b.kind === 'sample-item' && a.id === b.id;
}

/** The first line of a note that has text on it (the list shows it; the detail shows all). */
export function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/u)
      .map((l) => l.trim())
      .find(Boolean) ?? ''
  );
}

/** "Ana López (AL)", or a placeholder for a profile that is not on this laptop. */
export function profileName(profiles: ReadonlyMap<string, Profile>, id: string | null): string {
  if (!id) return 'Nobody named';
  const p = profiles.get(id);
  return p ? `${p.fullName} (${p.initials})` : 'A profile not on this computer';
}

/** The profiles to assign a note to: the engagement team first, then everyone else, by name. */
export function orderProfiles(
  profiles: readonly Profile[],
  team: readonly string[],
): { team: Profile[]; others: Profile[] } {
  const live = profiles.filter((p) => !p.deleted).sort((a, b) => a.fullName.localeCompare(b.fullName));
  const inTeam = new Set(team);
  return { team: live.filter((p) => inTeam.has(p.id)), others: live.filter((p) => !inTeam.has(p.id)) };
}

// ---- Last activity ----------------------------------------------------------------------------------

export interface LastActivity {
  what: 'Raised' | 'Responded' | 'Cleared' | 'Reopened' | 'Edited';
  at: string;
}

/** The most recent thing that happened to the note (the record's own dates; the trail has the rest). */
export function lastActivity(n: ReviewNote): LastActivity {
  const dated: LastActivity[] = [
    { what: 'Raised', at: n.raisedAt },
    ...(n.respondedAt ? [{ what: 'Responded' as const, at: n.respondedAt }] : []),
    ...(n.clearedAt ? [{ what: 'Cleared' as const, at: n.clearedAt }] : []),
  ];
  const latest = dated.reduce((a, b) => (b.at > a.at ? b : a));
  // The record is stamped a moment after the command dates it; a later stamp is a change with no date of
  // its own: a reopening (the cleared date is removed) or an edit of the text or the assignee.
  if (Date.parse(n.updatedAt) - Date.parse(latest.at) > 2000) {
    return {
      what: n.status === 'open' && n.reopened > 0 && !n.clearedAt ? 'Reopened' : 'Edited',
      at: n.updatedAt,
    };
  }
  return latest;
}

// ---- Filters ------------------------------------------------------------------------------------------

export type StatusFilter = 'all' | ReviewNoteStatus | 'uncleared';
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  all: 'All statuses',
  open: 'Open',
  responded: 'Responded',
  cleared: 'Cleared',
  uncleared: 'Not cleared',
};

export interface NoteFilters {
  mine: boolean;
  status: StatusFilter;
  /** A workpaper key, or '' for all. */
  workpaper: string;
  query: string;
}

/**
 * The filters a route opens the page with: `open` (open only), `uncleared` (open and responded),
 * `mine` (assigned to or raised by the signed-in auditor), `workpaper:<key>`; anything else shows all.
 */
export function filtersFromRoute(filter: string | undefined): NoteFilters {
  const base: NoteFilters = { mine: false, status: 'all', workpaper: '', query: '' };
  if (filter === 'open' || filter === 'responded' || filter === 'cleared') return { ...base, status: filter };
  if (filter === 'uncleared') return { ...base, status: 'uncleared' };
  if (filter === 'mine') return { ...base, mine: true };
  if (filter?.startsWith('workpaper:')) return { ...base, workpaper: filter.slice('workpaper:'.length) };
  return base;
}

/** Assigned to this auditor, or raised by them. */
export function isMine(n: ReviewNote, me: string | undefined): boolean {
  return !!me && (n.assignedTo === me || n.raisedBy === me);
}

export function matchesStatus(n: ReviewNote, status: StatusFilter): boolean {
  if (status === 'all') return true;
  if (status === 'uncleared') return n.status !== 'cleared';
  return n.status === status;
}

/** The live notes the filters let through; `texts` gives what the search box looks in. */
export function filterNotes(
  notes: readonly ReviewNote[],
  f: NoteFilters,
  me: string | undefined,
  texts: (n: ReviewNote) => readonly string[],
): ReviewNote[] {
  const q = f.query.trim().toLocaleLowerCase();
  return notes.filter(
    (n) =>
      !n.deleted &&
      (!f.mine || isMine(n, me)) &&
      matchesStatus(n, f.status) &&
      (!f.workpaper || n.workpaper === f.workpaper) &&
      (!q ||
        [formatNoteNumber(n.number), n.text, n.response, ...texts(n)]
          .join(' ')
          .toLocaleLowerCase()
          .includes(q)),
  );
}

// ---- Counts -------------------------------------------------------------------------------------------

export interface NoteCounts {
  open: number;
  responded: number;
  cleared: number;
  /** Open notes assigned to or raised by the signed-in auditor (the "Mine" filter, status open). */
  mineOpen: number;
}

export function countNotes(notes: readonly ReviewNote[], me: string | undefined): NoteCounts {
  const counts: NoteCounts = { open: 0, responded: 0, cleared: 0, mineOpen: 0 };
  for (const n of notes) {
    if (n.deleted) continue;
    counts[n.status] += 1;
    if (n.status === 'open' && isMine(n, me)) counts.mineOpen += 1;
  }
  return counts;
}

// ---- Actions ------------------------------------------------------------------------------------------

export type NoteAction = 'respond' | 'clear' | 'reopen' | 'edit' | 'delete';

/** Whether an action is offered to this auditor, and if it is, why it would be refused (or null). */
export interface ActionOffer {
  visible: boolean;
  problem: string | null;
}

function changedFields(before: ReviewNote, after: ReviewNote): Set<string> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof ReviewNote>;
  return new Set([...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map(String));
}

/** Asks the data layer's rule about a change before it is tried. */
function problemOf(before: ReviewNote, patch: Partial<ReviewNote>, actorId: string): string | null {
  const after = { ...before, ...patch };
  return noteChangeProblem(before, after, changedFields(before, after), actorId);
}

/**
 * The actions on a note for the signed-in auditor. Hidden: what is not theirs to do (the raiser edits
 * and deletes; the person answering responds; nothing but reopening on a cleared note). Disabled with the
 * data layer's reason: what the rules refuse (e.g. clearing a note you responded to).
 */
export function noteActions(
  n: ReviewNote,
  actor: { id: string; name: string },
): Record<NoteAction, ActionOffer> {
  const now = new Date().toISOString();
  const me = actor.id;
  const raiser = n.raisedBy === me;
  const assignee = n.assignedTo === me;
  const cleared = n.status === 'cleared';
  const offer = (visible: boolean, patch: Partial<ReviewNote>): ActionOffer =>
    visible ? { visible, problem: problemOf(n, patch, me) } : { visible, problem: null };
  return {
    // The raiser changes the note itself rather than answering it, unless it is assigned to them.
    respond: offer(!cleared && (!raiser || assignee), {
      response: `${n.response} …`,
      respondedBy: me,
      respondedByName: actor.name,
      respondedAt: now,
      status: 'responded',
    }),
    // Shown to reviewers, and to the assignee once they responded (the rule then says why not).
    clear: offer(!cleared && (raiser || !assignee || n.respondedBy === me), {
      status: 'cleared',
      clearedBy: me,
      clearedByName: actor.name,
      clearedAt: now,
    }),
    reopen: offer(cleared, {
      status: 'open',
      clearedBy: null,
      clearedByName: '',
      clearedAt: null,
      reopened: n.reopened + 1,
    }),
    edit: offer(!cleared && raiser, { text: `${n.text} …` }),
    delete: offer(n.status === 'open' && raiser, { deleted: true }),
  };
}

// ---- Sorting ------------------------------------------------------------------------------------------

export type NoteSortKey =
  'number' | 'status' | 'workpaper' | 'target' | 'text' | 'raised' | 'assigned' | 'activity';

const STATUS_ORDER: Record<ReviewNoteStatus, number> = { open: 0, responded: 1, cleared: 2 };

/** Sorts in place by a column, then by number. `text` gives the shown text of a column that needs lookups. */
export function sortNotes(
  rows: ReviewNote[],
  key: NoteSortKey,
  dir: 'asc' | 'desc',
  shown: (n: ReviewNote, key: 'workpaper' | 'assigned') => string,
): ReviewNote[] {
  const sign = dir === 'asc' ? 1 : -1;
  const value = (n: ReviewNote): string | number => {
    switch (key) {
      case 'number':
        return n.number;
      case 'status':
        return STATUS_ORDER[n.status];
      case 'workpaper':
      case 'assigned':
        return shown(n, key);
      case 'target':
        return targetLabel(n.target);
      case 'text':
        return firstLine(n.text);
      case 'raised':
        return n.raisedAt;
      case 'activity':
        return lastActivity(n).at;
    }
  };
  return rows.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : String(va).localeCompare(String(vb), undefined, { numeric: true });
    return sign * c || a.number - b.number;
  });
}
