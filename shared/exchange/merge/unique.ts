/**
 * Values that must stay unique per engagement after a merge: request, exception, review note and addendum
 * numbers (tombstones included), control and test references (live records, case-insensitive) and the
 * positions of a test's live sample items. When two different records clash, the record created first
 * (createdAt, then id) keeps the value; the others get the next free number, a " (2)" suffix, or the end
 * of the sample. Two live sample items of one test drawn from the same population item are both kept and
 * reported.
 */
import { formatExceptionNumber } from '../../domain/fieldwork/exceptions';
import { referenceKey } from '../../domain/planning/controls';
import { formatRequestNumber } from '../../domain/planning/requests';
import { formatAddendumNumber, formatNoteNumber } from '../../domain/review/schema';
import type { AnyRecord, MergeTable, Renumbering } from '../types';

/** The merged records of the tables with unique values, and a way to change one. */
export interface UniqueView {
  records(table: MergeTable): readonly AnyRecord[];
  /** Sets a top-level field of a merged record (the view copies the record first if it must). */
  set(table: MergeTable, id: string, field: string, value: unknown): void;
  /** True when this copy had the record before the merge ("Your request…" rather than "Their request…"). */
  isMine(table: MergeTable, id: string): boolean;
}

const byCreation = (a: AnyRecord, b: AnyRecord): number => {
  const ca = String(a.createdAt ?? '');
  const cb = String(b.createdAt ?? '');
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** The records that clash with an earlier one on `keyOf`, in creation order (the first of each keeps it). */
function clashing(records: readonly AnyRecord[], keyOf: (r: AnyRecord) => string | null): AnyRecord[] {
  const groups = new Map<string, AnyRecord[]>();
  for (const r of records) {
    const key = keyOf(r);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const losers: AnyRecord[] = [];
  for (const group of groups.values()) {
    if (group.length > 1) losers.push(...group.sort(byCreation).slice(1));
  }
  return losers.sort(byCreation);
}

interface NumberRule {
  table: MergeTable;
  noun: string;
  format: (n: number) => string;
}

const NUMBER_RULES: readonly NumberRule[] = [
  { table: 'requests', noun: 'request', format: formatRequestNumber },
  { table: 'exceptions', noun: 'exception', format: formatExceptionNumber },
  { table: 'reviewNotes', noun: 'review note', format: formatNoteNumber },
  { table: 'addenda', noun: 'addendum', format: formatAddendumNumber },
];

const REFERENCE_RULES: readonly { table: MergeTable; noun: string }[] = [
  { table: 'controls', noun: 'control' },
  { table: 'tests', noun: 'test' },
];

/** The largest value (0 for none), without spreading a long list into arguments. */
function maxOf(records: readonly AnyRecord[], valueOf: (r: AnyRecord) => number | null): number {
  let max = 0;
  for (const r of records) max = Math.max(max, valueOf(r) ?? 0);
  return max;
}

const whose = (view: UniqueView, table: MergeTable, id: string) =>
  view.isMine(table, id) ? 'Your' : 'Their';

function renumberNumbers(view: UniqueView, rule: NumberRule): Renumbering[] {
  const records = view.records(rule.table);
  const numberOf = (r: AnyRecord) => (typeof r.number === 'number' ? r.number : null);
  const losers = clashing(records, (r) => {
    const n = numberOf(r);
    return n === null ? null : String(n);
  });
  let next = maxOf(records, numberOf) + 1;
  return losers.map((r) => {
    const from = numberOf(r) ?? 0;
    const to = next;
    next += 1;
    view.set(rule.table, r.id, 'number', to);
    return {
      table: rule.table,
      recordId: r.id,
      field: 'number',
      from,
      to,
      message: `${whose(view, rule.table, r.id)} ${rule.noun} ${rule.format(from)} is now ${rule.format(to)} (both of you added ${rule.format(from)}).`,
    };
  });
}

function renumberReferences(view: UniqueView, table: MergeTable, noun: string): Renumbering[] {
  const live = view.records(table).filter((r) => !r.deleted);
  const keyOf = (r: AnyRecord) =>
    typeof r.reference === 'string' && r.reference.trim() !== '' ? referenceKey(r.reference) : null;
  const used = new Set(live.map(keyOf).filter((k): k is string => k !== null));
  return clashing(live, keyOf).map((r) => {
    const from = String(r.reference);
    const base = from.trim();
    let n = 2;
    while (used.has(referenceKey(`${base} (${n})`))) n += 1;
    const to = `${base} (${n})`;
    used.add(referenceKey(to));
    view.set(table, r.id, 'reference', to);
    return {
      table,
      recordId: r.id,
      field: 'reference',
      from,
      to,
      message: `${whose(view, table, r.id)} ${noun} ${from} is now ${to} (both of you used the reference ${base}).`,
    };
  });
}

/** Live sample items grouped by test id, each group in a stable order. */
function itemsByTest(view: UniqueView): Map<string, AnyRecord[]> {
  const groups = new Map<string, AnyRecord[]>();
  for (const item of view.records('sampleItems')) {
    if (item.deleted) continue;
    const testId = String(item.testId);
    const group = groups.get(testId);
    if (group) group.push(item);
    else groups.set(testId, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Each test's reference by id, for messages. */
function testReferences(view: UniqueView): (testId: string) => string {
  const refs = new Map<string, string>();
  for (const t of view.records('tests')) if (typeof t.reference === 'string') refs.set(t.id, t.reference);
  return (testId) => refs.get(testId) ?? '(unknown test)';
}

function renumberPositions(view: UniqueView): Renumbering[] {
  const out: Renumbering[] = [];
  const testReference = testReferences(view);
  for (const [testId, items] of itemsByTest(view)) {
    const positionOf = (r: AnyRecord) => (typeof r.position === 'number' ? r.position : null);
    const losers = clashing(items, (r) => {
      const p = positionOf(r);
      return p === null ? null : String(p);
    });
    if (losers.length === 0) continue;
    let next = maxOf(items, positionOf) + 1;
    const ref = testReference(testId);
    for (const r of losers) {
      const from = positionOf(r) ?? 0;
      const to = next;
      next += 1;
      view.set('sampleItems', r.id, 'position', to);
      out.push({
        table: 'sampleItems',
        recordId: r.id,
        field: 'position',
        from,
        to,
        message: `${whose(view, 'sampleItems', r.id)} sample item ${from} of test ${ref} (${String(r.key)}) is now item ${to} (both of you added an item ${from}).`,
      });
    }
  }
  return out;
}

/** Live items of one test drawn from the same population item: kept, and said. */
function sameDrawNotices(view: UniqueView): string[] {
  const out: string[] = [];
  const testReference = testReferences(view);
  for (const [testId, items] of itemsByTest(view)) {
    const byIndex = new Map<number, AnyRecord[]>();
    for (const item of items) {
      if (typeof item.populationIndex !== 'number') continue;
      const group = byIndex.get(item.populationIndex);
      if (group) group.push(item);
      else byIndex.set(item.populationIndex, [item]);
    }
    for (const [index, group] of [...byIndex.entries()].sort(([a], [b]) => a - b)) {
      if (group.length < 2) continue;
      const positions = group
        .map((r) => Number(r.position))
        .sort((a, b) => a - b)
        .join(', ');
      const row = typeof group[0]?.row === 'number' ? `row ${group[0].row}` : `item ${index + 1}`;
      out.push(
        `Test ${testReference(testId)}: sample items ${positions} are the same population ${row} (both of you drew it). All were kept; remove the extra ones if it should be tested once.`,
      );
    }
  }
  return out;
}

/** Makes every unique value unique again; returns what changed and what to point out. */
export function enforceUniqueness(view: UniqueView): { renumberings: Renumbering[]; notices: string[] } {
  const renumberings: Renumbering[] = [];
  for (const rule of NUMBER_RULES) renumberings.push(...renumberNumbers(view, rule));
  for (const rule of REFERENCE_RULES) renumberings.push(...renumberReferences(view, rule.table, rule.noun));
  renumberings.push(...renumberPositions(view));
  return { renumberings, notices: sameDrawNotices(view) };
}
