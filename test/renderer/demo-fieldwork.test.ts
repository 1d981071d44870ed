/**
 * The demo engagement's fieldwork, written through the testing and evidence commands: tests in every
 * state, an evaluated exception after an expanded sample, evidence bytes stored and linked, interviews and
 * walkthroughs, the firm tickmark in use, an intact audit chain, and a second load that adds nothing.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/domain/hash';
import {
  controlResult,
  currentVersion,
  tallySample,
  tickmarkLegend,
  type ControlException,
  type ControlTest,
  type Evidence,
  type Interview,
  type SampleItem,
  type Tickmark,
  type Walkthrough,
} from '../../shared/domain/fieldwork';
import type { Control } from '../../shared/domain/planning';
import { DEMO_PERIOD, demoChangesCsv, demoPdf } from '../../shared/demo/demo-fieldwork';
import { engagementRecords, verifyChain } from '../../renderer/db/queries';
import { loadDemoEngagement } from '../../renderer/features/demo/commands';
import { freshRepo } from './helpers';
import { loadSnapshot } from '../../renderer/db/snapshot';
import { computeReviewState } from '../../shared/domain/review';

async function loadDemo() {
  const ctx = await freshRepo();
  const { id } = await loadDemoEngagement(ctx.repo, ctx.profile);
  const { db } = ctx;
  const controls = await engagementRecords<Control>(db, 'controls', id);
  const tests = await engagementRecords<ControlTest>(db, 'tests', id);
  const ref = (t: ControlTest) => controls.find((c) => c.id === t.controlId)?.reference;
  const testOf = (reference: string) => {
    const test = tests.find((t) => ref(t) === reference);
    if (!test) throw new Error(`no test of ${reference}`);
    return test;
  };
  const itemsOf = async (test: ControlTest) =>
    (await db.sampleItems.where('testId').equals(test.id).toArray()).filter((i: SampleItem) => !i.deleted);
  return { ...ctx, id, controls, tests, testOf, itemsOf };
}

describe('demo engagement fieldwork', () => {
  it('has tests in every state, from planned to not effective, rolled up per control', async () => {
    const { id, db, tests, testOf, itemsOf, controls } = await loadDemo();
    expect(tests).toHaveLength(6);
    expect(tests.map((t) => t.conclusion).sort()).toEqual(
      ['effective', 'effective', 'effective-with-exceptions', 'not-effective', null, null].sort(),
    );
    const engagement = await db.engagements.get(id);
    expect(engagement).toMatchObject({ kind: 'soc2-type2', periodStart: DEMO_PERIOD.start });
    const walkthroughs = await engagementRecords<Walkthrough>(db, 'walkthroughs', id);
    const result = (reference: string) =>
      controlResult(controls.find((c) => c.reference === reference)!.id, 'soc2-type2', tests, walkthroughs);
    expect(['CM-02', 'AC-02', 'AV-01', 'AC-01', 'AC-04', 'OP-01'].map(result)).toEqual([
      'effective',
      'exceptions',
      'in-progress',
      'effective',
      'in-progress',
      'not-effective',
    ]);

    // Effective: the CSV population stored as evidence, a sample spread by month, every cell a pass.
    const [tickmark] = await engagementRecords<Tickmark>(db, 'tickmarks', id);
    expect(tickmark).toMatchObject({ symbol: 'T', meaning: 'Traced to source', outcome: 'pass' });
    const legend = tickmarkLegend([tickmark!]);
    const cm02 = testOf('CM-02');
    expect(cm02.population).toMatchObject({ source: 'file', fileName: 'changes-2026.csv', count: 64 });
    expect(cm02.population.sha256).toBe(await sha256Hex(demoChangesCsv()));
    expect(cm02.population.ipe.result).toBe('satisfactory');
    expect(cm02.sampling).toMatchObject({ method: 'random', stratify: 'month', size: 15 });
    const cm02Items = await itemsOf(cm02);
    const attributeIds = (t: ControlTest) => t.attributes.map((a) => a.id);
    expect(tallySample(cm02Items, attributeIds(cm02), legend)).toMatchObject({
      size: 15,
      deviations: 0,
      blankCells: 0,
    });
    expect(new Set(cm02Items.map((i) => i.stratum)).size).toBe(9);
    expect(cm02Items.flatMap((i) => Object.values(i.marks)).filter((m) => m === tickmark!.id)).toHaveLength(
      3,
    );

    // In progress: a count population of monthly reviews, some cells still blank.
    const av01 = testOf('AV-01');
    expect(av01.population).toMatchObject({ source: 'count', count: 9 });
    const av01Tally = tallySample(await itemsOf(av01), attributeIds(av01), legend);
    expect(av01Tally).toMatchObject({ size: 3, deviations: 0 });
    expect(av01Tally.blankCells).toBeGreaterThan(0);

    // Automated: a test of one. Planned: no population yet.
    expect(testOf('AC-01').sampling).toMatchObject({ size: 1, census: true });
    expect(testOf('AC-01').techniques).toContain('reperformance');
    expect(await itemsOf(testOf('AC-01'))).toHaveLength(1);
    expect(testOf('AC-04').population.source).toBe('none');
    expect(await itemsOf(testOf('AC-04'))).toHaveLength(0);
  });

  it('has an isolated exception after an expanded sample, and a systemic one that fails the control', async () => {
    const { id, db, testOf, itemsOf, controls } = await loadDemo();
    const [tickmark] = await engagementRecords<Tickmark>(db, 'tickmarks', id);
    const legend = tickmarkLegend([tickmark!]);
    const exceptions = await engagementRecords<ControlException>(db, 'exceptions', id);
    expect(exceptions.map((e) => e.number).sort()).toEqual([1, 2]);
    expect(exceptions.every((e) => e.status === 'evaluated' && e.description.length > 0)).toBe(true);

    const ac02 = testOf('AC-02');
    expect(ac02.sampling.size).toBe(40);
    expect(ac02.sampling.expansions).toMatchObject([{ additional: 15 }]);
    expect(ac02.sampling.expansions[0]?.reason).toMatch(/One exception in 25 items/);
    expect(ac02.rationale).toMatch(/1 of|One deviation in 40/);
    const items = await itemsOf(ac02);
    expect(items).toHaveLength(40);
    expect(items.filter((i) => i.batch === 1)).toHaveLength(15);
    expect(
      tallySample(
        items,
        ac02.attributes.map((a) => a.id),
        legend,
      ),
    ).toMatchObject({
      deviations: 1,
      blankCells: 0,
    });
    const isolated = exceptions.find((e) => e.testId === ac02.id)!;
    const accessReview = controls.find((c) => c.reference === 'AC-04')!;
    expect(isolated).toMatchObject({ nature: 'isolated', severity: 'deficiency', number: 1 });
    expect(isolated.managementResponse).toMatch(/workflow rule/);
    expect(isolated.compensatingControlIds).toEqual([accessReview.id]);
    expect(isolated.sampleItemIds).toHaveLength(1);
    const failing = items.find((i) => i.id === isolated.sampleItemIds[0])!;
    expect(isolated.description).toContain(failing.key);

    const op01 = testOf('OP-01');
    const systemic = exceptions.find((e) => e.testId === op01.id)!;
    expect(systemic).toMatchObject({ nature: 'systemic', number: 2 });
    expect(systemic.sampleItemIds).toHaveLength(2);
    expect(op01).toMatchObject({ conclusion: 'not-effective' });
    expect(
      tallySample(
        await itemsOf(op01),
        op01.attributes.map((a) => a.id),
        legend,
      ).deviations,
    ).toBe(2);
  });

  it('stores the evidence bytes once each, hashed, dated and linked to controls, items, interviews and walkthrough steps', async () => {
    const { id, db, testOf, itemsOf } = await loadDemo();
    const evidence = await engagementRecords<Evidence>(db, 'evidence', id);
    expect(evidence.filter((e) => e.purpose === 'population')).toHaveLength(2);
    expect(evidence.filter((e) => e.purpose === 'evidence').length).toBeGreaterThanOrEqual(5);
    for (const e of evidence) {
      const version = currentVersion(e);
      const row = await db.blobs.get(version.sha256);
      expect(row, version.fileName).toBeDefined();
      const bytes = new Uint8Array(await row!.blob.arrayBuffer());
      expect(bytes.byteLength).toBe(version.size);
      expect(await sha256Hex(bytes)).toBe(version.sha256);
    }
    expect(await db.blobs.count()).toBe(evidence.length);
    const pdf = evidence.find((e) => currentVersion(e).mediaType === 'application/pdf')!;
    const pdfBytes = new Uint8Array(
      await (await db.blobs.get(currentVersion(pdf).sha256))!.blob.arrayBuffer(),
    );
    expect(new TextDecoder().decode(pdfBytes.slice(0, 8))).toBe('%PDF-1.4');
    expect(new TextDecoder().decode(pdfBytes)).toMatch(/startxref\n\d+\n%%EOF\n$/);
    expect(pdf.asOf).toBe('2026-06-30');
    const [ac01Item] = await itemsOf(testOf('AC-01'));
    expect(pdf.links).toContainEqual({ kind: 'sample-item', id: ac01Item!.id });

    const interviews = await engagementRecords<Interview>(db, 'interviews', id);
    const walkthroughs = await engagementRecords<Walkthrough>(db, 'walkthroughs', id);
    const links = evidence.flatMap((e) => e.links);
    expect(links.some((l) => l.kind === 'interview' && interviews.some((i) => i.id === l.id))).toBe(true);
    const stepIds = walkthroughs.flatMap((w) => w.steps.map((s) => s.id));
    expect(links.some((l) => l.kind === 'walkthrough' && l.detail && stepIds.includes(l.detail))).toBe(true);
    expect(evidence.filter((e) => e.purpose === 'evidence').every((e) => e.receivedOn !== null)).toBe(true);
    expect(evidence.filter((e) => e.asOf !== null).length).toBeGreaterThanOrEqual(4);
    expect(evidence.some((e) => e.source === 'request' && e.requestId !== null)).toBe(true);
  });

  it('has two interviews and two walkthroughs concluded on design and implementation', async () => {
    const { id, db } = await loadDemo();
    const interviews = await engagementRecords<Interview>(db, 'interviews', id);
    expect(interviews.map((i) => i.title).sort()).toEqual([
      'Access management with the CISO',
      'Change management with the Head of Engineering',
    ]);
    expect(interviews.every((i) => i.interviewees.length > 0 && i.controlIds.length > 0 && i.notes)).toBe(
      true,
    );
    expect(interviews.flatMap((i) => i.followUps)).toHaveLength(1);
    const walkthroughs = await engagementRecords<Walkthrough>(db, 'walkthroughs', id);
    expect(walkthroughs).toHaveLength(2);
    const change = walkthroughs.find((w) => w.title.startsWith('Change management'))!;
    expect(change.steps.map((s) => s.kind)).toEqual(['trigger', 'step', 'decision', 'step', 'output']);
    expect(change.instance).toMatch(/#4812/);
    for (const w of walkthroughs) {
      expect(w).toMatchObject({ designConclusion: 'yes', implementationConclusion: 'yes' });
      expect(w.instance).not.toBe('');
    }
  });

  it('keeps an intact audit chain, and a second load adds nothing', async () => {
    const { id, db, repo, profile } = await loadDemo();
    const first = await verifyChain(db, id);
    expect(first).toMatchObject({ ok: true });
    const counts = async () =>
      Promise.all(
        [
          db.tests,
          db.sampleItems,
          db.exceptions,
          db.tickmarks,
          db.evidence,
          db.blobs,
          db.interviews,
          db.walkthroughs,
          db.auditEvents,
        ].map((t) => t.count()),
      );
    const before = await counts();
    expect(await loadDemoEngagement(repo, profile)).toEqual({ id, created: false });
    expect(await counts()).toEqual(before);
    expect(await verifyChain(db, id)).toMatchObject({ ok: true, count: first.count });
  });
});

describe('demo PDF', () => {
  it('is a one-page PDF whose cross-reference offsets point at its objects', () => {
    const text = new TextDecoder().decode(demoPdf('Title (draft)', ['line one', 'naïve line']));
    const xref = Number(/startxref\n(\d+)/u.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gmu)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((o, i) => expect(text.slice(o).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(text).toContain('(Title \\(draft\\)) Tj');
    expect(text).toContain('(na?ve line) Tj');
  });
});

describe('demo review state', () => {
  it('has preparer sign-offs, one gone stale after an edit, and one open review note', async () => {
    const { repo, id } = await loadDemo();
    const review = await computeReviewState((await loadSnapshot(repo.db, id))!);
    const preparerCurrent = review.workpapers.filter((w) => w.levels[0]?.status === 'current');
    expect(preparerCurrent.length).toBeGreaterThanOrEqual(5);
    expect(review.summary.stale).toBe(1);
    expect(review.summary.openNotes).toBe(1);
    expect(review.workpapers.find((w) => w.stale)?.info.kind).toBe('test');
  });
});
