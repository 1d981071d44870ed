const WORDED_ERRORS: ReadonlySet<string> = new Set([
  'Error',
  'ValidationError',
  'ExchangeError',
  'ExchangeCancelledError',
  'ImportError',
  'StorageFullError',
  'HashingCancelled',
  'ConflictError',
  'LockedError',
  'ReasonRequiredError',
  'NotFoundError',
]);

/** Plain words first; the technical detail behind a toggle for support. */
export function describeError(error: unknown): { text: string; detail?: string } {
  if (error instanceof Error) {
    // Errors Fieldwork raises on purpose are already worded for the auditor: no stack trace for them.
    const technical = !WORDED_ERRORS.has(error.name) ? `${error.name}: ${error.message}` : undefined;
    return { text: error.message, ...(technical && error.stack ? { detail: error.stack } : {}) };
  }
  return { text: 'Something went wrong.', detail: String(error) };
}

export function ErrorDetails({ detail }: { detail?: string | undefined }) {
  if (!detail) return null;
  return (
    <details className="error-details">
      <summary>Details</summary>
      <pre>{detail}</pre>
    </details>
  );
}

/** Ends a sentence with one full stop, even after a name ending in one ("Acme, Inc."). */
export function endSentence(text: string): string {
  return /[.!?]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
