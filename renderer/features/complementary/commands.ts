/** Subservice organizations, CSOCs and user entity controls, through the repository. */
import {
  csocFieldsSchema,
  subserviceOrgFieldsSchema,
  userEntityControlFieldsSchema,
  type Csoc,
  type CsocFields,
  type SubserviceOrg,
  type SubserviceOrgFields,
  type UserEntityControl,
  type UserEntityControlFields,
} from '@shared/domain/planning';
import { ValidationError } from '@shared/domain/errors';
import type { z } from 'zod';
import type { Actor, Repository } from '../../db';
import type { EntityName } from '../../db/entities';
import { createRecord, setDeleted, updateRecord } from '../../db/records';

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, what);
  return parsed.data;
}

/** Creates or updates a subservice organization from its form. */
export function saveSubserviceOrg(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  existing: SubserviceOrg | null,
  input: SubserviceOrgFields,
): Promise<SubserviceOrg> {
  const fields = parse(subserviceOrgFieldsSchema, input, 'The subservice organization');
  return existing
    ? updateRecord(repo, actor, 'subserviceOrg', existing, fields)
    : createRecord<SubserviceOrg>(repo, actor, 'subserviceOrg', { ...fields, engagementId });
}

export function saveCsoc(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  existing: Csoc | null,
  input: CsocFields,
): Promise<Csoc> {
  const fields = parse(csocFieldsSchema, input, 'The CSOC');
  return existing
    ? updateRecord(repo, actor, 'csoc', existing, fields)
    : createRecord<Csoc>(repo, actor, 'csoc', { ...fields, engagementId });
}

export function saveUserEntityControl(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  existing: UserEntityControl | null,
  input: UserEntityControlFields,
): Promise<UserEntityControl> {
  const fields = parse(userEntityControlFieldsSchema, input, 'The user entity control');
  return existing
    ? updateRecord(repo, actor, 'userEntityControl', existing, fields)
    : createRecord<UserEntityControl>(repo, actor, 'userEntityControl', { ...fields, engagementId });
}

/** Deletes a subservice organization together with its CSOCs (one change, one undo). */
export async function deleteSubserviceOrg(
  repo: Repository,
  actor: Actor,
  org: SubserviceOrg,
  csocs: readonly Csoc[],
  deleted = true,
): Promise<void> {
  const own = csocs.filter((c) => c.subserviceOrgId === org.id);
  const op = deleted ? ('delete' as const) : ('restore' as const);
  await repo.mutate(
    [
      { entity: 'subserviceOrg', op, id: org.id },
      ...own.map((c) => ({ entity: 'csoc' as const, op, id: c.id })),
    ],
    actor,
  );
}

export function setRecordsDeleted(
  repo: Repository,
  actor: Actor,
  entity: Extract<EntityName, 'csoc' | 'userEntityControl'>,
  ids: readonly string[],
  deleted: boolean,
): Promise<void> {
  return setDeleted(repo, actor, entity, ids, deleted);
}
