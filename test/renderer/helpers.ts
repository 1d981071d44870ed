import { FieldworkDatabase } from '../../renderer/db/database';
import { Repository } from '../../renderer/db/repository';
import { createProfile, actorOf } from '../../renderer/features/profiles/commands';
import { emptyEngagementFields, type EngagementInput } from '../../shared/domain/engagement';

let counter = 0;

/** A fresh database (fake-indexeddb) with one profile, for each test. */
export async function freshRepo() {
  counter += 1;
  const db = new FieldworkDatabase(`test-${Date.now()}-${counter}`);
  const repo = new Repository(db);
  const profile = await createProfile(repo, {
    fullName: 'Ana López',
    initials: 'AL',
    firm: 'Harbor & Reed LLP',
    role: 'senior',
  });
  return { db, repo, profile, actor: actorOf(profile) };
}

export function type2Input(over: Partial<EngagementInput> = {}): EngagementInput {
  return {
    ...emptyEngagementFields(),
    serviceOrganization: 'Acme Cloud, Inc.',
    systemName: 'Acme Platform',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    categories: ['security', 'availability'],
    ...over,
  };
}
