/**
 * `.fieldwork` files opened from outside the app: a double-click (Windows/Linux pass the path on the command
 * line; macOS sends `open-file`, possibly before the app is ready), or a second launch forwarded by the
 * single-instance lock. Paths wait in a queue until the window says it listens (`file:pending-opens`);
 * after that each new path is delivered at once. The renderer only ever receives read handles, never paths.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export const FIELDWORK_EXTENSION = '.fieldwork';

function isExistingFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * The first `.fieldwork` file named on a command line, as an absolute path; null when there is none.
 * Skips the executable (argv[0]), flags (`--inspect`, `-psn_…`), the app path in development
 * (`electron .`), anything that is not a `.fieldwork` name, and names that are not existing files.
 */
export function fieldworkFileFromArgv(
  argv: readonly string[],
  cwd: string,
  isFile: (filePath: string) => boolean = isExistingFile,
): string | null {
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-')) continue;
    if (path.extname(argument).toLowerCase() !== FIELDWORK_EXTENSION) continue;
    const resolved = path.resolve(cwd, argument);
    if (isFile(resolved)) return resolved;
  }
  return null;
}

/** Where opened paths wait until the window listens. */
export interface OpenQueue {
  /** A path to open: delivered now if a window listens, else kept for `drain`. */
  push(filePath: string): void;
  /** The window `listener` listens from now on: returns (and forgets) the paths waiting for it. */
  drain(listener: number, deliver: (filePath: string) => void): string[];
  /** `listener` went away (window closed): later paths wait again. */
  stop(listener: number): void;
  /** Paths waiting, for tests. */
  readonly pending: readonly string[];
}

export function createOpenQueue(): OpenQueue {
  const pending: string[] = [];
  let current: { listener: number; deliver: (filePath: string) => void } | null = null;
  return {
    get pending() {
      return [...pending];
    },
    push(filePath) {
      if (current) current.deliver(filePath);
      else if (!pending.includes(filePath)) pending.push(filePath);
    },
    drain(listener, deliver) {
      current = { listener, deliver };
      return pending.splice(0);
    },
    stop(listener) {
      if (current?.listener === listener) current = null;
    },
  };
}
