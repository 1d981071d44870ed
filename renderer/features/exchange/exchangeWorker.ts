/**
 * The UI's side of the exchange worker (workers/exchange.worker.ts): opening a `.fieldwork` file (the worker
 * verifies it; this side answers its reads on the desktop and turns evidence into Blobs to store) and
 * writing one (the worker builds it; this side writes each chunk to the save stream). Cancel ends the
 * worker at once; a cancelled save discards what was written.
 */
import {
  ExchangeCancelledError,
  ExchangeError,
  type Manifest,
  type PackageEvidence,
  type Progress,
  type VerifiedPackage,
  type WritePackageInput,
} from '@shared/exchange/types';
import type { FieldworkDatabase } from '../../db';
import { describeError } from '../../components/ErrorText';
import type { OpenedSource, SavedFile, SaveStream } from '../../platform/types';
import type {
  ExchangeRequest,
  ExchangeResponse,
  WireError,
  WireEvidence,
  WireWriteInput,
} from '../../workers/exchange-protocol';

export interface Running<T> {
  result: Promise<T>;
  cancel(): void;
}

/** An opened, verified file: the package, and its evidence files turned into Blobs on request. */
export interface OpenedPackage {
  pkg: VerifiedPackage;
  /** The bytes of one evidence file, to store: a slice of the file when it lies there as is. */
  evidenceBlob(evidence: PackageEvidence): Promise<Blob>;
  /** Ends the worker and releases the file. */
  close(): void;
}

function startWorker(): Worker {
  return new Worker(new URL('../../workers/exchange.worker.ts', import.meta.url), { type: 'module' });
}

/** The error the worker sent, as the error class it was (ExchangeError keeps its code for the UI). */
export function errorFromWire(error: WireError): Error {
  if (error.name === 'ExchangeCancelledError') return new ExchangeCancelledError();
  if (error.code) return new ExchangeError(error.code, error.message, error.detail);
  return Object.assign(new Error(error.message), { name: error.name });
}

function post(worker: Worker, request: ExchangeRequest, transfer: Transferable[] = []): void {
  worker.postMessage(request, transfer);
}

/** Asks the worker for evidence Blobs, one request id each. */
function evidenceRequester(worker: Worker) {
  let nextId = 1;
  const waiting = new Map<number, { resolve(blob: Blob): void; reject(e: Error): void }>();
  return {
    request(sha256: string): Promise<Blob> {
      const id = nextId++;
      return new Promise<Blob>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        post(worker, { op: 'evidence', id, sha256 });
      });
    },
    settle(message: Extract<ExchangeResponse, { type: 'evidence' }>): void {
      const entry = waiting.get(message.id);
      if (!entry) return;
      waiting.delete(message.id);
      if (message.blob) entry.resolve(message.blob);
      else entry.reject(errorFromWire(message.error ?? { name: 'Error', message: 'No evidence file.' }));
    },
    failAll(error: Error): void {
      for (const entry of waiting.values()) entry.reject(error);
      waiting.clear();
    },
  };
}

async function* blobBytes(blob: Promise<Blob>): AsyncIterable<Uint8Array> {
  yield new Uint8Array(await (await blob).arrayBuffer());
}

/**
 * Opens and verifies `source` in a worker. Fails with ExchangeError `passphrase-required` when the file is
 * encrypted and no passphrase was given, `wrong-passphrase` when it does not open the file.
 */
export function openInWorker(
  source: OpenedSource,
  passphrase: string | undefined,
  onProgress: (progress: Progress) => void,
): Running<OpenedPackage> {
  const worker = startWorker();
  const evidence = evidenceRequester(worker);
  let finished = false;
  let settle: { resolve(p: OpenedPackage): void; reject(e: Error): void } | null = null;
  const result = new Promise<OpenedPackage>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const end = (error: Error) => {
    finished = true;
    worker.terminate();
    evidence.failAll(error);
    const s = settle;
    settle = null;
    s?.reject(error);
  };
  const close = () => {
    if (finished) return;
    finished = true;
    worker.terminate();
    evidence.failAll(new Error('The file was closed.'));
  };
  worker.onmessage = (event: MessageEvent<ExchangeResponse>) => {
    const message = event.data;
    switch (message.type) {
      case 'progress':
        onProgress(message.progress);
        break;
      case 'read':
        source.read(message.offset, message.length).then(
          (bytes) => {
            // The worker gets its own copy (the source may reuse its buffer); transferred, not cloned again.
            const copy = bytes.slice();
            post(worker, { op: 'read-result', id: message.id, bytes: copy }, [copy.buffer]);
          },
          (error: unknown) =>
            post(worker, {
              op: 'read-result',
              id: message.id,
              error: error instanceof Error ? error.message : String(error),
            }),
        );
        break;
      case 'evidence':
        evidence.settle(message);
        break;
      case 'opened': {
        const s = settle;
        settle = null;
        s?.resolve(openedPackage(message.pkg, source, evidence.request, close));
        break;
      }
      case 'error':
        end(errorFromWire(message.error));
        break;
      default:
        break;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    end(new Error(`Opening the file stopped unexpectedly: ${event.message || 'unknown error'}.`));
  };
  post(worker, {
    op: 'open',
    source: source.blob ? { kind: 'blob', blob: source.blob } : { kind: 'remote', size: source.size },
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
  return {
    result,
    cancel() {
      if (!finished) end(new ExchangeCancelledError());
    },
  };
}

function openedPackage(
  wire: Extract<ExchangeResponse, { type: 'opened' }>['pkg'],
  source: OpenedSource,
  request: (sha256: string) => Promise<Blob>,
  close: () => void,
): OpenedPackage {
  const ranges = new Map<string, WireEvidence>(wire.evidence.map((e) => [e.sha256, e]));
  const evidence = new Map<string, PackageEvidence>(
    wire.evidence.map((e) => [
      e.sha256,
      {
        sha256: e.sha256,
        size: e.size,
        read: () => blobBytes(request(e.sha256)),
        ...(e.storedRange ? { storedRange: e.storedRange } : {}),
      },
    ]),
  );
  const { manifest, encrypted, engagements, profiles, settings } = wire;
  return {
    pkg: { manifest, encrypted, engagements, profiles, settings, evidence },
    async evidenceBlob(e) {
      const range = ranges.get(e.sha256)?.storedRange;
      // Stored as is in an unencrypted file the browser holds: keep a slice of it (no copy of the bytes).
      if (range && source.blob) return source.blob.slice(range.offset, range.offset + range.length);
      return request(e.sha256);
    },
    close,
  };
}

/** The package's evidence with its Blobs from this computer's evidence store, ready for the worker. */
export async function wireInput(db: FieldworkDatabase, input: WritePackageInput): Promise<WireWriteInput> {
  const rows = await db.blobs.bulkGet(input.evidence.map((e) => e.sha256));
  const evidence = input.evidence.map(({ sha256, size, fileName, mediaType }, i) => {
    const row = rows[i];
    if (!row) {
      throw new Error(`The file “${fileName}” is missing from this computer's evidence store.`);
    }
    return { sha256, size, fileName, mediaType, row };
  });
  // Encrypted under the app lock: the worker gets the decrypted file (composed of chunk Blobs, not copied).
  const decrypted = await Promise.all(
    evidence.map(async ({ row, ...e }) => ({ ...e, blob: await db.atRest.evidenceBytes(row) })),
  );
  return { ...input, evidence: decrypted };
}

export interface WriteOutcome {
  manifest: Manifest;
  saved: SavedFile;
}

/** Builds the package in a worker and writes it to `stream` chunk by chunk; cancel discards the file. */
export function writeInWorker(
  input: WireWriteInput,
  passphrase: string | undefined,
  stream: SaveStream,
  onProgress: (progress: Progress) => void,
): Running<WriteOutcome> {
  const worker = startWorker();
  let finished = false;
  let writing: Promise<unknown> = Promise.resolve();
  let settle: { resolve(o: WriteOutcome): void; reject(e: Error): void } | null = null;
  const result = new Promise<WriteOutcome>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const fail = (error: Error) => {
    if (finished) return;
    finished = true;
    worker.terminate();
    const s = settle;
    settle = null;
    // Discard the partial file once the write in progress (if any) is over.
    void writing
      .catch(() => undefined)
      .then(() => stream.abort())
      .catch(() => undefined)
      .then(() => s?.reject(error));
  };
  worker.onmessage = (event: MessageEvent<ExchangeResponse>) => {
    const message = event.data;
    switch (message.type) {
      case 'progress':
        onProgress(message.progress);
        break;
      case 'chunk':
        writing = stream.write(message.bytes).then(
          () => {
            if (!finished) post(worker, { op: 'ack', id: message.id });
          },
          (error: unknown) => {
            if (!finished) {
              post(worker, {
                op: 'ack',
                id: message.id,
                error: error instanceof Error ? error.message : String(error),
              });
            }
          },
        );
        break;
      case 'written':
        finished = true;
        worker.terminate();
        void writing
          .then(() => stream.close())
          .then(
            (saved) => {
              const s = settle;
              settle = null;
              s?.resolve({ manifest: message.manifest, saved });
            },
            (error: unknown) => {
              const s = settle;
              settle = null;
              void stream.abort().catch(() => undefined);
              s?.reject(error instanceof Error ? error : new Error(String(error)));
            },
          );
        break;
      case 'error':
        fail(errorFromWire(message.error));
        break;
      default:
        break;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(`Saving the file stopped unexpectedly: ${event.message || 'unknown error'}.`));
  };
  post(worker, { op: 'write', input, ...(passphrase !== undefined ? { passphrase } : {}) });
  return {
    result,
    cancel() {
      fail(new ExchangeCancelledError());
    },
  };
}

/**
 * An error in plain words for the exchange screens: an ExchangeError's message is already worded for
 * people, and its detail says where (an entry, a record); anything else goes through describeError.
 */
export function describeExchangeError(error: unknown): { text: string; detail?: string } {
  if (error instanceof ExchangeError) {
    return { text: error.message, ...(error.detail ? { detail: `Where: ${error.detail}` } : {}) };
  }
  return describeError(error);
}
