/** Profile changes, through the repository (their events join the machine's `local` chain). */
import { initialsKey, profileFieldsSchema, type Profile, type ProfileFields } from '@shared/domain/profile';
import { ValidationError } from '@shared/domain/errors';
import { newProfileId } from '@shared/domain/ids';
import type { Actor, Repository } from '../../db';

export function actorOf(profile: Pick<Profile, 'id' | 'fullName'>): Actor {
  return { id: profile.id, name: profile.fullName };
}

function parseFields(input: unknown): ProfileFields {
  const parsed = profileFieldsSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'The profile');
  return parsed.data;
}

/** Initials mark sign-offs, so two profiles on one computer may not share them. */
async function checkInitialsFree(repo: Repository, initials: string, exceptId?: string): Promise<void> {
  const clash = (await repo.db.profiles.toArray()).find(
    (p) => !p.deleted && p.id !== exceptId && initialsKey(p.initials) === initialsKey(initials),
  );
  if (clash) {
    const message = `${clash.fullName} already uses the initials ${clash.initials} on this computer. Choose different initials so sign-offs stay unambiguous.`;
    throw new ValidationError(message, { initials: message });
  }
}

/** Creates a profile; the new auditor is the actor of their own creation. */
export async function createProfile(repo: Repository, input: unknown): Promise<Profile> {
  const fields = parseFields(input);
  await checkInitialsFree(repo, fields.initials);
  const id = newProfileId();
  const [saved] = await repo.mutate([{ entity: 'profile', op: 'create', id, fields }], {
    id,
    name: fields.fullName,
  });
  return saved as Profile; // the repository returns the record its schema just parsed
}

export async function updateProfile(repo: Repository, profile: Profile, input: unknown): Promise<Profile> {
  const fields = parseFields(input);
  await checkInitialsFree(repo, fields.initials, profile.id);
  const [saved] = await repo.mutate(
    [{ entity: 'profile', op: 'update', id: profile.id, patch: fields, expectedRev: profile.rev }],
    actorOf({ id: profile.id, fullName: fields.fullName }),
  );
  return (saved ?? profile) as Profile; // as above
}
