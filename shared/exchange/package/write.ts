/**
 * Writes a `.fieldwork` package (docs/exchange-format.md): each engagement's record, its tables as NDJSON,
 * its audit chains, then every evidence file once per SHA-256, the machine records of a backup, and the
 * manifest last (it lists every other entry with the size and SHA-256 the zip writer computed while
 * writing). Records are streamed in pieces and evidence is read one file at a time, so memory stays
 * bounded whatever the size of the engagement; with a passphrase the zip goes through the encrypting sink.
 */
import type { AuditEvent, ChainHead } from '../../domain/audit';
import type { Engagement } from '../../domain/engagement';
import { SNAPSHOT_TABLES, type EngagementSnapshot } from '../../domain/snapshot';
import { encryptingSink, type KdfParams } from '../crypto';
import { throwIfAborted } from '../io';
import { ZipWriter } from '../zip';
import {
  ExchangeError,
  PACKAGE_FORMAT,
  type ByteSink,
  type EvidenceFileInput,
  type Manifest,
  type ManifestEngagement,
  type ManifestEntry,
  type PackageEngagement,
  type RecordRevision,
  type WritePackageInput,
  type WritePackageOptions,
} from '../types';
import {
  MANIFEST_PATH,
  PROFILES_PATH,
  SETTINGS_PATH,
  auditPath,
  engagementPath,
  evidencePath,
  isChainOf,
  isEngagementId,
  isSha256,
  recordsPath,
  shouldDeflateEvidence,
} from './layout';
import { FORMAT_VERSION_TEXT } from './manifest';
import { jsonBytes, ndjsonChunks } from './ndjson';

export interface WriteOptions extends WritePackageOptions {
  /** Key derivation settings for encryption (default DEFAULT_KDF; tests pass TEST_KDF). */
  kdf?: KdfParams;
}

interface Stamped {
  id: string;
  rev: number;
  clock: string;
  deleted: boolean;
}

function byId<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function revisionsOf(records: readonly Stamped[]): Record<string, RecordRevision> {
  const out: Record<string, RecordRevision> = {};
  for (const r of records) out[r.id] = { rev: r.rev, clock: r.clock, deleted: r.deleted };
  return out;
}

/** Every SHA-256 the engagement's evidence records point at (all versions, tombstones included), sorted. */
export function evidenceHashesOf(snapshot: EngagementSnapshot): string[] {
  const hashes = new Set<string>();
  for (const e of snapshot.evidence) for (const v of e.versions) hashes.add(v.sha256);
  return [...hashes].sort();
}

/** The audit chains of one engagement: events grouped by chain and sorted by seq, chain ids sorted. */
function chainsOf(engagement: PackageEngagement): Map<string, AuditEvent[]> {
  const id = engagement.snapshot.engagement.id;
  const chains = new Map<string, AuditEvent[]>();
  for (const head of engagement.chainHeads) chains.set(head.chain, []);
  for (const event of engagement.auditEvents) {
    const list = chains.get(event.chain) ?? [];
    list.push(event);
    chains.set(event.chain, list);
  }
  for (const chain of chains.keys()) {
    if (!isChainOf(chain, id)) {
      throw new ExchangeError(
        'corrupt',
        `The audit trail of this engagement holds events of another engagement (chain ${chain}); it cannot be exported.`,
        chain,
      );
    }
  }
  const sorted = [...chains.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return new Map(sorted.map(([chain, events]) => [chain, [...events].sort((a, b) => a.seq - b.seq)]));
}

function manifestEngagement(engagement: PackageEngagement): ManifestEngagement {
  const { snapshot } = engagement;
  const e: Engagement = snapshot.engagement;
  const counts: Record<string, number> = {};
  const revisions: Record<string, Record<string, RecordRevision>> = { engagement: revisionsOf([e]) };
  for (const table of SNAPSHOT_TABLES) {
    const rows: readonly Stamped[] = snapshot[table];
    counts[table] = rows.filter((r) => !r.deleted).length;
    revisions[table] = revisionsOf(rows);
  }
  const chains: ChainHead[] = [...engagement.chainHeads]
    .map((h) => ({ chain: h.chain, seq: h.seq, hash: h.hash }))
    .sort((a, b) => (a.chain < b.chain ? -1 : 1));
  return {
    id: e.id,
    name: e.systemName,
    clientName: e.serviceOrganization,
    counts,
    revisions,
    seen: { ...engagement.seen },
    chains,
    evidence: evidenceHashesOf(snapshot),
  };
}

function checkInput(input: WritePackageInput): void {
  const single = input.kind === 'engagement' || input.kind === 'reviewer-copy';
  if (single && input.engagements.length !== 1) {
    throw new ExchangeError('corrupt', 'An engagement file holds exactly one engagement.');
  }
  const ids = new Set<string>();
  for (const { snapshot } of input.engagements) {
    const id = snapshot.engagement.id;
    if (!isEngagementId(id) || ids.has(id)) {
      throw new ExchangeError('corrupt', 'Each engagement in a file needs its own valid id.', id);
    }
    ids.add(id);
  }
}

/** The evidence files to write, one per hash, sorted; a file an evidence record needs but lacks is an error. */
function evidenceToWrite(input: WritePackageInput): EvidenceFileInput[] {
  const given = new Map(input.evidence.map((f) => [f.sha256, f]));
  const needed = new Map<string, EvidenceFileInput>();
  for (const { snapshot } of input.engagements) {
    for (const record of snapshot.evidence) {
      for (const version of record.versions) {
        const file = given.get(version.sha256);
        if (!file) {
          throw new ExchangeError(
            'corrupt',
            `The evidence file “${version.fileName}” of ${snapshot.engagement.serviceOrganization} is missing from this computer, so the engagement cannot be exported.`,
            version.sha256,
          );
        }
        if (!isSha256(file.sha256)) {
          throw new ExchangeError('corrupt', `The evidence file “${file.fileName}” has no valid SHA-256.`);
        }
        needed.set(file.sha256, file);
      }
    }
  }
  return [...needed.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
}

function damagedEvidence(file: EvidenceFileInput, why: string): ExchangeError {
  return new ExchangeError(
    'corrupt',
    `The evidence file “${file.fileName}” is damaged on this computer (${why}), so it was not exported. Add the file again, then export.`,
    file.sha256,
  );
}

async function* counted(
  source: AsyncIterable<Uint8Array>,
  onBytes: (n: number) => void,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    throwIfAborted(signal);
    onBytes(chunk.length);
    yield chunk;
  }
}

/**
 * Writes the package to `sink` and returns its manifest. On any error or cancel the sink is aborted (a
 * partial file is never left looking complete) and the error is thrown.
 */
export async function writePackage(
  sink: ByteSink,
  input: WritePackageInput,
  options: WriteOptions = {},
): Promise<Manifest> {
  checkInput(input);
  const engagements = input.engagements.map(manifestEngagement);
  const chains = input.engagements.map(chainsOf);
  const evidence = evidenceToWrite(input);
  const { signal, onProgress } = options;
  throwIfAborted(signal);

  const out =
    options.passphrase !== undefined
      ? await encryptingSink(sink, options.passphrase, options.kdf ? { kdf: options.kdf } : {})
      : sink;
  const zip = new ZipWriter(out, { modifiedAt: new Date(input.exportedAt), signal });
  const entries: ManifestEntry[] = [];
  const add = async (path: string, data: Uint8Array | AsyncIterable<Uint8Array>, compress: boolean) => {
    throwIfAborted(signal);
    const written = await zip.add(path, data, { compress });
    entries.push({ path: written.path, size: written.size, sha256: written.sha256 });
    return written;
  };

  try {
    const recordTotal = input.engagements.reduce(
      (sum, e) => sum + SNAPSHOT_TABLES.reduce((n, t) => n + e.snapshot[t].length, 1) + e.auditEvents.length,
      0,
    );
    let recordsDone = 0;
    const recordProgress = (n: number) => {
      recordsDone += n;
      onProgress?.({ phase: 'Writing records', done: recordsDone, total: recordTotal });
    };
    for (const [i, engagement] of input.engagements.entries()) {
      const { snapshot } = engagement;
      const id = snapshot.engagement.id;
      await add(engagementPath(id), jsonBytes(snapshot.engagement), true);
      recordProgress(1);
      for (const table of SNAPSHOT_TABLES) {
        const rows = snapshot[table];
        await add(recordsPath(id, table), ndjsonChunks(byId<{ id: string }>(rows)), true);
        recordProgress(rows.length);
      }
      for (const [chain, events] of chains[i] ?? new Map<string, AuditEvent[]>()) {
        await add(auditPath(id, chain), ndjsonChunks(events), true);
        recordProgress(events.length);
      }
    }

    const evidenceTotal = evidence.reduce((sum, f) => sum + f.size, 0);
    let evidenceDone = 0;
    const evidenceProgress = (n: number) => {
      evidenceDone += n;
      onProgress?.({ phase: 'Writing evidence', done: evidenceDone, total: evidenceTotal });
    };
    for (const file of evidence) {
      const path = evidencePath(file.sha256);
      const written = await add(
        path,
        counted(file.read(), evidenceProgress, signal),
        shouldDeflateEvidence(file.fileName, file.mediaType),
      );
      if (written.sha256 !== file.sha256)
        throw damagedEvidence(file, 'its content no longer matches its SHA-256');
      if (written.size !== file.size) {
        throw damagedEvidence(file, `it holds ${written.size} bytes instead of ${file.size}`);
      }
    }

    if (input.kind === 'backup') {
      await add(PROFILES_PATH, ndjsonChunks(byId(input.profiles ?? [])), true);
      await add(SETTINGS_PATH, ndjsonChunks(byId(input.settings ?? [])), true);
    }

    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      formatVersion: FORMAT_VERSION_TEXT,
      schemaVersion: input.schemaVersion,
      kind: input.kind,
      app: { name: input.app.name, version: input.app.version },
      exportedAt: input.exportedAt,
      exportedBy: { id: input.exportedBy.id, name: input.exportedBy.name },
      sourceNode: input.sourceNode,
      engagements,
      entries: [...entries],
    };
    throwIfAborted(signal);
    await zip.add(MANIFEST_PATH, jsonBytes(manifest), { compress: true });
    await zip.finish();
    return manifest;
  } catch (error) {
    await out.abort().catch(() => undefined);
    throw error;
  }
}
