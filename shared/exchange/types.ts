/**
 * The exchange codec's contract: what the byte layers (zip, encryption), the package layer (manifest,
 * records, evidence) and the merge engine offer each other and their callers (renderer worker, CLI,
 * Electron main). Pure TypeScript: no DOM, no Node, no Electron.
 */
import type { AuditEvent, ChainHead } from '../domain/audit';
import type { EngagementSnapshot, SnapshotTable } from '../domain/snapshot';
import type { Profile } from '../domain/profile';
import type { FirmSettings } from '../domain/settings';

// ---------------------------------------------------------------------------------------------------------
// Bytes in and out

/** Bytes that can be read at any offset: a File/Blob in the browser, a file handle in Node, memory in tests. */
export interface RandomAccessSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset` (fewer only past the end). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Where a package is written, in order. `close` flushes; `abort` discards what was written (if it can). */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export interface Progress {
  /** What is happening, for people: "Hashing evidence", "Checking the audit trail". */
  phase: string;
  done: number;
  total: number;
}

export interface RunOptions {
  onProgress?: (progress: Progress) => void;
  /** Checked between chunks; an aborted run throws ExchangeCancelledError and writes nothing more. */
  signal?: AbortSignal;
}

// ---------------------------------------------------------------------------------------------------------
// Errors: every refusal says what is wrong in plain words; `code` is for tests and the UI.

export type ExchangeErrorCode =
  | 'not-a-package' // not a zip / not a Fieldwork file at all
  | 'corrupt' // structure broken, hash or CRC mismatch, entry missing or extra, record invalid
  | 'unsafe' // ../ paths, absolute paths, duplicate names, absurd sizes, zip bomb ratios
  | 'newer-version' // a newer major format version or a newer schema than this app knows
  | 'wrong-passphrase' // "The passphrase is wrong or the file was changed."
  | 'passphrase-required'
  | 'audit-chain' // an audit chain in the package does not verify
  | 'too-large';

export class ExchangeError extends Error {
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
    /** Where: an entry path, a record id, a byte offset. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }
}

export class ExchangeCancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'ExchangeCancelledError';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Merge metadata

/** For each node (database) id, the latest clock stamp of that node whose writes this copy has seen. */
export type VersionVector = Record<string, string>;

// ---------------------------------------------------------------------------------------------------------
// The package (see docs/exchange-format.md)

export const PACKAGE_FORMAT = 'fieldwork-package';
/** Major.minor: readers refuse a newer major; a newer minor only adds optional things. */
export const PACKAGE_FORMAT_VERSION = { major: 1, minor: 0 } as const;

/** engagement: one engagement to merge; reviewer-copy: one engagement, opens locked; backup: many. */
export type PackageKind = 'engagement' | 'reviewer-copy' | 'backup';

export interface ManifestEntry {
  path: string;
  /** Uncompressed size in bytes. */
  size: number;
  sha256: string;
}

export interface RecordRevision {
  rev: number;
  clock: string;
  deleted: boolean;
}

export interface ManifestEngagement {
  id: string;
  name: string;
  clientName: string;
  /** Live records per table, for the preview. */
  counts: Record<string, number>;
  /** The revision state of every record at export time: table -> record id -> revision. */
  revisions: Record<string, Record<string, RecordRevision>>;
  /** What the exporting copy had seen (merge knowledge), its own node included. */
  seen: VersionVector;
  /** The head of every audit chain of the engagement in the package. */
  chains: ChainHead[];
  /** SHA-256 of each evidence file the engagement's evidence records point at. */
  evidence: string[];
}

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  /** "1.0" */
  formatVersion: string;
  /** The database schema version the records follow (renderer/db/schema.ts); older ones are upgraded. */
  schemaVersion: number;
  kind: PackageKind;
  app: { name: string; version: string };
  exportedAt: string;
  exportedBy: { id: string; name: string };
  /** Node id of the exporting database. */
  sourceNode: string;
  engagements: ManifestEngagement[];
  /** Every other entry of the zip, in zip order, with its size and SHA-256. */
  entries: ManifestEntry[];
}

/** One engagement as written to / read from a package. */
export interface PackageEngagement {
  snapshot: EngagementSnapshot;
  /** Every audit event of the engagement, all chains (the local one and those imported from others). */
  auditEvents: AuditEvent[];
  chainHeads: ChainHead[];
  seen: VersionVector;
}

/** An evidence file to write: its bytes are read when the writer reaches it (never all at once). */
export interface EvidenceFileInput {
  sha256: string;
  size: number;
  /** A file name or media type hint: already-compressed types are stored, text-like ones deflated. */
  fileName: string;
  mediaType: string;
  read(): AsyncIterable<Uint8Array>;
}

export interface WritePackageInput {
  kind: PackageKind;
  app: { name: string; version: string };
  exportedAt: string;
  exportedBy: { id: string; name: string };
  sourceNode: string;
  schemaVersion: number;
  engagements: PackageEngagement[];
  evidence: EvidenceFileInput[];
  /** Backups only: the machine-level records. */
  profiles?: Profile[];
  settings?: FirmSettings[];
}

export interface WritePackageOptions extends RunOptions {
  /** When given, the package is encrypted (see crypto/). */
  passphrase?: string;
}

/** An evidence file inside a verified package. */
export interface PackageEvidence {
  sha256: string;
  size: number;
  /** Streams the (decrypted, inflated) bytes again; each read re-checks the hash at the end. */
  read(): AsyncIterable<Uint8Array>;
  /**
   * For stored entries of an unencrypted package: where the bytes lie in the source, so the browser can
   * keep `file.slice(offset, offset + size)` instead of copying.
   */
  storedRange?: { offset: number; length: number };
}

export interface VerifiedPackage {
  manifest: Manifest;
  encrypted: boolean;
  /** Records upgraded to the current schema version, validated, audit chains verified. */
  engagements: PackageEngagement[];
  evidence: Map<string, PackageEvidence>;
  profiles: Profile[];
  settings: FirmSettings[];
}

export interface OpenPackageOptions extends RunOptions {
  /** Asked only when the package is encrypted; a wrong one throws `wrong-passphrase`. */
  passphrase?: string;
  limits?: Partial<PackageLimits>;
}

export interface PackageLimits {
  maxEntries: number;
  /** Largest uncompressed entry. */
  maxEntryBytes: number;
  /** Largest JSON/NDJSON entry (records are parsed in memory). */
  maxRecordEntryBytes: number;
  /** Uncompressed / compressed beyond this is a zip bomb. */
  maxCompressionRatio: number;
  maxTotalBytes: number;
}

export type { SnapshotTable };

// ---------------------------------------------------------------------------------------------------------
// Merge (see merge/README.md)

/** A stored record as the merge sees it: content fields plus the meta fields of records/base.ts. */
export type AnyRecord = Record<string, unknown> & {
  id: string;
  rev: number;
  clock: string;
  deleted: boolean;
  fieldClocks?: Record<string, string>;
};

/** 'engagement' for the engagement record itself, else a snapshot table. */
export type MergeTable = 'engagement' | SnapshotTable;

export interface MergeInput {
  mine: EngagementSnapshot;
  theirs: EngagementSnapshot;
  mineSeen: VersionVector;
  theirsSeen: VersionVector;
}

export interface FieldConflict {
  kind: 'field';
  /** Stable: `${table}:${recordId}:${path}`. */
  id: string;
  table: MergeTable;
  recordId: string;
  /** Field path; nested plain objects are dotted (`report.basis`, `marks.<attributeId>`). */
  path: string;
  mine: unknown;
  theirs: unknown;
  mineClock: string;
  theirsClock: string;
  /** Both values are text longer than a line: "keep both" is offered. */
  longText: boolean;
}

export interface DeleteConflict {
  kind: 'delete';
  /** Stable: `${table}:${recordId}:deleted`. */
  id: string;
  table: MergeTable;
  recordId: string;
  /** Which side deleted the record; the other side edited it concurrently. */
  deletedBy: 'mine' | 'theirs';
  /** Paths the other side changed. */
  editedPaths: string[];
}

export type MergeConflict = FieldConflict | DeleteConflict;

/** field: mine | theirs | both (long text: mine, blank line, theirs); delete: keep | delete. */
export type Resolution = 'mine' | 'theirs' | 'both' | 'keep' | 'delete';

/** A value changed automatically to keep records distinct (a request number both sides used). */
export interface Renumbering {
  table: MergeTable;
  recordId: string;
  field: string;
  from: unknown;
  to: unknown;
  /** For people: "Their request R-005 is now R-007 (both of you added R-005)." */
  message: string;
}

export interface MergedRecord {
  table: MergeTable;
  /** The local record before the merge; absent for a record new to this copy. */
  mine?: AnyRecord;
  /** The merged record: content and `fieldClocks`; `rev`, `updatedAt`, `updatedBy`, `clock` are set by the writer. */
  result: AnyRecord;
  /** Paths whose value differs from `mine` (all paths for a new record). */
  changedPaths: string[];
  /**
   * Paths whose value the merge decided (a user's resolution, a renumbering, "keep both"), even when the
   * value is mine's: the writer stamps them with a fresh local clock, so the other copy sees the choice as
   * made after its own write. Every other path keeps the stamp in `result.fieldClocks` (the stamp of the
   * side its value came from).
   */
  restampPaths: string[];
}

export interface MergePlan {
  /** Conflicts the user must resolve, in a stable order (table order, then record id, then path). */
  conflicts: MergeConflict[];
  /**
   * Renumberings as they would be if every conflict kept "mine" (the final list, which can depend on the
   * resolutions, is in the outcome).
   */
  renumberings: Renumbering[];
  /** Things worth a look that need no choice: "both of you drew the same population item". */
  notices: string[];
  /** Applies the resolutions (every conflict id must have one) and returns the records to write. */
  resolve(resolutions: Readonly<Record<string, Resolution>>): MergeOutcome;
  summary: MergeSummary;
}

export interface MergeOutcome {
  /**
   * Only the records whose stored value changes (new, different from mine, or with paths to restamp), in
   * table order, then id.
   */
  changed: MergedRecord[];
  /** Pointwise max of both version vectors. */
  seen: VersionVector;
  /**
   * Records merged into another one with the same natural key (a description section or criterion scoping
   * both copies created): the writer removes `id` (when this copy has it); `into` holds its merged content.
   */
  absorbed: { table: MergeTable; id: string; into: string }[];
  /** The renumberings applied (final, after the resolutions). */
  renumberings: Renumbering[];
  notices: string[];
}

export interface MergeSummary {
  /** Records only the other copy has. */
  added: number;
  /** Records both have, changed by the other copy and taken automatically. */
  updated: number;
  /** Fields taken automatically from the other copy. */
  fieldsTaken: number;
  conflicts: number;
  /** Records this copy changed that the other did not: kept as they are. */
  keptMine: number;
}
