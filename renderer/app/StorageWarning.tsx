/** Warns when the browser may evict Fieldwork's data under storage pressure (persistent storage refused). */
import { useState } from 'react';
import { useAppStore } from '../store';
import { platform } from '../platform';

export function StorageWarning() {
  const persisted = useAppStore((s) => s.storagePersisted);
  const [dismissed, setDismissed] = useState(() => readDismissed());
  if (persisted !== false || dismissed) return null;
  return (
    <div className="banner banner-warn" role="alert">
      <span>
        <strong>Storage is not guaranteed.</strong>{' '}
        {platform.kind === 'browser'
          ? 'This browser did not grant persistent storage, so it may delete Fieldwork’s data if the disk runs low. Use the desktop app for real engagements and keep free disk space.'
          : 'The system did not grant persistent storage, so Fieldwork’s data could be cleared if the disk runs low. Keep free disk space on this computer.'}
      </span>
      <button
        type="button"
        className="link-button"
        title="Hide this warning for a week"
        onClick={() => {
          rememberDismissed();
          setDismissed(true);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}

const DISMISS_KEY = 'fieldwork.storageWarningDismissedAt';
/** A dismissed warning comes back after a week: the risk has not gone away. */
const DISMISS_FOR_MS = 7 * 24 * 60 * 60 * 1000;

function readDismissed(): boolean {
  try {
    const at = Number(localStorage.getItem(DISMISS_KEY));
    return Number.isFinite(at) && Date.now() - at < DISMISS_FOR_MS;
  } catch {
    return false;
  }
}

function rememberDismissed(): void {
  try {
    localStorage.setItem(DISMISS_KEY, String(Date.now()));
  } catch {
    // Not remembered: the warning shows again next time, which is the safe side.
  }
}

/** Asks once at start; the answer drives the banner above. */
export async function requestPersistentStorage(set: (value: boolean) => void): Promise<void> {
  try {
    if (!navigator.storage?.persist) return set(false);
    if (await navigator.storage.persisted()) return set(true);
    set(await navigator.storage.persist());
  } catch {
    set(false);
  }
}
