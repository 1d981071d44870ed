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
