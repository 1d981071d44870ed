/**
 * One test per schema version: seed the previous version, open the new one, check the rows.
 * Version 1 has no predecessor, so its test checks that a database created at v1 reopens intact at the
 * latest version — the pattern every later version bump extends (seed at N-1 with `new FieldworkDatabase(name, N-1)`).
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/domain/hash';
import { addEvidence } from '../../renderer/features/evidence/commands';
import { FieldworkDatabase } from '../../renderer/db/database';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../renderer/db/schema';
import { Repository } from '../../renderer/db/repository';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { createProfile, actorOf } from '../../renderer/features/profiles/commands';
import { verifyChain } from '../../renderer/db/queries';
import { type2Input } from './helpers';
import { emptyControlFields } from '../../shared/domain/planning';
import { signWorkpaper } from '../../renderer/features/review/commands';

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
    latest.close();
  });

  it('v2: a v1 database gains the planning tables, keeps its rows, and takes controls and requests', async () => {
    const name = `migration-v2-${Date.now()}`;
    const v1 = new FieldworkDatabase(name, 1);
    const repo1 = new Repository(v1);
    const profile = await createProfile(repo1, {
      fullName: 'Ana López',
      initials: 'AL',
      firm: '',
      role: 'staff',
    });
    const e = await createEngagement(repo1, actorOf(profile), type2Input());
    v1.close();

    const v2 = new FieldworkDatabase(name, 2);
    await v2.open();
    expect(v2.tables.map((t) => t.name).sort()).toEqual([
      'auditEvents',
      'chainHeads',
      'controls',
      'criterionScopes',
      'csocs',
      'descriptionSections',
      'engagements',
      'meta',
      'profiles',
      'requests',
      'subserviceOrgs',
      'userEntityControls',
    ]);
    expect(await v2.engagements.get(e.id)).toMatchObject({ serviceOrganization: 'Acme Cloud, Inc.' });
    const repo2 = new Repository(v2);
    await repo2.mutate(
      [
        {
          entity: 'control',
          op: 'create',
          fields: {
            ...emptyControlFields(),
            engagementId: e.id,
            reference: 'AC-01',
            description: 'Access is approved.',
          },
        },
      ],
      actorOf(profile),
    );
    expect(await v2.controls.count()).toBe(1);
    expect(await verifyChain(v2, e.id)).toMatchObject({ ok: true, count: 2 });
    v2.close();
  });

  it('v3: a v2 database with planning data gains the fieldwork tables and takes evidence with its bytes', async () => {
    const name = `migration-v3-${Date.now()}`;
    const v2 = new FieldworkDatabase(name, 2);
    const repo2 = new Repository(v2);
    const profile = await createProfile(repo2, {
      fullName: 'Ana López',
      initials: 'AL',
      firm: '',
      role: 'staff',
    });
    const actor = actorOf(profile);
    const e = await createEngagement(repo2, actor, type2Input());
    await repo2.mutate(
      [
        {
          entity: 'control',
          op: 'create',
          fields: {
            ...emptyControlFields(),
            engagementId: e.id,
            reference: 'AC-01',
            description: 'Approved.',
          },
        },
      ],
      actor,
    );
    v2.close();

    const v3 = new FieldworkDatabase(name, 3);
    await v3.open();
    const names = v3.tables.map((t) => t.name);
    for (const table of [
      'evidence',
      'blobs',
      'interviews',
      'walkthroughs',
      'tests',
      'sampleItems',
      'exceptions',
      'tickmarks',
      'settings',
    ]) {
      expect(names).toContain(table);
    }
    expect(await v3.controls.count()).toBe(1);
    const repo3 = new Repository(v3);
    const bytes = new TextEncoder().encode('user listing as of 30 June');
    const sha256 = await sha256Hex(bytes);
    const file = Object.assign(new Blob([bytes], { type: 'text/plain' }), { name: 'users.txt' });
    await addEvidence(repo3, actor, e.id, [{ file, sha256 }]);
    expect(await v3.blobs.count()).toBe(1);
    expect(await verifyChain(v3, e.id)).toMatchObject({ ok: true, count: 3 });
    v3.close();
  });

  it('v4: a v3 engagement gains sign-off levels, release, lock and unlock history, and takes sign-offs', async () => {
    const name = `migration-v4-${Date.now()}`;
    const v3 = new FieldworkDatabase(name, 3);
    const repo3 = new Repository(v3);
    const profile = await createProfile(repo3, {
      fullName: 'Ana López',
      initials: 'AL',
      firm: '',
      role: 'staff',
    });
    const actor = actorOf(profile);
    const e = await createEngagement(repo3, actor, type2Input());
    // A record as v3 wrote it: none of the review fields.
    const stored = (await v3.engagements.get(e.id)) as unknown as Record<string, unknown>;
    for (const field of ['signOffLevels', 'release', 'lock', 'unlocks']) delete stored[field];
    await v3.engagements.put(stored as never);
    v3.close();

    const v4 = new FieldworkDatabase(name, 4);
    await v4.open();
    expect(v4.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['signOffs', 'reviewNotes', 'addenda']),
    );
    expect(await v4.engagements.get(e.id)).toMatchObject({
      signOffLevels: ['preparer', 'reviewer'],
      release: null,
      lock: null,
      unlocks: [],
    });
    const repo4 = new Repository(v4);
    await signWorkpaper(repo4, actor, e.id, 'control-matrix', 'preparer');
    expect(await v4.signOffs.count()).toBe(1);
    expect(await verifyChain(v4, e.id)).toMatchObject({ ok: true, count: 2 });
    v4.close();
  });

  it('v5: a v4 engagement gains report settings with nothing chosen, and an opinion can then be saved', async () => {
    const name = `migration-v5-${Date.now()}`;
    const v4 = new FieldworkDatabase(name, 4);
    const repo4 = new Repository(v4);
    const profile = await createProfile(repo4, {
      fullName: 'Ana López',
      initials: 'AL',
      firm: '',
      role: 'staff',
    });
    const actor = actorOf(profile);
    const e = await createEngagement(repo4, actor, type2Input());
    const stored = (await v4.engagements.get(e.id)) as unknown as Record<string, unknown>;
    delete stored.report;
    await v4.engagements.put(stored as never);
    v4.close();

    const v5 = new FieldworkDatabase(name, 5);
    await v5.open();
    expect((await v5.engagements.get(e.id))?.report).toEqual({
      opinion: null,
      basis: '',
      addressee: '',
      city: '',
      section4Order: 'criterion',
      includeSection5: true,
      templates: {},
    });
    const repo5 = new Repository(v5);
    const current = await v5.engagements.get(e.id);
    await repo5.mutate(
      [
        {
          entity: 'engagement',
          op: 'update',
          id: e.id,
          patch: { report: { ...current!.report, opinion: 'qualified' } },
        },
      ],
      actor,
    );
    expect((await v5.engagements.get(e.id))?.report.opinion).toBe('qualified');
    expect(await verifyChain(v5, e.id)).toMatchObject({ ok: true, count: 2 });
    v5.close();
  });
});
