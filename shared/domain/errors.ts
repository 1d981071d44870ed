/** Errors the data layer raises, with messages written for the auditor who will read them. */
import type { z } from 'zod';

/** The input failed validation; `fields` maps each field to its message. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
    this.name = 'ValidationError';
  }

  static fromZod(error: z.ZodError, what = 'The record'): ValidationError {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.map(String).join('.') || '_';
      fields[key] ??= issue.message;
    }
    const count = Object.keys(fields).length;
    const first = Object.values(fields)[0] ?? 'is not valid';
    return new ValidationError(
      count === 1 ? first : `${what} has ${count} problems to fix. ${first}`,
      fields,
    );
  }
}

/** The engagement is completed and locked; its records can no longer change. */
export class LockedError extends Error {
  constructor(engagementName: string) {
    super(`“${engagementName}” is completed and locked. Its workpapers can no longer be changed.`);
    this.name = 'LockedError';
  }
}

/** The record was changed elsewhere (another window) since it was read. */
export class ConflictError extends Error {
  constructor(message = 'This record was changed in another window. Reload it and try again.') {
    super(message);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found. It may have been removed in another window.`);
    this.name = 'NotFoundError';
  }
}
