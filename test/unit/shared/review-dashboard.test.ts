/** The dashboard's figures from a snapshot: each count the screen links to its list. */
import { describe, expect, it } from 'vitest';
import { rollUp } from '../../../shared/domain/fieldwork';
import { scopeCriteria } from '../../../shared/domain/engagement/scope';
import {
  addendaAwaitingReview,
  computeReviewState,
  controlFigureSets,
  criterionFigureSets,
  dashboardFigures,
  daysLockedLate,
} from '../../../shared/domain/review';
import * as fx from '../exports/report-fixture';
import { snapshotOf, type EngagementSnapshot } from '../../../shared/domain/snapshot';
import { makeEngagement } from '../exports/request-list-fixture';

function snapshot(over: Partial<EngagementSnapshot> = {}): EngagementSnapshot {
  return snapshotOf({ ...makeEngagement(), reportDate: '2026-12-15' }, over);
}

/** A release on 25 Jan 2027 with the default 60-day window (completion date 26 Mar 2027). */
function releasedOn25Jan(by: string) {
  return {
    date: '2027-01-25',
    at: '2027-01-25T10:00:00.000Z',
    by,
    byName: 'Dana Whitfield',
    assemblyDays: 60,
    retentionYears: 7,
  };
}

describe('dashboard figures', () => {
  it('counts days to the report date, criteria, workpapers missing sign-offs and nothing tested yet', async () => {
    const s = snapshot();
    const review = await computeReviewState(s);
    const f = dashboardFigures(s, review, '2026-11-22');
    expect(f.daysToReport).toBe(23);
    expect(f.daysToAssembly).toBeNull();
    // Security and availability: 33 + 3 criteria, none covered by a control yet.
    expect(f.criteria).toMatchObject({ inScope: 36, notApplicable: 0, uncovered: 36, met: 0, notTested: 36 });
    expect(f.tests).toEqual({ total: 0, open: 0, effective: 0, withExceptions: 0, notEffective: 0 });
    // Control matrix, request list, assertion + the Type 2 description sections, report draft.
    expect(f.signOffs.workpapers).toBe(review.workpapers.length);
    expect(f.signOffs.missing).toBe(review.workpapers.length);
    expect(f.signOffs.stale).toBe(0);
    expect(f.notes).toEqual({ open: 0, responded: 0, cleared: 0 });
  });

  it('counts the assembly days left once released, overdue as negative', async () => {
    const e = makeEngagement();
    const s = snapshot({
      engagement: {
        ...e,
        reportDate: '2027-01-20',
        phase: 'released',
        release: releasedOn25Jan(e.updatedBy),
      },
    });
    const review = await computeReviewState(s);
    expect(dashboardFigures(s, review, '2027-03-20').daysToAssembly).toBe(6);
    expect(dashboardFigures(s, review, '2027-03-30').daysToAssembly).toBe(-4);
  });

  it('counts controls and criteria with the same sets the lists behind them filter by', async () => {
    // CC1.1: one effective test; CC1.2: a test still open; CC1.3: a control with no test; CC1.4: not
    // effective; CC1.5 marked N/A; a retired control (never counted); a deleted test (never counted).
    const effective = fx.control('C-1', ['CC1.1']);
    const open = fx.control('C-2', ['CC1.2']);
    const untested = fx.control('C-3', ['CC1.3']);
    const failed = fx.control('C-4', ['CC1.4']);
    const retired = fx.control('C-5', ['CC1.1'], { status: 'retired' });
    const e = fx.engagement();
    const s = fx.snapshot(e, {
      controls: [effective, open, untested, failed, retired],
      tests: [
        fx.test(effective, { conclusion: 'effective' }),
        fx.test(open, { conclusion: null }),
        fx.test(failed, { conclusion: 'not-effective' }),
        fx.test(untested, { deleted: true }),
      ],
      criterionScopes: [fx.notApplicable('CC1.5', 'No such function')],
    });
    const f = dashboardFigures(s, await computeReviewState(s), '2026-07-01');
    expect(f.controls).toEqual({ active: 4, tested: 2, untested: 2, withoutTest: 1 });

    const rollup = rollUp(
      e.kind,
      scopeCriteria(e.categories, s.criterionScopes).criteria,
      s.controls,
      s.tests,
      [],
    );
    const controls = controlFigureSets(e.kind, rollup.controls, s.tests, []);
    expect([...controls.concluded].sort()).toEqual([effective.id, failed.id].sort());
    expect([...controls['not-concluded']].sort()).toEqual([open.id, untested.id].sort());
    expect([...controls['without-work']]).toEqual([untested.id]);

    const criteria = criterionFigureSets(rollup.criteria);
    expect([...criteria.met]).toEqual(['CC1.1']);
    expect([...criteria['not-met']]).toEqual(['CC1.4']);
    expect(criteria['not-concluded'].has('CC1.2')).toBe(true);
    expect(criteria['not-concluded'].has('CC1.5')).toBe(false);
    expect(f.criteria).toMatchObject({
      met: criteria.met.size,
      notMet: criteria['not-met'].size,
      notTested: criteria['not-concluded'].size,
      notApplicable: 1,
    });
  });

  it('counts Type 1 controls by their walkthroughs, not tests', async () => {
    const walked = fx.control('C-1', ['CC1.1']);
    const notWalked = fx.control('C-2', ['CC1.2']);
    const e = fx.engagement({ kind: 'soc2-type1' });
    const s = fx.snapshot(e, {
      controls: [walked, notWalked],
      // A test on a Type 1 control does not count as work on it.
      tests: [fx.test(notWalked, { conclusion: 'effective' })],
      walkthroughs: [fx.walkthrough([walked], { designConclusion: 'yes', implementationConclusion: 'yes' })],
    });
    const f = dashboardFigures(s, await computeReviewState(s), '2026-07-01');
    expect(f.controls).toEqual({ active: 2, tested: 1, untested: 1, withoutTest: 1 });
    const sets = controlFigureSets(
      e.kind,
      rollUp(e.kind, [], s.controls, s.tests, s.walkthroughs).controls,
      s.tests,
      s.walkthroughs,
    );
    expect([...sets['without-work']]).toEqual([notWalked.id]);
  });

  it('says how late a file was locked after its documentation completion date', () => {
    const e = makeEngagement();
    const release = releasedOn25Jan(e.updatedBy);
    // Noon local time, so the day is the same in every time zone the tests run in.
    const lockedOn = (y: number, m: number, d: number) => ({
      at: new Date(y, m - 1, d, 12).toISOString(),
      by: e.updatedBy,
      byName: 'Dana Whitfield',
      clearedNotes: 'kept' as const,
    });
    // Completion date: 25 Jan + 60 days = 26 Mar 2027.
    expect(daysLockedLate({ release, lock: lockedOn(2027, 3, 26) })).toBeNull();
    expect(daysLockedLate({ release, lock: lockedOn(2027, 3, 29) })).toBe(3);
    expect(daysLockedLate({ release, lock: null })).toBeNull();
    expect(daysLockedLate({ release: null, lock: lockedOn(2027, 3, 29) })).toBeNull();
  });

  it('counts addenda and those without a reviewer sign-off (withdrawn or another level does not count)', async () => {
    const e = makeEngagement();
    const record = (id: string) => ({
      id,
      engagementId: e.id,
      createdAt: '2027-04-01T09:00:00.000Z',
      updatedAt: '2027-04-01T09:00:00.000Z',
      updatedBy: e.updatedBy,
      rev: 1,
      clock: '1800000000000-0000-000000000000',
      deleted: false,
    });
    const addendum = (n: number) => ({
      ...record(`0190a000-0000-7000-8000-00000000000${n}`),
      number: n,
      workpaper: null,
      text: `Addendum ${n}.`,
      reason: 'Subsequent event.',
      authorId: e.updatedBy,
      authorName: 'Dana Whitfield',
      addedAt: '2027-04-01T09:00:00.000Z',
    });
    const [ad1, ad2, ad3] = [addendum(1), addendum(2), addendum(3)];
    const signOff = (id: string, workpaper: string, level: 'reviewer' | 'preparer', deleted = false) => ({
      ...record(id),
      deleted,
      workpaper,
      level,
      profileId: '0190a000-0000-7000-8000-0000000000aa',
      name: 'Ben Okafor',
      initials: 'BO',
      role: 'manager' as const,
      signedAt: '2027-04-02T09:00:00.000Z',
      contentHash: 'a'.repeat(64),
    });
    const s = snapshot({
      addenda: [ad1, ad2, ad3],
      signOffs: [
        signOff('0190a000-0000-7000-8000-0000000000b1', `addendum:${ad1.id}`, 'reviewer'),
        signOff('0190a000-0000-7000-8000-0000000000b2', `addendum:${ad2.id}`, 'reviewer', true),
        signOff('0190a000-0000-7000-8000-0000000000b3', `addendum:${ad3.id}`, 'preparer'),
      ],
    });
    expect(addendaAwaitingReview(s).map((a) => a.number)).toEqual([2, 3]);
    const f = dashboardFigures(s, await computeReviewState(s), '2027-04-03');
    expect(f.addenda).toEqual({ total: 3, awaitingReview: 2 });
    expect(dashboardFigures(snapshot(), await computeReviewState(snapshot()), '2027-04-03').addenda).toEqual({
      total: 0,
      awaitingReview: 0,
    });
  });
});
