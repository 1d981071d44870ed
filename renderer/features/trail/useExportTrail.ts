/**
 * Export CSV: the events the filters keep, one row per field change, saved through the platform (a save
 * dialog in the desktop app, a download in a browser), then a notice with where the file went.
 */
import { useCallback, useState } from 'react';
import { trailCsv, type AuditEvent } from '@shared/domain/audit';
import { fieldChangeInWords, type ChangeContext } from '@shared/domain/review';
import { localIsoDate, type Engagement } from '@shared/domain/engagement';
import { platform } from '../../platform';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';
import { safeFileName } from '@shared/formats/file-name';

export function useExportTrail(engagement: Engagement) {
  const run = useAction();
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const exportCsv = useCallback(
    (events: readonly AuditEvent[], labelOf: (event: AuditEvent) => string, context: ChangeContext) =>
      run(async () => {
        if (events.length === 0)
          throw new Error('No events match these filters, so there is nothing to export.');
        setBusy(true);
        try {
          // Let the button say "Exporting…" before the work holds the thread (100,000 events take a moment).
          await new Promise((resolve) => setTimeout(resolve, 0));
          const bytes = new TextEncoder().encode(
            trailCsv(events, labelOf, (e, field) => fieldChangeInWords(e, field, context)),
          );
          const saved = await platform.saveFile(
            safeFileName(`${engagement.serviceOrganization} audit trail ${localIsoDate()}.csv`),
            bytes,
            [{ name: 'CSV file', extensions: ['csv'] }],
          );
          if (saved) {
            const n = events.length;
            notify(
              'success',
              `Exported ${n.toLocaleString('en-US')} event${n === 1 ? '' : 's'} to ${saved.name}.`,
              undefined,
              saved.canReveal
                ? { label: 'Show in folder', run: () => platform.revealFile(saved.location) }
                : undefined,
            );
          }
        } finally {
          setBusy(false);
        }
      }),
    [engagement.serviceOrganization, run, notify],
  );
  return { exportCsv, busy };
}
