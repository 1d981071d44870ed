/** About Fieldwork: version, host and where the data lives. */
import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { platform, type HostInfo } from '../../platform';
import { useAppStore } from '../../store';

function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

export function AboutDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const persisted = useAppStore((s) => s.storagePersisted);
  const [info, setInfo] = useState<HostInfo | null>(null);
  const [usage, setUsage] = useState<string | null>(null);
  useEffect(() => {
    void platform.info().then(setInfo);
    void navigator.storage
      ?.estimate()
      .then((e) => setUsage(`${formatBytes(e.usage ?? 0)} used of ${formatBytes(e.quota ?? 0)} available`))
      .catch(() => setUsage(null));
  }, []);
  return (
    <Dialog title="About Fieldwork" onClose={closeDialog}>
      <p>
        <strong>Fieldwork</strong> {info ? `version ${info.version}` : ''}
      </p>
      <p>An offline workbench for SOC 2 examinations.</p>
      <dl className="facts">
        <dt>Running in</dt>
        <dd>{info?.details ?? '…'}</dd>
        <dt>Your data</dt>
        <dd>
          Stored only on this computer, in the app’s local database. Nothing is sent anywhere.
          {usage ? ` ${usage}.` : ''}
        </dd>
        <dt>Persistent storage</dt>
        <dd>
          {persisted === null
            ? 'Checking…'
            : persisted
              ? 'Granted: the data is kept even when disk space runs low.'
              : 'Not granted: the data could be cleared if disk space runs low.'}
        </dd>
        <dt>Criteria catalog</dt>
        <dd>
          2017 Trust Services Criteria IDs (unchanged by the 2022 revision) with Fieldwork’s own short titles.
          The AICPA criterion text is not included.
        </dd>
      </dl>
      <div className="form-actions">
        <button type="button" className="primary" onClick={closeDialog}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
