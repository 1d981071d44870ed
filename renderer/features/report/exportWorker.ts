/**
 * Runs one export in its own Worker and reports progress. Cancel asks the builder to stop, then ends the
 * worker outright if it has not stopped within a moment: a cancelled export never writes a file.
 */
import { ExportCancelledError } from '@shared/exports/progress';
import type { ExportJob, ExportRequest, ExportResponse } from '../../workers/export-protocol';
import { db } from '../../db';

export interface ExportOutput {
  bytes: Uint8Array;
  pages?: number;
  missingCharacters?: string[];
}

export interface RunningExport {
  result: Promise<ExportOutput>;
  cancel(): void;
}

const CANCEL_GRACE_MS = 1000;

export function startExport(job: ExportJob, onProgress: (fraction: number) => void): RunningExport {
  const worker = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve(o: ExportOutput): void; reject(e: Error): void } | null = null;
  const result = new Promise<ExportOutput>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The idle lock waits until the export is done.
  const release = db.atRest.hold();
  result.then(release, release);
  const finish = (outcome: { ok: ExportOutput } | { error: Error }) => {
    const s = settle;
    settle = null;
    worker.terminate();
    if (!s) return;
    if ('ok' in outcome) s.resolve(outcome.ok);
    else s.reject(outcome.error);
  };
  worker.onmessage = (event: MessageEvent<ExportResponse>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message.fraction);
    else if (message.type === 'done') {
      finish({
        ok: {
          bytes: message.bytes,
          ...(message.pages !== undefined ? { pages: message.pages } : {}),
          ...(message.missingCharacters ? { missingCharacters: message.missingCharacters } : {}),
        },
      });
    } else {
      finish({
        error:
          message.name === 'ExportCancelledError'
            ? new ExportCancelledError()
            : Object.assign(new Error(message.message), { name: message.name }),
      });
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish({ error: new Error(`The export stopped unexpectedly: ${event.message || 'unknown error'}.`) });
  };
  worker.postMessage({ op: 'run', job } satisfies ExportRequest);
  return {
    result,
    cancel() {
      if (!settle) return;
      worker.postMessage({ op: 'cancel' } satisfies ExportRequest);
      setTimeout(() => finish({ error: new ExportCancelledError() }), CANCEL_GRACE_MS);
    },
  };
}
