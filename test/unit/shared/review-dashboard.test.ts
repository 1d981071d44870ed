/** The dashboard's figures from a snapshot: each count the screen links to its list. */
import { describe, expect, it } from 'vitest';
import { computeReviewState, dashboardFigures } from '../../../shared/domain/review';
import { snapshotOf, type EngagementSnapshot } from '../../../shared/domain/snapshot';
import { makeEngagement } from '../exports/request-list-fixture';

function snapshot(over: Partial<EngagementSnapshot> = {}): EngagementSnapshot {
  return snapshotOf({ ...makeEngagement(), reportDate: '2026-12-15' }, over);
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
        release: {
          date: '2027-01-25',
          at: '2027-01-25T10:00:00.000Z',
          by: e.updatedBy,
          byName: 'Dana Whitfield',
          assemblyDays: 60,
          retentionYears: 7,
        },
      },
    });
    const review = await computeReviewState(s);
    expect(dashboardFigures(s, review, '2027-03-20').daysToAssembly).toBe(6);
    expect(dashboardFigures(s, review, '2027-03-30').daysToAssembly).toBe(-4);
  });
});
