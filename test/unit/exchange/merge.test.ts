/**
 * The merge engine on the situations auditors meet: both edited different fields, the same field, one
 * deleted what the other edited, both added sample items, evidence, request numbers or the same
 * description section. Copies are written the way the repository writes (see merge-copies.ts).
 */
import { describe, expect, it } from 'vitest';
import { formatStamp } from '@shared/domain/clock';
import { planMerge } from '@shared/exchange/merge';
import type { AnyRecord, FieldConflict, MergeConflict } from '@shared/exchange/types';
import { Copy, ENGAGEMENT_ID, swapped } from './merge-copies';

/** A base copy on node 'a' with one control test and its two sample items, and a fork on node 'b'. */
function twoCopies() {
  const a = Copy.create('a');
  const test = a.create('tests', { reference: 'CC6.1-T1', title: 'Access reviews', conclusion: '' });
  const items = [1, 2].map((position) =>
    a.create('sampleItems', {
      testId: test.id,
      position,
      populationIndex: position * 10,
      row: position * 10 + 1,
      key: `USR-${position}`,
      marks: {},
      note: '',
    }),
  );
  const request = a.create('requests', { number: 1, title: 'User list', status: 'open', notes: '' });
  const b = a.fork('b');
  return { a, b, test, items, request };
}

function onlyConflict(conflicts: readonly MergeConflict[]): MergeConflict {
  expect(conflicts).toHaveLength(1);
  const [conflict] = conflicts;
  if (!conflict) throw new Error('no conflict');
  return conflict;
}

describe('planMerge: fields', () => {
  it('keeps both sides’ edits to different fields of one record, without a conflict', () => {
    const { a, b } = twoCopies();
    a.update('engagement', ENGAGEMENT_ID, { notes: 'Walkthroughs done.' });
    b.update('engagement', ENGAGEMENT_ID, { phase: 'review' });
    const plan = a.plan(b);
    expect(plan.conflicts).toEqual([]);
    expect(plan.summary).toMatchObject({ updated: 1, fieldsTaken: 1, conflicts: 0, added: 0 });
    const outcome = plan.resolve({});
    expect(outcome.changed).toHaveLength(1);
    expect(outcome.changed[0]?.changedPaths).toEqual(['phase']);
    expect(outcome.changed[0]?.result).toMatchObject({ notes: 'Walkthroughs done.', phase: 'review' });
    a.apply(outcome);
    b.mergeFrom(a);
    expect(b.content()).toBe(a.content());
  });

  it('makes the same field edited on both sides a conflict, each choice giving its value', () => {
    const { a, b } = twoCopies();
    a.update('engagement', ENGAGEMENT_ID, { phase: 'review' });
    b.update('engagement', ENGAGEMENT_ID, { phase: 'reporting' });
    const plan = a.plan(b);
    const conflict = onlyConflict(plan.conflicts) as FieldConflict;
    expect(conflict).toMatchObject({
      kind: 'field',
      id: `engagement:${ENGAGEMENT_ID}:phase`,
      path: 'phase',
      mine: 'review',
      theirs: 'reporting',
      longText: false,
    });
    expect(plan.summary.conflicts).toBe(1);
    expect(plan.resolve({ [conflict.id]: 'mine' }).changed[0]?.result.phase).toBe('review');
    expect(plan.resolve({ [conflict.id]: 'mine' }).changed[0]?.restampPaths).toEqual(['phase']);
    const theirs = plan.resolve({ [conflict.id]: 'theirs' }).changed[0];
    expect(theirs?.result.phase).toBe('reporting');
    expect(theirs?.restampPaths).toEqual(['phase']);
    expect(() => plan.resolve({ [conflict.id]: 'both' })).toThrow(/only offered for long texts/);
    expect(() => plan.resolve({})).toThrow(/none was chosen for the field phase/);
    expect(() => plan.resolve({ [conflict.id]: 'keep' })).toThrow(/choose "mine", "theirs" or "both"/);
    expect(() => plan.resolve({ [conflict.id]: 'mine', 'requests:x:title': 'mine' })).toThrow(
      /no conflict "requests:x:title"/,
    );
  });

  it('offers "keep both" for long texts, the earlier write first whichever way the merge runs', () => {
    const { a, b } = twoCopies();
    a.update('engagement', ENGAGEMENT_ID, {
      notes: 'Ana: walkthrough of access reviews done.\nFollow up on HR.',
    });
    b.update('engagement', ENGAGEMENT_ID, { notes: 'Ben: change management sample pulled.' }, 5);
    const plan = a.plan(b);
    const conflict = onlyConflict(plan.conflicts);
    expect(conflict).toMatchObject({ kind: 'field', longText: true });
    const both =
      'Ana: walkthrough of access reviews done.\nFollow up on HR.\n\nBen: change management sample pulled.';
    expect(plan.resolve({ [conflict.id]: 'both' }).changed[0]?.result.notes).toBe(both);
    expect(b.plan(a).resolve({ [conflict.id]: 'both' }).changed[0]?.result.notes).toBe(both);
  });

  it('keeps my edit when the other copy did not touch the field', () => {
    const { a, b } = twoCopies();
    a.update('engagement', ENGAGEMENT_ID, { notes: 'Mine.' });
    const plan = a.plan(b);
    expect(plan.conflicts).toEqual([]);
    expect(plan.summary).toMatchObject({ keptMine: 1, updated: 0, fieldsTaken: 0 });
    expect(plan.resolve({}).changed).toEqual([]);
  });

  it('takes their edit made after they saw mine', () => {
    const { a, b } = twoCopies();
    a.update('engagement', ENGAGEMENT_ID, { notes: 'First draft.' });
    b.mergeFrom(a);
    b.update('engagement', ENGAGEMENT_ID, { notes: 'Second draft, after reading the first.' });
    const plan = a.plan(b);
    expect(plan.conflicts).toEqual([]);
    const outcome = plan.resolve({});
    expect(outcome.changed[0]?.result.notes).toBe('Second draft, after reading the first.');
    expect(outcome.changed[0]?.restampPaths).toEqual([]);
    expect(outcome.seen).toEqual({ a: a.seen.a, b: b.seen.b });
  });

  it('merges different sub-fields of nested report settings cleanly', () => {
    const { a, b } = twoCopies();
    a.update('engagement', ENGAGEMENT_ID, { 'report.basis': 'AICPA AT-C 205' });
    b.update('engagement', ENGAGEMENT_ID, { 'report.opinion': 'qualified', 'report.showLogo': false });
    const plan = a.plan(b);
    expect(plan.conflicts).toEqual([]);
    expect(plan.resolve({}).changed[0]?.result.report).toEqual({
      basis: 'AICPA AT-C 205',
      opinion: 'qualified',
      showLogo: false,
    });
  });

  it('merges tickmarks both put on one sample item for different attributes', () => {
    const { a, b, items } = twoCopies();
    const item = items[0]?.id ?? '';
    a.update('sampleItems', item, { 'marks.attr-a': 'pass' });
    b.update('sampleItems', item, { 'marks.attr-b': 'exception' });
    b.update('sampleItems', item, { note: 'Ticket reopened.' });
    const plan = a.plan(b);
    expect(plan.conflicts).toEqual([]);
    const merged = plan.resolve({}).changed[0]?.result;
    expect(merged?.marks).toEqual({ 'attr-a': 'pass', 'attr-b': 'exception' });
    expect(merged?.note).toBe('Ticket reopened.');
  });

  it('reports the same write with different values (a damaged copy) as a conflict', () => {
    const { a, b, request } = twoCopies();
    const rows = b.snapshot.requests as unknown as AnyRecord[]; // the stored rows, to damage one in place
    const damaged = rows.find((r) => r.id === request.id);
    if (damaged) damaged.title = 'Changed without a write';
    expect(a.plan(b).conflicts.map((c) => c.id)).toEqual([`requests:${request.id}:title`]);
  });
});

describe('planMerge: edit vs delete', () => {
  it('asks when I deleted a record they edited; keep or delete, their edit kept either way', () => {
    const { a, b, request } = twoCopies();
    a.remove('requests', request.id);
    b.update('requests', request.id, { status: 'received', notes: 'List received by email.' });
    const plan = a.plan(b);
    const conflict = onlyConflict(plan.conflicts);
    expect(conflict).toEqual({
      kind: 'delete',
      id: `requests:${request.id}:deleted`,
      table: 'requests',
      recordId: request.id,
      deletedBy: 'mine',
      editedPaths: ['notes', 'status'],
    });
    const kept = plan.resolve({ [conflict.id]: 'keep' }).changed[0]?.result;
    expect(kept).toMatchObject({ deleted: false, status: 'received', notes: 'List received by email.' });
    const deleted = plan.resolve({ [conflict.id]: 'delete' }).changed[0];
    expect(deleted?.result).toMatchObject({
      deleted: true,
      status: 'received',
      notes: 'List received by email.',
    });
    expect(deleted?.restampPaths).toEqual(['deleted']);
    expect(() => plan.resolve({ [conflict.id]: 'mine' })).toThrow(/choose "keep" or "delete"/);
  });

  it('asks when they deleted a record I edited, and the choice holds when merged back', () => {
    const { a, b, request } = twoCopies();
    a.update('requests', request.id, { title: 'User list with roles' });
    b.remove('requests', request.id);
    const plan = a.plan(b);
    const conflict = onlyConflict(plan.conflicts);
    expect(conflict).toMatchObject({ kind: 'delete', deletedBy: 'theirs', editedPaths: ['title'] });
    a.apply(plan.resolve({ [conflict.id]: 'keep' }));
    expect(a.get('requests', request.id)).toMatchObject({ deleted: false, title: 'User list with roles' });
    const back = b.plan(a);
    expect(back.conflicts).toEqual([]);
    b.apply(back.resolve({}));
    expect(b.get('requests', request.id)).toMatchObject({ deleted: false, title: 'User list with roles' });
    expect(b.content()).toBe(a.content());
  });

  it('deletes without asking when the other side changed nothing, and restores when they restored', () => {
    const { a, b, request, test } = twoCopies();
    b.remove('requests', request.id);
    const plan = a.plan(b);
    expect(plan.conflicts).toEqual([]);
    expect(plan.resolve({}).changed[0]?.result.deleted).toBe(true);

    a.remove('tests', test.id);
    b.mergeFrom(a);
    b.update('tests', test.id, { deleted: false });
    const restore = a.plan(b);
    expect(restore.conflicts).toEqual([]);
    expect(restore.resolve({}).changed.find((m) => m.result.id === test.id)?.result.deleted).toBe(false);
  });
});

describe('planMerge: records added on both sides', () => {
  it('keeps every sample item both added to one test, renumbering positions to the end', () => {
    const { a, b, test } = twoCopies();
    const item = (c: Copy, position: number, populationIndex: number) =>
      c.create('sampleItems', {
        testId: test.id,
        position,
        populationIndex,
        row: populationIndex + 1,
        key: `USR-${c.node}-${position}`,
        marks: {},
        note: '',
      });
    const mine = [item(a, 3, 30), item(a, 4, 40)];
    const theirs = [item(b, 3, 31), item(b, 4, 40), item(b, 5, 50)];
    const plan = a.plan(b);
    expect(plan.conflicts).toEqual([]);
    const outcome = plan.resolve({});
    a.apply(outcome);
    const live = a.rows('sampleItems').filter((r) => r.testId === test.id && !r.deleted);
    expect(live.map((r) => r.id).sort()).toEqual(
      [
        ...[0, 1].map((i) => `sampleItems-a-000${i + 2}`),
        ...mine.map((r) => r.id),
        ...theirs.map((r) => r.id),
      ].sort(),
    );
    const positions = live.map((r) => Number(r.position)).sort((x, y) => x - y);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(outcome.renumberings.map((r) => [r.recordId, r.from, r.to])).toEqual([
      [theirs[0]?.id, 3, 6],
      [theirs[1]?.id, 4, 7],
    ]);
    expect(outcome.renumberings[0]?.message).toBe(
      'Their sample item 3 of test CC6.1-T1 (USR-b-3) is now item 6 (both of you added an item 3).',
    );
    expect(outcome.notices).toEqual([
      'Test CC6.1-T1: sample items 4, 7 are the same population row 41 (both of you drew it). All were kept; remove the extra ones if it should be tested once.',
    ]);
    b.mergeFrom(a);
    expect(b.content()).toBe(a.content());
  });

  it('unites evidence records added on both sides', () => {
    const { a, b } = twoCopies();
    const file = (c: Copy, sha: string) =>
      c.create('evidence', {
        title: `Evidence ${sha}`,
        versions: [{ sha256: sha.repeat(64), fileName: `${sha}.pdf` }],
      });
    const mine = file(a, 'a');
    const theirs = [file(b, 'b'), file(b, 'a')];
    const plan = a.plan(b);
    expect(plan.summary).toMatchObject({ added: 2, conflicts: 0 });
    const outcome = plan.resolve({});
    expect(outcome.changed.map((m) => [m.table, m.result.id, m.mine])).toEqual(
      theirs.map((r) => ['evidence', r.id, undefined]),
    );
    a.apply(outcome);
    expect(
      a
        .rows('evidence')
        .map((r) => r.id)
        .sort(),
    ).toEqual([mine.id, ...theirs.map((r) => r.id)].sort());
  });

  it('renumbers a request number both added, with a message, and keeps it on the earlier one', () => {
    const { a, b } = twoCopies();
    const mine = a.create('requests', { number: 5, title: 'Firewall rules', status: 'open', notes: '' });
    const theirs = b.create('requests', { number: 5, title: 'HR roster', status: 'open', notes: '' });
    const plan = a.plan(b);
    expect(plan.renumberings).toEqual([
      {
        table: 'requests',
        recordId: theirs.id,
        field: 'number',
        from: 5,
        to: 6,
        message: 'Their request PBC-005 is now PBC-006 (both of you added PBC-005).',
      },
    ]);
    const outcome = plan.resolve({});
    const added = outcome.changed.find((m) => m.result.id === theirs.id);
    expect(added?.result.number).toBe(6);
    expect(added?.restampPaths).toEqual(['number']);
    expect(outcome.changed.some((m) => m.result.id === mine.id)).toBe(false);
    // The other way round, the same record gives way (it was created later) and the message says "Your".
    const back = b.plan(a);
    expect(back.renumberings[0]?.message).toBe(
      'Your request PBC-005 is now PBC-006 (both of you added PBC-005).',
    );
  });

  it('gives a control reference both used a suffix, ignoring case and tombstones', () => {
    const { a, b } = twoCopies();
    a.create('controls', { reference: 'AC-01', title: 'Access reviews' });
    const old = b.create('controls', { reference: 'AC-01 (2)', title: 'Old one' });
    b.remove('controls', old.id);
    const theirs = b.create('controls', { reference: 'ac-01', title: 'Quarterly access review' });
    const outcome = a.plan(b).resolve({});
    expect(outcome.renumberings.map((r) => [r.recordId, r.to])).toEqual([[theirs.id, 'ac-01 (2)']]);
  });

  it('merges a description section both created into one record, keeping both texts', () => {
    const { a, b } = twoCopies();
    const mine = a.create('descriptionSections', {
      key: 'services',
      body: 'Acme hosts a payroll platform.',
      status: '',
    });
    const theirs = b.create('descriptionSections', { key: 'services', body: '', status: 'drafted' });
    const survivor = mine.id < theirs.id ? mine.id : theirs.id;
    const absorbed = survivor === mine.id ? theirs.id : mine.id;
    const plan = a.plan(b);
    expect(plan.conflicts).toEqual([]);
    const outcome = plan.resolve({});
    expect(outcome.absorbed).toEqual([{ table: 'descriptionSections', id: absorbed, into: survivor }]);
    expect(outcome.changed[0]?.result).toMatchObject({
      id: survivor,
      key: 'services',
      body: 'Acme hosts a payroll platform.',
      status: 'drafted',
    });
    a.apply(outcome);
    b.mergeFrom(a);
    expect(b.content()).toBe(a.content());
    expect(b.rows('descriptionSections')).toHaveLength(1);

    // Both filled the same field: a conflict on the surviving record.
    const c = Copy.create('c');
    const d = c.fork('d');
    c.create('descriptionSections', { key: 'incidents', body: 'No incidents.' });
    d.create('descriptionSections', { key: 'incidents', body: 'Two incidents in May.' });
    const conflict = onlyConflict(c.plan(d).conflicts);
    expect(conflict).toMatchObject({
      kind: 'field',
      path: 'body',
      mine: 'No incidents.',
      theirs: 'Two incidents in May.',
    });
    const id = conflict.id;
    const fromC = c.plan(d).resolve({ [id]: 'theirs' });
    const fromD = d.plan(c).resolve(swapped({ [id]: 'theirs' }));
    expect(fromC.changed.map((m) => m.result.body)).toEqual(['Two incidents in May.']);
    expect(fromD.changed.map((m) => m.result.body)).toEqual(['Two incidents in May.']);
  });
});

describe('planMerge: inputs', () => {
  it('refuses copies of two different engagements', () => {
    const a = Copy.create('a');
    const other = Copy.create('b', { id: 'eng-0002' });
    expect(() =>
      planMerge({ mine: a.snapshot, theirs: other.snapshot, mineSeen: a.seen, theirsSeen: other.seen }),
    ).toThrow(
      'These are copies of two different engagements; only copies of the same engagement can be merged.',
    );
  });

  it('reads records without per-field clocks as written at their clock, and adds them with clocks', () => {
    const { a, b } = twoCopies();
    const stamp = formatStamp({ wallMs: Date.UTC(2025, 0, 1), counter: 0 }, 'z');
    const legacy = { ...b.create('interviews', { title: 'CFO' }), clock: stamp };
    delete legacy.fieldClocks;
    (b.snapshot.interviews as unknown as AnyRecord[])[0] = legacy; // the stored row, written before clocks
    const added = a
      .plan(b)
      .resolve({})
      .changed.find((m) => m.result.id === legacy.id);
    expect(added?.result.fieldClocks).toMatchObject({ title: stamp, deleted: stamp });
  });
});
