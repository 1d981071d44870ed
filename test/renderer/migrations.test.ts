/**
 * One test per schema version: seed the previous version, open the new one, check the rows.
 * Version 1 has no predecessor, so its test checks that a database created at v1 reopens intact at the
 * latest version — the pattern every later version bump extends (seed at N-1 with `new FieldworkDatabase(name, N-1)`).
 */
import { describe, expect, it } from 'vitest';
import { FieldworkDatabase } from '../../renderer/db/database';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../renderer/db/schema';
import { Repository } from '../../renderer/db/repository';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { createProfile, actorOf } from '../../renderer/features/profiles/commands';
import { verifyChain } from '../../renderer/db/queries';
import { type2Input } from './helpers';

describe('schema versions', () => {
  it('are numbered 1..N without gaps and never reuse a number', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  it('v1: data written at v1 reopens at the latest version with rows and audit chain intact', async () => {
    const name = `migration-v1-${Date.now()}`;
    const v1 = new FieldworkDatabase(name, 1);
    const repo = new Repository(v1);
    const profile = await createProfile(repo, {
      fullName: 'Ana López',
      initials: 'AL',
      firm: '',
      role: 'staff',
    });
    const e = await createEngagement(repo, actorOf(profile), type2Input());
    v1.close();

    const latest = new FieldworkDatabase(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await latest.engagements.get(e.id)).toMatchObject({
      serviceOrganization: 'Acme Cloud, Inc.',
      rev: 1,
    });
    expect(await latest.profiles.count()).toBe(1);
    expect(await verifyChain(latest, e.id)).toMatchObject({ ok: true, count: 1 });
    expect(latest.tables.map((t) => t.name).sort()).toEqual([
      'auditEvents',
      'chainHeads',
      'criterionScopes',
      'engagements',
      'meta',
      'profiles',
    ]);
    latest.close();
  });
});
