/**
 * How much room the browser profile has for evidence. IndexedDB shares the origin's quota; the browser
 * reports usage and quota through `navigator.storage.estimate()` (estimates, not exact disk space).
 */
import { formatBytes } from '@shared/domain/fieldwork';

export interface StorageFigures {
  usage: number;
  quota: number;
  available: number;
}

export async function storageFigures(): Promise<StorageFigures | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  try {
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    return { usage, quota, available: Math.max(0, quota - usage) };
  } catch {
    return null;
  }
}

/** Keep a margin for the records, the audit trail and the browser's own overhead. */
const MARGIN_BYTES = 50 * 1000 * 1000;

export class StorageFullError extends Error {
  constructor(needed: number, available: number) {
    super(
      `There is not enough room to store these files: they need ${formatBytes(needed)} and about ` +
        `${formatBytes(Math.max(0, available - MARGIN_BYTES))} is available. Free disk space, or add fewer ` +
        'files at a time. Nothing was stored.',
    );
    this.name = 'StorageFullError';
  }
}

/** Refuses before writing when the new bytes clearly do not fit. */
export async function ensureRoomFor(bytes: number): Promise<void> {
  if (bytes === 0) return;
  const figures = await storageFigures();
  if (!figures || figures.quota === 0) return; // unknown: let the write itself fail cleanly
  if (bytes + MARGIN_BYTES > figures.available) throw new StorageFullError(bytes, figures.available);
}
