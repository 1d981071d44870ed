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

/** The engagement is assembled and locked; its records can no longer change (only addenda are added). */
export class LockedError extends Error {
  constructor(engagementName: string) {
    super(
      `“${engagementName}” is assembled and locked. Its workpapers can no longer be changed; add a dated addendum on the Release & lock screen instead.`,
    );
    this.name = 'LockedError';
  }
}

/** The report is released (assembly window): a change needs a reason, which the auditor gives once per session. */
export class ReasonRequiredError extends Error {
  constructor(releaseDate: string) {
    super(
      `The report was released on ${releaseDate}. Changes are still possible until the file is assembled, but each needs a reason: enter it in the banner at the top of the screen.`,
    );
    this.name = 'ReasonRequiredError';
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
