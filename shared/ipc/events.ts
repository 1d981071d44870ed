/**
 * Events main sends to the renderer besides menu commands, with guards the preload uses to drop anything
 * malformed. Kept free of zod (like menu.ts) so the sandboxed preload bundle stays small.
 */
import type { BackupRunRequest, OpenedHandle } from './contract';

/** A file the app was asked to open (double-click, second launch, macOS `open-file`): an `OpenedHandle`. */
export const FILE_OPEN_REQUEST_EVENT = 'file:open-request';
/** A scheduled backup is due: a `BackupRunRequest`. */
export const BACKUP_RUN_REQUEST_EVENT = 'backup:run-request';
/** The OS locked the screen or is going to sleep, so the app locks too: a `SystemLockReason`. */
export const SYSTEM_LOCK_EVENT = 'system:lock';

/** Electron `powerMonitor` events that lock the app (`lock-screen`: macOS and Windows; `suspend`: all). */
export const systemLockReasons = ['lock-screen', 'suspend'] as const;
export type SystemLockReason = (typeof systemLockReasons)[number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isOpenedHandle(value: unknown): value is OpenedHandle {
  return (
    isRecord(value) &&
    typeof value.handleId === 'string' &&
    typeof value.name === 'string' &&
    typeof value.size === 'number' &&
    Number.isSafeInteger(value.size) &&
    value.size >= 0
  );
}

export function isBackupRunRequest(value: unknown): value is BackupRunRequest {
  return isRecord(value) && typeof value.suggestedName === 'string';
}

export function isSystemLockReason(value: unknown): value is SystemLockReason {
  return systemLockReasons.some((reason) => reason === value);
}
