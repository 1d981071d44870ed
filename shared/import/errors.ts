/**
 * The one error the import engine throws. Its `message` is written for the auditor who picked the file
 * (what is wrong and what to do); the technical cause, if any, is kept in `cause` for logs.
 */
export class ImportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportError';
  }
}
