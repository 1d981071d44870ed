import { describe, expect, it } from 'vitest';
import { generateControlMatrix, generateEngagements } from '../generators/large-engagement';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { engagementRecords, listCriterionScopes } from '../../renderer/db/queries';
import { computeCoverage, type Control } from '../../shared/domain/planning';
import { scopeCriteria } from '../../shared/domain/engagement';
import { type2Input } from './helpers';
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

  it('a 500-control matrix mapped to up to 20 criteria each saves in one batch and yields full coverage figures', async () => {
    const { db, repo, actor } = await freshRepo();
    const categories = ['security', 'availability', 'confidentiality'] as const;
    const engagement = await createEngagement(repo, actor, type2Input({ categories: [...categories] }));
    const matrix = generateControlMatrix(500, categories, 3);
    expect(generateControlMatrix(500, categories, 3)).toEqual(matrix);
    expect(Math.max(...matrix.map((c) => c.criteria.length))).toBeGreaterThanOrEqual(15);
    await repo.mutate(
      matrix.map((fields) => ({
        entity: 'control' as const,
        op: 'create' as const,
        fields: { ...fields, engagementId: engagement.id },
      })),
      actor,
    );
    const controls = await engagementRecords<Control>(db, 'controls', engagement.id);
    expect(controls).toHaveLength(500);
    const scope = scopeCriteria(engagement.categories, await listCriterionScopes(db, engagement.id));
    const coverage = computeCoverage(scope.criteria, controls);
    expect(coverage.covered + coverage.uncovered + coverage.notApplicable).toBe(38);
    expect(await verifyChain(db, engagement.id)).toMatchObject({ ok: true, count: 501 });
  });
});
