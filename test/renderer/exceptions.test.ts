/**
 * Exceptions through the real commands on fake-indexeddb: an X on the grid creates EX-01; the auditor's
 * evaluation and management's response persist; "evaluated" is refused without a description; numbers
 * are never reused once an exception is removed; and the list and editor show what the records say.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TICKMARKS,
  formatExceptionNumber,
  tickmarkLegend,
  type ControlException,
} from '../../shared/domain/fieldwork';
import { engagementRecords, verifyChain } from '../../renderer/db/queries';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { createControl } from '../../renderer/features/controls/commands';
import {
  createTest,
  selectSample,
  setMark,
  setPopulationCount,
  updateException,
  updateTest,
} from '../../renderer/features/testing/commands';
import { setExceptionStatus } from '../../renderer/features/exceptions/commands';
import {
  affectedItems,
  evaluationIssues,
  foundIn,
  visibleExceptions,
} from '../../renderer/features/exceptions/exceptionView';
import { withoutMeta } from '../../shared/domain/records';
import { freshRepo, type2Input } from './helpers';

const legend = tickmarkLegend([]);
const X = 'exception';
const PASS = BUILT_IN_TICKMARKS[0].id;

/** An engagement with one control, a test of a 12-item population (a census) and two attributes. */
async function setup() {
  const ctx = await freshRepo();
  const engagement = await createEngagement(ctx.repo, ctx.actor, type2Input());
  const control = await createControl(ctx.repo, ctx.actor, engagement.id, {
    reference: 'AC-04',
    title: 'Access changes approved',
    description: 'Each access change is approved by the system owner before it is made.',
    frequency: 'multiple-daily',
    nature: 'manual',
    risk: 'low',
    criteria: ['CC6.2'],
  });
  let test = await createTest(ctx.repo, ctx.actor, engagement, control);
  test = await updateTest(ctx.repo, ctx.actor, test, {
    attributes: [
      { id: crypto.randomUUID(), text: 'Review signed by the system owner' },
      { id: crypto.randomUUID(), text: 'Removals completed within 5 days' },
    ],
  });
  test = await setPopulationCount(ctx.repo, ctx.actor, test, control, 12, 'access changes in the period');
  const items = await selectSample(ctx.repo, ctx.actor, engagement, test, control, {
    method: 'random',
    stratify: 'none',
    seed: 'exceptions-test',
  });
  const [attrA, attrB] = test.attributes.map((a) => a.id) as [string, string];
  const mark = (n: number, attribute: string, markId: string | null) =>
    setMark(ctx.repo, ctx.actor, test, items[n]!.id, attribute, markId, legend);
  const exceptions = (includeDeleted = false) =>
    engagementRecords<ControlException>(ctx.repo.db, 'exceptions', engagement.id, { includeDeleted });
  return { ...ctx, engagement, control, test, items, attrA, attrB, mark, exceptions };
}

describe('exceptions', () => {
  it('an X on a sample item creates EX-01 for the test and control, open and undescribed', async () => {
    const s = await setup();
    await s.mark(2, s.attrB, X);
    const [ex] = await s.exceptions();
    expect(ex).toMatchObject({
      number: 1,
      testId: s.test.id,
      controlId: s.control.id,
      sampleItemIds: [s.items[2]!.id],
      attributeIds: [s.attrB],
      status: 'open',
      description: '',
      nature: null,
    });
    expect(formatExceptionNumber(ex!.number)).toBe('EX-01');

    // What the editor shows: the item with attribute B, and "found in 1 of 12".
    const items = await s.repo.db.sampleItems.where('testId').equals(s.test.id).toArray();
    const test = (await s.repo.db.tests.get(s.test.id))!;
    const affected = affectedItems(ex!, test, items, legend);
    expect(affected).toHaveLength(1);
    expect(affected[0]).toMatchObject({
      position: s.items[2]!.position,
      key: s.items[2]!.key,
      attributes: [{ letter: 'B', text: 'Removals completed within 5 days' }],
    });
    expect(foundIn(test, items, legend)).toEqual({ deviations: 1, size: 12 });
  });

  it('editing description, type, nature and management response persists', async () => {
    const s = await setup();
    await s.mark(0, s.attrA, X);
    const [ex] = await s.exceptions();
    const saved = await updateException(s.repo, s.actor, ex!, {
      description: 'One access change was approved by the IT manager instead of the system owner.',
      type: 'evidence',
      nature: 'isolated',
      rootCause: 'The system owner was on leave.',
      compensatingControlIds: [s.control.id],
      managementResponse: 'A delegate has been named for periods of absence.',
      severity: 'deficiency',
    });
    const stored = await s.repo.db.exceptions.get(ex!.id);
    expect(stored).toMatchObject({
      description: 'One access change was approved by the IT manager instead of the system owner.',
      type: 'evidence',
      nature: 'isolated',
      managementResponse: 'A delegate has been named for periods of absence.',
      severity: 'deficiency',
      status: 'open',
      rev: saved.rev,
    });
    // Management's response is its own field, never mixed into the auditor's description.
    expect(stored?.description).not.toContain('delegate');
    expect(await verifyChain(s.repo.db, s.engagement.id)).toMatchObject({ ok: true });
  });

  it('marking evaluated without a description is refused with the message, then accepted once described', async () => {
    const s = await setup();
    await s.mark(0, s.attrA, X);
    const [ex] = await s.exceptions();
    // The editor's check, before any write: the schema's messages by field.
    expect(evaluationIssues(withoutMeta(ex!))).toEqual({
      description: 'Describe the exception before marking it evaluated.',
      nature: 'Say whether the exception is isolated or systemic.',
    });
    await expect(setExceptionStatus(s.repo, s.actor, ex!.id, 'evaluated')).rejects.toThrow(
      /Describe the exception before marking it evaluated/,
    );
    expect((await s.repo.db.exceptions.get(ex!.id))?.status).toBe('open');

    await updateException(s.repo, s.actor, ex!, { nature: 'isolated' });
    await expect(setExceptionStatus(s.repo, s.actor, ex!.id, 'evaluated')).rejects.toThrow(
      'Describe the exception before marking it evaluated.',
    );
    const described = (await s.repo.db.exceptions.get(ex!.id))!;
    await updateException(s.repo, s.actor, described, { description: 'Review signed late.' });
    const evaluated = await setExceptionStatus(s.repo, s.actor, ex!.id, 'evaluated');
    expect(evaluated.status).toBe('evaluated');
    expect(evaluationIssues(withoutMeta(evaluated))).toEqual({});
    const reopened = await setExceptionStatus(s.repo, s.actor, ex!.id, 'open');
    expect(reopened.status).toBe('open');
  });

  it('numbers are never reused: X removed leaves a tombstone, the next X creates EX-02', async () => {
    const s = await setup();
    await s.mark(0, s.attrA, X);
    const [first] = await s.exceptions();
    expect(first?.number).toBe(1);
    // Corrected to ✓: the exception has no item left and is removed (kept as a tombstone).
    await s.mark(0, s.attrA, PASS);
    expect(await s.exceptions()).toHaveLength(0);
    const all = await s.exceptions(true);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: first!.id, deleted: true, number: 1 });

    await s.mark(5, s.attrA, X);
    const live = await s.exceptions();
    expect(live).toHaveLength(1);
    expect(live[0]?.number).toBe(2);
    expect(formatExceptionNumber(live[0]!.number)).toBe('EX-02');

    // The list never shows the tombstone, whatever the filter.
    const lookups = { controlRefs: new Map([[s.control.id, 'AC-04']]), testRefs: new Map<string, string>() };
    const listed = visibleExceptions(
      await s.exceptions(true),
      { status: 'all', type: 'all', controlId: '', query: '' },
      lookups,
    );
    expect(listed.map((e) => formatExceptionNumber(e.number))).toEqual(['EX-02']);
    expect(
      visibleExceptions(listed, { status: 'evaluated', type: 'all', controlId: '', query: '' }, lookups),
    ).toEqual([]);
    expect(
      visibleExceptions(listed, { status: 'all', type: 'all', controlId: '', query: 'ac-04' }, lookups),
    ).toHaveLength(1);
  });
});
