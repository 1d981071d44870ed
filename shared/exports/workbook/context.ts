/**
 * Everything the sheets look up, worked out once: live records in the order the sheets list them, names
 * for ids, the roll-up, the review state, and where each test and sample row lands so that one sheet can
 * link to a row of another before that sheet is written.
 */
import { isUuid } from '../../domain/ids';
import { scopeCriteria, type Engagement, type ScopeSummary } from '../../domain/engagement';
import {
  rollUp,
  tickmarkLegend,
  type ControlException,
  type ControlResult,
  type ControlTest,
  type CriterionRollup,
  type Evidence,
  type EvidenceLinkKind,
  type LegendEntry,
  type SampleItem,
} from '../../domain/fieldwork';
import { compareReferences, type Control } from '../../domain/planning';
import {
  computeReviewState,
  describeWorkpaper,
  listWorkpapers,
  type ReviewState,
  type WorkpaperInfo,
} from '../../domain/review';
import { live, type EngagementSnapshot } from '../../domain/snapshot';
import type { ExportPerson } from '../progress';
import { tableRow } from './table';
import type { EvidenceWorkbookOptions } from './types';

export interface WorkbookContext {
  readonly snapshot: EngagementSnapshot;
  readonly options: EvidenceWorkbookOptions;
  readonly engagement: Engagement;
  readonly scope: ScopeSummary;
  readonly rollup: { controls: Map<string, ControlResult>; criteria: CriterionRollup[] };
  readonly review: ReviewState;
  readonly legend: readonly LegendEntry[];
  readonly legendById: ReadonlyMap<string, LegendEntry>;
  /** Live controls by reference, retired ones included. */
  readonly controls: readonly Control[];
  /** Live tests in workpaper order (by reference). */
  readonly tests: readonly ControlTest[];
  readonly testsByControl: ReadonlyMap<string, readonly ControlTest[]>;
  /** Live sample items of live tests, in the Samples sheet's order (by test, then position). */
  readonly items: readonly SampleItem[];
  readonly itemsByTest: ReadonlyMap<string, readonly SampleItem[]>;
  /** Live exceptions by number. */
  readonly exceptions: readonly ControlException[];
  readonly exceptionsByTest: ReadonlyMap<string, readonly ControlException[]>;
  readonly exceptionsByItem: ReadonlyMap<string, readonly ControlException[]>;
  /** Live evidence files. */
  readonly evidence: readonly Evidence[];
  /** Most attributes of any test: the Samples sheet has a column per letter up to this. */
  readonly maxAttributes: number;
  /** Row of each test on the Tests sheet, and of its first item on the Samples sheet. */
  readonly testRows: ReadonlyMap<string, number>;
  readonly firstSampleRows: ReadonlyMap<string, number>;
  /** Every record by id, deleted ones included: links and references may point at them. */
  readonly controlById: ReadonlyMap<string, Control>;
  readonly testById: ReadonlyMap<string, ControlTest>;
  readonly itemById: ReadonlyMap<string, SampleItem>;
  personName(id: string | null | undefined): string;
  /** Names for several profile ids, in order, without repeats. */
  peopleNames(ids: readonly string[]): string;
  controlReference(id: string): string;
  testReference(id: string): string;
  /** Evidence files linked to a record (for a request, also the files that answer it). */
  evidenceFor(kind: EvidenceLinkKind, id: string): readonly Evidence[];
  workpaper(key: string): WorkpaperInfo | undefined;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const byReference = <T extends { reference: string }>(a: T, b: T): number =>
  compareReferences(a.reference, b.reference);

function evidenceIndex(evidence: readonly Evidence[]): Map<string, Evidence[]> {
  const index = new Map<string, Evidence[]>();
  const add = (key: string, e: Evidence) => {
    const list = index.get(key);
    if (!list) index.set(key, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  for (const e of evidence) {
    for (const l of e.links) add(`${l.kind}:${l.id}`, e);
    if (e.requestId) add(`request:${e.requestId}`, e);
  }
  return index;
}

function nameFinder(people: readonly ExportPerson[]): (id: string | null | undefined) => string {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (id) => {
    if (!id) return '';
    // A profile this machine does not know (a colleague's, merged in) is not shown as an id.
    return names.get(id) ?? (isUuid(id) ? 'Unknown person' : id);
  };
}

/** Sample items of the live tests, grouped by test in test order, each group by position. */
function orderItems(tests: readonly ControlTest[], items: readonly SampleItem[]): Map<string, SampleItem[]> {
  const byTest = groupBy(live(items), (i) => i.testId);
  const ordered = new Map<string, SampleItem[]>();
  for (const t of tests) {
    const list = (byTest.get(t.id) ?? []).sort(
      (a, b) => a.position - b.position || a.batch - b.batch || a.id.localeCompare(b.id),
    );
    ordered.set(t.id, list);
  }
  return ordered;
}

function rowPositions(
  tests: readonly ControlTest[],
  itemsByTest: ReadonlyMap<string, readonly SampleItem[]>,
): { testRows: Map<string, number>; firstSampleRows: Map<string, number> } {
  const testRows = new Map<string, number>();
  const firstSampleRows = new Map<string, number>();
  let sampleIndex = 0;
  tests.forEach((t, i) => {
    testRows.set(t.id, tableRow(i));
    const count = itemsByTest.get(t.id)?.length ?? 0;
    if (count > 0) firstSampleRows.set(t.id, tableRow(sampleIndex));
    sampleIndex += count;
  });
  return { testRows, firstSampleRows };
}

export async function buildContext(
  snapshot: EngagementSnapshot,
  options: EvidenceWorkbookOptions,
): Promise<WorkbookContext> {
  const engagement = snapshot.engagement;
  const scope = scopeCriteria(engagement.categories, snapshot.criterionScopes);
  const controls = live(snapshot.controls).sort(byReference);
  const tests = live(snapshot.tests).sort((a, b) =>
    a.reference.localeCompare(b.reference, undefined, { numeric: true }),
  );
  const testsByControl = groupBy(tests, (t) => t.controlId);
  const itemsByTest = orderItems(tests, snapshot.sampleItems);
  const items = tests.flatMap((t) => itemsByTest.get(t.id) ?? []);
  const exceptions = live(snapshot.exceptions).sort((a, b) => a.number - b.number);
  const exceptionsByItem = new Map<string, ControlException[]>();
  for (const x of exceptions) {
    for (const id of x.sampleItemIds) exceptionsByItem.set(id, [...(exceptionsByItem.get(id) ?? []), x]);
  }
  const legend = tickmarkLegend(snapshot.tickmarks);
  const evidence = live(snapshot.evidence);
  const linked = evidenceIndex(evidence);
  const controlById = new Map(snapshot.controls.map((c) => [c.id, c]));
  const testById = new Map(snapshot.tests.map((t) => [t.id, t]));
  const workpapers = new Map(listWorkpapers(snapshot).map((w) => [w.key, w]));
  const personName = nameFinder(options.people);
  const reference = (record: { reference: string; deleted: boolean } | undefined): string =>
    record ? `${record.reference}${record.deleted ? ' (deleted)' : ''}` : '';
  return {
    snapshot,
    options,
    engagement,
    scope,
    rollup: rollUp(engagement.kind, scope.criteria, controls, tests, live(snapshot.walkthroughs)),
    review: await computeReviewState(snapshot),
    legend,
    legendById: new Map(legend.map((t) => [t.id, t])),
    controls,
    tests,
    testsByControl,
    items,
    itemsByTest,
    exceptions,
    exceptionsByTest: groupBy(exceptions, (x) => x.testId),
    exceptionsByItem,
    evidence,
    maxAttributes: tests.reduce((max, t) => Math.max(max, t.attributes.length), 0),
    ...rowPositions(tests, itemsByTest),
    controlById,
    testById,
    itemById: new Map(snapshot.sampleItems.map((i) => [i.id, i])),
    personName,
    peopleNames: (ids) => [...new Set(ids.map(personName).filter(Boolean))].join(', '),
    controlReference: (id) => reference(controlById.get(id)),
    testReference: (id) => reference(testById.get(id)),
    evidenceFor: (kind, id) => linked.get(`${kind}:${id}`) ?? [],
    workpaper: (key) => workpapers.get(key) ?? describeWorkpaper(snapshot, key),
  };
}
