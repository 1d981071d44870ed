/** Plain words first; the technical detail behind a toggle for support. */
export function describeError(error: unknown): { text: string; detail?: string } {
  if (error instanceof Error) {
    const technical =
      error.name !== 'Error' && error.name !== 'ValidationError'
        ? `${error.name}: ${error.message}`
        : undefined;
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
