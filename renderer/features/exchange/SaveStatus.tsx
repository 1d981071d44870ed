/**
 * Where a save stands: a progress bar with the phase and Cancel while writing, then "Saved to …" (with
 * Show in folder on the desktop), "Cancelled", or the error in plain words.
 */
import { ErrorDetails } from '../../components/ErrorText';
import { platform } from '../../platform';
import { progressWords, type SaveState } from './useSavePackage';

export function ProgressLine({
  text,
  fraction,
  label,
  onCancel,
  cancelLabel = 'Cancel',
}: {
  text: string;
  fraction: number | null;
  label: string;
  onCancel?: () => void;
  cancelLabel?: string;
}) {
  const percent = fraction === null ? undefined : Math.round(fraction * 100);
  return (
    <div className="exchange-progress" role="status" aria-live="polite">
      <span>{text}</span>
      <progress max={100} value={percent} aria-label={label}>
        {percent ?? 0}%
      </progress>
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      ) : null}
    </div>
  );
}

export function SaveStatus({
  state,
  onCancel,
  what,
}: {
  state: SaveState;
  onCancel(): void;
  /** "engagement file", "backup". */
  what: string;
}) {
  switch (state.stage) {
    case 'reading':
      return <ProgressLine text="Reading the engagement…" fraction={null} label={`Saving the ${what}`} />;
    case 'writing': {
      const { text, fraction } = progressWords(state.progress);
      return (
        <ProgressLine
          text={text}
          fraction={fraction}
          label={`Saving the ${what}`}
          onCancel={onCancel}
          cancelLabel="Cancel saving"
        />
      );
    }
    case 'saved':
      return (
        <p className="exchange-result" role="status">
          <span className="badge badge-good" aria-hidden="true">
            ✓
          </span>{' '}
          {state.encrypted ? 'Encrypted ' : ''}
          {state.encrypted ? what : what.charAt(0).toLocaleUpperCase() + what.slice(1)} saved to{' '}
          <strong className="file-name">{state.saved.location}</strong>.
          {state.saved.canReveal ? (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void platform.revealFile(state.saved.location)}
              >
                Show in folder
              </button>
            </>
          ) : null}
        </p>
      );
    case 'cancelled':
      return (
        <p className="muted" role="status">
          Saving was cancelled. No file was written.
        </p>
      );
    case 'failed':
      return (
        <div className="error-text" role="alert">
          <p>
            The {what} was not saved: {state.text}
          </p>
          <ErrorDetails detail={state.detail} />
        </div>
      );
    default:
      return null;
  }
}
