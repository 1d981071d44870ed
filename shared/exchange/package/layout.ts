/**
 * Where things live inside a `.fieldwork` zip (docs/exchange-format.md, "Layout"): entry paths are built
 * here and parsed back here, so the writer and the reader cannot disagree. Every path is plain ASCII,
 * relative, without `..`, and made only of ids that were checked.
 */
import { SNAPSHOT_TABLES, type SnapshotTable } from '../../domain/snapshot';

export const MANIFEST_PATH = 'manifest.json';
export const PROFILES_PATH = 'machine/profiles.ndjson';
export const SETTINGS_PATH = 'machine/settings.ndjson';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NODE = '[0-9a-z-]{1,64}';
const SHA256 = '[0-9a-f]{64}';

const ENGAGEMENT_ID = new RegExp(`^${UUID}$`, 'u');
const CHAIN_ID = new RegExp(`^(${UUID})(~${NODE})?$`, 'u');
const SHA256_ONLY = new RegExp(`^${SHA256}$`, 'u');
const ENGAGEMENT_ENTRY = new RegExp(`^engagements/(${UUID})/engagement\\.json$`, 'u');
const RECORDS_ENTRY = new RegExp(`^engagements/(${UUID})/records/([A-Za-z]+)\\.ndjson$`, 'u');
const AUDIT_ENTRY = new RegExp(`^engagements/(${UUID})/audit/(${UUID}(?:~${NODE})?)\\.ndjson$`, 'u');
const EVIDENCE_ENTRY = new RegExp(`^evidence/(${SHA256})$`, 'u');

export function isEngagementId(id: string): boolean {
  return ENGAGEMENT_ID.test(id);
}

export function isSha256(value: string): boolean {
  return SHA256_ONLY.test(value);
}

/** True when `chain` is an audit chain of engagement `engagementId`: `E` or `E~<node id>`. */
export function isChainOf(chain: string, engagementId: string): boolean {
  const match = CHAIN_ID.exec(chain);
  return match?.[1] === engagementId;
}

export function engagementPath(engagementId: string): string {
  return `engagements/${engagementId}/engagement.json`;
}

export function recordsPath(engagementId: string, table: SnapshotTable): string {
  return `engagements/${engagementId}/records/${table}.ndjson`;
}

export function auditPath(engagementId: string, chain: string): string {
  return `engagements/${engagementId}/audit/${chain}.ndjson`;
}

export function evidencePath(sha256: string): string {
  return `evidence/${sha256}`;
}

/** What an entry path means; `unknown` for anything this version does not write. */
export type EntryRole =
  | { kind: 'manifest' }
  | { kind: 'engagement'; engagementId: string }
  | { kind: 'records'; engagementId: string; table: SnapshotTable }
  | { kind: 'audit'; engagementId: string; chain: string }
  | { kind: 'evidence'; sha256: string }
  | { kind: 'profiles' }
  | { kind: 'settings' }
  | { kind: 'unknown' };

const TABLES: ReadonlySet<string> = new Set(SNAPSHOT_TABLES);

function isTable(name: string): name is SnapshotTable {
  return TABLES.has(name);
}

export function entryRole(path: string): EntryRole {
  if (path === MANIFEST_PATH) return { kind: 'manifest' };
  if (path === PROFILES_PATH) return { kind: 'profiles' };
  if (path === SETTINGS_PATH) return { kind: 'settings' };
  const engagement = ENGAGEMENT_ENTRY.exec(path);
  if (engagement?.[1]) return { kind: 'engagement', engagementId: engagement[1] };
  const records = RECORDS_ENTRY.exec(path);
  if (records?.[1] && records[2] && isTable(records[2])) {
    return { kind: 'records', engagementId: records[1], table: records[2] };
  }
  const audit = AUDIT_ENTRY.exec(path);
  if (audit?.[1] && audit[2] && isChainOf(audit[2], audit[1])) {
    return { kind: 'audit', engagementId: audit[1], chain: audit[2] };
  }
  const evidence = EVIDENCE_ENTRY.exec(path);
  if (evidence?.[1]) return { kind: 'evidence', sha256: evidence[1] };
  return { kind: 'unknown' };
}

/** JSON records are compressed; evidence is deflated only when it is text-like (others are compressed already). */
const TEXT_MEDIA =
  /^(text\/|application\/(json|xml|csv|rtf|x-ndjson|ld\+json)|message\/rfc822|image\/svg\+xml)/iu;
const TEXT_EXTENSIONS =
  /\.(txt|csv|tsv|json|ndjson|xml|log|md|markdown|html?|eml|rtf|svg|yaml|yml|ini|sql|sh|ps1)$/iu;

export function shouldDeflateEvidence(fileName: string, mediaType: string): boolean {
  return TEXT_MEDIA.test(mediaType.trim()) || TEXT_EXTENSIONS.test(fileName.trim());
}
