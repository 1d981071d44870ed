/**
 * Hashes evidence files off the UI thread. Receives the File objects (structured-cloned handles, not
 * copies of the bytes), hashes them one after another in chunks and reports progress at most ~10 times a
 * second. Cancelling terminates the worker (see features/evidence/hashFiles.ts).
 */
import { sha256OfSource } from '@shared/hashing';
import { describeReadError, type HashRequest, type HashResponse } from './hash-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<HashRequest>) => void) | null;
  postMessage(message: HashResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void hashAll(event.data);
};

async function hashAll({ files }: HashRequest): Promise<void> {
  let done = 0;
  let lastReport = 0;
  for (let index = 0; index < files.length; index += 1) {
    const file = files[index];
    if (!file) continue;
    try {
      const sha256 = await sha256OfSource(file, {
        onProgress: (bytes) => {
          const now = Date.now();
          if (now - lastReport < 100) return;
          lastReport = now;
          scope.postMessage({ type: 'progress', index, bytesDone: done + bytes });
        },
      });
      scope.postMessage({ type: 'hashed', index, sha256 });
    } catch (error) {
      scope.postMessage({ type: 'failed', index, message: describeReadError(error) });
    }
    done += file.size;
  }
  scope.postMessage({ type: 'done' });
}
