/**
 * The merge engine on records written by the real repository (fake-indexeddb): two databases hold one
 * engagement, each edits it through the app's commands, and the plan sees exactly those edits.
 */
import { describe, expect, it } from 'vitest';
import { knowledgeOf } from '../../../renderer/db/exchange';
import { seenKey } from '../../../renderer/db/chains';
import { loadSnapshot } from '../../../renderer/db/snapshot';
import { createEngagement, updateEngagement } from '../../../renderer/features/engagements/commands';
import { SNAPSHOT_TABLES } from '@shared/domain/snapshot';
import { planMerge } from '@shared/exchange/merge';
import { freshRepo, type2Input } from '../../renderer/helpers';

describe('planMerge on repository writes', () => {
  it('merges two databases’ edits to different fields and flags the same field', async () => {
    const a = await freshRepo();
    const engagement = await createEngagement(a.repo, a.actor, type2Input());
    const base = await loadSnapshot(a.db, engagement.id);
    if (!base) throw new Error('no snapshot');
    const b = await freshRepo();
    await b.db.engagements.put(base.engagement);
    for (const table of SNAPSHOT_TABLES) await b.db.table(table).bulkPut(base[table]);
    await b.db.meta.put({
      key: seenKey(engagement.id),
      value: await knowledgeOf(a.db, a.repo, engagement.id),
    });

    await updateEngagement(a.repo, a.actor, engagement, {
      notes: 'Kick-off held.',
      firm: 'Harbor & Reed LLP',
    });
    await updateEngagement(b.repo, b.actor, engagement, { systemName: 'Acme Payroll', firm: 'Harbor Reed' });
    const [mine, theirs] = await Promise.all([
      loadSnapshot(a.db, engagement.id),
      loadSnapshot(b.db, engagement.id),
    ]);
    if (!mine || !theirs) throw new Error('no snapshot');
    const plan = planMerge({
      mine,
      theirs,
      mineSeen: await knowledgeOf(a.db, a.repo, engagement.id),
      theirsSeen: await knowledgeOf(b.db, b.repo, engagement.id),
    });
    expect(plan.conflicts.map((c) => c.id)).toEqual([`engagement:${engagement.id}:firm`]);
    const merged = plan.resolve({ [`engagement:${engagement.id}:firm`]: 'theirs' }).changed[0];
    expect(merged?.result).toMatchObject({
      notes: 'Kick-off held.',
      systemName: 'Acme Payroll',
      firm: 'Harbor Reed',
    });
    expect(merged?.changedPaths).toEqual(['firm', 'systemName']);
    expect(merged?.restampPaths).toEqual(['firm']);
  });
});
