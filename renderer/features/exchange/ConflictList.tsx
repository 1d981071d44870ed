/**
 * The conflicts of a merge, one row each: the record and field, your value beside theirs, and the choice
 * (Mine / Theirs / Both for long texts; Keep / Delete when one side deleted what the other edited). "Use
 * mine for all" and "Use theirs for all" set every row; the count of unresolved rows stays in view.
 */
import { useMemo } from 'react';
import type { MergeConflict, Resolution } from '@shared/exchange/types';
import type { EngagementImportPlan, ImportPlan } from '../../db/exchange';
import { TrailValueView } from '../trail/TrailValue';
import {
  allConflicts,
  conflictRecordLabel,
  fieldPathLabel,
  resolveAll,
  snapshotLabels,
  unresolvedCount,
  type Resolutions,
} from './importView';

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

function DeleteSide({
  conflict,
  side,
  labels,
}: {
  conflict: MergeConflict;
  side: 'mine' | 'theirs';
  labels: ReadonlyMap<string, string>;
}) {
  if (conflict.kind !== 'delete') return null;
  if (conflict.deletedBy === side) return <span className="conflict-deleted">Deleted</span>;
  const fields = conflict.editedPaths.map((p) => fieldPathLabel(p, labels));
  return <span>Edited{fields.length > 0 ? `: ${fields.join(', ')}` : ''}</span>;
}

function ConflictRow({
  conflict,
  labels,
  choice,
  onChoose,
}: {
  conflict: MergeConflict;
  labels: ReadonlyMap<string, string>;
  choice: Resolution | undefined;
  onChoose(choice: Resolution): void;
}) {
  const record = conflictRecordLabel(conflict, labels);
  const field = conflict.kind === 'field' ? fieldPathLabel(conflict.path, labels) : 'Deleted or kept';
  const labelOf = (id: string) => labels.get(id);
  return (
    <tr className={choice ? undefined : 'conflict-open'} data-conflict={conflict.id}>
      <th scope="row">
        <span className="conflict-record">{record}</span>
        <span className="conflict-field">{field}</span>
      </th>
      <td className="conflict-value">
        {conflict.kind === 'field' ? (
          <TrailValueView value={conflict.mine} labelOf={labelOf} />
        ) : (
          <DeleteSide conflict={conflict} side="mine" labels={labels} />
        )}
      </td>
      <td className="conflict-value">
        {conflict.kind === 'field' ? (
          <TrailValueView value={conflict.theirs} labelOf={labelOf} />
        ) : (
          <DeleteSide conflict={conflict} side="theirs" labels={labels} />
        )}
      </td>
      <td>
        <fieldset className="conflict-choice">
          <legend className="visually-hidden">
            Keep which value of {record}, {field}
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
  const conflicts = engagement.merge?.conflicts ?? [];
  if (conflicts.length === 0) return null;
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
  const total = allConflicts(plan).length;
  const open = unresolvedCount(plan, resolutions);
  const merging = plan.engagements.filter((e) => (e.merge?.conflicts.length ?? 0) > 0);
  const choose = (engagementId: string, conflictId: string, choice: Resolution) =>
    onChange({ ...resolutions, [engagementId]: { ...resolutions[engagementId], [conflictId]: choice } });
  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <div className="conflicts-head">
        <h3 id="conflicts-title">
          {total === 1 ? '1 conflict' : `${total} conflicts`}: you both changed the same thing
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
        Choose the value to keep for each. “Both” keeps your text, a blank line, then theirs. Nothing else is
        lost: every change only one of you made is taken automatically.
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
