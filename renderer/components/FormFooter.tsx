/**
 * The foot of a dialog form: its error, then either Cancel + the submit button, or — when the auditor
 * closes a form holding typed text — "Discard this …? What you typed will be lost." with Keep editing /
 * Discard.
 */
import type { ReactNode } from 'react';

export function FormFooter({
  error,
  confirmDiscard,
  what,
  onKeepEditing,
  onDiscard,
  onCancel,
  submitLabel,
  submitDisabled,
}: {
  error: string | null;
  confirmDiscard: boolean;
  /** What would be discarded: "note", "addendum", "new engagement". */
  what: string;
  onKeepEditing(): void;
  onDiscard(): void;
  /** Asks before closing when there is typed text (which sets `confirmDiscard`). */
  onCancel(): void;
  submitLabel: ReactNode;
  submitDisabled: boolean;
}) {
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {confirmDiscard ? (
        <div className="confirm-bar" role="alert">
          <span>Discard this {what}? What you typed will be lost.</span>
          <button type="button" onClick={onKeepEditing}>
            Keep editing
          </button>
          <button type="button" className="danger" onClick={onDiscard}>
            Discard
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={submitDisabled}>
            {submitLabel}
          </button>
        </div>
      )}
    </>
  );
}
