/** Messages between the UI and the hashing worker, and how a read failure is worded. */
export interface HashRequest {
  files: readonly Blob[];
}

export type HashResponse =
  | { type: 'progress'; index: number; bytesDone: number }
  | { type: 'hashed'; index: number; sha256: string }
  | { type: 'failed'; index: number; message: string }
  | { type: 'done' };

/** A file that cannot be read, in words an auditor can act on. */
export function describeReadError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotReadableError' || name === 'NotFoundError') {
    return 'The file could not be read: it may have been moved, or it is locked by another program.';
  }
  return error instanceof Error ? error.message : String(error);
}
