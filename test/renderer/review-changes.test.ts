/**
 * "What changed since sign-off" over a real repository: the events the write path records after a
 * sign-off, read the way the dialog reads them, name the tickmark and the item that changed; and the
 * Workpapers & sign-offs list's filters and summary over a real review state.
 */
import { describe, expect, it } from 'vitest';
import {
  computeReviewState,
  changesSinceSignOff,
  signOffSeq,
  workpaperKey,
} from '../../shared/domain/review';
import { tickmarkLegend } from '../../shared/domain/fieldwork';
import { auditEvents } from '../../renderer/db/queries';
import { loadSnapshot } from '../../renderer/db/snapshot';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { createControl } from '../../renderer/features/controls/commands';
import { actorOf, createProfile } from '../../renderer/features/profiles/commands';
import {
  createTest,
  selectSample,
  setMark,
  setPopulationCount,
  updateTest,
} from '../../renderer/features/testing/commands';
import {
  currentWorkpaperHash,
  raiseReviewNote,
  signWorkpaper,
} from '../../renderer/features/review/commands';
import {
  filterWorkpapers,
  parseWorkpaperFilter,
  summarizeWorkpapers,
  type WorkpaperListFilter,
} from '../../renderer/features/review/workpaperList';
import { freshRepo, type2Input } from './helpers';

const ATTRIBUTE = '0190a000-0000-7000-8000-00000000000a';

async function signedTest() {
  const ctx = await freshRepo();
  const reviewer = actorOf(
    await createProfile(ctx.repo, { fullName: 'Ben Okafor', initials: 'BO', firm: '', role: 'manager' }),
  );
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
  test = (await ctx.repo.db.tests.get(test.id))!;
  const legend = tickmarkLegend([]);
  for (const item of items) await setMark(ctx.repo, ctx.actor, test, item.id, ATTRIBUTE, 'pass', legend);
  const key = workpaperKey('test', test.id);
  const hash = await currentWorkpaperHash(ctx.db, engagement.id, key);
  await signWorkpaper(ctx.repo, ctx.actor, engagement.id, key, 'preparer', hash);
  const signOff = await signWorkpaper(ctx.repo, reviewer, engagement.id, key, 'reviewer', hash);
  return { ...ctx, reviewer, engagement, test, items, key, signOff, legend };
}

type Signed = Awaited<ReturnType<typeof signedTest>>;

/** What the dialog reads: the sign-off's own event, then the events after it. */
async function changesSince(s: Signed) {
  const own = await s.db.auditEvents.where('entityId').equals(s.signOff.id).toArray();
  const seq = signOffSeq(own, s.engagement.id);
  expect(seq).not.toBeNull();
  const events = await s.db.auditEvents
    .where('[chain+seq]')
    .between([s.engagement.id, (seq ?? 0) + 1], [s.engagement.id, Infinity])
    .toArray();
  const snapshot = (await loadSnapshot(s.db, s.engagement.id))!;
  return changesSinceSignOff(snapshot, s.key, events, { seq, at: s.signOff.signedAt });
}

describe('what changed since sign-off', () => {
  it('is nothing right after signing, then names the tickmark changed in the grid', async () => {
    const s = await signedTest();
    expect(await changesSince(s)).toEqual([]);

    const item = [...s.items].sort((a, b) => a.position - b.position)[1]!;
    await setMark(s.repo, s.actor, s.test, item.id, ATTRIBUTE, 'na', s.legend);
    const changes = await changesSince(s);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      actorName: 'Ana López',
      action: 'Changed',
      record: `Sample item ${item.position} (${item.key})`,
      fields: [
        {
          label: 'Tickmark A — Approved before deployment',
          before: { kind: 'text', text: '✓ (Inspected / agreed without exception)' },
          after: { kind: 'text', text: 'N/A (Not applicable to this item)' },
        },
      ],
    });

    // An X opens an exception in the same write: both show, and a change elsewhere does not.
    await setMark(s.repo, s.actor, s.test, item.id, ATTRIBUTE, 'exception', s.legend);
    await updateTest(s.repo, s.actor, s.test, { procedure: 'Inspected every approval in the tool.' });
    const later = await changesSince(s);
    expect(later.map((c) => c.record)).toEqual([
      `Sample item ${item.position} (${item.key})`,
      `Sample item ${item.position} (${item.key})`,
      'Exception EX-01',
      `Test ${s.test.reference}`,
    ]);
    expect(later[3]?.fields.map((f) => f.label)).toEqual(['Procedure']);
    // The same events read from the whole trail (the fallback without the sign-off's event) agree.
    const snapshot = (await loadSnapshot(s.db, s.engagement.id))!;
    const fromTime = changesSinceSignOff(snapshot, s.key, await auditEvents(s.db, s.engagement.id), {
      seq: null,
      at: s.signOff.signedAt,
    });
    expect(fromTime.map((c) => c.seq)).toEqual(later.map((c) => c.seq));
  });
});

describe('the Workpapers & sign-offs list', () => {
  it('filters stale, missing, complete and noted workpapers and sums them up', async () => {
    const s = await signedTest();
    let snapshot = (await loadSnapshot(s.db, s.engagement.id))!;
    let review = await computeReviewState(snapshot);
    const all: WorkpaperListFilter = { show: 'all', kind: 'all', query: '' };
    const keys = (show: string, more: Partial<typeof all> = {}) =>
      filterWorkpapers(review.workpapers, { ...all, ...more, show: parseWorkpaperFilter(show) }).map(
        (w) => w.info.key,
      );
    expect(keys('complete')).toEqual([s.key]);
    expect(keys('stale')).toEqual([]);
    expect(keys('missing')).not.toContain(s.key);
    expect(keys('missing')).toHaveLength(review.workpapers.length - 1);
    expect(keys('nonsense')).toHaveLength(review.workpapers.length);
    expect(keys('all', { kind: 'test' })).toEqual([s.key]);
    expect(keys('all', { query: 'cm-01 change' })).toEqual([s.key]);

    await setMark(s.repo, s.actor, s.test, s.items[0]!.id, ATTRIBUTE, 'na', s.legend);
    await raiseReviewNote(s.repo, s.reviewer, s.engagement.id, {
      workpaper: 'control-matrix',
      target: { kind: 'workpaper' },
      text: 'Add the owner of CM-01.',
      assignedTo: null,
    });
    snapshot = (await loadSnapshot(s.db, s.engagement.id))!;
    review = await computeReviewState(snapshot);
    expect(keys('stale')).toEqual([s.key]);
    expect(keys('complete')).toEqual([]);
    expect(keys('notes')).toEqual(['control-matrix']);
    const n = review.workpapers.length;
    expect(summarizeWorkpapers(review.summary)).toBe(
      `${n} workpapers: 0 complete, 1 stale, ${n - 1} missing a sign-off`,
    );
  });
});
