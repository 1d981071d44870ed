/**
 * Fieldwork at scale through the one write path: 40 tests × 60 sample items × 10 attributes (24,000
 * marked cells) with their exceptions, written in batches and read back with the audit chain intact.
 */
import { describe, expect, it } from 'vitest';
import { generateControlMatrix, generateFieldwork } from '../generators/large-engagement';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { engagementRecords, verifyChain } from '../../renderer/db/queries';
import type { Mutation } from '../../renderer/db';
import {
  tallySample,
  tickmarkLegend,
  type ControlException,
  type ControlTest,
  type SampleItem,
} from '../../shared/domain/fieldwork';
import type { Control } from '../../shared/domain/planning';
import { freshRepo, type2Input } from './helpers';

const OPTIONS = { testsPerControl: 2, itemsPerTest: 60, attributes: 10 } as const;

describe('large fieldwork data set', () => {
  it('is reproducible from its seed', () => {
    const controls = [{ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', reference: 'AC-001' }];
    const a = generateFieldwork(controls, { ...OPTIONS, seed: 3 });
    expect(generateFieldwork(controls, { ...OPTIONS, seed: 3 })).toEqual(a);
    expect(generateFieldwork(controls, { ...OPTIONS, seed: 4 })).not.toEqual(a);
    expect(a).toHaveLength(2);
    expect(a[0]?.items).toHaveLength(60);
    expect(new Set(a[0]?.items.map((i) => i.populationIndex)).size).toBe(60);
  });

  it('writes 40 tests with 60 items and 10 attributes each in batches, and reads them back', async () => {
    const { db, repo, actor } = await freshRepo();
    const engagement = await createEngagement(repo, actor, type2Input());
    const matrix = generateControlMatrix(20, engagement.categories, 5);
    await repo.mutate(
      matrix.map((fields) => ({
        entity: 'control',
        op: 'create',
        fields: { ...fields, engagementId: engagement.id },
      })),
      actor,
    );
    const controls = await engagementRecords<Control>(db, 'controls', engagement.id);
    const generated = generateFieldwork(controls, { ...OPTIONS, selectedBy: actor.id });
    expect(generated).toHaveLength(40);

    // One batch per four tests: each test with its items and exceptions (about 250 records a batch).
    const engagementId = engagement.id;
    for (let i = 0; i < generated.length; i += 4) {
      const mutations: Mutation[] = generated.slice(i, i + 4).flatMap((t): Mutation[] => [
        { entity: 'controlTest', op: 'create', id: t.id, fields: { ...t.fields, engagementId } },
        ...t.items.map(({ id, ...fields }): Mutation => ({
          entity: 'sampleItem',
          op: 'create',
          id,
          fields: { ...fields, engagementId },
        })),
        ...t.exceptions.map((fields): Mutation => ({
          entity: 'exception',
          op: 'create',
          fields: { ...fields, engagementId },
        })),
      ]);
      await repo.mutate(mutations, actor);
    }

    const tests = await engagementRecords<ControlTest>(db, 'tests', engagementId);
    const items = await engagementRecords<SampleItem>(db, 'sampleItems', engagementId);
    const exceptions = await engagementRecords<ControlException>(db, 'exceptions', engagementId);
    const expectedExceptions = generated.reduce((n, t) => n + t.exceptions.length, 0);
    expect(tests).toHaveLength(40);
    expect(items).toHaveLength(40 * 60);
    expect(exceptions).toHaveLength(expectedExceptions);
    expect(expectedExceptions).toBeGreaterThan(0);
    expect(items.every((i) => Object.keys(i.marks).length === 10)).toBe(true);

    const legend = tickmarkLegend([]);
    const byTest = new Map<string, SampleItem[]>();
    for (const item of items) byTest.set(item.testId, [...(byTest.get(item.testId) ?? []), item]);
    for (const test of tests) {
      expect(test.attributes).toHaveLength(10);
      const tally = tallySample(
        byTest.get(test.id) ?? [],
        test.attributes.map((a) => a.id),
        legend,
      );
      expect(tally).toMatchObject({ size: 60, complete: 60, blankCells: 0 });
      const own = exceptions.filter((e) => e.testId === test.id);
      expect(tally.deviations).toBe(own.reduce((n, e) => n + e.sampleItemIds.length, 0));
      expect(test.conclusion === 'effective-with-exceptions').toBe(own.length > 0);
    }
    expect(await verifyChain(db, engagementId)).toMatchObject({
      ok: true,
      count: 1 + 20 + 40 + 40 * 60 + expectedExceptions,
    });
  });
});
