/**
 * Fieldwork in the data layer: evidence stored once per hash with versions and links, storage refusals that
 * leave everything as it was, and a Type 2 test from population to conclusion: re-performable selection,
 * expansion without repeats, tickmarks creating and joining exceptions, the exception life cycle.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../shared/domain/hash';
import {
  BUILT_IN_TICKMARKS,
  currentVersion,
  tickmarkLegend,
  type ControlException,
  type Evidence,
} from '../../shared/domain/fieldwork';
import { selectRandom } from '../../shared/domain/sampling';
import { verifyChain, engagementRecords } from '../../renderer/db/queries';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { createControl } from '../../renderer/features/controls/commands';
import {
  addEvidence,
  replaceEvidenceFile,
  setEvidenceDeleted,
  unlinkEvidence,
} from '../../renderer/features/evidence/commands';
import {
  clearSelection,
  deleteTest,
  createTest,
  defaultSeed,
  expandSample,
  selectSample,
  setMark,
  setPopulationCount,
  setPopulationFile,
  updateException,
  updateTest,
} from '../../renderer/features/testing/commands';
import { firmSampleSizeTable, saveFirmSampleSizeTable } from '../../renderer/features/settings/commands';
import { DEFAULT_SAMPLE_SIZE_TABLE } from '../../shared/domain/sampling';
import { controlDependents, describeDependents } from '../../renderer/features/controls/dependents';
import { freshRepo, type2Input } from './helpers';
import { populationXlsx } from '../generators/population';

afterEach(() => vi.unstubAllGlobals());

function named(bytes: Uint8Array<ArrayBuffer>, name: string, type = 'application/octet-stream') {
  return Object.assign(new Blob([bytes], { type }), { name });
}
async function hashed(text: string, name: string) {
  const bytes = new TextEncoder().encode(text);
  return { file: named(bytes, name, 'text/plain'), sha256: await sha256Hex(bytes) };
}

async function setup() {
  const ctx = await freshRepo();
  const engagement = await createEngagement(ctx.repo, ctx.actor, type2Input());
  const control = await createControl(ctx.repo, ctx.actor, engagement.id, {
    reference: 'CM-01',
    title: 'Change approval',
    description: 'Changes are approved before deployment.',
    frequency: 'multiple-daily',
    nature: 'manual',
    risk: 'low',
    criteria: ['CC8.1'],
  });
  return { ...ctx, engagement, control };
}

describe('evidence', () => {
  it('stores the same bytes once, links them again instead of a second record, and keeps replaced versions', async () => {
    const { repo, actor, engagement, control } = await setup();
    const a = await hashed('user listing as of 30 June', 'users.csv');
    const first = await addEvidence(repo, actor, engagement.id, [a], {
      links: [{ kind: 'control', id: control.id }],
    });
    expect(first.created).toHaveLength(1);
    // The same bytes under another name, twice in one drop: no new record, no new blob.
    const again = await addEvidence(repo, actor, engagement.id, [
      { ...a, file: named(new TextEncoder().encode('user listing as of 30 June'), 'copy.csv') },
      a,
    ]);
    expect(again.created).toHaveLength(0);
    expect(again.existing.map((e) => e.id)).toEqual([first.created[0]?.id]);
    expect(await repo.db.blobs.count()).toBe(1);

    const evidence = first.created[0] as Evidence;
    const b = await hashed('user listing as of 30 June, complete', 'users-v2.csv');
    const replaced = await replaceEvidenceFile(repo, actor, evidence, b, 'client sent the complete listing');
    expect(replaced.versions.map((v) => v.sha256)).toEqual([a.sha256, b.sha256]);
    expect(currentVersion(replaced).note).toBe('client sent the complete listing');
    expect(await repo.db.blobs.count()).toBe(2);
    await expect(replaceEvidenceFile(repo, actor, replaced, b, 'again')).rejects.toThrow(/same file/);

    // Removing the link or even deleting the record never removes the bytes.
    const unlinked = await unlinkEvidence(repo, actor, replaced, { kind: 'control', id: control.id });
    expect(unlinked.links).toEqual([]);
    await setEvidenceDeleted(repo, actor, [evidence.id], true);
    expect(await repo.db.blobs.count()).toBe(2);
    expect((await repo.db.evidence.get(evidence.id))?.deleted).toBe(true);
    expect(await verifyChain(repo.db, engagement.id)).toMatchObject({ ok: true });
  });

  it('refuses files that do not fit the storage quota and leaves the database as it was', async () => {
    const { repo, actor, engagement } = await setup();
    vi.stubGlobal('navigator', {
      storage: { estimate: async () => ({ usage: 9_990_000_000, quota: 10_000_000_000 }) },
    });
    const before = {
      evidence: await repo.db.evidence.count(),
      blobs: await repo.db.blobs.count(),
      events: await repo.db.auditEvents.count(),
    };
    const file = await hashed('x'.repeat(1000), 'big.bin');
    await expect(addEvidence(repo, actor, engagement.id, [file])).rejects.toThrow(
      /not enough room.*Nothing was stored/,
    );
    expect({
      evidence: await repo.db.evidence.count(),
      blobs: await repo.db.blobs.count(),
      events: await repo.db.auditEvents.count(),
    }).toEqual(before);
  });
});

describe('a Type 2 test from population to conclusion', () => {
  async function withPopulation() {
    const ctx = await setup();
    const test = await createTest(ctx.repo, ctx.actor, ctx.engagement, ctx.control);
    expect(test.reference).toBe('T-CM-01');
    expect(test.sampling.recommendedSize).toBe(25); // many times a day, low risk
    const bytes = await populationXlsx({ rows: 500, start: '2026-01-01', end: '2026-12-31', outside: 2 });
    const sha256 = await sha256Hex(bytes);
    const file = { file: named(bytes, 'changes-2026.xlsx'), sha256 };
    const withPop = await setPopulationFile(ctx.repo, ctx.actor, ctx.engagement, test, ctx.control, file, {
      sheet: 'Changes',
      headerRow: 1,
      keyColumn: 0,
      dateColumn: 3,
      keyLabel: 'Change ID',
      dateLabel: 'Approved on',
      description: 'changes deployed in 2026',
    });
    return { ...ctx, test: withPop, sha256, bytes };
  }

  it('names the test and its evidence when the control is about to be deleted', async () => {
    const { repo, actor, engagement, control } = await withPopulation();
    await addEvidence(repo, actor, engagement.id, [await hashed('policy', 'policy.txt')], {
      links: [{ kind: 'control', id: control.id }],
    });
    const dependents = await controlDependents(repo.db, engagement.id, [control.id]);
    expect(dependents.map((d) => d.label)).toEqual(['Test T-CM-01', 'Evidence file policy.txt']);
    expect(describeDependents(dependents)).toBe('1 test and 1 evidence file are linked to it.');
  });

  it('records the population file as evidence with its hash, count and out-of-period items', async () => {
    const { repo, engagement, test, sha256 } = await withPopulation();
    expect(test.population).toMatchObject({
      source: 'file',
      count: 500,
      sha256,
      outsidePeriod: 2,
      firstDate: '2026-01-01',
    });
    const evidence = await engagementRecords<Evidence>(repo.db, 'evidence', engagement.id);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ purpose: 'population', links: [{ kind: 'test', id: test.id }] });
  });

  it('selects the same items from the same file, seed derived from engagement, control and file hash', async () => {
    const a = await withPopulation();
    const seed = await defaultSeed(a.engagement, a.control, a.test);
    const items = await selectSample(a.repo, a.actor, a.engagement, a.test, a.control, {
      method: 'random',
      stratify: 'none',
      seed: '',
    });
    expect(items).toHaveLength(25);
    const expected = selectRandom({ populationSize: 500, sampleSize: 25, seed });
    expect(items.map((i) => i.populationIndex)).toEqual(expected);
    expect(items[0]?.key).toBe(`CHG-${10001 + (expected[0] ?? 0)}`);
    expect(items.map((i) => i.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const test = await a.repo.db.tests.get(a.test.id);
    expect(test?.sampling).toMatchObject({ seed, method: 'random', size: 25 });
    // A second selection on top of the first is refused.
    await expect(
      selectSample(a.repo, a.actor, a.engagement, test!, a.control, {
        method: 'random',
        stratify: 'none',
        seed: '',
      }),
    ).rejects.toThrow(/already been selected/);
  });

  it('spreads the sample across the months, and systematic selection records its interval and start', async () => {
    const a = await withPopulation();
    const items = await selectSample(a.repo, a.actor, a.engagement, a.test, a.control, {
      method: 'random',
      stratify: 'month',
      seed: 'fixed-seed',
    });
    const months = new Set(items.map((i) => i.stratum));
    expect(months.size).toBeGreaterThanOrEqual(12);
    const t = (await a.repo.db.tests.get(a.test.id))!;
    await clearSelection(a.repo, a.actor, t);
    const t2 = (await a.repo.db.tests.get(a.test.id))!;
    const sys = await selectSample(a.repo, a.actor, a.engagement, t2, a.control, {
      method: 'systematic',
      stratify: 'none',
      seed: 'fixed-seed',
    });
    const t3 = (await a.repo.db.tests.get(a.test.id))!;
    expect(t3.sampling.interval).toBe(20);
    expect(sys[1]!.populationIndex! - sys[0]!.populationIndex!).toBe(20);
    expect(t3.sampling.start).toBe(sys[0]!.populationIndex! + 1);
  });

  it('marks exceptions, expands without repeats and concludes', async () => {
    const a = await withPopulation();
    let test = await updateTest(a.repo, a.actor, a.test, {
      attributes: [
        { id: crypto.randomUUID(), text: 'Approved before deployment' },
        { id: crypto.randomUUID(), text: 'Approver is not the developer' },
      ],
    });
    const [attrA, attrB] = test.attributes.map((x) => x.id) as [string, string];
    const items = await selectSample(a.repo, a.actor, a.engagement, test, a.control, {
      method: 'random',
      stratify: 'none',
      seed: '',
    });
    const legend = tickmarkLegend([]);
    // X on item 1 / A creates EX-01; X on item 2 / A joins it; X on item 1 / B stays in EX-01.
    await setMark(a.repo, a.actor, test, items[0]!.id, attrA, 'exception', legend);
    await setMark(a.repo, a.actor, test, items[1]!.id, attrA, 'exception', legend);
    await setMark(a.repo, a.actor, test, items[0]!.id, attrB, 'exception', legend);
    let exceptions = await engagementRecords<ControlException>(a.repo.db, 'exceptions', a.engagement.id);
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({
      number: 1,
      status: 'open',
      sampleItemIds: [items[0]!.id, items[1]!.id],
    });
    // Item 2 corrected to ✓: it leaves the exception; item 1 still has X marks.
    await setMark(a.repo, a.actor, test, items[1]!.id, attrA, BUILT_IN_TICKMARKS[0].id, legend);
    exceptions = await engagementRecords<ControlException>(a.repo.db, 'exceptions', a.engagement.id);
    expect(exceptions[0]?.sampleItemIds).toEqual([items[0]!.id]);
    // Evaluated needs a description and a nature.
    await expect(updateException(a.repo, a.actor, exceptions[0]!, { status: 'evaluated' })).rejects.toThrow(
      /Describe the exception/,
    );
    await updateException(a.repo, a.actor, exceptions[0]!, {
      description: 'The change was deployed before its approval was recorded.',
      nature: 'isolated',
      status: 'evaluated',
    });

    test = (await a.repo.db.tests.get(test.id))!;
    const more = await expandSample(a.repo, a.actor, a.engagement, test, 15, 'One exception in 25 items');
    expect(more).toHaveLength(15);
    const all = [...items, ...more].map((i) => i.populationIndex);
    expect(new Set(all).size).toBe(40);
    // The expansion continues the same seeded sequence: it equals a first selection of 40.
    expect(all).toEqual(selectRandom({ populationSize: 500, sampleSize: 40, seed: test.sampling.seed }));
    test = (await a.repo.db.tests.get(test.id))!;
    expect(test.sampling.size).toBe(40);
    expect(test.sampling.expansions).toMatchObject([{ additional: 15, reason: 'One exception in 25 items' }]);
    expect(more.every((i) => i.batch === 1)).toBe(true);

    // No conclusion while cells are blank: the data layer refuses it.
    await expect(
      updateTest(a.repo, a.actor, test, { conclusion: 'effective', rationale: 'x' }),
    ).rejects.toThrow(/cells are not marked yet/);
    for (const item of [...items, ...more]) {
      for (const attr of [attrA, attrB]) {
        const fresh = await a.repo.db.sampleItems.get(item.id);
        if (!fresh?.marks[attr]) await setMark(a.repo, a.actor, test, item.id, attr, 'pass', legend);
      }
    }
    await expect(
      updateTest(a.repo, a.actor, test, { conclusion: 'effective-with-exceptions' }),
    ).rejects.toThrow(/Explain the conclusion/);
    // Deleting the test takes its items and exceptions with it (tombstones); Undo brings them all back.
    const undo = await deleteTest(a.repo, a.actor, test);
    expect(await engagementRecords<ControlException>(a.repo.db, 'exceptions', a.engagement.id)).toHaveLength(
      0,
    );
    await a.repo.mutate(undo, a.actor);
    expect(await engagementRecords<ControlException>(a.repo.db, 'exceptions', a.engagement.id)).toHaveLength(
      1,
    );
    expect(
      (await a.repo.db.sampleItems.where('testId').equals(test.id).toArray()).filter((i) => !i.deleted),
    ).toHaveLength(40);
    test = (await a.repo.db.tests.get(test.id))!;
    await updateTest(a.repo, a.actor, test, {
      conclusion: 'effective-with-exceptions',
      rationale: 'Isolated; 1 of 40 within the tolerable rate.',
    });
    expect(await verifyChain(a.repo.db, a.engagement.id)).toMatchObject({ ok: true });
  });

  it('records the population on the stored test even when the screen still holds the previous revision', async () => {
    const { repo, actor, engagement, control } = await setup();
    const shown = await createTest(repo, actor, engagement, control);
    // An autosave of the test's design lands just before the auditor records the count.
    await updateTest(repo, actor, shown, { objective: 'Typed a moment ago' });
    const counted = await setPopulationCount(repo, actor, shown, control, 40, 'tickets');
    expect(counted).toMatchObject({ objective: 'Typed a moment ago', population: { count: 40 } });
  });

  it('a count population is numbered 1..N; a census tests every item; the population cannot change under a sample', async () => {
    const { repo, actor, engagement, control } = await setup();
    const test = await createTest(repo, actor, engagement, control);
    const counted = await setPopulationCount(repo, actor, test, control, 12, 'monthly reviews', undefined);
    expect(counted.sampling.recommendedSize).toBe(12); // capped at the population
    expect(counted.sampling.census).toBe(true);
    const items = await selectSample(repo, actor, engagement, counted, control, {
      method: 'random',
      stratify: 'none',
      seed: '',
    });
    expect(items.map((i) => i.key)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    const t = (await repo.db.tests.get(test.id))!;
    await expect(setPopulationCount(repo, actor, t, control, 13, 'x')).rejects.toThrow(
      /Clear the selection first/,
    );
  });
});

describe('the firm sample-size table', () => {
  it('is the shipped default until the firm edits it; new tests follow the edit, planned tests keep theirs', async () => {
    const { repo, actor, engagement, control } = await setup();
    expect(await firmSampleSizeTable(repo)).toEqual(DEFAULT_SAMPLE_SIZE_TABLE);
    const before = await createTest(repo, actor, engagement, control, await firmSampleSizeTable(repo));
    const edited = structuredClone(DEFAULT_SAMPLE_SIZE_TABLE);
    edited.rows['multiple-daily'].low = 30;
    await saveFirmSampleSizeTable(repo, actor, edited);
    const after = await createTest(repo, actor, engagement, control, await firmSampleSizeTable(repo));
    expect(before.sampling.recommendedSize).toBe(25);
    expect(after.sampling.recommendedSize).toBe(30);
    expect(after.reference).toBe('T-CM-01-2');
    expect((await repo.db.tests.get(before.id))?.sampling.recommendedSize).toBe(25);
    // A table that makes no sense is refused by the data layer.
    edited.rows.daily.low = 0;
    await expect(saveFirmSampleSizeTable(repo, actor, edited)).rejects.toThrow();
    expect(await verifyChain(repo.db, 'local')).toMatchObject({ ok: true });
  });
});
