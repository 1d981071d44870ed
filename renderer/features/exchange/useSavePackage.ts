/**
 * Saving a `.fieldwork` file: an engagement file to merge, a read-only reviewer copy, or a backup of
 * several engagements. Reads the engagements from the database, asks where to save, builds the file in the
 * exchange worker (encrypted when a passphrase is given) and streams it to disk, with progress and Cancel.
 * A backup also records when it was made (the reminder on the engagement list reads it).
 */
import { useCallback, useRef, useState } from 'react';
import { packageFileName } from '@shared/exchange/package';
import { ExchangeCancelledError, type PackageKind, type Progress } from '@shared/exchange/types';
import type { FileFilter } from '@shared/ipc';
import { db, repository, type Actor } from '../../db';
import { buildPackageInput, recordBackup } from '../../db/exchange';
import { platform } from '../../platform';
import type { SavedFile, SaveStream } from '../../platform/types';
import {
  describeExchangeError,
  wireInput,
  writeInWorker,
  type Running,
  type WriteOutcome,
} from './exchangeWorker';

export const APP_VERSION = import.meta.env.VITE_APP_VERSION ?? 'dev';
const FILTERS: FileFilter[] = [{ name: 'Fieldwork engagement file', extensions: ['fieldwork'] }];

export type SaveState =
  | { stage: 'idle' }
  | { stage: 'reading' }
  | { stage: 'writing'; progress: Progress | null }
  | { stage: 'saved'; saved: SavedFile; kind: PackageKind; encrypted: boolean; engagements: number }
  | { stage: 'cancelled' }
  | { stage: 'failed'; text: string; detail?: string };

export interface SaveRequest {
  kind: PackageKind;
  engagementIds: readonly string[];
  /** Encrypts the file when given. */
  passphrase?: string;
  actor: Actor;
}

export interface SaveTarget {
  /** The stream to write to; `backupFolder` writes a scheduled backup without a dialog (desktop). */
  stream?: (name: string) => Promise<SaveStream | null>;
}

/** Writes one package to a stream the user chooses (or `target.stream`); null when the user cancels. */
export async function savePackage(
  request: SaveRequest,
  onRunning: (running: Running<WriteOutcome>) => void,
  onProgress: (progress: Progress) => void,
  target: SaveTarget = {},
): Promise<WriteOutcome | null> {
  // The idle lock waits until the file is written (it would close the database under the export).
  const release = db.atRest.hold();
  try {
    return await savePackageNow(request, onRunning, onProgress, target);
  } finally {
    release();
  }
}

async function savePackageNow(
  request: SaveRequest,
  onRunning: (running: Running<WriteOutcome>) => void,
  onProgress: (progress: Progress) => void,
  target: SaveTarget,
): Promise<WriteOutcome | null> {
  const now = new Date();
  const input = await buildPackageInput(db, repository, {
    kind: request.kind,
    engagementIds: request.engagementIds,
    actor: request.actor,
    appVersion: APP_VERSION,
    now,
  });
  const first = input.engagements[0]?.snapshot.engagement;
  const name = packageFileName({
    kind: request.kind,
    ...(first ? { clientName: first.serviceOrganization, engagementName: first.systemName } : {}),
    date: now,
  });
  const wire = await wireInput(db, input);
  const stream = await (target.stream ? target.stream(name) : platform.saveStream(name, FILTERS));
  if (!stream) return null;
  const running = writeInWorker(wire, request.passphrase, stream, onProgress);
  onRunning(running);
  const outcome = await running.result;
  if (request.kind === 'backup') await recordBackup(db, now.toISOString());
  return outcome;
}

export function useSavePackage() {
  const [state, setState] = useState<SaveState>({ stage: 'idle' });
  const running = useRef<Running<WriteOutcome> | null>(null);
  const cancelled = useRef(false);

  const save = useCallback(async (request: SaveRequest) => {
    cancelled.current = false;
    setState({ stage: 'reading' });
    try {
      const outcome = await savePackage(
        request,
        (r) => {
          running.current = r;
          setState({ stage: 'writing', progress: null });
        },
        (progress) => setState((s) => (s.stage === 'writing' ? { stage: 'writing', progress } : s)),
      );
      if (!outcome) {
        setState({ stage: 'idle' });
        return;
      }
      setState({
        stage: 'saved',
        saved: outcome.saved,
        kind: request.kind,
        encrypted: request.passphrase !== undefined,
        engagements: outcome.manifest.engagements.length,
      });
    } catch (error) {
      if (error instanceof ExchangeCancelledError || cancelled.current) {
        setState({ stage: 'cancelled' });
      } else {
        const { text, detail } = describeExchangeError(error);
        setState({ stage: 'failed', text, ...(detail ? { detail } : {}) });
      }
    } finally {
      running.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
    running.current?.cancel();
  }, []);

  const reset = useCallback(() => setState({ stage: 'idle' }), []);

  return { state, save, cancel, reset };
}

/** "Writing evidence — 3 of 12" with a fraction for the progress bar (null before the first report). */
export function progressWords(progress: Progress | null): { text: string; fraction: number | null } {
  if (!progress) return { text: 'Preparing…', fraction: null };
  const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  return { text: `${progress.phase}…`, fraction };
}
