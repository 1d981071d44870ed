/**
 * Hashes files in the hashing worker with progress and cancel. Where no Worker exists (the Node test
 * environment) the same chunked hasher runs in-thread, so the tests exercise the same code path.
 */
import { sha256OfSource } from '@shared/hashing';
import { describeReadError, type HashRequest, type HashResponse } from '../../workers/hash-protocol';
import { db } from '../../db';

export interface HashResult {
  /** In the order of the files given; null where the file could not be read. */
  hashes: (string | null)[];
  failures: { index: number; message: string }[];
}

export interface HashProgress {
  bytesDone: number;
  totalBytes: number;
  fileIndex: number;
}

export class HashingCancelled extends Error {
  constructor() {
    super('Adding the files was cancelled. Nothing was stored.');
    this.name = 'HashingCancelled';
  }
}

export function hashFiles(
  files: readonly Blob[],
  onProgress: (p: HashProgress) => void,
  signal?: AbortSignal,
): Promise<HashResult> {
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  if (typeof Worker === 'undefined') return hashInThread(files, totalBytes, onProgress, signal);
  // The idle lock waits while big files are hashed (they are stored right after).
  const release = db.atRest.hold();
  const hashing = new Promise<HashResult>((resolve, reject) => {
    const worker = new Worker(new URL('../../workers/hash.worker.ts', import.meta.url), { type: 'module' });
    const hashes: (string | null)[] = files.map(() => null);
    const failures: HashResult['failures'] = [];
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(new HashingCancelled());
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<HashResponse>) => {
      const m = event.data;
      if (m.type === 'progress') onProgress({ bytesDone: m.bytesDone, totalBytes, fileIndex: m.index });
      else if (m.type === 'hashed') hashes[m.index] = m.sha256;
      else if (m.type === 'failed') failures.push({ index: m.index, message: m.message });
      else {
        finish();
        onProgress({ bytesDone: totalBytes, totalBytes, fileIndex: files.length - 1 });
        resolve({ hashes, failures });
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`The hashing worker stopped: ${event.message || 'unknown error'}.`));
    };
    const request: HashRequest = { files };
    worker.postMessage(request);
  });
  hashing.then(release, release);
  return hashing;
}

async function hashInThread(
  files: readonly Blob[],
  totalBytes: number,
  onProgress: (p: HashProgress) => void,
  signal?: AbortSignal,
): Promise<HashResult> {
  const hashes: (string | null)[] = [];
  const failures: HashResult['failures'] = [];
  let done = 0;
  for (const [index, file] of files.entries()) {
    try {
      hashes.push(
        await sha256OfSource(file, {
          onProgress: (bytes) => onProgress({ bytesDone: done + bytes, totalBytes, fileIndex: index }),
          isCancelled: () => signal?.aborted ?? false,
        }),
      );
    } catch (error) {
      if (signal?.aborted) throw new HashingCancelled();
      hashes.push(null);
      failures.push({ index, message: describeReadError(error) });
    }
    done += file.size;
  }
  return { hashes, failures };
}
