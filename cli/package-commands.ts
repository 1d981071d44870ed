/**
 * The `.fieldwork` commands of the command line: `demo`, `info`, `verify`, `merge`, and reading a package
 * for `export`. Each opens files through cli/files.ts and the shared codec (shared/exchange), asks for a
 * passphrase only when a file is encrypted, and reports in plain words; main.ts maps errors to exit codes.
 */
import { basename } from 'node:path';
import type { AuditEvent } from '../shared/domain/audit';
import { CURRENT_SCHEMA_VERSION } from '../shared/domain/upgrades';
import { SNAPSHOT_TABLE_LABELS } from '../shared/domain/snapshot-schemas';
import { SNAPSHOT_TABLES, type EngagementSnapshot } from '../shared/domain/snapshot';
import type { ExportPerson } from '../shared/exports/progress';
import { isEncrypted, type KdfParams } from '../shared/exchange/crypto';
import { planMerge } from '../shared/exchange/merge';
import { inspectPackage, openPackage, writePackage } from '../shared/exchange/package';
import type {
  Manifest,
  MergeConflict,
  MergeTable,
  PackageEngagement,
  Resolution,
  VerifiedPackage,
  WritePackageInput,
} from '../shared/exchange/types';
import { fileSink, fileSource, type FileSource } from './files';
import { applyMergeOutcome, CLI_ACTOR, cliNodeId, mergedEvidence } from './merge-output';
import { passphraseToEncrypt, passphraseToOpen, type PassphraseIo } from './passphrase';

export interface PackageIo extends PassphraseIo {
  out(line: string): void;
  err(line: string): void;
  now(): Date;
  appVersion: string;
  /** Key derivation for encrypted outputs (tests pass a cheap one). */
  kdf?: KdfParams;
}

/** The file's content is refused by the codec or the merge: exit 1. */
export class PackageProblem extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** A wrong argument the user can fix (exit 2). */
export class PackageUsageError extends Error {}

/** Conflicts without `--prefer` (exit 3). */
export class UnresolvedConflicts extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Words

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "29 controls", "1 addendum", "3 addenda" for a table of the manifest's counts. */
function tableCount(table: string, n: number): string {
  // Evidence records (what the app lists) are not the files: a record keeps every version's file.
  const label =
    table === 'evidence'
      ? 'evidence record'
      : ((SNAPSHOT_TABLE_LABELS as Readonly<Record<string, string>>)[table] ?? table); // unknown: as is
  return plural(n, label, label === 'addendum' ? 'addenda' : `${label}s`);
}

const KIND_WORDS: Record<Manifest['kind'], string> = {
  engagement: 'engagement file (can be merged)',
  'reviewer-copy': 'reviewer copy (opens read-only, cannot be merged back)',
  backup: 'backup',
};

/** "2026-11-23 14:05 UTC" from an ISO time. */
function when(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

// ---------------------------------------------------------------------------------------------------------
// Opening

interface OpenedInput {
  source: FileSource;
  name: string;
  passphrase?: string;
}

/** Opens `path` and, when it is encrypted, gets the passphrase for it. The caller closes `source`. */
async function openInput(io: PackageIo, path: string): Promise<OpenedInput> {
  const source = await fileSource(path).catch((error: unknown) => {
    throw new PackageUsageError(error instanceof Error ? error.message : String(error));
  });
  const name = basename(path);
  try {
    if (!(await isEncrypted(source))) return { source, name };
    return { source, name, passphrase: await passphraseToOpen(io, name) };
  } catch (error) {
    await source.close();
    throw error;
  }
}

async function withInput<T>(
  io: PackageIo,
  path: string,
  use: (input: OpenedInput) => Promise<T>,
): Promise<T> {
  const input = await openInput(io, path);
  try {
    return await use(input);
  } finally {
    await input.source.close();
  }
}

function verified(input: OpenedInput): Promise<VerifiedPackage> {
  return openPackage(input.source, input.passphrase !== undefined ? { passphrase: input.passphrase } : {});
}

/** The engagement of a package to work on: the only one, or the one `--engagement` names. */
export function pickEngagement(pkg: VerifiedPackage, name: string, wanted?: string): PackageEngagement {
  const all = pkg.engagements;
  if (wanted !== undefined) {
    const found = all.find((e) => e.snapshot.engagement.id === wanted);
    if (!found) {
      throw new PackageUsageError(`${name} holds no engagement with id ${wanted}.\n${listEngagements(all)}`);
    }
    return found;
  }
  const [only, ...more] = all;
  if (!only) throw new PackageUsageError(`${name} holds no engagement.`);
  if (more.length > 0) {
    throw new PackageUsageError(
      `${name} holds ${all.length} engagements; choose one with --engagement <id>.\n${listEngagements(all)}`,
    );
  }
  return only;
}

function engagementTitle(snapshot: EngagementSnapshot): string {
  const { serviceOrganization, systemName } = snapshot.engagement;
  return [serviceOrganization, systemName].filter((part) => part).join(' — ') || 'Untitled engagement';
}

function listEngagements(all: readonly PackageEngagement[]): string {
  return all.map((e) => `  ${e.snapshot.engagement.id}  ${engagementTitle(e.snapshot)}`).join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// demo

/** The passphrase for a new file when `encrypt` is asked for (asked before any slow work). */
function outputPassphrase(io: PackageIo, path: string, encrypt: boolean): Promise<string | undefined> {
  return encrypt ? passphraseToEncrypt(io, basename(path)) : Promise.resolve(undefined);
}

async function writeTo(
  io: PackageIo,
  path: string,
  input: WritePackageInput,
  passphrase: string | undefined,
): Promise<Manifest> {
  const sink = await fileSink(path);
  try {
    return await writePackage(sink, input, {
      ...(passphrase !== undefined ? { passphrase } : {}),
      ...(io.kdf ? { kdf: io.kdf } : {}),
    });
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

export async function demoCommand(io: PackageIo, output: string, encrypt: boolean): Promise<void> {
  // Loaded on demand: the demo pulls in the app's database layer and fake-indexeddb.
  const passphrase = await outputPassphrase(io, output, encrypt);
  const { demoPackageInput } = await import('./demo');
  const input = await demoPackageInput(io.appVersion, io.now());
  const manifest = await writeTo(io, output, input, passphrase);
  const [engagement] = manifest.engagements;
  const evidence = manifest.entries.filter((e) => e.path.startsWith('evidence/'));
  io.out(
    `Wrote ${output}: the demo engagement${engagement ? ` (${engagement.clientName})` : ''} with ${plural(evidence.length, 'evidence file')}${encrypt ? ', encrypted' : ''}.`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// info

export async function infoCommand(io: PackageIo, path: string): Promise<void> {
  await withInput(io, path, async (input) => {
    const { manifest, encrypted } = await inspectPackage(
      input.source,
      input.passphrase !== undefined ? { passphrase: input.passphrase } : {},
    );
    const evidence = manifest.entries.filter((e) => e.path.startsWith('evidence/'));
    const evidenceBytes = evidence.reduce((sum, e) => sum + e.size, 0);
    io.out(`File:         ${input.name} (${formatSize(input.source.size)})`);
    io.out(`Kind:         ${KIND_WORDS[manifest.kind]}`);
    io.out(
      `Format:       ${manifest.format} ${manifest.formatVersion}, records of schema version ${manifest.schemaVersion}`,
    );
    io.out(`Written by:   ${manifest.app.name} ${manifest.app.version}`);
    io.out(`Exported:     ${when(manifest.exportedAt)} by ${manifest.exportedBy.name}`);
    io.out(`Encrypted:    ${encrypted ? 'yes' : 'no'}`);
    io.out(`Evidence:     ${plural(evidence.length, 'file')}, ${formatSize(evidenceBytes)}`);
    io.out(`Engagements:  ${manifest.engagements.length}`);
    for (const engagement of manifest.engagements) {
      io.out(`  ${[engagement.clientName, engagement.name].filter((p) => p).join(' — ')}`);
      io.out(`    id ${engagement.id}`);
      const counts = Object.entries(engagement.counts)
        .filter(([, n]) => n > 0)
        .map(([table, n]) => tableCount(table, n))
        .join(', ');
      io.out(`    records: ${counts || 'none'}`);
      io.out(
        `    audit trail: ${plural(engagement.chains.length, 'chain')}, ${plural(
          engagement.chains.reduce((sum, c) => sum + c.seq, 0),
          'event',
        )}; evidence: ${plural(engagement.evidence.length, 'file')}`,
      );
    }
    io.out('Only the table of contents was read; run "fieldwork verify" to check every record and file.');
  });
}

// ---------------------------------------------------------------------------------------------------------
// verify

function recordCount(snapshot: EngagementSnapshot): number {
  return 1 + SNAPSHOT_TABLES.reduce((sum, table) => sum + snapshot[table].length, 0);
}

export async function verifyCommand(io: PackageIo, path: string): Promise<void> {
  await withInput(io, path, async (input) => {
    const pkg = await verified(input);
    const records = pkg.engagements.reduce((sum, e) => sum + recordCount(e.snapshot), 0);
    const events = pkg.engagements.reduce((sum, e) => sum + e.auditEvents.length, 0);
    const chains = pkg.engagements.reduce((sum, e) => sum + e.chainHeads.length, 0);
    const evidenceBytes = [...pkg.evidence.values()].reduce((sum, e) => sum + e.size, 0);
    io.out(
      `OK: ${input.name}${pkg.encrypted ? ' (encrypted)' : ''}: ${plural(pkg.engagements.length, 'engagement')}, ${plural(records, 'record')}, ${plural(pkg.evidence.size, 'evidence file')} (${formatSize(evidenceBytes)}), ${plural(events, 'audit event')} in ${plural(chains, 'chain')}. Every hash, record and audit chain checked.`,
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// export (.fieldwork input)

/** The people the audit trail and sign-offs name: the backup's profiles, else the audit events' actors. */
export function peopleOf(pkg: VerifiedPackage, events: readonly AuditEvent[]): ExportPerson[] {
  if (pkg.profiles.length > 0) {
    return pkg.profiles.map((p) => ({ id: p.id, name: p.fullName, initials: p.initials, role: p.role }));
  }
  const people = new Map<string, ExportPerson>();
  for (const event of events) {
    if (people.has(event.actor)) continue;
    const initials = event.actorName
      .split(/\s+/)
      .filter((w) => w)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('')
      .slice(0, 3);
    people.set(event.actor, { id: event.actor, name: event.actorName, initials, role: '' });
  }
  return [...people.values()];
}

export interface ExportInput {
  snapshot: EngagementSnapshot;
  auditEvents: AuditEvent[];
  people: ExportPerson[];
}

/** A verified package's engagement, as the export builders take it. */
export async function readPackageForExport(
  io: PackageIo,
  path: string,
  engagementId?: string,
): Promise<ExportInput> {
  return withInput(io, path, async (input) => {
    const pkg = await verified(input);
    const engagement = pickEngagement(pkg, input.name, engagementId);
    return {
      snapshot: engagement.snapshot,
      auditEvents: engagement.auditEvents,
      people: peopleOf(pkg, engagement.auditEvents),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// merge

export type Prefer = 'mine' | 'theirs';

function recordLabel(snapshot: EngagementSnapshot, table: MergeTable, recordId: string): string {
  const record =
    table === 'engagement'
      ? snapshot.engagement
      : // every snapshot table holds records with an id; the union of row types needs widening to search it
        (snapshot[table] as readonly { id: string }[]).find((r) => r.id === recordId);
  const fields = (record ?? {}) as Record<string, unknown>; // a stored record: read its naming fields
  const name = ['reference', 'number', 'title', 'name', 'key', 'criterionId', 'fileName']
    .map((field) => fields[field])
    .find((value) => (typeof value === 'string' && value !== '') || typeof value === 'number');
  const what = table === 'engagement' ? 'engagement' : SNAPSHOT_TABLE_LABELS[table];
  return name !== undefined ? `${what} ${String(name)}` : `${what} ${recordId.slice(0, 8)}…`;
}

function shortValue(value: unknown): string {
  const text = value === undefined ? '(none)' : (JSON.stringify(value) ?? String(value));
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 70 ? `${oneLine.slice(0, 67)}…` : oneLine;
}

export function describeConflict(
  conflict: MergeConflict,
  mine: EngagementSnapshot,
  theirs: EngagementSnapshot,
): string {
  const label = recordLabel(mine, conflict.table, conflict.recordId);
  const fallback = label.endsWith('…') ? recordLabel(theirs, conflict.table, conflict.recordId) : label;
  if (conflict.kind === 'field') {
    return `  ${fallback}, field ${conflict.path}:\n      mine:   ${shortValue(conflict.mine)}\n      theirs: ${shortValue(conflict.theirs)}`;
  }
  const who =
    conflict.deletedBy === 'mine' ? 'deleted in mine, edited in theirs' : 'deleted in theirs, edited in mine';
  return `  ${fallback}: ${who}${conflict.editedPaths.length > 0 ? ` (${conflict.editedPaths.join(', ')})` : ''}`;
}

/** The resolution `prefer` gives a conflict: the preferred side's value, or its keep/delete. */
export function resolutionFor(conflict: MergeConflict, prefer: Prefer): Resolution {
  if (conflict.kind === 'field') return prefer;
  return conflict.deletedBy === prefer ? 'delete' : 'keep';
}

export interface MergeOptions {
  output: string;
  prefer?: Prefer;
  engagementId?: string;
  encrypt: boolean;
}

export async function mergeCommand(
  io: PackageIo,
  minePath: string,
  theirsPath: string,
  options: MergeOptions,
): Promise<void> {
  await withInput(io, minePath, (mineInput) =>
    withInput(io, theirsPath, async (theirsInput) => {
      const minePkg = await verified(mineInput);
      const theirsPkg = await verified(theirsInput);
      for (const [pkg, name] of [
        [minePkg, mineInput.name],
        [theirsPkg, theirsInput.name],
      ] as const) {
        if (pkg.manifest.kind === 'reviewer-copy') {
          throw new PackageUsageError(`${name} is a read-only reviewer copy: it cannot be merged.`);
        }
      }
      const mine = pickEngagement(minePkg, mineInput.name, options.engagementId);
      const id = mine.snapshot.engagement.id;
      const theirs = theirsPkg.engagements.find((e) => e.snapshot.engagement.id === id);
      if (!theirs) {
        throw new PackageUsageError(
          `${theirsInput.name} does not hold the engagement of ${mineInput.name} (${engagementTitle(mine.snapshot)}, id ${id}); only copies of the same engagement can be merged.`,
        );
      }
      const plan = planMerge({
        mine: mine.snapshot,
        theirs: theirs.snapshot,
        mineSeen: mine.seen,
        theirsSeen: theirs.seen,
      });
      const { summary } = plan;
      io.out(`Merging ${theirsInput.name} into ${mineInput.name}: ${engagementTitle(mine.snapshot)}`);
      io.out(
        `  ${plural(summary.added, 'record')} added, ${plural(summary.updated, 'record')} updated (${plural(summary.fieldsTaken, 'field')} taken from theirs), ${plural(summary.keptMine, 'record')} changed only in mine (kept), ${plural(summary.conflicts, 'conflict')}.`,
      );
      for (const notice of plan.notices) io.out(`  Note: ${notice}`);
      if (plan.conflicts.length > 0 && options.prefer === undefined) {
        // What the merge would renumber if every conflict kept mine (the final list follows the choices).
        for (const renumbering of plan.renumberings) io.out(`  ${renumbering.message}`);
      }
      if (plan.conflicts.length > 0) {
        io.out(`Conflicts (the same field changed in both copies):`);
        for (const conflict of plan.conflicts)
          io.out(describeConflict(conflict, mine.snapshot, theirs.snapshot));
      }
      if (plan.conflicts.length > 0 && options.prefer === undefined) {
        throw new UnresolvedConflicts(
          `${plural(plan.conflicts.length, 'conflict')}: nothing was written. Decide them in the app (import ${theirsInput.name} into your copy), or run again with --prefer mine or --prefer theirs to take one side for every conflict.`,
        );
      }
      const passphrase = await outputPassphrase(io, options.output, options.encrypt);
      const prefer = options.prefer ?? 'mine';
      const resolutions = Object.fromEntries(plan.conflicts.map((c) => [c.id, resolutionFor(c, prefer)]));
      const outcome = plan.resolve(resolutions);
      for (const renumbering of outcome.renumberings) io.out(`  ${renumbering.message}`);
      const now = io.now();
      const nodeId = cliNodeId();
      const merged = applyMergeOutcome(mine, theirs, outcome, { nodeId, now });
      const input: WritePackageInput = {
        kind: 'engagement',
        app: { name: 'Fieldwork', version: io.appVersion },
        exportedAt: now.toISOString(),
        exportedBy: { ...CLI_ACTOR },
        sourceNode: nodeId,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        engagements: [merged.engagement],
        evidence: mergedEvidence(merged.engagement.snapshot, [minePkg.evidence, theirsPkg.evidence]),
      };
      await writeTo(io, options.output, input, passphrase);
      io.out(
        `Wrote ${options.output}: ${plural(merged.changed, 'record')} written by the merge${
          plan.conflicts.length > 0
            ? `, ${plural(plan.conflicts.length, 'conflict')} resolved as ${prefer}`
            : ''
        }${options.encrypt ? ', encrypted' : ''}. The audit trails of both files are kept; the merge itself is not in them (see docs/command-line.md).`,
      );
    }),
  );
}
