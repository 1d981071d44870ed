/**
 * Generic create / update / delete / restore for engagement records, through the one write path. Feature
 * commands build on these; the repository validates every record against its entity schema.
 */
import type { Actor, Repository } from './repository';
import type { EntityName } from './entities';

export interface StoredRecord {
  id: string;
  rev: number;
  deleted: boolean;
}

export async function createRecord<T>(
  repo: Repository,
  actor: Actor,
  entity: EntityName,
  fields: Record<string, unknown>,
): Promise<T> {
  const [saved] = await repo.mutate([{ entity, op: 'create', fields }], actor);
  return saved as T; // the repository returns the record its entity schema just parsed
}

export async function updateRecord<T extends StoredRecord>(
  repo: Repository,
  actor: Actor,
  entity: EntityName,
  record: T,
  patch: Record<string, unknown>,
): Promise<T> {
  const [saved] = await repo.mutate(
    [{ entity, op: 'update', id: record.id, patch, expectedRev: record.rev }],
    actor,
  );
  return (saved ?? record) as T; // as above; unchanged when the patch changed nothing
}

export async function setDeleted(
  repo: Repository,
  actor: Actor,
  entity: EntityName,
  ids: readonly string[],
  deleted: boolean,
): Promise<void> {
  await repo.mutate(
    ids.map((id) => ({ entity, op: deleted ? ('delete' as const) : ('restore' as const), id })),
    actor,
  );
}
