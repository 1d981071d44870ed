/**
 * The conflicts of a merge, one row each: the record and field, your value beside theirs, and the choice
 * (Mine / Theirs / Both for long texts; Keep / Delete when one side deleted what the other edited, with
 * the fields and short values that side edited). The kept value is highlighted and marked "Kept". "Use
 * mine for all" and "Use theirs for all" set every row; the count of unresolved rows stays in view.
 */
import { useMemo, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { MergeConflict, Resolution } from '@shared/exchange/types';
import { db } from '../../db';
import type { EngagementImportPlan, ImportPlan } from '../../db/exchange';
import { TrailValueView } from '../trail/TrailValue';
import {
  allConflicts,
  conflictRecordLabel,
  conflictsHeading,
  fieldPathLabel,
  keptSides,
  offersBoth,
  resolveAll,
  shortValueWords,
  snapshotLabels,
  snapshotRecord,
  storedTableOf,
  unresolvedCount,
  valueAt,
  type Resolutions,
} from './importView';
import { focusOnMount } from './focus';

/** This computer's records that a delete conflict's other side deleted (for the values edited here). */
async function localRecords(conflicts: readonly MergeConflict[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const c of conflicts) out.set(c.id, await db.table(storedTableOf(c.table)).get(c.recordId));
  return out;
}

function choicesFor(conflict: MergeConflict): { value: Resolution; label: string }[] {
  if (conflict.kind === 'delete') {
    return [
      { value: 'keep', label: 'Keep' },
      { value: 'delete', label: 'Delete' },
    ];
  }
  return [
    { value: 'mine', label: 'Mine' },
    { value: 'theirs', label: 'Theirs' },
    ...(conflict.longText ? [{ value: 'both' as const, label: 'Both' }] : []),
  ];
}

/** One side of a delete conflict: "You deleted it", or what was edited (fields and short new values). */
function DeleteSide({
  conflict,
  side,
  labels,
  editedRecord,
}: {
  conflict: MergeConflict;
  side: 'mine' | 'theirs';
  labels: ReadonlyMap<string, string>;
  /** The editing side's record, for the new values. */
  editedRecord: unknown;
}) {
  if (conflict.kind !== 'delete') return null;
  const who = side === 'mine' ? 'You' : 'They';
  if (conflict.deletedBy === side) return <span className="conflict-deleted">{who} deleted it</span>;
  const labelOf = (id: string) => labels.get(id);
  return (
    <>
      <span>
        {who} edited it{conflict.editedPaths.length > 0 ? ':' : '.'}
      </span>
      {conflict.editedPaths.length > 0 ? (
        <ul className="conflict-edits">
          {conflict.editedPaths.map((path) => {
            const value = shortValueWords(valueAt(editedRecord, path), labelOf);
            return (
              <li key={path}>
                {fieldPathLabel(path, labels)}
                {value !== null && editedRecord !== undefined ? (
                  <>
                    {' → '}
                    <span className="conflict-edit-value">{value}</span>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}

function ValueCell({ kept, children }: { kept: boolean; children: ReactNode }) {
  return (
    <td className={kept ? 'conflict-value conflict-kept' : 'conflict-value'}>
      {kept ? (
        <span className="kept-mark">
          <span aria-hidden="true">✓ </span>Kept
        </span>
      ) : null}
      {children}
    </td>
  );
}

function ConflictRow({
  conflict,
  labels,
  editedRecord,
  choice,
  onChoose,
}: {
  conflict: MergeConflict;
  labels: ReadonlyMap<string, string>;
  editedRecord: unknown;
  choice: Resolution | undefined;
  onChoose(choice: Resolution): void;
}) {
  const record = conflictRecordLabel(conflict, labels);
  const field =
    conflict.kind === 'field'
      ? fieldPathLabel(conflict.path, labels)
      : conflict.deletedBy === 'mine'
        ? 'Deleted here, edited in their copy'
        : 'Deleted in their copy, edited here';
  const labelOf = (id: string) => labels.get(id);
  const kept = keptSides(conflict, choice);
  const editor = conflict.kind === 'delete' && conflict.deletedBy === 'mine' ? 'their' : 'your';
  return (
    <tr className={choice ? undefined : 'conflict-open'} data-conflict={conflict.id}>
      <th scope="row">
        <span className="conflict-record">{record}</span>
        <span className="conflict-field">{field}</span>
      </th>
      {(['mine', 'theirs'] as const).map((side) => (
        <ValueCell key={side} kept={kept.includes(side)}>
          {conflict.kind === 'field' ? (
            <TrailValueView value={side === 'mine' ? conflict.mine : conflict.theirs} labelOf={labelOf} />
          ) : (
            <DeleteSide conflict={conflict} side={side} labels={labels} editedRecord={editedRecord} />
          )}
        </ValueCell>
      ))}
      <td>
        <fieldset className="conflict-choice">
          <legend className="visually-hidden">
            {conflict.kind === 'field'
              ? `Keep which value of ${record}, ${field}`
              : `Keep or delete ${record}`}
          </legend>
          {choicesFor(conflict).map((c) => (
            <label key={c.value} className="radio-inline">
              <input
                type="radio"
                name={`choice-${conflict.id}`}
                value={c.value}
                checked={choice === c.value}
                onChange={() => onChoose(c.value)}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
        {conflict.kind === 'delete' ? (
          <p className="conflict-note">
            Either way {editor} edits are kept: a deleted record keeps them, so restoring it later loses
            nothing.
          </p>
        ) : null}
      </td>
    </tr>
  );
}

function EngagementConflicts({
  engagement,
  resolutions,
  onChoose,
  showName,
}: {
  engagement: EngagementImportPlan;
  resolutions: Resolutions;
  onChoose(engagementId: string, conflictId: string, choice: Resolution): void;
  showName: boolean;
}) {
  const labels = useMemo(() => snapshotLabels(engagement.incoming.snapshot), [engagement.incoming.snapshot]);
  const conflicts = useMemo(() => engagement.merge?.conflicts ?? [], [engagement.merge]);
  const mineEdited = useLiveQuery(
    () => localRecords(conflicts.filter((c) => c.kind === 'delete' && c.deletedBy === 'theirs')),
    [conflicts],
  );
  if (conflicts.length === 0) return null;
  /** The record as the side that edited it holds it (delete conflicts): theirs from the file, mine stored. */
  const editedRecord = (c: MergeConflict): unknown =>
    c.kind !== 'delete'
      ? undefined
      : c.deletedBy === 'mine'
        ? snapshotRecord(engagement.incoming.snapshot, c.table, c.recordId)
        : mineEdited?.get(c.id);
  return (
    <div className="table-wrap conflict-table-wrap">
      <table className="grid conflict-table" aria-label={`Conflicts in ${engagement.name}`}>
        {showName ? <caption>{engagement.name}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Record and field</th>
            <th scope="col">Yours</th>
            <th scope="col">Theirs (in the file)</th>
            <th scope="col">Keep</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict) => (
            <ConflictRow
              key={conflict.id}
              conflict={conflict}
              labels={labels}
              editedRecord={editedRecord(conflict)}
              choice={resolutions[engagement.id]?.[conflict.id]}
              onChoose={(choice) => onChoose(engagement.id, conflict.id, choice)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ConflictList({
  plan,
  resolutions,
  onChange,
}: {
  plan: ImportPlan;
  resolutions: Resolutions;
  onChange(resolutions: Resolutions): void;
}) {
  const conflicts = allConflicts(plan).map((c) => c.conflict);
  const open = unresolvedCount(plan, resolutions);
  const merging = plan.engagements.filter((e) => (e.merge?.conflicts.length ?? 0) > 0);
  const choose = (engagementId: string, conflictId: string, choice: Resolution) =>
    onChange({ ...resolutions, [engagementId]: { ...resolutions[engagementId], [conflictId]: choice } });
  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <div className="conflicts-head">
        <h3 id="conflicts-title" tabIndex={-1} ref={focusOnMount}>
          {conflictsHeading(conflicts)}
        </h3>
        <span className={open > 0 ? 'badge badge-warn' : 'badge badge-good'} role="status">
          <span aria-hidden="true">{open > 0 ? '!' : '✓'}</span>
          {open > 0 ? `${open} to resolve` : 'All resolved'}
        </span>
        <div className="conflicts-bulk">
          <button type="button" onClick={() => onChange(resolveAll(plan, 'mine'))}>
            Use mine for all
          </button>
          <button type="button" onClick={() => onChange(resolveAll(plan, 'theirs'))}>
            Use theirs for all
          </button>
        </div>
      </div>
      <p className="muted small">
        Choose what to keep for each.
        {offersBoth(conflicts)
          ? ' “Both” keeps both texts, the one written first on top, separated by a blank line.'
          : ''}{' '}
        Nothing else is lost: every change only one of you made is taken automatically.
      </p>
      {merging.map((engagement) => (
        <EngagementConflicts
          key={engagement.id}
          engagement={engagement}
          resolutions={resolutions}
          onChoose={choose}
          showName={merging.length > 1}
        />
      ))}
    </section>
  );
}
