/** Control matrix changes, through the repository. */
import {
  controlFieldsSchema,
  emptyControlFields,
  nextFreeReference,
  referenceKey,
  type Control,
  type ControlFields,
} from '@shared/domain/planning';
import { ValidationError } from '@shared/domain/errors';
import { withoutMeta } from '@shared/domain/records';
import type { Actor, Repository } from '../../db';
import { engagementRecords } from '../../db/queries';
import { createRecord, setDeleted, updateRecord } from '../../db/records';

export function parseControlFields(input: ControlFields): ControlFields {
  const parsed = controlFieldsSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'The control');
  return parsed.data;
}

export function createControl(
  repo: Repository,
  actor: Actor,
  engagementId: string,
  input: Partial<ControlFields>,
): Promise<Control> {
  const fields = parseControlFields({ ...emptyControlFields(), ...input });
  return createRecord<Control>(repo, actor, 'control', { ...fields, engagementId });
}

export function updateControl(
  repo: Repository,
  actor: Actor,
  control: Control,
  patch: Partial<ControlFields>,
): Promise<Control> {
  return updateRecord(repo, actor, 'control', control, patch);
}

/** A copy with a free reference ("AC-01 (copy)"), back in draft, with the same criteria and attributes. */
export async function duplicateControl(repo: Repository, actor: Actor, control: Control): Promise<Control> {
  const all = await engagementRecords<Control>(repo.db, 'controls', control.engagementId);
  const taken = new Set(all.map((c) => referenceKey(c.reference)));
  return createControl(repo, actor, control.engagementId, {
    ...withoutMeta(control),
    reference: nextFreeReference(control.reference, taken),
    status: 'draft',
  });
}

export function deleteControls(repo: Repository, actor: Actor, ids: readonly string[]): Promise<void> {
  return setDeleted(repo, actor, 'control', ids, true);
}

export function restoreControls(repo: Repository, actor: Actor, ids: readonly string[]): Promise<void> {
  return setDeleted(repo, actor, 'control', ids, false);
}
