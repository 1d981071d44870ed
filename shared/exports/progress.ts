/** Progress and cancellation shared by the export builders (which run in a Worker in the app). */

export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelledError';
  }
}

/** Throws `ExportCancelledError` when `signal` was aborted; call between units of work. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError();
}

/** Lets the event loop run (so a cancel message reaches a Worker) every `every` calls. */
export function yielder(every = 200): () => Promise<void> {
  let n = 0;
  return async () => {
    n += 1;
    if (n % every === 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  };
}

/** A person named in the workpapers, for the builders that print names instead of profile ids. */
export interface ExportPerson {
  id: string;
  name: string;
  initials: string;
  role: string;
}
