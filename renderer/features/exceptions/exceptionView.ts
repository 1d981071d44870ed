/**
 * What the exception screens show, computed from the records: the affected sample items with the
 * attributes marked as exceptions, the "found in N of M items" count, and the list's filter and order.
 * Pure functions over plain data, so the tests check exactly what the auditor sees.
 */
import {
  attributeLetter,
  EXCEPTION_STATUSES,
  EXCEPTION_TYPES,
  exceptionFieldsSchema,
  formatExceptionNumber,
  markOutcome,
  tallySample,
  type ControlException,
  type ControlTest,
  type ExceptionFields,
  type ExceptionStatus,
  type ExceptionType,
  type LegendEntry,
  type SampleItem,
} from '@shared/domain/fieldwork';
import { ValidationError } from '@shared/domain/errors';
import { compareReferences } from '@shared/domain/planning';

/** Short words for the list; the editor uses the full EXCEPTION_TYPE_LABELS. */
export const EXCEPTION_TYPE_SHORT: Record<ExceptionType, string> = {
  operating: 'Operating',
  design: 'Design',
  evidence: 'Evidence',
  timing: 'Timing',
};

export interface AffectedItem {
  id: string;
  position: number;
  key: string;
  date: string | null;
  /** The attributes of this exception marked as an exception on the item, lettered as on the grid. */
  attributes: { id: string; letter: string; text: string }[];
}

/** The exception's sample items in workpaper order, each with its attributes marked X (or a firm mark). */
export function affectedItems(
  exception: Pick<ControlException, 'sampleItemIds' | 'attributeIds'>,
  test: Pick<ControlTest, 'attributes'> | undefined,
  items: readonly SampleItem[],
  legend: readonly LegendEntry[],
): AffectedItem[] {
  const attributes = (test?.attributes ?? []).map((a, i) => ({ ...a, letter: attributeLetter(i) }));
  const byId = new Map(items.map((i) => [i.id, i]));
  return exception.sampleItemIds
    .map((id) => byId.get(id))
    .filter((i): i is SampleItem => i !== undefined && !i.deleted)
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      id: item.id,
      position: item.position,
      key: item.key,
      date: item.date,
      attributes: attributes
        .filter(
          (a) =>
            exception.attributeIds.includes(a.id) &&
            markOutcome(item.marks[a.id] ?? '', legend) === 'exception',
        )
        .map(({ id, letter, text }) => ({ id, letter, text })),
    }));
}

/** "Found in N of M items tested": items with an exception mark out of the test's live sample items. */
export function foundIn(
  test: Pick<ControlTest, 'attributes'> | undefined,
  items: readonly SampleItem[],
  legend: readonly LegendEntry[],
): { deviations: number; size: number } {
  const tally = tallySample(
    items,
    (test?.attributes ?? []).map((a) => a.id),
    legend,
  );
  return { deviations: tally.deviations, size: tally.size };
}

export interface ExceptionFilter {
  status: 'all' | ExceptionStatus;
  type: 'all' | ExceptionType;
  controlId: string;
  query: string;
}

export type ExceptionSortKey = 'number' | 'control' | 'test' | 'items' | 'type' | 'nature' | 'status';

export interface ExceptionLookups {
  controlRefs: ReadonlyMap<string, string>;
  testRefs: ReadonlyMap<string, string>;
}

function compareBy(a: ControlException, b: ControlException, key: ExceptionSortKey, l: ExceptionLookups) {
  switch (key) {
    case 'control':
      return compareReferences(l.controlRefs.get(a.controlId) ?? '~', l.controlRefs.get(b.controlId) ?? '~');
    case 'test':
      return compareReferences(l.testRefs.get(a.testId) ?? '~', l.testRefs.get(b.testId) ?? '~');
    case 'items':
      return a.sampleItemIds.length - b.sampleItemIds.length;
    case 'type':
      return EXCEPTION_TYPES.indexOf(a.type) - EXCEPTION_TYPES.indexOf(b.type);
    case 'nature':
      return (a.nature ?? '~').localeCompare(b.nature ?? '~');
    case 'status':
      return EXCEPTION_STATUSES.indexOf(a.status) - EXCEPTION_STATUSES.indexOf(b.status);
    default:
      return a.number - b.number;
  }
}

/** The live exceptions that pass the filter, sorted (ties by number). Tombstones are never listed. */
export function visibleExceptions(
  exceptions: readonly ControlException[],
  filter: ExceptionFilter,
  lookups: ExceptionLookups,
  sortKey: ExceptionSortKey = 'number',
  sortDir: 'asc' | 'desc' = 'asc',
): ControlException[] {
  const q = filter.query.trim().toLocaleLowerCase();
  const dir = sortDir === 'asc' ? 1 : -1;
  return exceptions
    .filter(
      (e) =>
        !e.deleted &&
        (filter.status === 'all' || e.status === filter.status) &&
        (filter.type === 'all' || e.type === filter.type) &&
        (!filter.controlId || e.controlId === filter.controlId) &&
        (!q ||
          [
            formatExceptionNumber(e.number),
            lookups.controlRefs.get(e.controlId) ?? '',
            lookups.testRefs.get(e.testId) ?? '',
            e.description,
            e.rootCause,
            e.managementResponse,
          ]
            .join(' ')
            .toLocaleLowerCase()
            .includes(q)),
    )
    .sort((a, b) => dir * compareBy(a, b, sortKey, lookups) || a.number - b.number);
}

/** The start of the description for the list; the full text goes in the cell's tooltip. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * What stops the exception being marked evaluated, by field, in the schema's own words (a description and
 * a nature are required); empty when it can be.
 */
export function evaluationIssues(fields: ExceptionFields): Record<string, string> {
  const result = exceptionFieldsSchema.safeParse({ ...fields, status: 'evaluated' });
  return result.success ? {} : ValidationError.fromZod(result.error).fields;
}
