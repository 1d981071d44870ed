import { describe, expect, it } from 'vitest';
import { generateEngagements } from '../generators/large-engagement';
import { loadGenerated } from '../generators/load';
import { listEngagements, verifyChain } from '../../renderer/db/queries';
import { freshRepo } from './helpers';

describe('large generated data set', () => {
  it('is reproducible from its seed', () => {
    expect(generateEngagements(5, 7)).toEqual(generateEngagements(5, 7));
    expect(generateEngagements(5, 7)).not.toEqual(generateEngagements(5, 8));
  });

  it('loads through the repository with every audit chain intact', async () => {
    const { db, repo, actor } = await freshRepo();
    const items = generateEngagements(40, 42, 25);
    const ids = await loadGenerated(repo, actor, items);
    expect(await listEngagements(db)).toHaveLength(40);
    const naTotal = items.reduce((n, i) => n + i.notApplicable.length, 0);
    expect(await db.criterionScopes.count()).toBe(naTotal);
    for (const [k, id] of ids.entries()) {
      const result = await verifyChain(db, id);
      expect(result).toMatchObject({ ok: true, count: 1 + (items[k]?.notApplicable.length ?? 0) + 25 });
    }
    expect(await db.auditEvents.count()).toBe(1 + 40 * 26 + naTotal); // + the profile's own event
  });
});
