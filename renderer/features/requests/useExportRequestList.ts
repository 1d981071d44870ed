/**
 * Exports the request list as the spreadsheet the client fills in. The spreadsheet code (exceljs) is
 * loaded on first use, so it does not slow down starting the app.
 */
import { useCallback } from 'react';
import { safeFileName } from '@shared/formats/file-name';
import { localIsoDate, type Engagement } from '@shared/domain/engagement';
import type { Control, Request } from '@shared/domain/planning';
import { platform } from '../../platform';
import { useCurrentProfile } from '../../app/hooks';
import { useAction } from '../../app/useAction';
import { useAppStore } from '../../store';

export function useExportRequestList(engagement: Engagement) {
  const run = useAction();
  const notify = useAppStore((s) => s.notify);
  const { profile } = useCurrentProfile();
  return useCallback(
    (requests: readonly Request[], controls: readonly Control[]) =>
      run(async () => {
        const { buildRequestListWorkbook } = await import('@shared/exports/request-list');
        const today = localIsoDate();
        // Drafts are the auditor's work in progress: the client sees a request once it is opened.
        const shared = requests.filter((r) => !r.deleted && r.status !== 'draft');
        const drafts = requests.filter((r) => !r.deleted && r.status === 'draft').length;
        if (shared.length === 0) {
          throw new Error('Every request is still a draft. Set the ones to send to Open, then export again.');
        }
        const bytes = await buildRequestListWorkbook({
          engagement,
          requests: shared,
          controls,
          exportedAt: new Date(),
          exportedBy: profile?.fullName ?? 'Fieldwork',
          today,
        });
        const saved = await platform.saveFile(
          safeFileName(`Request list - ${engagement.serviceOrganization} - ${today}.xlsx`),
          bytes,
          [{ name: 'Excel workbook', extensions: ['xlsx'] }],
        );
        if (saved) {
          const count = shared.length;
          notify(
            'success',
            `Exported ${count} request${count === 1 ? '' : 's'} to ${saved.name}.${drafts > 0 ? ` ${drafts} draft${drafts === 1 ? ' was' : 's were'} left out.` : ''}`,
            undefined,
            saved.canReveal
              ? { label: 'Show in folder', run: () => platform.revealFile(saved.location) }
              : undefined,
          );
        }
      }),
    [engagement, profile, run, notify],
  );
}
