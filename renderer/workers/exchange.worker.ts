/**
 * Opens, verifies and writes `.fieldwork` files off the UI thread (see exchange-protocol.ts). One worker per
 * file: it keeps an opened package so the UI can ask for the evidence files it stores, and cancelling ends
 * the worker.
 */
import { blobSource } from '@shared/exchange/io';
import { openPackage, writePackage } from '@shared/exchange/package';
import {
  ExchangeError,
  type ByteSink,
  type EvidenceFileInput,
  type PackageEvidence,
  type Progress,
  type RandomAccessSource,
  type VerifiedPackage,
  type WritePackageInput,
} from '@shared/exchange/types';
import type {
  ExchangeRequest,
  ExchangeResponse,
  OpenInput,
  WireError,
  WireWriteInput,
} from './exchange-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExchangeRequest>) => void) | null;
  postMessage(message: ExchangeResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope; // a dedicated worker's global scope

/** Bytes per message to the UI when writing: large enough to be quick, small enough to stay light. */
const POST_BYTES = 4 * 1024 * 1024;
/** Bytes read from a Blob at a time. */
const READ_BYTES = 4 * 1024 * 1024;

const controller = new AbortController();
let opened: VerifiedPackage | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve(bytes: Uint8Array | undefined): void; reject(e: Error): void }>();

function wireError(error: unknown): WireError {
  if (error instanceof ExchangeError) {
    return {
      name: error.name,
      message: error.message,
      code: error.code,
      ...(error.detail !== undefined ? { detail: error.detail } : {}),
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Progress at most ten times a second, and always the first report of a new phase. */
function progressReporter(): (progress: Progress) => void {
  let last = 0;
  let phase = '';
  return (progress) => {
    const now = Date.now();
    if (progress.phase === phase && now - last < 100 && progress.done < progress.total) return;
    last = now;
    phase = progress.phase;
    scope.postMessage({ type: 'progress', progress });
  };
}

/** Asks the UI for `length` bytes at `offset` and waits for them. */
function ask(message: Omit<Extract<ExchangeResponse, { type: 'read' }>, 'id'>): Promise<Uint8Array> {
  const id = nextId++;
  return new Promise<Uint8Array | undefined>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    scope.postMessage({ ...message, id });
  }).then((bytes) => bytes ?? new Uint8Array(0));
}

function sourceOf(input: OpenInput): RandomAccessSource {
  if (input.kind === 'blob') return blobSource(input.blob);
  return { size: input.size, read: (offset, length) => ask({ type: 'read', offset, length }) };
}

async function open(input: OpenInput, passphrase: string | undefined): Promise<void> {
  const pkg = await openPackage(sourceOf(input), {
    ...(passphrase !== undefined ? { passphrase } : {}),
    onProgress: progressReporter(),
    signal: controller.signal,
  });
  opened = pkg;
  const evidence = [...pkg.evidence.values()].map((e) => ({
    sha256: e.sha256,
    size: e.size,
    ...(e.storedRange ? { storedRange: e.storedRange } : {}),
  }));
  scope.postMessage({
    type: 'opened',
    pkg: {
      manifest: pkg.manifest,
      encrypted: pkg.encrypted,
      engagements: pkg.engagements,
      profiles: pkg.profiles,
      settings: pkg.settings,
      evidence,
    },
  });
}

/** One evidence file of the opened package as a Blob (its hash checked again while reading). */
async function evidenceBlob(evidence: PackageEvidence): Promise<Blob> {
  const parts: Blob[] = [];
  for await (const chunk of evidence.read()) parts.push(new Blob([chunk.slice()]));
  return new Blob(parts);
}

async function* blobChunks(blob: Blob): AsyncIterable<Uint8Array> {
  for (let offset = 0; offset < blob.size; offset += READ_BYTES) {
    const end = Math.min(offset + READ_BYTES, blob.size);
    yield new Uint8Array(await blob.slice(offset, end).arrayBuffer());
  }
}

/**
 * Posts the package to the UI in pieces of about POST_BYTES, each transferred (not copied), and waits until
 * the UI has written one before sending the next.
 */
function postingSink(): ByteSink {
  let buffer: Uint8Array[] = [];
  let buffered = 0;
  const flush = async () => {
    if (buffered === 0) return;
    const bytes = new Uint8Array(buffered);
    let at = 0;
    for (const part of buffer) {
      bytes.set(part, at);
      at += part.length;
    }
    buffer = [];
    buffered = 0;
    const id = nextId++;
    await new Promise<Uint8Array | undefined>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      scope.postMessage({ type: 'chunk', id, bytes }, [bytes.buffer]);
    });
  };
  return {
    async write(chunk) {
      buffer.push(chunk.slice());
      buffered += chunk.length;
      if (buffered >= POST_BYTES) await flush();
    },
    async close() {
      await flush();
    },
    async abort() {
      buffer = [];
      buffered = 0;
    },
  };
}

async function write(wire: WireWriteInput, passphrase: string | undefined): Promise<void> {
  const evidence: EvidenceFileInput[] = wire.evidence.map(({ blob, ...rest }) => ({
    ...rest,
    read: () => blobChunks(blob),
  }));
  const input: WritePackageInput = { ...wire, evidence };
  const manifest = await writePackage(postingSink(), input, {
    ...(passphrase !== undefined ? { passphrase } : {}),
    onProgress: progressReporter(),
    signal: controller.signal,
  });
  scope.postMessage({ type: 'written', manifest });
}

function settle(id: number, outcome: { bytes?: Uint8Array; error?: string }): void {
  const entry = waiting.get(id);
  if (!entry) return;
  waiting.delete(id);
  if (outcome.error !== undefined) entry.reject(new Error(outcome.error));
  else entry.resolve(outcome.bytes);
}

const fail = (error: unknown) => scope.postMessage({ type: 'error', error: wireError(error) });

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.op) {
    case 'open':
      void open(request.source, request.passphrase).catch(fail);
      break;
    case 'write':
      void write(request.input, request.passphrase).catch(fail);
      break;
    case 'read-result':
      settle(request.id, {
        ...(request.bytes ? { bytes: request.bytes } : {}),
        ...(request.error !== undefined ? { error: request.error } : {}),
      });
      break;
    case 'ack':
      settle(request.id, request.error !== undefined ? { error: request.error } : {});
      break;
    case 'evidence': {
      const evidence = opened?.evidence.get(request.sha256);
      const id = request.id;
      if (!evidence) {
        scope.postMessage({
          type: 'evidence',
          id,
          error: { name: 'Error', message: 'The file does not hold this evidence file.' },
        });
        break;
      }
      void evidenceBlob(evidence).then(
        (blob) => scope.postMessage({ type: 'evidence', id, blob }),
        (error: unknown) => scope.postMessage({ type: 'evidence', id, error: wireError(error) }),
      );
      break;
    }
    case 'cancel':
      controller.abort();
      break;
  }
};
