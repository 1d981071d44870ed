/**
 * The manifest (`manifest.json`): its zod schema and the checks made before anything else of a package is
 * read — is it a Fieldwork package at all, is its format version one this app reads, are its records of a
 * schema version this app knows. A newer minor version may add keys this version does not know (they are
 * dropped); for the same or an older version any unknown key is refused.
 */
import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION } from '../../domain/upgrades';
import { ExchangeError, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type Manifest } from '../types';
import { isChainOf, isEngagementId, isSha256 } from './layout';

export const FORMAT_VERSION_TEXT = `${PACKAGE_FORMAT_VERSION.major}.${PACKAGE_FORMAT_VERSION.minor}`;

const hex64 = z.string().refine(isSha256, 'must be a SHA-256 hash in hex');
const count = z.number().int().min(0);

function shapes(object: typeof z.object) {
  const revision = object({ rev: z.number().int().min(1), clock: z.string().min(1), deleted: z.boolean() });
  const chainHead = object({ chain: z.string().min(1), seq: z.number().int().min(1), hash: hex64 });
  const engagement = object({
    id: z.string().refine(isEngagementId, 'must be a UUID'),
    name: z.string(),
    clientName: z.string(),
    counts: z.record(z.string(), count),
    revisions: z.record(z.string(), z.record(z.string(), revision)),
    seen: z.record(z.string(), z.string().min(1)),
    chains: z.array(chainHead),
    evidence: z.array(hex64),
  }).refine((e) => e.chains.every((c) => isChainOf(c.chain, e.id)), {
    message: 'names an audit trail of another engagement',
    path: ['chains'],
  });
  return object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.string().regex(/^\d+\.\d+$/u),
    schemaVersion: z.number().int().min(1),
    kind: z.enum(['engagement', 'reviewer-copy', 'backup']),
    app: object({ name: z.string(), version: z.string() }),
    exportedAt: z.string().min(1),
    exportedBy: object({ id: z.string(), name: z.string() }),
    sourceNode: z.string().min(1),
    engagements: z.array(engagement),
    entries: z.array(object({ path: z.string().min(1), size: count, sha256: hex64 })),
  });
}

/** For manifests of this version or older: every key must be known. */
const strictManifestSchema = shapes(z.strictObject as typeof z.object); // same signature, refuses unknown keys
/** For manifests of a newer minor version: unknown keys are dropped. */
const tolerantManifestSchema = shapes(z.object);

export interface FormatVersion {
  major: number;
  minor: number;
}

export function parseFormatVersion(text: string): FormatVersion | null {
  const match = /^(\d{1,6})\.(\d{1,6})$/u.exec(text);
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** True when the package is of a newer minor version of our major: it may hold things we do not know. */
export function isNewerMinor(manifest: Pick<Manifest, 'formatVersion'>): boolean {
  const version = parseFormatVersion(manifest.formatVersion);
  return (
    version !== null &&
    version.major === PACKAGE_FORMAT_VERSION.major &&
    version.minor > PACKAGE_FORMAT_VERSION.minor
  );
}

function notAPackage(detail: string): ExchangeError {
  return new ExchangeError('not-a-package', 'The file is not a Fieldwork engagement or backup file.', detail);
}

/** "engagements.0.counts.controls: Invalid input" -> a short reason for a message. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not valid';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Parses and checks the manifest's bytes: a Fieldwork package, a format major this app reads, a schema
 * version it knows, every field of the right type. Throws ExchangeError with the reason in plain words.
 */
export function parseManifest(bytes: Uint8Array): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ExchangeError(
      'corrupt',
      'The file is damaged: its table of contents cannot be read.',
      'manifest.json',
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw notAPackage('manifest.json');
  const head = raw as Record<string, unknown>; // a JSON object: its members are unknown values
  if (head.format !== PACKAGE_FORMAT) throw notAPackage('manifest.json: format');
  const version = typeof head.formatVersion === 'string' ? parseFormatVersion(head.formatVersion) : null;
  if (!version) {
    throw new ExchangeError(
      'corrupt',
      'The file is damaged: its format version cannot be read.',
      'manifest.json: formatVersion',
    );
  }
  if (version.major > PACKAGE_FORMAT_VERSION.major) {
    throw new ExchangeError(
      'newer-version',
      `This file was made by a newer version of Fieldwork (format ${version.major}.${version.minor}). Update Fieldwork to open it.`,
      'manifest.json: formatVersion',
    );
  }
  if (version.major < PACKAGE_FORMAT_VERSION.major) {
    throw new ExchangeError(
      'corrupt',
      `The file claims format ${version.major}.${version.minor}, which no version of Fieldwork wrote.`,
      'manifest.json: formatVersion',
    );
  }
  const tolerant = version.minor > PACKAGE_FORMAT_VERSION.minor;
  const parsed = (tolerant ? tolerantManifestSchema : strictManifestSchema).safeParse(raw);
  if (!parsed.success) {
    throw new ExchangeError(
      'corrupt',
      `The file is damaged: its table of contents is not valid (${firstIssue(parsed.error)}).`,
      'manifest.json',
    );
  }
  const manifest = parsed.data;
  if (manifest.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new ExchangeError(
      'newer-version',
      `This file was made by a newer version of Fieldwork (data version ${manifest.schemaVersion}). Update Fieldwork to open it.`,
      'manifest.json: schemaVersion',
    );
  }
  const single = manifest.kind === 'engagement' || manifest.kind === 'reviewer-copy';
  if (single && manifest.engagements.length !== 1) {
    throw new ExchangeError(
      'corrupt',
      `The file is damaged: an engagement file holds exactly one engagement, this one lists ${manifest.engagements.length}.`,
      'manifest.json: engagements',
    );
  }
  return manifest;
}
