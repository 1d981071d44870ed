/**
 * Evidence changes through the repository. Files arrive hashed (hashFiles.ts); their bytes are written in
 * the same transaction as the records that point at them, once per hash, so a failed write (disk full,
 * quota) leaves the database exactly as it was. Records are never hard-deleted and blobs are never
 * removed: a file stays in the library whatever happens to its links.
 */
import {
  addLinks,
  currentVersion,
  removeLink,
  type Evidence,
  type EvidenceFields,
  type EvidenceLink,
  type EvidenceSource,
  type EvidencePurpose,
} from '@shared/domain/fieldwork';
import { localIsoDate } from '@shared/domain/engagement';
import type { Actor, Mutation, Repository } from '../../db';
import type { BlobWrite } from '../../db/repository';
import { engagementRecords } from '../../db/queries';
import { setDeleted, updateRecord } from '../../db/records';
import { ensureRoomFor } from './storage';

/** A file the user picked or dropped, with its hash from the worker. */
export interface HashedFile {
  file: Blob & { name: string };
  sha256: string;
}

export interface EvidenceDefaults {
  description?: string;
  receivedOn?: string | null;
  asOf?: string | null;
  source?: EvidenceSource;
  requestId?: string | null;
  sourcePerson?: string;
  links?: EvidenceLink[];
  purpose?: EvidencePurpose;
}

export interface AddEvidenceResult {
  created: Evidence[];
  /** Files whose bytes were already in the engagement's library: the existing record got the links. */
  existing: Evidence[];
}

/** Bytes the database does not hold yet (hashes already stored cost nothing). */
async function newBytes(repo: Repository, files: readonly HashedFile[]): Promise<BlobWrite[]> {
  const unique = new Map<string, HashedFile>();
  for (const f of files) if (!unique.has(f.sha256)) unique.set(f.sha256, f);
  const stored = new Set(
    (
      await repo.db.blobs
        .where('sha256')
        .anyOf([...unique.keys()])
        .primaryKeys()
    ).map(String),
  );
  return [...unique.values()]
    .filter((f) => !stored.has(f.sha256))
    .map((f) => ({ sha256: f.sha256, blob: f.file }));
}

export async function addEvidence(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  files: readonly HashedFile[],
  defaults: EvidenceDefaults = {},
): Promise<AddEvidenceResult> {
  if (files.length === 0) return { created: [], existing: [] };
  const library = await engagementRecords<Evidence>(repo.db, 'evidence', engagementId);
  const byHash = new Map(library.map((e) => [currentVersion(e).sha256, e]));
  const blobs = await newBytes(repo, files);
  await ensureRoomFor(blobs.reduce((sum, b) => sum + b.blob.size, 0));
  const at = new Date().toISOString();
  const links = defaults.links ?? [];
  const mutations: Mutation[] = [];
  const seen = new Set<string>();
  const existing: Evidence[] = [];
  for (const f of files) {
    if (seen.has(f.sha256)) continue; // the same bytes twice in one drop
    seen.add(f.sha256);
    const already = byHash.get(f.sha256);
    if (already) {
      existing.push(already);
      const merged = addLinks(already.links, links);
      if (merged.length !== already.links.length) {
        mutations.push({ entity: 'evidence', op: 'update', id: already.id, patch: { links: merged } });
      }
      continue;
    }
    const fields: EvidenceFields = {
      versions: [
        {
          sha256: f.sha256,
          fileName: f.file.name || 'unnamed file',
          mediaType: f.file.type,
          size: f.file.size,
          addedAt: at,
          addedBy: actor.id,
          note: '',
        },
      ],
      description: defaults.description ?? '',
      receivedOn: defaults.receivedOn === undefined ? localIsoDate(new Date()) : defaults.receivedOn,
      asOf: defaults.asOf ?? null,
      source: defaults.source ?? (defaults.requestId ? 'request' : 'client'),
      requestId: defaults.requestId ?? null,
      sourcePerson: defaults.sourcePerson ?? '',
      links,
      purpose: defaults.purpose ?? 'evidence',
    };
    mutations.push({ entity: 'evidence', op: 'create', fields: { ...fields, engagementId } });
  }
  const saved = (await repo.mutate(mutations, actor, { blobs })) as Evidence[]; // parsed by the evidence schema
  const existingIds = new Set(existing.map((e) => e.id));
  return { created: saved.filter((e) => !existingIds.has(e.id)), existing };
}

/** Replaces the file behind an evidence record: the old version stays listed (and stored) with its hash. */
export async function replaceEvidenceFile(
  repo: Repository,
  actor: Actor,
  evidence: Evidence,
  file: HashedFile,
  note: string,
): Promise<Evidence> {
  if (currentVersion(evidence).sha256 === file.sha256) {
    throw new Error('This is the same file as the current version (identical SHA-256); nothing to replace.');
  }
  const blobs = await newBytes(repo, [file]);
  await ensureRoomFor(blobs.reduce((sum, b) => sum + b.blob.size, 0));
  const version = {
    sha256: file.sha256,
    fileName: file.file.name || currentVersion(evidence).fileName,
    mediaType: file.file.type,
    size: file.file.size,
    addedAt: new Date().toISOString(),
    addedBy: actor.id,
    note: note.trim(),
  };
  const [saved] = await repo.mutate(
    [
      {
        entity: 'evidence',
        op: 'update',
        id: evidence.id,
        patch: { versions: [...evidence.versions, version] },
        expectedRev: evidence.rev,
      },
    ],
    actor,
    { blobs },
  );
  return (saved ?? evidence) as Evidence;
}

export function updateEvidence(
  repo: Repository,
  actor: Actor,
  evidence: Evidence,
  patch: Partial<Omit<EvidenceFields, 'versions'>>,
) {
  return updateRecord(repo, actor, 'evidence', evidence, patch);
}

/** Links several evidence files to one record (a control, a sample item…) in one change. */
export async function linkEvidence(
  repo: Repository,
  actor: Actor,
  evidence: readonly Evidence[],
  link: EvidenceLink,
): Promise<void> {
  const mutations: Mutation[] = evidence
    .filter((e) => addLinks(e.links, [link]).length !== e.links.length)
    .map((e) => ({
      entity: 'evidence',
      op: 'update',
      id: e.id,
      patch: { links: addLinks(e.links, [link]) },
    }));
  await repo.mutate(mutations, actor);
}

/**
 * Removes the link; the file and its other links stay. A link without `detail` (a whole walkthrough)
 * also removes the file from that record's parts (its steps): it no longer supports the record at all.
 */
export function unlinkEvidence(repo: Repository, actor: Actor, evidence: Evidence, link: EvidenceLink) {
  const links =
    link.detail === undefined
      ? evidence.links.filter((l) => !(l.kind === link.kind && l.id === link.id))
      : removeLink(evidence.links, link);
  return updateRecord(repo, actor, 'evidence', evidence, { links });
}

/** Moves evidence to the deleted list (a tombstone); its bytes stay stored for the audit trail and undo. */
export function setEvidenceDeleted(repo: Repository, actor: Actor, ids: readonly string[], deleted: boolean) {
  return setDeleted(repo, actor, 'evidence', ids, deleted);
}

/** The stored bytes of a version, or null when this database does not hold them. */
export async function evidenceBlob(repo: Repository, sha256: string): Promise<Blob | null> {
  const row = await repo.db.blobs.get(sha256);
  return row ? repo.db.atRest.evidenceBytes(row) : null;
}
