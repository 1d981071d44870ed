/** Warns when the browser may evict Fieldwork's data under storage pressure (persistent storage refused). */
import { useState } from 'react';
import { useAppStore } from '../store';
import { platform } from '../platform';

export function StorageWarning() {
  const persisted = useAppStore((s) => s.storagePersisted);
  const [dismissed, setDismissed] = useState(false);
  if (persisted !== false || dismissed) return null;
  return (
    <div className="banner banner-warn" role="alert">
      <span>
        <strong>Storage is not guaranteed.</strong>{' '}
        {platform.kind === 'browser'
          ? 'This browser did not grant persistent storage, so it may delete Fieldwork’s data if the disk runs low. Use the desktop app for real engagements, or export your work regularly.'
          : 'The system did not grant persistent storage, so Fieldwork’s data could be cleared if the disk runs low. Keep free disk space and export your engagements regularly.'}
      </span>
      <button type="button" className="link-button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
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
