/** Plans a new test for a control: untested controls are offered first. */
import { useMemo, useState } from 'react';
import { compareReferences, type Control } from '@shared/domain/planning';
import { isActiveControl } from '@shared/domain/planning';
import type { ControlTest } from '@shared/domain/fieldwork';
import { Dialog } from '../../components/Dialog';

export function NewTestDialog({
  controls,
  tests,
  initialControlId,
  onCreate,
  onClose,
}: {
  controls: readonly Control[];
  tests: readonly ControlTest[];
  initialControlId?: string | undefined;
  onCreate(control: Control): Promise<void>;
  onClose(): void;
}) {
  const tested = useMemo(() => new Set(tests.map((t) => t.controlId)), [tests]);
  const options = useMemo(
    () =>
      controls
        .filter(isActiveControl)
        .sort(
          (a, b) =>
            Number(tested.has(a.id)) - Number(tested.has(b.id)) ||
            compareReferences(a.reference, b.reference),
        ),
    [controls, tested],
  );
  const [controlId, setControlId] = useState(initialControlId ?? options[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const control = options.find((c) => c.id === controlId);
  return (
    <Dialog
      title="New test of a control"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!control || busy}
            onClick={() => {
              if (!control) return;
              setBusy(true);
              void onCreate(control).finally(() => setBusy(false));
            }}
          >
            Create test
          </button>
        </>
      }
    >
      {options.length === 0 ? (
        <p>Add controls to the matrix first: a test belongs to a control.</p>
      ) : (
        <div className="field">
          <label htmlFor="new-test-control">Control</label>
          <select id="new-test-control" value={controlId} onChange={(e) => setControlId(e.target.value)}>
            {options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.reference}
                {c.title ? ` — ${c.title}` : ''}
                {tested.has(c.id) ? ' (already has a test)' : ''}
              </option>
            ))}
          </select>
          {control ? <p className="field-hint">{control.description}</p> : null}
        </div>
      )}
    </Dialog>
  );
}
