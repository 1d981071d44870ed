/**
 * The import preview in words: what each engagement's action means, the merge summary, the file's kind,
 * and the conflicts' records, fields and choices. Pure functions, so the wording is tested without a
 * browser.
 */
import { recordLabels, recordTypeLabel, trailFieldLabel, trailValue } from '@shared/domain/audit';
import { SNAPSHOT_TABLE_ENTITIES, SNAPSHOT_TABLES, type EngagementSnapshot } from '@shared/domain/snapshot';
import type {
  MergeConflict,
  MergeSummary,
  MergeTable,
  PackageKind,
  Resolution,
} from '@shared/exchange/types';
import type { EngagementImportPlan, ImportAction, ImportPlan } from '../../db/exchange';

export const KIND_LABELS: Record<PackageKind, string> = {
  engagement: 'Engagement file',
  'reviewer-copy': 'Read-only reviewer copy',
  backup: 'Backup',
};

export const ACTION_WORDS: Record<ImportAction, string> = {
  new: 'New engagement: it will be added.',
  merge: 'Same engagement: changes will be merged.',
  'reviewer-copy': 'Read-only reviewer copy: it will be added locked, and cannot be changed or merged back.',
  'replace-copy': 'Replaces the read-only reviewer copy stored on this computer.',
  'up-to-date': 'Already up to date: this computer has everything in the file.',
  refused: 'Cannot be imported.',
};

export const ACTION_TONES: Record<ImportAction, 'good' | 'info' | 'warn' | 'bad' | 'neutral'> = {
  new: 'good',
  merge: 'info',
  'reviewer-copy': 'neutral',
  'replace-copy': 'neutral',
  'up-to-date': 'neutral',
  refused: 'bad',
};

export const ACTION_BADGES: Record<ImportAction, string> = {
  new: 'New',
  merge: 'Merge',
  'reviewer-copy': 'Reviewer copy',
  'replace-copy': 'Replace copy',
  'up-to-date': 'Up to date',
  refused: 'Refused',
};

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The merge summary in words, one part each: "2 records added", "1 updated (3 fields)", "1 conflict",
 * "5 changed only here, kept". Parts that are zero are left out, except the conflicts; when nothing differs
 * at all it says so, with the audit trail events the file still brings.
 */
export function summaryWords(summary: MergeSummary, newEvents = 0): string[] {
  const { added, updated, fieldsTaken, conflicts, keptMine } = summary;
  if (added + updated + fieldsTaken + conflicts + keptMine === 0) {
    return [
      'No differences in the records',
      ...(newEvents > 0 ? [`${plural(newEvents, 'new audit trail event')} to add`] : []),
    ];
  }
  return [
    ...(added > 0 ? [`${plural(added, 'record')} added`] : []),
    ...(updated > 0
      ? [
          `${updated.toLocaleString('en-US')} updated${fieldsTaken > 0 ? ` (${plural(fieldsTaken, 'field')})` : ''}`,
        ]
      : []),
    plural(conflicts, 'conflict'),
    ...(keptMine > 0 ? [`${keptMine.toLocaleString('en-US')} changed only here, kept`] : []),
  ];
}

/** What the engagement holds, for the preview: the tables with records, largest first. */
export function countWords(counts: Readonly<Record<string, number>>): string {
  const shown: [string, string][] = [
    ['controls', 'control'],
    ['tests', 'test'],
    ['sampleItems', 'sample item'],
    ['requests', 'request'],
    ['evidence', 'evidence record'],
    ['exceptions', 'exception'],
    ['reviewNotes', 'review note'],
    ['signOffs', 'sign-off'],
  ];
  const parts = shown
    .filter(([table]) => (counts[table] ?? 0) > 0)
    .map(([table, one]) => plural(counts[table] ?? 0, one));
  return parts.length > 0 ? parts.join(' · ') : 'No records yet';
}

/** The button that writes the import: Merge when anything is merged, else Import; null when nothing to do. */
export function confirmLabel(plan: ImportPlan): string | null {
  const actions = plan.engagements.map((p) => p.action);
  if (!actions.some((a) => a !== 'refused' && a !== 'up-to-date')) return null;
  if (plan.kind === 'backup') return 'Restore';
  return actions.includes('merge') ? 'Merge' : 'Import';
}

/** Every conflict of the plan, with the engagement it belongs to. */
export function allConflicts(
  plan: ImportPlan,
): { engagement: EngagementImportPlan; conflict: MergeConflict }[] {
  return plan.engagements.flatMap((engagement) =>
    engagement.action === 'merge' && engagement.merge
      ? engagement.merge.conflicts.map((conflict) => ({ engagement, conflict }))
      : [],
  );
}

export type Resolutions = Record<string, Record<string, Resolution>>;

export function unresolvedCount(plan: ImportPlan, resolutions: Resolutions): number {
  return allConflicts(plan).filter(({ engagement, conflict }) => !resolutions[engagement.id]?.[conflict.id])
    .length;
}

/** "Use mine for all" / "Use theirs for all": for a delete conflict, what that side did (delete or keep). */
export function resolveAll(plan: ImportPlan, side: 'mine' | 'theirs'): Resolutions {
  const out: Resolutions = {};
  for (const { engagement, conflict } of allConflicts(plan)) {
    const choice: Resolution =
      conflict.kind === 'field' ? side : conflict.deletedBy === side ? 'delete' : 'keep';
    out[engagement.id] = { ...out[engagement.id], [conflict.id]: choice };
  }
  return out;
}

export function entityOf(table: MergeTable): string {
  return table === 'engagement' ? 'engagement' : SNAPSHOT_TABLE_ENTITIES[table];
}

/** Readable names of every record of a snapshot, by id (a test's reference, a request's number…). */
export function snapshotLabels(snapshot: EngagementSnapshot): Map<string, string> {
  return recordLabels([
    { entity: 'engagement', record: snapshot.engagement },
    ...SNAPSHOT_TABLES.flatMap((table) =>
      (snapshot[table] as readonly Record<string, unknown>[]).map((record) => ({
        entity: SNAPSHOT_TABLE_ENTITIES[table],
        record,
      })),
    ),
  ]);
}

/** "Test CC6.1-01", "Request PBC-007", or the record type and the end of its id. */
export function conflictRecordLabel(conflict: MergeConflict, labels: ReadonlyMap<string, string>): string {
  const type = recordTypeLabel(entityOf(conflict.table));
  const label = labels.get(conflict.recordId);
  return label ? `${type} ${label}` : `${type} …${conflict.recordId.slice(-6)}`;
}

/** A field path in words: `report.basis` → "Report › Basis", `marks.<id>` → "Marks › CC6.1-01 attribute". */
export function fieldPathLabel(path: string, labels: ReadonlyMap<string, string>): string {
  return path
    .split('.')
    .map((part, i) => (i === 0 ? trailFieldLabel(part) : (labels.get(part) ?? trailFieldLabel(part))))
    .join(' › ');
}

/**
 * The conflicts' heading, by the kinds present: "1 conflict: changed on both sides", "2 conflicts: deleted
 * on one side and edited on the other", or both kinds named.
 */
export function conflictsHeading(conflicts: readonly MergeConflict[]): string {
  const count = plural(conflicts.length, 'conflict');
  const fields = conflicts.some((c) => c.kind === 'field');
  const deletes = conflicts.some((c) => c.kind === 'delete');
  if (fields && deletes) {
    return `${count}: changed on both sides, or deleted on one side and edited on the other`;
  }
  return deletes
    ? `${count}: deleted on one side and edited on the other`
    : `${count}: changed on both sides`;
}

/** Whether any conflict offers "Both" (a long text changed on both sides). */
export function offersBoth(conflicts: readonly MergeConflict[]): boolean {
  return conflicts.some((c) => c.kind === 'field' && c.longText);
}

/** The stored table of a merge table ("engagement" is the `engagements` table). */
export function storedTableOf(table: MergeTable): string {
  return table === 'engagement' ? 'engagements' : table;
}

/** The value at a dotted field path of a record (`report.basis`, `marks.<id>`); undefined when absent. */
export function valueAt(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part]; // a plain record object
  }
  return value;
}

/** Beyond this many characters a value is not repeated beside its field's name. */
const SHORT_VALUE = 60;

/** A value short enough to show inline, in words (“HR list”, Yes, (empty)); null when too long to repeat. */
export function shortValueWords(value: unknown, labelOf: (id: string) => string | undefined): string | null {
  const v = trailValue(value, labelOf);
  if (v.kind === 'empty') return '(empty)';
  const text = v.kind === 'list' ? v.items.join(', ') : v.text;
  if (text.length > SHORT_VALUE || text.includes('\n')) return null;
  return v.kind === 'text' && typeof value === 'string' ? `“${text}”` : text;
}

/** A record of a snapshot by table and id (the file's side of a conflict). */
export function snapshotRecord(snapshot: EngagementSnapshot, table: MergeTable, id: string): unknown {
  if (table === 'engagement') return snapshot.engagement.id === id ? snapshot.engagement : undefined;
  return (snapshot[table] as readonly { id: string }[]).find((r) => r.id === id); // every record has an id
}

/** The side(s) whose value a resolution keeps, for highlighting the chosen cell. */
export function keptSides(conflict: MergeConflict, choice: Resolution | undefined): ('mine' | 'theirs')[] {
  if (!choice) return [];
  if (conflict.kind === 'delete') {
    const deleter = conflict.deletedBy;
    const editor = deleter === 'mine' ? 'theirs' : 'mine';
    return choice === 'delete' ? [deleter] : choice === 'keep' ? [editor] : [];
  }
  if (choice === 'both') return ['mine', 'theirs'];
  return choice === 'mine' || choice === 'theirs' ? [choice] : [];
}
