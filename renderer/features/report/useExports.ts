/**
 * The two deliverables of an engagement, exported from the Report page: the SOC 2 report (or readiness
 * letter) as PDF and the evidence workbook as .xlsx. The snapshot is read at the moment of export, the
 * file is built in a Worker (progress, cancel) and saved through the platform (save dialog in Electron, a
 * download in the browser).
 */
import { useCallback, useRef, useState } from 'react';
import { localIsoDate, type Engagement } from '@shared/domain/engagement';
import { ExportCancelledError } from '@shared/exports/progress';
import { reportFileName, workbookFileName } from '@shared/exports/report-pdf';
import { safeFileName } from '@shared/formats/file-name';
import { writeSnapshotFile } from '@shared/exports/snapshot-file';
import { db } from '../../db';
import { loadSnapshot } from '../../db/snapshot';
import { auditEvents, listProfiles } from '../../db/queries';
import { platform } from '../../platform';
import { useCurrentProfile } from '../../app/hooks';
import { describeError } from '../../components/ErrorText';
import { useAppStore } from '../../store';
import type { ExportJob } from '../../workers/export-protocol';
import { startExport, type RunningExport } from './exportWorker';

export type ExportKind = 'report-pdf' | 'evidence-xlsx' | 'snapshot-json';

export interface ExportState {
  kind: ExportKind;
  /** 0..1, or null before the builder reports. */
  fraction: number | null;
  stage: 'reading' | 'building' | 'saving';
}

const APP_VERSION = import.meta.env.VITE_APP_VERSION ?? 'dev';

/**
 * `saveEdits` writes the page's pending edits first (the opinion, the wording typed a moment ago), so the
 * file holds exactly what the auditor sees.
 */
export function useExports(engagement: Engagement, saveEdits: () => Promise<void>) {
  const notify = useAppStore((s) => s.notify);
  const { profile } = useCurrentProfile();
  const [state, setState] = useState<ExportState | null>(null);
  const running = useRef<RunningExport | null>(null);
  const cancelled = useRef(false);

  const run = useCallback(
    async (kind: ExportKind, options: { includeTrail?: boolean } = {}) => {
      if (running.current || state) return;
      cancelled.current = false;
      setState({ kind, fraction: null, stage: 'reading' });
      try {
        await saveEdits();
        const snapshot = await loadSnapshot(db, engagement.id);
        if (!snapshot) throw new Error('The engagement is no longer in this app.');
        const people = (await listProfiles(db)).map((p) => ({
          id: p.id,
          name: p.fullName,
          initials: p.initials,
          role: p.role,
        }));
        const by = profile?.fullName ?? 'Fieldwork';
        const now = new Date();
        if (kind === 'snapshot-json') {
          // Small enough to write here: the engagement's records as the command line reads them.
          const text = writeSnapshotFile({
            snapshot,
            auditEvents: await auditEvents(db, engagement.id),
            people,
          });
          setState({ kind, fraction: 1, stage: 'saving' });
          const saved = await platform.saveFile(
            `${safeFileName(`Engagement data - ${engagement.serviceOrganization} - ${localIsoDate()}`)}.json`,
            new TextEncoder().encode(text),
            [{ name: 'Engagement snapshot', extensions: ['json'] }],
          );
          if (saved) notify('success', `Exported the engagement data to ${saved.name}.`);
          return;
        }
        const job: ExportJob =
          kind === 'report-pdf'
            ? { kind, snapshot, generatedAt: now, generatedBy: by, appVersion: APP_VERSION, people }
            : {
                kind,
                snapshot,
                exportedAt: now,
                exportedBy: by,
                appVersion: APP_VERSION,
                people,
                ...(options.includeTrail ? { auditEvents: await auditEvents(db, engagement.id) } : {}),
              };
        if (cancelled.current) throw new ExportCancelledError();
        setState({ kind, fraction: 0, stage: 'building' });
        const handle = startExport(job, (fraction) =>
          setState((s) => (s && s.stage === 'building' ? { ...s, fraction } : s)),
        );
        running.current = handle;
        const output = await handle.result;
        running.current = null;
        setState({ kind, fraction: 1, stage: 'saving' });
        const name =
          kind === 'report-pdf'
            ? reportFileName(snapshot.engagement)
            : workbookFileName(snapshot.engagement, localIsoDate(), !!options.includeTrail);
        const saved = await platform.saveFile(
          name,
          output.bytes,
          kind === 'report-pdf'
            ? [{ name: 'PDF document', extensions: ['pdf'] }]
            : [{ name: 'Excel workbook', extensions: ['xlsx'] }],
        );
        if (saved) {
          const what =
            kind === 'evidence-xlsx'
              ? 'the evidence workbook'
              : `the ${engagement.kind === 'readiness' ? 'readiness letter' : 'report'} (${output.pages ?? '?'} pages)`;
          const missing = output.missingCharacters ?? [];
          notify(
            missing.length > 0 ? 'error' : 'success',
            missing.length > 0
              ? `Exported ${what} to ${saved.name}, but no font could draw ${missing.join(' ')}; those characters show as a box. Replace them in the text and export again.`
              : `Exported ${what} to ${saved.name}.`,
            undefined,
            saved.canReveal
              ? { label: 'Show in folder', run: () => platform.revealFile(saved.location) }
              : undefined,
          );
        }
      } catch (error) {
        if (error instanceof ExportCancelledError || cancelled.current) {
          notify('info', 'Export cancelled. No file was written.');
        } else {
          const { text, detail } = describeError(error);
          notify('error', `The export failed: ${text}`, detail);
        }
      } finally {
        running.current = null;
        setState(null);
      }
    },
    [engagement.id, engagement.kind, engagement.serviceOrganization, notify, profile, state, saveEdits],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    running.current?.cancel();
  }, []);

  return { state, run, cancel };
}
