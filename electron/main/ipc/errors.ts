/**
 * Errors that cross IPC. Electron keeps only an Error's `message` (and wraps it as
 * "Error invoking remote method 'x': Error: …"), so the class is lost; instead every message the renderer
 * receives starts with `IPC_ERROR_PREFIX`, which lets the UI find the plain-words part and show it.
 */
import { IPC_ERROR_PREFIX } from '../../../shared/ipc';

/** The message part of any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An Error whose message carries the IPC prefix exactly once. */
export function toIpcError(error: unknown): Error {
  const message = messageOf(error);
  return new Error(message.startsWith(IPC_ERROR_PREFIX) ? message : `${IPC_ERROR_PREFIX} ${message}`);
}
