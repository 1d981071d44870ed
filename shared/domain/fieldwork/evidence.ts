/**
 * Evidence: files the auditor received or obtained, stored once per SHA-256 in the database (the bytes
 * live in the `blobs` store, keyed by hash) and described by an evidence record. Replacing a file adds a
 * version and keeps the old ones; links say what the file supports. Removing a link never removes the file.
 */
import { z } from 'zod';
import { engagementRecordMetaSchema, isoDateTimeSchema, uuidSchema } from '../records/base';
import { optionalDate, text } from '../planning/fields';

export const SHA256_PATTERN = /^[0-9a-f]{64}$/u;
export const sha256Schema = z.string().regex(SHA256_PATTERN, 'must be a SHA-256 hash in hex');

export const EVIDENCE_SOURCES = ['request', 'client', 'auditor'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];
export const EVIDENCE_SOURCE_LABELS: Record<EvidenceSource, string> = {
  request: 'Request list item',
  client: 'Client person',
  auditor: 'Auditor-obtained',
};

/** What an evidence file can be linked to. `detail` narrows a link (a walkthrough step's id). */
export const EVIDENCE_LINK_KINDS = [
  'control',
  'test',
  'sample-item',
  'interview',
  'walkthrough',
  'request',
] as const;
export type EvidenceLinkKind = (typeof EVIDENCE_LINK_KINDS)[number];
export const EVIDENCE_LINK_LABELS: Record<EvidenceLinkKind, string> = {
  control: 'Control',
  test: 'Test',
  'sample-item': 'Sample item',
  interview: 'Interview',
  walkthrough: 'Walkthrough',
  request: 'Request',
};

export const evidenceLinkSchema = z.object({
  kind: z.enum(EVIDENCE_LINK_KINDS),
  id: uuidSchema,
  detail: text(100).optional(),
});
export type EvidenceLink = z.output<typeof evidenceLinkSchema>;

export const evidenceVersionSchema = z.object({
  sha256: sha256Schema,
  fileName: text(255).min(1, 'The file needs a name.'),
  mediaType: text(255),
  size: z.number().int().min(0),
  addedAt: isoDateTimeSchema,
  /** Profile id of whoever added this version. */
  addedBy: z.string().min(1),
  /** Why the file was replaced (empty for the first version). */
  note: text(1000),
});
export type EvidenceVersion = z.output<typeof evidenceVersionSchema>;

export const EVIDENCE_PURPOSES = ['evidence', 'population'] as const;
export type EvidencePurpose = (typeof EVIDENCE_PURPOSES)[number];

const evidenceShape = {
  /** The versions of the file, oldest first; the last one is current. */
  versions: z.array(evidenceVersionSchema).min(1).max(200),
  description: text(5000),
  /** When the auditor received the file. */
  receivedOn: optionalDate,
  /** The date the evidence pertains to (a user listing as of 30 June), which differs from receipt. */
  asOf: optionalDate,
  source: z.enum(EVIDENCE_SOURCES),
  /** The request list item it answers, when the source is a request. */
  requestId: uuidSchema.nullable(),
  /** The client person who gave it, when the source is a person. */
  sourcePerson: text(200),
  links: z.array(evidenceLinkSchema).max(2000),
  /** Population files are evidence too (their hash is the population's), listed apart. */
  purpose: z.enum(EVIDENCE_PURPOSES),
};

export const evidenceFieldsSchema = z.object(evidenceShape);
export type EvidenceFields = z.output<typeof evidenceFieldsSchema>;
export const evidenceSchema = engagementRecordMetaSchema.extend(evidenceShape);
export type Evidence = z.output<typeof evidenceSchema>;

export function currentVersion(e: Pick<Evidence, 'versions'>): EvidenceVersion {
  const last = e.versions[e.versions.length - 1];
  if (!last) throw new Error('evidence without a version');
  return last;
}

export function linkKey(link: EvidenceLink): string {
  return `${link.kind}:${link.id}${link.detail ? `#${link.detail}` : ''}`;
}

/** Adds links not already present, keeping order. */
export function addLinks(links: readonly EvidenceLink[], extra: readonly EvidenceLink[]): EvidenceLink[] {
  const seen = new Set(links.map(linkKey));
  const out = [...links];
  for (const l of extra) {
    if (seen.has(linkKey(l))) continue;
    seen.add(linkKey(l));
    out.push(l);
  }
  return out;
}

export function removeLink(links: readonly EvidenceLink[], link: EvidenceLink): EvidenceLink[] {
  const key = linkKey(link);
  return links.filter((l) => linkKey(l) !== key);
}

export function hasLink(e: Pick<Evidence, 'links'>, kind: EvidenceLinkKind, id: string, detail?: string) {
  return e.links.some((l) => l.kind === kind && l.id === id && (detail === undefined || l.detail === detail));
}

/** Broad kinds for the library's type filter and the previewer. */
export type PreviewKind = 'image' | 'pdf' | 'text' | 'none';
const TEXT_EXTENSIONS = /\.(txt|csv|tsv|log|json|xml|md|yaml|yml|ini|conf|cfg|sql|ps1|sh)$/iu;
const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|bmp|svg)$/iu;

export function previewKind(mediaType: string, fileName: string): PreviewKind {
  const type = mediaType.toLowerCase();
  if (type === 'application/pdf' || /\.pdf$/iu.test(fileName)) return 'pdf';
  // SVG is shown as an image (in an <img>, where its scripts never run).
  if (type.startsWith('image/') || IMAGE_EXTENSIONS.test(fileName)) return 'image';
  if (type.startsWith('text/') || type === 'application/json' || TEXT_EXTENSIONS.test(fileName))
    return 'text';
  return 'none';
}

export const FILE_TYPE_GROUPS = ['pdf', 'image', 'spreadsheet', 'text', 'document', 'other'] as const;
export type FileTypeGroup = (typeof FILE_TYPE_GROUPS)[number];
export const FILE_TYPE_LABELS: Record<FileTypeGroup, string> = {
  pdf: 'PDF',
  image: 'Image',
  spreadsheet: 'Spreadsheet',
  text: 'Text / CSV',
  document: 'Document',
  other: 'Other',
};

export function fileTypeGroup(mediaType: string, fileName: string): FileTypeGroup {
  if (/\.(xlsx|xlsm|xls|ods|numbers)$/iu.test(fileName) || mediaType.includes('spreadsheet')) {
    return 'spreadsheet';
  }
  const kind = previewKind(mediaType, fileName);
  if (kind === 'pdf' || kind === 'image' || kind === 'text') return kind;
  if (/\.(docx?|odt|rtf|pptx?|odp|msg|eml)$/iu.test(fileName)) return 'document';
  return 'other';
}

/** "4.2 MB" in decimal units, as file managers show sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The hash shortened for tables (full hash in the tooltip and the details). */
export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 8)}…${sha256.slice(-4)}`;
}
