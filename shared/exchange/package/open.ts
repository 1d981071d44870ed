/**
 * Opens a `.fieldwork` package and verifies everything before anything is returned (docs/exchange-format.md,
 * "Verification"): encryption, the zip structure, the manifest, that the zip holds exactly the entries the
 * manifest lists, every entry's SHA-256 (evidence streamed), every record against its schema (after the
 * upgrades of an older schema version), that records, revisions, counts and evidence agree with the
 * manifest, and every audit chain. Any failure throws an ExchangeError saying what is wrong in plain words.
 */
import { createSHA256 } from 'hash-wasm';
import type { z } from 'zod';
import { verifyAuditChain, type AuditEvent } from '../../domain/audit';
import { engagementSchema, type Engagement } from '../../domain/engagement';
import { profileSchema, type Profile } from '../../domain/profile';
import { firmSettingsSchema, type FirmSettings } from '../../domain/settings';
import { SNAPSHOT_TABLES, type EngagementSnapshot, type SnapshotTables } from '../../domain/snapshot';
import { SNAPSHOT_TABLE_LABELS, SNAPSHOT_TABLE_SCHEMAS } from '../../domain/snapshot-schemas';
import { CURRENT_SCHEMA_VERSION, upgradeRecord, type StoredRecord } from '../../domain/upgrades';
import { isEncrypted, openEncrypted, type KeyCache } from '../crypto';
import { throwIfAborted } from '../io';
import { DEFAULT_LIMITS, openZip, type ZipArchive, type ZipEntry } from '../zip';
import {
  ExchangeCancelledError,
  ExchangeError,
  type Manifest,
  type ManifestEngagement,
  type OpenPackageOptions,
  type PackageEngagement,
  type PackageEvidence,
  type PackageLimits,
  type RandomAccessSource,
  type RecordRevision,
  type RunOptions,
  type VerifiedPackage,
} from '../types';
import { auditEventSchema } from './audit-schema';
import {
  MANIFEST_PATH,
  PROFILES_PATH,
  SETTINGS_PATH,
  auditPath,
  engagementPath,
  entryRole,
  evidencePath,
  recordsPath,
  type EntryRole,
} from './layout';
import { firstIssue, isNewerMinor, parseManifest } from './manifest';
import { decodeUtf8, parseJson, parseNdjson } from './ndjson';

function corrupt(message: string, detail?: string): ExchangeError {
  return new ExchangeError('corrupt', `The file is damaged: ${message}`, detail);
}

/** Runs `work`, turning any failure that is not already an ExchangeError into a plain "damaged" one. */
async function plainErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExchangeError || error instanceof ExchangeCancelledError) throw error;
    throw new ExchangeError(
      'corrupt',
      'The file is damaged and cannot be read.',
      error instanceof Error ? error.message : String(error),
    );
  }
}

export interface OpenOptions extends OpenPackageOptions {
  /** Keeps derived keys, so a preview then the import of one encrypted file derive the key once. */
  keyCache?: KeyCache;
}

export interface InspectOptions {
  passphrase?: string;
  keyCache?: KeyCache;
}

interface OpenedArchive {
  encrypted: boolean;
  zip: ZipArchive;
  manifest: Manifest;
  limits: PackageLimits;
}

async function openArchive(
  source: RandomAccessSource,
  { passphrase, keyCache }: InspectOptions,
  partialLimits: Partial<PackageLimits> | undefined,
): Promise<OpenedArchive> {
  const encrypted = await isEncrypted(source);
  if (encrypted && passphrase === undefined) {
    throw new ExchangeError(
      'passphrase-required',
      'This file is protected with a passphrase. Enter the passphrase to open it.',
    );
  }
  const plain =
    encrypted && passphrase !== undefined
      ? await openEncrypted(source, passphrase, keyCache ? { keyCache } : {})
      : source;
  const limits: PackageLimits = { ...DEFAULT_LIMITS, ...partialLimits };
  const zip = await openZip(plain, limits).catch(async (error: unknown) => {
    if (
      !encrypted &&
      error instanceof ExchangeError &&
      error.code === 'corrupt' &&
      (await foreignZip(plain))
    ) {
      throw new ExchangeError(
        'not-a-package',
        'The file is not a Fieldwork engagement file: it is a zip archive made by another program.',
      );
    }
    throw error;
  });
  const entry = zip.get(MANIFEST_PATH);
  if (!entry) {
    throw new ExchangeError(
      'not-a-package',
      'The file is not a Fieldwork engagement or backup file: it has no table of contents.',
      MANIFEST_PATH,
    );
  }
  const manifest = parseManifest(await zip.readAll(entry, limits.maxRecordEntryBytes));
  return { encrypted, zip, manifest, limits };
}

/**
 * True when a zip's first entry was not written the way Fieldwork writes every entry (flags 0x0808 and the
 * fixed 20-byte ZIP64 extra field): another program made it, so "damaged" would mislead.
 */
async function foreignZip(source: RandomAccessSource): Promise<boolean> {
  const head = await source.read(0, 30);
  if (head.length < 30 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) {
    return false;
  }
  const flags = (head[6] ?? 0) | ((head[7] ?? 0) << 8);
  const extraLength = (head[28] ?? 0) | ((head[29] ?? 0) << 8);
  return flags !== 0x0808 && extraLength !== 20;
}

/** Reads and checks the manifest only (previews, `fieldwork info`); the zip layer still checks its CRC. */
export function inspectPackage(
  source: RandomAccessSource,
  options: InspectOptions = {},
): Promise<{ encrypted: boolean; manifest: Manifest }> {
  return plainErrors(async () => {
    const { encrypted, manifest } = await openArchive(source, options, undefined);
    return { encrypted, manifest };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Structure: the zip holds exactly the manifest's entries, each where the layout says.

interface PlannedEntry {
  entry: ZipEntry;
  role: EntryRole;
  sha256: string;
}

function checkEntries(zip: ZipArchive, manifest: Manifest): PlannedEntry[] {
  const tolerant = isNewerMinor(manifest);
  const listed = new Map<string, { size: number; sha256: string }>();
  for (const e of manifest.entries) {
    if (e.path === MANIFEST_PATH || listed.has(e.path)) {
      throw corrupt(`its table of contents lists ${e.path} twice.`, e.path);
    }
    listed.set(e.path, e);
  }
  const inZip = zip.entries.filter((e) => e.path !== MANIFEST_PATH);
  for (const entry of inZip) {
    const expected = listed.get(entry.path);
    if (!expected)
      throw corrupt(`it holds ${entry.path}, which its table of contents does not list.`, entry.path);
    if (expected.size !== entry.size) {
      throw corrupt(
        `${entry.path} has ${entry.size} bytes, its table of contents says ${expected.size}.`,
        entry.path,
      );
    }
  }
  const present = new Set(inZip.map((e) => e.path));
  for (const path of listed.keys()) {
    if (!present.has(path)) throw corrupt(`${path} is missing.`, path);
  }

  const engagements = new Map(manifest.engagements.map((e) => [e.id, e]));
  const evidence = new Set(manifest.engagements.flatMap((e) => e.evidence));
  const planned: PlannedEntry[] = [];
  for (const entry of inZip) {
    const role = entryRole(entry.path);
    const sha256 = listed.get(entry.path)?.sha256 ?? '';
    const belongs = (() => {
      switch (role.kind) {
        case 'engagement':
        case 'records':
          return engagements.has(role.engagementId);
        case 'audit':
          return engagements.get(role.engagementId)?.chains.some((c) => c.chain === role.chain) ?? false;
        case 'evidence':
          return evidence.has(role.sha256) && sha256 === role.sha256;
        case 'profiles':
        case 'settings':
          return manifest.kind === 'backup';
        case 'manifest':
          return false;
        case 'unknown':
          return tolerant;
      }
    })();
    if (!belongs)
      throw corrupt(`it holds ${entry.path}, which does not belong in a Fieldwork file.`, entry.path);
    planned.push({ entry, role, sha256 });
  }

  for (const e of manifest.engagements) {
    const need = [
      engagementPath(e.id),
      ...e.chains.map((c) => auditPath(e.id, c.chain)),
      ...e.evidence.map(evidencePath),
    ];
    for (const path of need) if (!present.has(path)) throw corrupt(`${path} is missing.`, path);
  }
  return planned;
}

// ---------------------------------------------------------------------------------------------------------
// Hashes: every entry streamed once; record entries kept (they are parsed next), evidence only hashed.

function isRecordRole(role: EntryRole): boolean {
  return role.kind !== 'evidence' && role.kind !== 'unknown';
}

async function hashEntries(
  zip: ZipArchive,
  planned: readonly PlannedEntry[],
  limits: PackageLimits,
  run: RunOptions,
): Promise<Map<string, Uint8Array>> {
  const texts = new Map<string, Uint8Array>();
  const total = planned.reduce((sum, p) => sum + p.entry.size, 0);
  let done = 0;
  run.onProgress?.({ phase: 'Checking files', done, total });
  const hasher = await createSHA256();
  for (const { entry, role, sha256 } of planned) {
    throwIfAborted(run.signal);
    const keep = isRecordRole(role);
    if (keep && entry.size > limits.maxRecordEntryBytes) {
      throw new ExchangeError(
        'too-large',
        `The file holds a list of records too large to open (${entry.path}, ${entry.size} bytes).`,
        entry.path,
      );
    }
    const kept = keep ? new Uint8Array(entry.size) : null;
    let offset = 0;
    hasher.init();
    for await (const chunk of zip.stream(entry, run.signal)) {
      if (kept) {
        if (offset + chunk.length > kept.length)
          throw corrupt(`${entry.path} is longer than recorded.`, entry.path);
        kept.set(chunk, offset);
      }
      offset += chunk.length;
      hasher.update(chunk);
      done += chunk.length;
      run.onProgress?.({ phase: 'Checking files', done, total });
    }
    if (offset !== entry.size) throw corrupt(`${entry.path} is shorter than recorded.`, entry.path);
    if (hasher.digest('hex') !== sha256) {
      throw corrupt(`${entry.path} does not match the SHA-256 in its table of contents.`, entry.path);
    }
    if (kept) texts.set(entry.path, kept);
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------------------
// Records: parsed, upgraded, validated, checked against the manifest.

function validated<T>(
  schema: z.ZodType,
  store: string,
  raw: unknown,
  schemaVersion: number,
  where: () => string,
): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw corrupt(`${where()} is not a record.`);
  }
  const upgraded =
    schemaVersion < CURRENT_SCHEMA_VERSION
      ? upgradeRecord(store, raw as StoredRecord, schemaVersion) // a JSON object: a plain record
      : raw;
  const parsed = schema.safeParse(upgraded);
  if (!parsed.success) throw corrupt(`${where()} is not valid (${firstIssue(parsed.error)}).`);
  return parsed.data as T; // the schema's output is the record type T the caller names
}

interface RecordReader {
  texts: ReadonlyMap<string, Uint8Array>;
  schemaVersion: number;
}

/** The validated records of one NDJSON entry (absent: none), ids unique. */
function readTable<T extends { id: string }>(
  reader: RecordReader,
  path: string,
  store: string,
  label: string,
  schema: z.ZodType,
): T[] {
  const bytes = reader.texts.get(path);
  if (!bytes) return [];
  const lines = parseNdjson(decodeUtf8(bytes, path), path, label);
  const ids = new Set<string>();
  return lines.map(({ line, value }) => {
    const record = validated<T>(
      schema,
      store,
      value,
      reader.schemaVersion,
      () => `the ${label} record on line ${line} of ${path}`,
    );
    if (ids.has(record.id))
      throw corrupt(`the ${label} record on line ${line} of ${path} appears twice.`, record.id);
    ids.add(record.id);
    return record;
  });
}

interface Stamped {
  id: string;
  engagementId: string;
  rev: number;
  clock: string;
  deleted: boolean;
}

function checkRevisions(
  table: string,
  label: string,
  records: readonly Stamped[],
  listed: Record<string, RecordRevision> | undefined,
): void {
  const expected = listed ?? {};
  if (Object.keys(expected).length !== records.length) {
    throw corrupt(`the ${label} records do not match its table of contents (${table}).`, table);
  }
  for (const r of records) {
    const rev = expected[r.id];
    if (!rev || rev.rev !== r.rev || rev.clock !== r.clock || rev.deleted !== r.deleted) {
      throw corrupt(`the ${label} record ${r.id} does not match its table of contents.`, r.id);
    }
  }
}

function readEngagement(
  reader: RecordReader,
  listed: ManifestEngagement,
  tolerant: boolean,
): EngagementSnapshot {
  const id = listed.id;
  const path = engagementPath(id);
  const bytes = reader.texts.get(path);
  if (!bytes) throw corrupt(`${path} is missing.`, path);
  const engagement = validated<Engagement>(
    engagementSchema,
    'engagements',
    parseJson(decodeUtf8(bytes, path), path, 'engagement record'),
    reader.schemaVersion,
    () => `the engagement record (${path})`,
  );
  if (engagement.id !== id || engagement.engagementId !== id) {
    throw corrupt(
      `the engagement record of ${path} is not the engagement its table of contents names.`,
      path,
    );
  }
  checkRevisions('engagement', 'engagement', [engagement], listed.revisions.engagement);

  const tables: Partial<Record<keyof SnapshotTables, Stamped[]>> = {};
  for (const table of SNAPSHOT_TABLES) {
    const label = SNAPSHOT_TABLE_LABELS[table];
    const records = readTable<Stamped>(
      reader,
      recordsPath(id, table),
      table,
      label,
      SNAPSHOT_TABLE_SCHEMAS[table],
    );
    for (const r of records) {
      if (r.engagementId !== id) {
        throw corrupt(`the ${label} record ${r.id} belongs to another engagement.`, r.id);
      }
    }
    checkRevisions(table, label, records, listed.revisions[table]);
    const live = records.filter((r) => !r.deleted).length;
    if ((listed.counts[table] ?? 0) !== live) {
      throw corrupt(`the number of ${label} records does not match its table of contents.`, table);
    }
    tables[table] = records;
  }
  const known = new Set<string>(['engagement', ...SNAPSHOT_TABLES]);
  const unknown = [...Object.keys(listed.revisions), ...Object.keys(listed.counts)].find(
    (t) => !known.has(t),
  );
  if (unknown !== undefined && !tolerant) {
    throw corrupt(`its table of contents names a table this version does not know (${unknown}).`, unknown);
  }
  // Each table was read with its own schema above; together they form the snapshot's tables.
  return { engagement, ...(tables as unknown as SnapshotTables) };
}

function checkEvidence(
  snapshot: EngagementSnapshot,
  listed: ManifestEngagement,
  sizes: ReadonlyMap<string, number>,
): void {
  const referenced = new Set<string>();
  for (const record of snapshot.evidence) {
    for (const version of record.versions) {
      referenced.add(version.sha256);
      const size = sizes.get(version.sha256);
      if (size === undefined) {
        throw corrupt(`the evidence file “${version.fileName}” is missing.`, evidencePath(version.sha256));
      }
      if (size !== version.size) {
        throw corrupt(
          `the evidence file “${version.fileName}” does not have its recorded size.`,
          version.sha256,
        );
      }
    }
  }
  const listedSet = new Set(listed.evidence);
  if (listedSet.size !== referenced.size || [...referenced].some((h) => !listedSet.has(h))) {
    throw corrupt('its list of evidence files does not match the evidence records.', 'evidence');
  }
}

async function readAudit(
  reader: RecordReader,
  listed: ManifestEngagement,
  name: string,
): Promise<AuditEvent[]> {
  const all: AuditEvent[] = [];
  for (const head of listed.chains) {
    const path = auditPath(listed.id, head.chain);
    const bytes = reader.texts.get(path);
    const lines = bytes ? parseNdjson(decodeUtf8(bytes, path), path, 'audit trail') : [];
    const events = lines.map(({ line, value }) => {
      const parsed = auditEventSchema.safeParse(value);
      if (!parsed.success) {
        throw corrupt(
          `the audit event on line ${line} of ${path} is not valid (${firstIssue(parsed.error)}).`,
          `${path}:${line}`,
        );
      }
      if (parsed.data.chain !== head.chain) {
        throw corrupt(
          `the audit event on line ${line} of ${path} belongs to another trail.`,
          `${path}:${line}`,
        );
      }
      // Kept exactly as read (not the schema's output): the chain hashes cover these very values.
      return value as AuditEvent;
    });
    const result = await verifyAuditChain(events, head);
    if (!result.ok) {
      throw new ExchangeError(
        'audit-chain',
        `The audit trail of ${name} does not verify. ${result.message}.`,
        head.chain,
      );
    }
    all.push(...events);
  }
  return all;
}

// ---------------------------------------------------------------------------------------------------------
// Evidence accessors

function evidenceAccessor(
  zip: ZipArchive,
  entry: ZipEntry,
  sha256: string,
  encrypted: boolean,
): PackageEvidence {
  async function* read(): AsyncGenerator<Uint8Array> {
    const hasher = await createSHA256();
    hasher.init();
    for await (const chunk of zip.stream(entry)) {
      hasher.update(chunk);
      yield chunk;
    }
    if (hasher.digest('hex') !== sha256) {
      throw corrupt(`the evidence file ${sha256} changed since the file was checked.`, entry.path);
    }
  }
  const stored = !encrypted && entry.method === 'stored';
  return {
    sha256,
    size: entry.size,
    read,
    ...(stored ? { storedRange: { offset: entry.dataOffset, length: entry.size } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------

/** Opens and verifies a package; nothing is returned unless every check passed. */
export function openPackage(source: RandomAccessSource, options: OpenOptions = {}): Promise<VerifiedPackage> {
  return plainErrors(async () => {
    const { encrypted, zip, manifest, limits } = await openArchive(source, options, options.limits);
    const run: RunOptions = { onProgress: options.onProgress, signal: options.signal };
    const planned = checkEntries(zip, manifest);
    const texts = await hashEntries(zip, planned, limits, run);
    const reader: RecordReader = { texts, schemaVersion: manifest.schemaVersion };
    const tolerant = isNewerMinor(manifest);

    const evidenceSizes = new Map<string, number>();
    const evidence = new Map<string, PackageEvidence>();
    for (const { entry, role } of planned) {
      if (role.kind !== 'evidence') continue;
      evidenceSizes.set(role.sha256, entry.size);
      evidence.set(role.sha256, evidenceAccessor(zip, entry, role.sha256, encrypted));
    }

    const engagements: PackageEngagement[] = [];
    const total = manifest.engagements.length;
    for (const [i, listed] of manifest.engagements.entries()) {
      throwIfAborted(options.signal);
      options.onProgress?.({ phase: 'Checking records', done: i, total });
      const snapshot = readEngagement(reader, listed, tolerant);
      checkEvidence(snapshot, listed, evidenceSizes);
      options.onProgress?.({ phase: 'Checking the audit trail', done: i, total });
      const name = snapshot.engagement.serviceOrganization || 'the engagement';
      const auditEvents = await readAudit(reader, listed, name);
      engagements.push({
        snapshot,
        auditEvents,
        chainHeads: listed.chains.map((c) => ({ ...c })),
        seen: { ...listed.seen },
      });
    }
    options.onProgress?.({ phase: 'Checking the audit trail', done: total, total });

    const profiles = readTable<Profile>(reader, PROFILES_PATH, 'profiles', 'profile', profileSchema);
    const settings = readTable<FirmSettings>(
      reader,
      SETTINGS_PATH,
      'settings',
      'firm settings',
      firmSettingsSchema,
    );
    return { manifest, encrypted, engagements, evidence, profiles, settings };
  });
}
