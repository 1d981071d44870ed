/** The first step of "Add review note" from the notes list: which workpaper the note is on. */
import { useId, useState, type FormEvent } from 'react';
import { WORKPAPER_KIND_LABELS, type WorkpaperInfo, type WorkpaperKind } from '@shared/domain/review';
import { Dialog } from '../../../components/Dialog';

interface Props {
  workpapers: readonly WorkpaperInfo[];
  /** Pre-selected (the workpaper the list is filtered on). */
  initial?: string | undefined;
  onCancel(): void;
  onChoose(key: string): void;
}

/** The workpapers grouped by kind, in index order. */
function groups(workpapers: readonly WorkpaperInfo[]): [WorkpaperKind, WorkpaperInfo[]][] {
  const byKind = new Map<WorkpaperKind, WorkpaperInfo[]>();
  for (const w of workpapers) byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), w]);
  return [...byKind];
}

export function ChooseWorkpaperDialog({ workpapers, initial, onCancel, onChoose }: Props) {
  const [key, setKey] = useState(() =>
    initial && workpapers.some((w) => w.key === initial) ? initial : (workpapers[0]?.key ?? ''),
  );
  const selectId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (key) onChoose(key);
  }
  return (
    <Dialog title="New review note" onClose={onCancel}>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={selectId}>Workpaper</label>
          <select
            id={selectId}
            aria-describedby={`${selectId}-hint`}
            value={key}
            onChange={(e) => setKey(e.target.value)}
          >
            {groups(workpapers).map(([kind, rows]) => (
              <optgroup key={kind} label={WORKPAPER_KIND_LABELS[kind]}>
                {rows.map((w) => (
                  <option key={w.key} value={w.key}>
                    {w.reference} — {w.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <p className="field-hint" id={`${selectId}-hint`}>
            The note is raised on this workpaper; you write it next.
          </p>
        </div>
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!key}>
            Next
          </button>
        </div>
      </form>
    </Dialog>
  );
}
