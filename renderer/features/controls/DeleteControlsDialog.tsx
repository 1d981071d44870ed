/**
 * Deleting controls says what is attached first. Deletion is a tombstone (the audit trail and merges need
 * it) and can be undone from the notice; links from requests and subservice organizations stay in place
 * so an undo restores everything.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Control } from '@shared/domain/planning';
import { db, repository, type Actor } from '../../db';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAction } from '../../app/useAction';
import { deleteControls, restoreControls } from './commands';
import { controlDependents, describeDependents } from './dependents';

interface Props {
  controls: readonly Control[];
  actor: Actor;
  onClose(): void;
  onDeleted(): void;
}

export function DeleteControlsDialog({ controls, actor, onClose, onDeleted }: Props) {
  const run = useAction();
  const engagementId = controls[0]?.engagementId ?? '';
  const ids = controls.map((c) => c.id);
  const dependents = useLiveQuery(
    () => controlDependents(db, engagementId, ids),
    [engagementId, ids.join(',')],
  );
  const name = controls.length === 1 ? (controls[0]?.reference ?? '') : `${controls.length} controls`;
  return (
    <ConfirmDialog
      danger
      title={`Delete ${name}?`}
      confirmLabel={dependents && dependents.length > 0 ? 'Delete anyway' : 'Delete'}
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        void run(
          async () => {
            await deleteControls(repository, actor, ids);
            onDeleted();
          },
          `Deleted ${name}.`,
          { label: 'Undo', run: () => restoreControls(repository, actor, ids) },
        );
      }}
    >
      {dependents === undefined ? (
        <p className="muted">Checking what is linked…</p>
      ) : (
        <>
          <p>{describeDependents(dependents)}</p>
          {dependents.length > 0 ? (
            <>
              <ul className="plain-list">
                {dependents.slice(0, 12).map((d) => (
                  <li key={d.label}>{d.label}</li>
                ))}
                {dependents.length > 12 ? <li>…and {dependents.length - 12} more</li> : null}
              </ul>
              <p>
                The links stay on those records but point to a deleted control until you restore it (Show
                controls: Deleted). To keep the control for the record without using it,{' '}
                <strong>retire</strong> it instead.
              </p>
            </>
          ) : null}
          <p className="muted">The control stays in the audit trail; you can undo this right after.</p>
        </>
      )}
    </ConfirmDialog>
  );
}
