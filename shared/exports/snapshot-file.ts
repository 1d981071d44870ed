/**
 * An engagement snapshot as a JSON file, for the command line until the `.fieldwork` exchange file exists:
 * `{ "format": "fieldwork.snapshot", "version": 1, "snapshot": {…}, "auditEvents": […], "people": […] }`.
 * Every record is validated with the schema the repository uses; a file that is not a valid snapshot gets a
 * message saying what is wrong and where, never a stack trace.
 */
import { engagementSchema } from '../domain/engagement';
import { SNAPSHOT_TABLES, type EngagementSnapshot } from '../domain/snapshot';
import { SNAPSHOT_TABLE_LABELS, SNAPSHOT_TABLE_SCHEMAS } from '../domain/snapshot-schemas';
import type { AuditEvent } from '../domain/audit';
import type { ExportPerson } from './progress';

export const SNAPSHOT_FILE_FORMAT = 'fieldwork.snapshot';
export const SNAPSHOT_FILE_VERSION = 1;

export interface SnapshotFile {
  snapshot: EngagementSnapshot;
  auditEvents: AuditEvent[];
  people: ExportPerson[];
}

export class SnapshotFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotFileError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function writeSnapshotFile(file: SnapshotFile): string {
  return JSON.stringify({ format: SNAPSHOT_FILE_FORMAT, version: SNAPSHOT_FILE_VERSION, ...file });
}

export function parseSnapshotFile(text: string): SnapshotFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SnapshotFileError('The file is not JSON: it is not an engagement snapshot.');
  }
  if (!isObject(data) || data.format !== SNAPSHOT_FILE_FORMAT) {
    throw new SnapshotFileError(
      `The file is not an engagement snapshot (expected "format": "${SNAPSHOT_FILE_FORMAT}").`,
    );
  }
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    throw new SnapshotFileError('The snapshot has no valid "version" (a whole number from 1).');
  }
  if (data.version > SNAPSHOT_FILE_VERSION) {
    throw new SnapshotFileError(
      `The snapshot is version ${String(data.version)}; this version of Fieldwork reads version ${SNAPSHOT_FILE_VERSION}. Update Fieldwork.`,
    );
  }
  const snapshot = data.snapshot;
  if (!isObject(snapshot)) throw new SnapshotFileError('The file has no "snapshot" object.');
  const engagement = engagementSchema.safeParse(snapshot.engagement);
  if (!engagement.success) {
    const first = engagement.error.issues[0];
    throw new SnapshotFileError(
      `The engagement in the file is not valid${first ? ` (${first.path.join('.') || 'record'}: ${first.message})` : ''}.`,
    );
  }
  const tables: Record<string, unknown> = { engagement: engagement.data };
  for (const table of SNAPSHOT_TABLES) {
    const rows = snapshot[table] ?? [];
    if (!Array.isArray(rows)) throw new SnapshotFileError(`"${table}" in the file is not a list.`);
    const schema = SNAPSHOT_TABLE_SCHEMAS[table];
    const parsed: unknown[] = [];
    for (const [index, row] of rows.entries()) {
      const result = schema.safeParse(row);
      const what = `${SNAPSHOT_TABLE_LABELS[table]} record ${index + 1}`;
      if (!result.success) {
        const first = result.error.issues[0];
        throw new SnapshotFileError(
          `The file's ${what} is not valid${first ? ` (${first.path.join('.') || 'record'}: ${first.message})` : ''}.`,
        );
      }
      if ((result.data as { engagementId?: unknown }).engagementId !== engagement.data.id) {
        throw new SnapshotFileError(`The file's ${what} belongs to another engagement.`);
      }
      parsed.push(result.data);
    }
    tables[table] = parsed;
  }
  const auditEvents = data.auditEvents ?? [];
  const people = data.people ?? [];
  if (!Array.isArray(auditEvents) || !Array.isArray(people)) {
    throw new SnapshotFileError('"auditEvents" and "people" must be lists.');
  }
  const badEvent = auditEvents.findIndex(
    (e) =>
      !isObject(e) ||
      typeof e.seq !== 'number' ||
      typeof e.at !== 'string' ||
      typeof e.entity !== 'string' ||
      typeof e.op !== 'string' ||
      !isObject(e.changes) ||
      e.chain !== engagement.data.id,
  );
  if (badEvent >= 0) {
    throw new SnapshotFileError(
      `The file's audit event ${badEvent + 1} is not valid or belongs to another engagement.`,
    );
  }
  const badPerson = people.findIndex(
    (p) => !isObject(p) || typeof p.id !== 'string' || typeof p.name !== 'string',
  );
  if (badPerson >= 0) throw new SnapshotFileError(`The file's person ${badPerson + 1} has no id or name.`);
  return {
    snapshot: tables as unknown as EngagementSnapshot, // every table checked to be a list of its engagement's records
    auditEvents: auditEvents as AuditEvent[],
    people: people as ExportPerson[],
  };
}
