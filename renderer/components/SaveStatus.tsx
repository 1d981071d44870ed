/** "All changes saved" / "Saving…" / "Could not save: …" beside an autosaved editor. */
import type { SaveState } from '../app/autosave/useRecordAutosave';

export function SaveStatus({ state }: { state: SaveState }) {
  const text = {
    saved: 'All changes saved',
    pending: 'Unsaved changes…',
    saving: 'Saving…',
    invalid: state.kind === 'invalid' ? state.message : '',
    error: state.kind === 'error' ? state.message : '',
  }[state.kind];
  return (
    <p className={`save-status save-${state.kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
