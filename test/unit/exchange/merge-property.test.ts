/**
 * Property tests of the merge engine: two copies of a common base receive random edit sequences (field
 * edits, nested fields, tickmarks, deletes and restores, new requests, sample items and description
 * sections), then are merged both ways. Nothing may be lost, every concurrent edit must surface as a
 * conflict, and the result must not depend on the direction of the merge.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/domain/canonical-json';
import { formatStamp } from '@shared/domain/clock';
import { flattenRecord, pathClock } from '@shared/domain/records';
import { planMerge } from '@shared/exchange/merge';
import type { AnyRecord, MergeConflict, MergeTable, Resolution } from '@shared/exchange/types';
import { Copy, ENGAGEMENT_ID, MERGE_TABLES, swapped } from './merge-copies';

/** Mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => {
  if (items.length === 0) throw new Error('empty list');
  return items[Math.floor(random() * items.length)] as T; // an index below the length
};

const LONG =
  'A paragraph about the walkthrough that runs well past a single line of the notes field, on purpose.';
const TEXTS = ['', 'Checked.', 'Follow up.', LONG, `${LONG}\nSecond line.`];

/** The editable paths per table, with the values an edit may set (undefined removes a path). */
const EDITS: Partial<Record<MergeTable, Record<string, readonly unknown[]>>> = {
  engagement: {
    notes: TEXTS,
    phase: ['planning', 'fieldwork', 'review'],
    'report.basis': ['', 'AT-C 205', 'AT-C 105'],
    'report.opinion': [null, 'unmodified', 'qualified'],
  },
  requests: { title: ['Users', 'Roles', 'Tickets'], status: ['open', 'received'], notes: TEXTS },
  tests: { conclusion: TEXTS, title: ['Access review', 'Change review'] },
  sampleItems: {
    note: TEXTS,
    'marks.attr-1': ['pass', 'exception', undefined],
    'marks.attr-2': ['pass', 'na', undefined],
  },
  descriptionSections: { body: TEXTS, status: ['', 'drafted', 'reviewed'] },
};
const EDIT_TABLES = Object.keys(EDITS) as MergeTable[];

function baseCopy(): Copy {
  const base = Copy.create('c');
  for (let n = 1; n <= 3; n += 1)
    base.create('requests', { number: n, title: 'Users', status: 'open', notes: '' });
  const test = base.create('tests', { reference: 'CC6.1-T1', title: 'Access review', conclusion: '' });
  for (let position = 1; position <= 3; position += 1) {
    base.create('sampleItems', {
      testId: test.id,
      position,
      populationIndex: position,
      row: position + 1,
      key: `USR-${position}`,
      marks: {},
      note: '',
    });
  }
  base.create('descriptionSections', { key: 'services', body: '', status: '' });
  return base;
}

function maxOf(copy: Copy, table: MergeTable, field: string): number {
  return Math.max(0, ...copy.rows(table).map((r) => (typeof r[field] === 'number' ? Number(r[field]) : 0)));
}

/** One random write on a copy. */
function randomWrite(copy: Copy, random: Random): void {
  const roll = random();
  const step = 1 + Math.floor(random() * 3);
  if (roll < 0.6) {
    const table = pick(random, EDIT_TABLES);
    const rows = copy.rows(table);
    if (rows.length === 0) return;
    const record = pick(random, rows);
    const edits = EDITS[table] ?? {};
    const path = pick(random, Object.keys(edits));
    copy.update(table, record.id, { [path]: pick(random, edits[path] ?? []) }, step);
  } else if (roll < 0.75) {
    const table = pick(random, ['requests', 'sampleItems', 'tests'] as const);
    const record = pick(random, copy.rows(table));
    copy.update(table, record.id, { deleted: !record.deleted }, step);
  } else if (roll < 0.85) {
    copy.create('requests', {
      number: maxOf(copy, 'requests', 'number') + 1,
      title: pick(random, ['Users', 'Firewall']),
      status: 'open',
      notes: '',
    });
  } else if (roll < 0.95) {
    const test = copy.rows('tests')[0];
    if (!test) return;
    const position =
      Math.max(
        0,
        ...copy
          .rows('sampleItems')
          .filter((r) => !r.deleted)
          .map((r) => Number(r.position)),
      ) + 1;
    copy.create('sampleItems', {
      testId: test.id,
      position,
      populationIndex: Math.floor(random() * 8),
      row: null,
      key: `USR-${copy.node}-${position}`,
      marks: {},
      note: '',
    });
  } else {
    const key = pick(random, ['incidents', 'monitoring']);
    if (copy.rows('descriptionSections').some((r) => r.key === key)) return;
    copy.create('descriptionSections', {
      key,
      body: pick(random, TEXTS),
      status: pick(random, ['', 'drafted']),
    });
  }
}

function randomResolutions(conflicts: readonly MergeConflict[], random: Random): Record<string, Resolution> {
  const out: Record<string, Resolution> = {};
  for (const c of conflicts) {
    const options: Resolution[] =
      c.kind === 'delete' ? ['keep', 'delete'] : c.longText ? ['mine', 'theirs', 'both'] : ['mine', 'theirs'];
    out[c.id] = pick(random, options);
  }
  return out;
}

const clone = (copy: Copy) => copy.fork(copy.node);
const idsOf = (copy: Copy) => MERGE_TABLES.flatMap((t) => copy.rows(t).map((r) => `${t}:${r.id}`));

/** For a record both copies hold since the base: the paths each side wrote since then. */
function writtenPaths(base: AnyRecord, side: AnyRecord): Set<string> {
  const paths = new Set([
    ...flattenRecord(base).keys(),
    ...flattenRecord(side).keys(),
    ...Object.keys(side.fieldClocks ?? {}),
  ]);
  return new Set([...paths].filter((p) => pathClock(side, p) !== pathClock(base, p)));
}

function valueAt(record: AnyRecord | undefined, path: string): string {
  const value = record ? flattenRecord(record).get(path) : undefined;
  return value === undefined ? 'undefined' : canonicalJson(value);
}

const RUNS = 250;

describe('planMerge properties (seeded random edits on two copies)', () => {
  it(`loses nothing, surfaces every concurrent edit and does not depend on direction (${RUNS} runs)`, () => {
    const seen = { field: 0, delete: 0, both: 0, renumberings: 0, absorbed: 0 };
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const random = prng(seed);
      const base = baseCopy();
      const a = base.fork('a');
      const b = base.fork('b');
      const writesA = 1 + Math.floor(random() * 10);
      const writesB = 1 + Math.floor(random() * 10);
      for (let i = 0; i < Math.max(writesA, writesB); i += 1) {
        if (i < writesA) randomWrite(a, random);
        if (i < writesB) randomWrite(b, random);
      }
      const context = `seed ${seed}`;

      // (5) A copy merged with itself changes nothing.
      const self = planMerge({
        mine: a.snapshot,
        theirs: clone(a).snapshot,
        mineSeen: a.seen,
        theirsSeen: a.seen,
      });
      expect(self.conflicts, context).toEqual([]);
      expect(self.resolve({}).changed, context).toEqual([]);

      const intoA = a.plan(b);
      const intoB = b.plan(a);
      expect(
        intoB.conflicts.map((c) => c.id),
        context,
      ).toEqual(intoA.conflicts.map((c) => c.id));
      for (const c of intoA.conflicts) seen[c.kind] += 1;
      const resolutions = randomResolutions(intoA.conflicts, random);
      seen.both += Object.values(resolutions).filter((r) => r === 'both').length;
      const outA = intoA.resolve(resolutions);
      const outB = intoB.resolve(swapped(resolutions));
      seen.renumberings += outA.renumberings.length;
      seen.absorbed += outA.absorbed.length;
      const a1 = clone(a);
      a1.apply(outA);
      const b1 = clone(b);
      b1.apply(outB);

      // (4) The same records whichever way the merge ran.
      expect(b1.content(), context).toBe(a1.content());

      // (1) Every record of either copy is there (or merged into the one with the same natural key).
      const absorbed = new Set(outA.absorbed.map((x) => `${x.table}:${x.id}`));
      const merged = new Set(idsOf(a1));
      for (const id of [...idsOf(a), ...idsOf(b)]) {
        expect(merged.has(id) || absorbed.has(id), `${context}: ${id}`).toBe(true);
      }

      // (2) A path written on one side only ends with that side's value; (3) a path written on both
      // sides with different values is a conflict.
      const renumbered = new Set(outA.renumberings.map((r) => `${r.table}:${r.recordId}:${r.field}`));
      const conflictIds = new Set(intoA.conflicts.map((c) => c.id));
      for (const table of MERGE_TABLES) {
        for (const baseRecord of base.rows(table)) {
          const ra = a.get(table, baseRecord.id);
          const rb = b.get(table, baseRecord.id);
          const result = a1.get(table, baseRecord.id);
          if (!ra || !rb || !result) continue; // absorbed by natural key: covered by (1) and (4)
          const wa = writtenPaths(baseRecord, ra);
          const wb = writtenPaths(baseRecord, rb);
          for (const path of new Set([...wa, ...wb])) {
            const where = `${context}: ${table}:${baseRecord.id}:${path}`;
            const id = `${table}:${baseRecord.id}:${path}`;
            if (renumbered.has(id)) continue;
            const differ = valueAt(ra, path) !== valueAt(rb, path);
            if (wa.has(path) && wb.has(path)) {
              if (differ) expect(conflictIds.has(id), where).toBe(true);
            } else if (!conflictIds.has(id)) {
              const side = wa.has(path) ? ra : rb;
              expect(valueAt(result, path), where).toBe(valueAt(side, path));
            }
          }
        }
      }

      // (6) Merging the result back into B: no conflicts, and B ends equal to A.
      const b2 = clone(b);
      const back = b2.plan(a1);
      expect(back.conflicts, context).toEqual([]);
      b2.apply(back.resolve({}));
      expect(b2.content(), context).toBe(a1.content());
      const again = a1.plan(b2);
      expect(again.conflicts, context).toEqual([]);
      expect(
        again.resolve({}).changed.filter((m) => m.changedPaths.length > 0),
        context,
      ).toEqual([]);
    }
    // The random edits really produce each kind of case (the properties are not vacuous).
    expect(seen.field).toBeGreaterThan(RUNS / 10);
    expect(seen.delete).toBeGreaterThan(RUNS / 50);
    expect(seen.both).toBeGreaterThan(RUNS / 50);
    expect(seen.renumberings).toBeGreaterThan(RUNS / 10);
    expect(seen.absorbed).toBeGreaterThan(RUNS / 50);
    console.warn(`merge properties over ${RUNS} runs: ${JSON.stringify(seen)}`);
  });
});

describe('planMerge performance', () => {
  /** 100,000 sample items as one copy stores them, every `every`-th from `from` with its note written. */
  function items(node: string, from: number, note: string): AnyRecord[] {
    const baseStamp = formatStamp({ wallMs: Date.UTC(2026, 2, 1), counter: 0 }, 'c');
    const editStamp = formatStamp({ wallMs: Date.UTC(2026, 2, 2), counter: 0 }, node);
    const out: AnyRecord[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const edited = i % 20 === from;
      const record: AnyRecord = {
        id: `item-${String(i).padStart(6, '0')}`,
        engagementId: ENGAGEMENT_ID,
        createdAt: '2026-03-01T09:00:00.000Z',
        updatedAt: '2026-03-01T09:00:00.000Z',
        updatedBy: 'person-c',
        rev: edited ? 2 : 1,
        clock: edited ? editStamp : baseStamp,
        deleted: false,
        testId: `test-${i % 100}`,
        position: Math.floor(i / 100) + 1,
        populationIndex: i,
        row: null,
        key: `USR-${i}`,
        marks: { 'attr-1': 'pass', 'attr-2': 'na' },
        note: edited ? note : '',
      };
      const fieldClocks: Record<string, string> = {};
      for (const path of flattenRecord(record).keys()) fieldClocks[path] = baseStamp;
      if (edited) fieldClocks.note = editStamp;
      record.fieldClocks = fieldClocks;
      out.push(record);
    }
    return out;
  }

  it('plans and resolves 100,000 records per side in well under a few seconds', () => {
    const a = Copy.create('a');
    const b = a.fork('b');
    a.snapshot.sampleItems = items('a', 0, 'A') as unknown as typeof a.snapshot.sampleItems; // stored rows
    b.snapshot.sampleItems = items('b', 5, 'B') as unknown as typeof b.snapshot.sampleItems; // stored rows
    a.seen = {
      ...a.seen,
      c: formatStamp({ wallMs: Date.UTC(2026, 2, 1), counter: 0 }, 'c'),
      a: formatStamp({ wallMs: Date.UTC(2026, 2, 2), counter: 0 }, 'a'),
    };
    b.seen = {
      ...b.seen,
      c: formatStamp({ wallMs: Date.UTC(2026, 2, 1), counter: 0 }, 'c'),
      b: formatStamp({ wallMs: Date.UTC(2026, 2, 2), counter: 0 }, 'b'),
    };
    const started = performance.now();
    const plan = a.plan(b);
    const outcome = plan.resolve({});
    const elapsed = performance.now() - started;
    expect(plan.conflicts).toEqual([]);
    expect(outcome.changed).toHaveLength(5000);
    expect(outcome.changed.every((m) => m.changedPaths.join() === 'note' && m.result.note === 'B')).toBe(
      true,
    );
    console.warn(`planMerge: 100,000 records per side in ${Math.round(elapsed)} ms`);
    // About 1.5 s on an idle laptop core; the bound leaves room for a loaded CI machine.
    expect(elapsed).toBeLessThan(6000);
  });
});
