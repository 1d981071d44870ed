/**
 * Review in the data layer: sign-offs bound to the content hash of the workpaper (record, child records,
 * linked evidence), stale detection, the role rules, review notes, release blockers, the assembly
 * window's reasons, the lock on every table, addenda and the partner's unlock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../shared/domain/hash';
import { CRITERIA } from '../../shared/domain/criteria';
import { LockedError, ReasonRequiredError } from '../../shared/domain/errors';
import {
  computeReviewState,
  lifecycleDates,
  releaseBlockers,
  workpaperKey,
} from '../../shared/domain/review';
import type { Engagement } from '../../shared/domain/engagement';
import { tickmarkLegend } from '../../shared/domain/fieldwork';
import { auditEvents, verifyChain } from '../../renderer/db/queries';
import { loadSnapshot } from '../../renderer/db/snapshot';
import { ENTITIES, type EntityName } from '../../renderer/db/entities';
import {
  createEngagement,
  setArchived,
  updateEngagement,
} from '../../renderer/features/engagements/commands';
import { createControl } from '../../renderer/features/controls/commands';
import { createProfile, actorOf } from '../../renderer/features/profiles/commands';
import { setCriterionApplicability } from '../../renderer/features/scope/commands';
import { addEvidence, replaceEvidenceFile } from '../../renderer/features/evidence/commands';
import {
  createTest,
  selectSample,
  setMark,
  setPopulationCount,
  updateTest,
} from '../../renderer/features/testing/commands';
import {
  addAddendum,
  assembleAndLock,
  clearNote,
  currentWorkpaperHash,
  raiseReviewNote,
  releaseReport,
  reopenNote,
  respondToNote,
  saveReviewPolicy,
  setSignOffLevels,
  signWorkpaper,
  unlockEngagement,
  withdrawSignOff,
} from '../../renderer/features/review/commands';
import { freshRepo, type2Input } from './helpers';

const ATTRIBUTE = '0190a000-0000-7000-8000-00000000000a';

function named(text: string, name: string) {
  return Object.assign(new Blob([text], { type: 'text/plain' }), { name });
}
async function file(text: string, name: string) {
  return { file: named(text, name), sha256: await sha256Hex(new TextEncoder().encode(text)) };
}

/** An engagement with one control, one test of 3 selected items, a reviewer and a partner. */
async function setup() {
  const ctx = await freshRepo(); // Ana López, senior: the preparer
  const reviewer = await createProfile(ctx.repo, {
    fullName: 'Ben Okafor',
    initials: 'BO',
    firm: '',
    role: 'manager',
  });
  const partner = await createProfile(ctx.repo, {
    fullName: 'Dana Whitfield',
    initials: 'DW',
    firm: '',
    role: 'partner',
  });
  const engagement = await createEngagement(ctx.repo, ctx.actor, type2Input({ categories: ['security'] }));
  const control = await createControl(ctx.repo, ctx.actor, engagement.id, {
    reference: 'CM-01',
    title: 'Change approval',
    description: 'Changes are approved before deployment.',
    frequency: 'quarterly',
    nature: 'manual',
    risk: 'low',
    criteria: ['CC8.1'],
  });
  let test = await createTest(ctx.repo, ctx.actor, engagement, control);
  test = await updateTest(ctx.repo, ctx.actor, test, {
    attributes: [{ id: ATTRIBUTE, text: 'Approved before deployment' }],
  });
  test = await setPopulationCount(ctx.repo, ctx.actor, test, control, 3, 'changes in 2026');
  const items = await selectSample(ctx.repo, ctx.actor, engagement, test, control, {
    method: 'random',
    stratify: 'none',
    seed: 'seed',
  });
  const key = workpaperKey('test', test.id);
  return {
    ...ctx,
    reviewer: actorOf(reviewer),
    partner: actorOf(partner),
    engagement,
    control,
    test: (await ctx.repo.db.tests.get(test.id))!,
    items,
    key,
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;
const hashOf = (s: Setup) => currentWorkpaperHash(s.repo.db, s.engagement.id, s.key);

async function markAll(s: Setup, mark = 'pass') {
  const legend = tickmarkLegend([]);
  for (const item of s.items) await setMark(s.repo, s.actor, s.test, item.id, ATTRIBUTE, mark, legend);
}

describe('sign-off content hash', () => {
  it('is stable for unchanged content and changes with the record, a child record or a linked evidence file', async () => {
    const s = await setup();
    const h0 = await hashOf(s);
    expect(await hashOf(s)).toBe(h0);
    // An edit that changes nothing writes nothing and keeps the hash.
    await updateTest(s.repo, s.actor, s.test, { objective: s.test.objective });
    expect(await hashOf(s)).toBe(h0);

    const t1 = await updateTest(s.repo, s.actor, s.test, { procedure: 'Inspected the approvals.' });
    const h1 = await hashOf(s);
    expect(h1).not.toBe(h0);

    await setMark(s.repo, s.actor, t1, s.items[0]!.id, ATTRIBUTE, 'pass', tickmarkLegend([]));
    const h2 = await hashOf(s);
    expect(h2).not.toBe(h1);

    const { created } = await addEvidence(
      s.repo,
      s.actor,
      s.engagement.id,
      [await file('approval 1', 'a.txt')],
      {
        links: [{ kind: 'sample-item', id: s.items[0]!.id }],
      },
    );
    const h3 = await hashOf(s);
    expect(h3).not.toBe(h2);

    await replaceEvidenceFile(
      s.repo,
      s.actor,
      created[0]!,
      await file('approval 1, signed', 'a.txt'),
      'signed copy',
    );
    expect(await hashOf(s)).not.toBe(h3);

    // Evidence linked elsewhere does not touch this workpaper.
    const h4 = await hashOf(s);
    await addEvidence(s.repo, s.actor, s.engagement.id, [await file('policy', 'policy.txt')], {
      links: [{ kind: 'control', id: s.control.id }],
    });
    expect(await hashOf(s)).toBe(h4);
  });

  it('goes stale when the workpaper changes after signing; re-signing keeps the stale one in history', async () => {
    const s = await setup();
    await signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'preparer');
    let review = await computeReviewState((await loadSnapshot(s.repo.db, s.engagement.id))!);
    expect(review.byKey.get(s.key)?.levels.map((l) => l.status)).toEqual(['current', 'missing']);

    await setMark(s.repo, s.actor, s.test, s.items[1]!.id, ATTRIBUTE, 'exception', tickmarkLegend([]));
    review = await computeReviewState((await loadSnapshot(s.repo.db, s.engagement.id))!);
    expect(review.byKey.get(s.key)?.levels[0]?.status).toBe('stale');
    expect(review.summary.stale).toBe(1);

    await signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'preparer');
    review = await computeReviewState((await loadSnapshot(s.repo.db, s.engagement.id))!);
    const wp = review.byKey.get(s.key)!;
    expect(wp.levels[0]?.status).toBe('current');
    expect(wp.history).toHaveLength(2);
  });

  it('refuses a sign-off of content that changed since the auditor looked at it', async () => {
    const s = await setup();
    const seen = await hashOf(s);
    await updateTest(s.repo, s.actor, s.test, { procedure: 'changed meanwhile' });
    await expect(signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'preparer', seen)).rejects.toThrow(
      /changed while you were signing/,
    );
    expect(await s.repo.db.signOffs.count()).toBe(0);
  });
});

describe('sign-off rules (data layer)', () => {
  it('refuses the preparer as reviewer, a reviewer before a current preparer sign-off, and levels the engagement does not use', async () => {
    const s = await setup();
    await expect(signWorkpaper(s.repo, s.reviewer, s.engagement.id, s.key, 'reviewer')).rejects.toThrow(
      /preparer has not signed/,
    );
    await signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'preparer');
    await expect(signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'reviewer')).rejects.toThrow(
      /You prepared this workpaper/,
    );
    await updateTest(s.repo, s.actor, s.test, { procedure: 'edited after signing' });
    await expect(signWorkpaper(s.repo, s.reviewer, s.engagement.id, s.key, 'reviewer')).rejects.toThrow(
      /changed after the preparer signed/,
    );
    await expect(signWorkpaper(s.repo, s.partner, s.engagement.id, s.key, 'partner')).rejects.toThrow(
      /does not use partner sign-offs/,
    );
    await signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'preparer');
    await signWorkpaper(s.repo, s.reviewer, s.engagement.id, s.key, 'reviewer');
    // Manager level: only managers and partners, after the reviewer.
    await expect(
      setSignOffLevels(s.repo, s.actor, s.engagement.id, ['preparer', 'reviewer', 'manager']),
    ).rejects.toThrow(/Only a manager or a partner can change the sign-off levels/);
    await setSignOffLevels(s.repo, s.reviewer, s.engagement.id, ['preparer', 'reviewer', 'manager']);
    await expect(signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'manager')).rejects.toThrow(
      /Only a manager or a partner/,
    );
    await expect(signWorkpaper(s.repo, s.reviewer, s.engagement.id, s.key, 'manager')).rejects.toThrow(
      /already signed this workpaper as reviewer/,
    );
    await signWorkpaper(s.repo, s.partner, s.engagement.id, s.key, 'manager');
    // Withdrawal: only by the signer, and not under a higher sign-off.
    const signOffs = await s.repo.db.signOffs.toArray();
    const preparer = signOffs.filter((x) => x.level === 'preparer').at(-1)!;
    await expect(withdrawSignOff(s.repo, s.reviewer, preparer.id)).rejects.toThrow(/Only Ana López/);
    await expect(withdrawSignOff(s.repo, s.actor, preparer.id)).rejects.toThrow(/signed above this level/);
    // Sign-offs cannot be edited, even through the generic write path.
    await expect(
      s.repo.mutate(
        [{ entity: 'signOff', op: 'update', id: preparer.id, patch: { name: 'Someone else' } }],
        s.actor,
      ),
    ).rejects.toThrow(/never changed/);
    // Nobody signs for someone else.
    await expect(
      s.repo.mutate(
        [{ entity: 'signOff', op: 'create', fields: { ...withoutId(preparer), level: 'reviewer' } }],
        s.reviewer,
      ),
    ).rejects.toThrow(/only sign as yourself/);
  });

  it('keeps whoever prepared a workpaper from reviewing it, even after someone else re-signs as preparer', async () => {
    const s = await setup();
    const staff = actorOf(
      await createProfile(s.repo, { fullName: 'Sam Patel', initials: 'SP', firm: '', role: 'staff' }),
    );
    const senior = actorOf(
      await createProfile(s.repo, { fullName: 'Rita Gómez', initials: 'RG', firm: '', role: 'senior' }),
    );
    await signWorkpaper(s.repo, staff, s.engagement.id, s.key, 'preparer');
    // Staff prepare; they do not review.
    await expect(signWorkpaper(s.repo, staff, s.engagement.id, s.key, 'reviewer')).rejects.toThrow(
      /a senior, a manager or a partner signs as reviewer/,
    );
    // Ana edits and re-signs as preparer; Rita edits and re-signs after her: Ana still may not review.
    const edited = await updateTest(s.repo, s.actor, s.test, { procedure: 'edited by Ana' });
    await signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'preparer');
    await updateTest(s.repo, senior, edited, { procedure: 'edited by Rita' });
    await signWorkpaper(s.repo, senior, s.engagement.id, s.key, 'preparer');
    await expect(signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'reviewer')).rejects.toThrow(
      /You signed this workpaper as preparer before/,
    );
    await signWorkpaper(s.repo, s.reviewer, s.engagement.id, s.key, 'reviewer');
  });

  it('ignores sign-offs at a level the engagement no longer requires, and guards who changes the levels', async () => {
    const s = await setup();
    await setSignOffLevels(s.repo, s.partner, s.engagement.id, [
      'preparer',
      'reviewer',
      'manager',
      'partner',
    ]);
    await signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'preparer');
    await signWorkpaper(s.repo, s.reviewer, s.engagement.id, s.key, 'reviewer');
    await signWorkpaper(s.repo, s.partner, s.engagement.id, s.key, 'manager');
    // A manager may add levels but not drop the partner's.
    await expect(
      setSignOffLevels(s.repo, s.reviewer, s.engagement.id, ['preparer', 'reviewer', 'manager']),
    ).rejects.toThrow(/Only a partner can stop requiring the partner sign-off/);
    // The partner drops the manager level: the partner's manager sign-off no longer stands in the way.
    await setSignOffLevels(s.repo, s.partner, s.engagement.id, ['preparer', 'reviewer', 'partner']);
    await signWorkpaper(s.repo, s.partner, s.engagement.id, s.key, 'partner');
    const review = await computeReviewState((await loadSnapshot(s.repo.db, s.engagement.id))!);
    expect(review.byKey.get(s.key)?.missing).toEqual([]);
  });

  it('refuses the reviewer sign-off while review notes are not cleared, naming them', async () => {
    const s = await setup();
    await signWorkpaper(s.repo, s.actor, s.engagement.id, s.key, 'preparer');
    const n1 = await raiseReviewNote(s.repo, s.reviewer, s.engagement.id, {
      workpaper: s.key,
      target: { kind: 'field', field: 'procedure', label: 'Procedure' },
      text: 'Expand the procedure: which system did the approvals come from?',
      assignedTo: s.actor.id,
    });
    const n2 = await raiseReviewNote(s.repo, s.reviewer, s.engagement.id, {
      workpaper: s.key,
      target: { kind: 'sample-item', id: s.items[0]!.id, label: 'Item 1' },
      text: 'Attach the ticket.',
      assignedTo: s.actor.id,
    });
    expect([n1.number, n2.number]).toEqual([1, 2]);
    await expect(signWorkpaper(s.repo, s.reviewer, s.engagement.id, s.key, 'reviewer')).rejects.toThrow(
      '2 review notes are not cleared: RN-1 (open), RN-2 (open)',
    );
    await respondToNote(s.repo, s.actor, n1.id, 'The approvals come from Jira.');
    await expect(clearNote(s.repo, s.actor, n1.id)).rejects.toThrow(/the reviewer clears it/);
    await expect(
      s.repo.mutate(
        [{ entity: 'reviewNote', op: 'update', id: n1.id, patch: { text: 'rewritten' } }],
        s.actor,
      ),
    ).rejects.toThrow(/Only the reviewer who raised RN-1/);
    await clearNote(s.repo, s.reviewer, n1.id);
    await clearNote(s.repo, s.reviewer, n2.id);
    // Cleared notes are read-only until reopened.
    await expect(respondToNote(s.repo, s.actor, n1.id, 'late reply')).rejects.toThrow(
      /cleared and read-only/,
    );
    await reopenNote(s.repo, s.reviewer, n2.id);
    await expect(signWorkpaper(s.repo, s.reviewer, s.engagement.id, s.key, 'reviewer')).rejects.toThrow(
      'RN-2 (open)',
    );
    await clearNote(s.repo, s.reviewer, n2.id);
    await signWorkpaper(s.repo, s.reviewer, s.engagement.id, s.key, 'reviewer');
    expect((await s.repo.db.reviewNotes.get(n2.id))?.reopened).toBe(1);
  });
});

/** Everything an engagement needs before release: the criteria not tested marked N/A, the test concluded, all signed. */
async function readyForRelease(s: Setup) {
  for (const c of CRITERIA.filter((c) => c.category === 'security' && c.id !== 'CC8.1')) {
    await setCriterionApplicability(s.repo, s.actor, s.engagement.id, {
      criterionId: c.id,
      notApplicable: true,
      reason: 'Outside this test fixture; only change management is examined.',
    });
  }
  await markAll(s);
  const t = (await s.repo.db.tests.get(s.test.id))!;
  await updateTest(s.repo, s.actor, t, { conclusion: 'effective' });
  const e = (await s.repo.db.engagements.get(s.engagement.id))!;
  await updateEngagement(s.repo, s.actor, e, { reportDate: '2027-01-20', phase: 'reporting' });
  const snapshot = (await loadSnapshot(s.repo.db, s.engagement.id))!;
  const review = await computeReviewState(snapshot);
  for (const wp of review.workpapers) {
    await signWorkpaper(s.repo, s.actor, s.engagement.id, wp.info.key, 'preparer');
    await signWorkpaper(s.repo, s.reviewer, s.engagement.id, wp.info.key, 'reviewer');
  }
}

async function engagementNow(s: Setup): Promise<Engagement> {
  return (await s.repo.db.engagements.get(s.engagement.id))!;
}

describe('release, assembly window and lock', () => {
  // The fixture's period ends 31 Dec 2026; its report is released in January 2027. Only Date is faked.
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-02-01T12:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('lists every blocker and releases once there are none', async () => {
    const s = await setup();
    await updateEngagement(s.repo, s.actor, await engagementNow(s), { reportDate: '2027-01-20' });
    await raiseReviewNote(s.repo, s.reviewer, s.engagement.id, {
      workpaper: s.key,
      target: { kind: 'workpaper' },
      text: 'Increase the sample size.',
      assignedTo: null,
    });
    const refusal = releaseReport(s.repo, s.partner, s.engagement.id, '2027-01-25');
    await expect(refusal).rejects.toThrow(/cannot be released yet: Review note RN-1 \(open\) on T-CM-01/);
    await expect(releaseReport(s.repo, s.partner, s.engagement.id, '2027-01-25')).rejects.toThrow(/more\)/);
    expect((await engagementNow(s)).phase).toBe('planning');
    // The test is not concluded yet: unfinished work blocks the release, named with the workpaper.
    const before = (await loadSnapshot(s.repo.db, s.engagement.id))!;
    const blockers = releaseBlockers(before, await computeReviewState(before));
    expect(blockers.filter((b) => b.kind === 'unfinished').map((b) => b.message)).toEqual([
      'T-CM-01 Test of CM-01 — Change approval: the test is not concluded.',
    ]);
    expect(blockers.find((b) => b.kind === 'sign-off')?.message).toMatch(
      /no preparer or reviewer sign-off\.$/,
    );

    const notes = await s.repo.db.reviewNotes.toArray();
    await respondToNote(s.repo, s.actor, notes[0]!.id, 'Sample is the full population (3).');
    await clearNote(s.repo, s.reviewer, notes[0]!.id);
    await readyForRelease(s);
    await expect(releaseReport(s.repo, s.partner, s.engagement.id, '2027-01-19')).rejects.toThrow(
      /cannot be before the report date/,
    );
    await expect(releaseReport(s.repo, s.partner, s.engagement.id, '2027-03-01')).rejects.toThrow(
      /cannot be in the future/,
    );
    await releaseReport(s.repo, s.partner, s.engagement.id, '2027-01-25');
    const released = await engagementNow(s);
    expect(released.phase).toBe('released');
    expect(lifecycleDates(released)).toEqual({
      releaseDate: '2027-01-25',
      documentationCompletionDate: '2027-03-26',
      retentionUntil: '2034-01-25',
    });
  });

  it('needs a reason for every change in the assembly window and marks it post-release', async () => {
    const s = await setup();
    await readyForRelease(s);
    await releaseReport(s.repo, s.partner, s.engagement.id, '2027-01-25');
    const t = (await s.repo.db.tests.get(s.test.id))!;
    await expect(updateTest(s.repo, s.actor, t, { procedure: 'clarified' })).rejects.toThrow(
      ReasonRequiredError,
    );
    await updateTest(s.repo, { ...s.actor, reason: 'Clarification from the EQR' }, t, {
      procedure: 'clarified',
    });
    const last = (await auditEvents(s.repo.db, s.engagement.id)).at(-1)!;
    expect(last).toMatchObject({
      postRelease: true,
      reason: 'Clarification from the EQR',
      entity: 'controlTest',
    });
    expect(await verifyChain(s.repo.db, s.engagement.id)).toMatchObject({ ok: true });
    // The phase cannot go back once released.
    await expect(
      updateEngagement(s.repo, { ...s.actor, reason: 'x' }, await engagementNow(s), { phase: 'review' }),
    ).rejects.toThrow(/can only be assembled and locked/);
    // The change is reviewed before the file can be locked.
    await expect(assembleAndLock(s.repo, s.partner, s.engagement.id)).rejects.toThrow(
      /cannot be locked yet .*T-CM-01.*changed after the preparer and reviewer signed it/,
    );
    const fix = { ...s.actor, reason: 'Re-sign after the EQR clarification' };
    await signWorkpaper(s.repo, fix, s.engagement.id, s.key, 'preparer');
    await signWorkpaper(
      s.repo,
      { ...s.reviewer, reason: 'Review of the clarification' },
      s.engagement.id,
      s.key,
      'reviewer',
    );
    await assembleAndLock(s.repo, s.partner, s.engagement.id);
    expect((await engagementNow(s)).phase).toBe('completed');
  });

  it('locks every table at assembly, accepts reviewed addenda, and unlocks only for a partner with a reason', async () => {
    const s = await setup();
    await readyForRelease(s);
    const policy = { assemblyDays: 45, retentionYears: 7, clearedNotesAtAssembly: 'delete' as const };
    // The firm's policy is a manager's or a partner's to change, not a senior's.
    await expect(saveReviewPolicy(s.repo, s.actor, policy)).rejects.toThrow(
      /Only a manager or a partner can change the firm's documentation policy/,
    );
    await saveReviewPolicy(s.repo, s.reviewer, policy);
    const note = await raiseReviewNote(s.repo, s.reviewer, s.engagement.id, {
      workpaper: 'control-matrix',
      target: { kind: 'workpaper' },
      text: 'Check CM-01 owner.',
      assignedTo: null,
    });
    await clearNote(s.repo, s.reviewer, note.id);
    await releaseReport(s.repo, s.partner, s.engagement.id, '2027-01-25');
    expect((await engagementNow(s)).release?.assemblyDays).toBe(45);
    await assembleAndLock(s.repo, s.partner, s.engagement.id);
    const locked = await engagementNow(s);
    expect(locked.phase).toBe('completed');
    expect(locked.lock).toMatchObject({ by: s.partner.id, clearedNotes: 'deleted' });
    expect((await s.repo.db.reviewNotes.get(note.id))?.deleted).toBe(true);

    // Every engagement table refuses a change, with or without a reason.
    const withReason = { ...s.actor, reason: 'late fix' };
    const scoped = (Object.keys(ENTITIES) as EntityName[]).filter(
      (name) => ENTITIES[name].engagementScoped && name !== 'engagement',
    );
    const tried: EntityName[] = [];
    for (const entity of scoped) {
      const table = ENTITIES[entity].table;
      const row = (await s.repo.db.table(table).where('engagementId').equals(s.engagement.id).first()) as
        { id: string } | undefined;
      if (!row) continue;
      tried.push(entity);
      await expect(
        s.repo.mutate([{ entity, op: 'update', id: row.id, patch: {} }], withReason),
      ).rejects.toThrow(LockedError);
      await expect(s.repo.mutate([{ entity, op: 'delete', id: row.id }], withReason)).rejects.toThrow(
        LockedError,
      );
      await expect(
        s.repo.mutate([{ entity, op: 'create', fields: withoutId(row) }], withReason),
      ).rejects.toThrow(LockedError);
    }
    expect(tried).toEqual(
      expect.arrayContaining([
        'control',
        'controlTest',
        'sampleItem',
        'signOff',
        'criterionScope',
        'reviewNote',
      ]),
    );
    await expect(updateEngagement(s.repo, withReason, locked, { notes: 'late' })).rejects.toThrow(
      LockedError,
    );

    // Archiving (list housekeeping) is still possible.
    await setArchived(s.repo, s.actor, locked, true);
    expect((await engagementNow(s)).archived).toBe(true);

    // Addenda: appended, reviewed by someone other than the author, never edited.
    const addendum = await addAddendum(s.repo, s.actor, s.engagement.id, {
      text: 'Peer review asked for the population source of T-CM-01: Jira project CHG.',
      reason: 'Clarification requested in peer review',
      workpaper: s.key,
    });
    const adKey = workpaperKey('addendum', addendum.id);
    await expect(signWorkpaper(s.repo, s.actor, s.engagement.id, adKey, 'reviewer')).rejects.toThrow(
      /You wrote this addendum/,
    );
    await signWorkpaper(s.repo, s.reviewer, s.engagement.id, adKey, 'reviewer');
    await expect(
      s.repo.mutate(
        [{ entity: 'addendum', op: 'update', id: addendum.id, patch: { text: 'changed' } }],
        s.actor,
      ),
    ).rejects.toThrow(LockedError);
    const events = await auditEvents(s.repo.db, s.engagement.id);
    expect(events.at(-2)).toMatchObject({ entity: 'addendum', postRelease: true });

    // Unlock: a partner and a reason, logged.
    await expect(unlockEngagement(s.repo, s.reviewer, s.engagement.id, 'Fix a typo')).rejects.toThrow(
      /Only a partner can unlock/,
    );
    await expect(unlockEngagement(s.repo, s.partner, s.engagement.id, '  ')).rejects.toThrow(/reason/);
    await unlockEngagement(s.repo, s.partner, s.engagement.id, 'Peer review finding needs a workpaper fix');
    const unlocked = await engagementNow(s);
    expect(unlocked.phase).toBe('released');
    expect(unlocked.unlocks).toHaveLength(1);
    expect((await auditEvents(s.repo.db, s.engagement.id)).at(-1)).toMatchObject({
      postRelease: true,
      reason: 'Unlocked: Peer review finding needs a workpaper fix',
    });
    expect(await verifyChain(s.repo.db, s.engagement.id)).toMatchObject({ ok: true });
  });
});

function withoutId<T extends { id: string }>(r: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = r;
  return rest;
}
