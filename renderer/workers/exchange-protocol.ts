/**
 * Messages between the UI and the exchange worker, which opens and verifies `.fieldwork` files and writes
 * them (hashing, zipping, encrypting) off the UI thread.
 *
 * Opening: the UI sends the File itself (browser) or only its size (desktop), and then answers the worker's
 * `read` requests with byte ranges of the file. The verified package comes back as plain data; evidence
 * bytes stay in the worker until the UI asks for the few files it stores (`evidence`).
 *
 * Writing: the UI sends what the package holds (evidence as Blobs from the database); the worker posts the
 * package in chunks and waits for each chunk's `ack` (the UI has written it to disk), so memory stays
 * bounded whatever the package's size.
 */
import type {
  EvidenceFileInput,
  ExchangeErrorCode,
  Manifest,
  PackageEngagement,
  Progress,
  VerifiedPackage,
  WritePackageInput,
} from '@shared/exchange/types';

/** The file to open: the File itself, or (desktop) its size with reads answered by the UI. */
export type OpenInput = { kind: 'blob'; blob: Blob } | { kind: 'remote'; size: number };

/** One evidence file to write: its bytes are read from the Blob in pieces. */
export type WireEvidenceInput = Omit<EvidenceFileInput, 'read'> & { blob: Blob };

export type WireWriteInput = Omit<WritePackageInput, 'evidence'> & { evidence: WireEvidenceInput[] };

/** An evidence file of a verified package: its place in the file when it is stored as is, unencrypted. */
export interface WireEvidence {
  sha256: string;
  size: number;
  storedRange?: { offset: number; length: number };
}

/** A verified package as plain data: everything but the evidence bytes. */
export type WirePackage = Omit<VerifiedPackage, 'evidence' | 'engagements'> & {
  engagements: PackageEngagement[];
  evidence: WireEvidence[];
};

/** An error as it crosses to the UI: an ExchangeError keeps its code. */
export interface WireError {
  name: string;
  message: string;
  code?: ExchangeErrorCode;
  detail?: string;
}

export type ExchangeRequest =
  | { op: 'open'; source: OpenInput; passphrase?: string }
  | { op: 'read-result'; id: number; bytes?: Uint8Array; error?: string }
  | { op: 'evidence'; id: number; sha256: string }
  | { op: 'write'; input: WireWriteInput; passphrase?: string }
  | { op: 'ack'; id: number; error?: string }
  | { op: 'cancel' };

export type ExchangeResponse =
  | { type: 'progress'; progress: Progress }
  | { type: 'read'; id: number; offset: number; length: number }
  | { type: 'opened'; pkg: WirePackage }
  | { type: 'evidence'; id: number; blob?: Blob; error?: WireError }
  | { type: 'chunk'; id: number; bytes: Uint8Array }
  | { type: 'written'; manifest: Manifest }
  | { type: 'error'; error: WireError };
