/**
 * Review notes on screen: which actions each auditor is offered and why one is refused (the same words
 * the data layer uses when it refuses), the list's filters and counts, the last activity shown, and the
 * assignee a new note suggests (the preparer who signed the workpaper).
 */
import { describe, expect, it } from 'vitest';
import type { ReviewNote } from '../../shared/domain/review';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { actorOf, createProfile } from '../../renderer/features/profiles/commands';
import {
  clearNote,
  deleteNote,
  editNote,
  raiseReviewNote,
  reopenNote,
  respondToNote,
  signWorkpaper,
  withdrawSignOff,
} from '../../renderer/features/review/commands';
import {
  countNotes,
  filterNotes,
  filtersFromRoute,
  firstLine,
  lastActivity,
  noteActions,
  orderProfiles,
  sortNotes,
  targetLabel,
  type NoteAction,
} from '../../renderer/features/review/notes/noteView';
import { liveNotes, suggestedAssignee } from '../../renderer/features/review/notes/queries';
import { freshRepo, type2Input } from './helpers';

/** A preparer (Ana), a reviewer (Ben) who raises notes, and a third auditor (Dana). */
async function setup() {
  const ctx = await freshRepo();
  const reviewer = await createProfile(ctx.repo, {
    fullName: 'Ben Okafor',
    initials: 'BO',
    firm: '',
    role: 'manager',
  });
  const third = await createProfile(ctx.repo, {
    fullName: 'Dana Whitfield',
    initials: 'DW',
    firm: '',
    role: 'partner',
  });
  const engagement = await createEngagement(ctx.repo, ctx.actor, type2Input({ team: [ctx.profile.id] }));
  return { ...ctx, preparer: ctx.actor, reviewer: actorOf(reviewer), third: actorOf(third), engagement };
}
type Setup = Awaited<ReturnType<typeof setup>>;

function raise(s: Setup, text = 'Explain how the population was obtained.', workpaper = 'control-matrix') {
  return raiseReviewNote(s.repo, s.reviewer, s.engagement.id, {
    workpaper,
    target: { kind: 'field', field: 'procedure', label: 'Procedure' },
    text,
    assignedTo: s.preparer.id,
  });
}

const stored = async (s: Setup, id: string) => (await s.repo.db.reviewNotes.get(id))!;

/** The actions offered as `visible` / `problem`, compactly. */
function offered(n: ReviewNote, actor: { id: string; name: string }) {
  const offers = noteActions(n, actor);
  const out: Partial<Record<NoteAction, string | true>> = {};
  for (const [action, o] of Object.entries(offers) as [
    NoteAction,
    { visible: boolean; problem: string | null },
  ][]) {
    if (o.visible) out[action] = o.problem ?? true;
  }
  return out;
}

describe('actions on a review note', () => {
  it('offers each auditor their part and explains refusals in the data layer’s words', async () => {
    const s = await setup();
    let note = await raise(s);

    // Open: the assignee responds; the reviewer clears, edits or deletes; a third auditor may respond or clear.
    expect(offered(note, s.preparer)).toEqual({ respond: true });
    expect(offered(note, s.reviewer)).toEqual({ clear: true, edit: true, delete: true });
    expect(offered(note, s.third)).toEqual({ respond: true, clear: true });

    // An empty response or note is refused in words the screens show as they are.
    // (respondToNote refuses an empty response before it starts: a thrown error, not a rejection.)
    expect(() => respondToNote(s.repo, s.preparer, note.id, '  ')).toThrow('Write the response.');
    await expect(editNote(s.repo, s.reviewer, note.id, { text: ' ' })).rejects.toThrow(/Write the note/);
    await respondToNote(s.repo, s.preparer, note.id, 'Population from Jira, filtered on the period.');
    note = await stored(s, note.id);
    // Responded: the preparer may revise, and sees why clearing is not theirs; the data layer agrees.
    const mine = offered(note, s.preparer);
    expect(mine).toEqual({ respond: true, clear: 'You responded to RN-1; the reviewer clears it.' });
    await expect(clearNote(s.repo, s.preparer, note.id)).rejects.toThrow(mine.clear as string);
    expect(offered(note, s.reviewer)).toEqual({ clear: true, edit: true });
    await respondToNote(s.repo, s.preparer, note.id, 'Population from Jira project CHG, filtered on 2026.');

    await clearNote(s.repo, s.reviewer, note.id);
    note = await stored(s, note.id);
    // Cleared: read-only; only reopening is offered — not to the preparer who answered it.
    for (const actor of [s.reviewer, s.third]) expect(offered(note, actor)).toEqual({ reopen: true });
    const preparerReopen = offered(note, s.preparer).reopen;
    expect(preparerReopen).toMatch(/the reviewer reopens it/);
    await expect(reopenNote(s.repo, s.preparer, note.id)).rejects.toThrow(preparerReopen as string);
    await expect(respondToNote(s.repo, s.preparer, note.id, 'late')).rejects.toThrow(/cleared and read-only/);
    await expect(editNote(s.repo, s.reviewer, note.id, { text: 'changed' })).rejects.toThrow(
      /cleared and read-only/,
    );

    await reopenNote(s.repo, s.reviewer, note.id);
    note = await stored(s, note.id);
    expect(note).toMatchObject({ status: 'open', reopened: 1, clearedBy: null });
    expect(offered(note, s.reviewer)).toEqual({ clear: true, edit: true, delete: true });
  });

  it('agrees with the data layer on every offered action that it calls allowed', async () => {
    const s = await setup();
    const run: Record<NoteAction, (actor: Setup['preparer'], id: string) => Promise<unknown>> = {
      respond: (a, id) => respondToNote(s.repo, a, id, `Answer by ${a.name}`),
      clear: (a, id) => clearNote(s.repo, a, id),
      reopen: (a, id) => reopenNote(s.repo, a, id),
      edit: (a, id) => editNote(s.repo, a, id, { text: 'Rephrased note' }),
      delete: (a, id) => deleteNote(s.repo, a, id),
    };
    // Each note is brought to a state, then one actor tries one action it is offered.
    const states = ['open', 'responded', 'cleared'] as const;
    let tried = 0;
    for (const state of states) {
      for (const actor of [s.preparer, s.reviewer, s.third]) {
        for (const action of Object.keys(run) as NoteAction[]) {
          const created = await raise(s, `Note for ${state}/${actor.name}/${action}`);
          if (state !== 'open') await respondToNote(s.repo, s.preparer, created.id, 'Done.');
          if (state === 'cleared') await clearNote(s.repo, s.reviewer, created.id);
          const note = await stored(s, created.id);
          const offer = noteActions(note, actor)[action];
          if (!offer.visible) continue;
          tried += 1;
          if (offer.problem) await expect(run[action](actor, note.id)).rejects.toThrow(offer.problem);
          else await expect(run[action](actor, note.id)).resolves.not.toThrow();
        }
      }
    }
    expect(tried).toBeGreaterThan(12);
  });
});

describe('the list of notes', () => {
  it('filters by route, by "Mine", status and workpaper, and counts by status', async () => {
    const s = await setup();
    const a = await raise(s, 'First\nwith a second line');
    const b = await raise(s, 'On the request list', 'request-list');
    const c = await raiseReviewNote(s.repo, s.preparer, s.engagement.id, {
      workpaper: 'control-matrix',
      target: { kind: 'workpaper' },
      text: 'Raised by the preparer for the third auditor',
      assignedTo: s.third.id,
    });
    await respondToNote(s.repo, s.preparer, b.id, 'Done');
    const d = await raise(s, 'To clear');
    await clearNote(s.repo, s.reviewer, d.id);
    const e = await raise(s, 'To delete');
    await deleteNote(s.repo, s.reviewer, e.id);

    const notes = await liveNotes(s.repo.db, s.engagement.id);
    expect(notes.map((n) => n.number)).toEqual([1, 2, 3, 4]);
    const numbers = (route: string | undefined, me: string) =>
      filterNotes(notes, filtersFromRoute(route), me, () => []).map((n) => n.number);
    expect(numbers(undefined, s.preparer.id)).toEqual([1, 2, 3, 4]);
    expect(numbers('open', s.preparer.id)).toEqual([a.number, c.number]);
    expect(numbers('uncleared', s.preparer.id)).toEqual([1, 2, 3]);
    expect(numbers('mine', s.third.id)).toEqual([c.number]);
    expect(numbers('mine', s.reviewer.id)).toEqual([1, 2, 4]);
    expect(numbers('workpaper:request-list', s.preparer.id)).toEqual([b.number]);
    expect(numbers('nonsense', s.preparer.id)).toEqual([1, 2, 3, 4]);
    // The search looks in the number, the text, the response and what the screen adds.
    const q = (query: string) =>
      filterNotes(notes, { ...filtersFromRoute(undefined), query }, s.preparer.id, (n) => [
        n.workpaper === 'request-list' ? 'PBC Request list' : 'CM Control matrix',
      ]).map((n) => n.number);
    expect(q('rn-3')).toEqual([3]);
    expect(q('second line')).toEqual([1]);
    expect(q('done')).toEqual([2]);
    expect(q('pbc')).toEqual([2]);

    expect(countNotes(notes, s.preparer.id)).toEqual({ open: 2, responded: 1, cleared: 1, mineOpen: 2 });
    expect(countNotes(notes, s.third.id)).toMatchObject({ mineOpen: 1 });
    expect(countNotes(notes, undefined)).toMatchObject({ mineOpen: 0 });

    expect(firstLine(a.text)).toBe('First');
    expect(firstLine('\n  \n  Second ')).toBe('Second');
    expect(targetLabel(a.target)).toBe('Procedure');
    expect(targetLabel(c.target)).toBe('Whole workpaper');

    const byStatus = sortNotes([...notes], 'status', 'asc', () => '').map((n) => n.number);
    expect(byStatus).toEqual([1, 3, 2, 4]);
    const byWorkpaperDesc = sortNotes([...notes], 'workpaper', 'desc', (n) => n.workpaper).map(
      (n) => n.number,
    );
    expect(byWorkpaperDesc).toEqual([2, 1, 3, 4]);
  });

  it('names the last thing that happened to a note', async () => {
    const s = await setup();
    const note = await raise(s);
    expect(lastActivity(note)).toEqual({ what: 'Raised', at: note.raisedAt });
    const responded = await respondToNote(s.repo, s.preparer, note.id, 'Answer');
    expect(lastActivity(responded).what).toBe('Responded');
    const cleared = await clearNote(s.repo, s.reviewer, note.id);
    expect(lastActivity(cleared)).toEqual({ what: 'Cleared', at: cleared.clearedAt });
    // Reopening removes the cleared date; the record's stamp dates it.
    const later = new Date(Date.parse(cleared.updatedAt) + 60_000).toISOString();
    const reopened = { ...(await reopenNote(s.repo, s.reviewer, note.id)), updatedAt: later };
    expect(lastActivity(reopened)).toEqual({ what: 'Reopened', at: later });
    expect(lastActivity({ ...note, updatedAt: later })).toEqual({ what: 'Edited', at: later });
  });
});

describe('raising a note', () => {
  it('suggests the preparer who signed the workpaper, and lists the team first', async () => {
    const s = await setup();
    expect(await suggestedAssignee(s.repo.db, s.engagement.id, 'control-matrix')).toBeNull();
    const signed = await signWorkpaper(s.repo, s.preparer, s.engagement.id, 'control-matrix', 'preparer');
    expect(await suggestedAssignee(s.repo.db, s.engagement.id, 'control-matrix')).toBe(s.preparer.id);
    expect(await suggestedAssignee(s.repo.db, s.engagement.id, 'request-list')).toBeNull();
    await withdrawSignOff(s.repo, s.preparer, signed.id);
    expect(await suggestedAssignee(s.repo.db, s.engagement.id, 'control-matrix')).toBeNull();

    const profiles = await s.repo.db.profiles.toArray();
    const { team, others } = orderProfiles(profiles, [s.third.id]);
    expect(team.map((p) => p.fullName)).toEqual(['Dana Whitfield']);
    expect(others.map((p) => p.fullName)).toEqual(['Ana López', 'Ben Okafor']);
  });
});
