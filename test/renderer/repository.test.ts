import { describe, expect, it } from 'vitest';
import { auditEvents, listEngagements, verifyChain } from '../../renderer/db/queries';
import { createEngagement, updateEngagement } from '../../renderer/features/engagements/commands';
import { setCriterionApplicability } from '../../renderer/features/scope/commands';
import { loadDemoEngagement } from '../../renderer/features/demo/commands';
import { LOCAL_CHAIN } from '../../renderer/db/entities';
import { ConflictError, ValidationError } from '../../shared/domain/errors';
import { isUuid } from '../../shared/domain/ids';
import { freshRepo, type2Input } from './helpers';

describe('repository.mutate', () => {
  it('stamps id, rev, who/when and clock, and appends one audit event per change', async () => {
    const { db, repo, actor, profile } = await freshRepo();
    const e = await createEngagement(repo, actor, type2Input());
    expect(isUuid(e.id)).toBe(true);
    expect(e).toMatchObject({ engagementId: e.id, rev: 1, updatedBy: profile.id, deleted: false });
    expect(e.clock).toMatch(/^\d{13}-[0-9a-f]{4}-/);
    const updated = await updateEngagement(repo, actor, e, { notes: 'Kick-off on 3 Feb' });
    expect(updated.rev).toBe(2);
    expect(updated.clock > e.clock).toBe(true);
    const events = await auditEvents(db, e.id);
    expect(events.map((ev) => [ev.seq, ev.op])).toEqual([
      [1, 'create'],
      [2, 'update'],
    ]);
    expect(events[1]?.changes).toEqual({ notes: { before: '', after: 'Kick-off on 3 Feb' } });
    expect(events[1]).toMatchObject({ actor: profile.id, actorName: 'Ana López', entity: 'engagement' });
  });

  it('keeps the chain intact over many mutations, including concurrent ones', async () => {
    const { db, repo, actor } = await freshRepo();
    const e = await createEngagement(repo, actor, type2Input());
    const ids = ['CC1.1', 'CC1.2', 'CC2.1', 'CC3.1', 'CC4.1', 'CC5.1', 'CC6.4', 'CC7.1', 'A1.1', 'A1.2'];
    await Promise.all(
      ids.map((criterionId) =>
        setCriterionApplicability(repo, actor, e.id, {
          criterionId,
          notApplicable: true,
          reason: 'Not relevant to this system.',
        }),
      ),
    );
    for (let i = 0; i < 60; i += 1) {
      const current = await db.engagements.get(e.id);
      if (!current) throw new Error('gone');
      await updateEngagement(repo, actor, current, { notes: `note ${i}` });
    }
    const result = await verifyChain(db, e.id);
    expect(result).toMatchObject({ ok: true, count: 71, message: 'Audit trail intact, 71 events' });
    expect(await db.criterionScopes.count()).toBe(10);
  });

  it('detects tampering with one stored event', async () => {
    const { db, repo, actor } = await freshRepo();
    const e = await createEngagement(repo, actor, type2Input());
    await updateEngagement(repo, actor, e, { notes: 'first' });
    const e2 = await db.engagements.get(e.id);
    if (!e2) throw new Error('gone');
    await updateEngagement(repo, actor, e2, { notes: 'second' });
    await db.auditEvents.update([e.id, 2], { actorName: 'Someone Else' });
    const result = await verifyChain(db, e.id);
    expect(result).toMatchObject({ ok: false, brokenSeq: 2 });
    await db.auditEvents.delete([e.id, 3]);
    expect(await verifyChain(db, e.id)).toMatchObject({ ok: false });
  });

  it('validates before writing and writes nothing when invalid', async () => {
    const { db, repo, actor } = await freshRepo();
    const before = await db.auditEvents.count();
    await expect(createEngagement(repo, actor, type2Input({ serviceOrganization: '' }))).rejects.toThrow(
      ValidationError,
    );
    await expect(
      createEngagement(repo, actor, type2Input({ periodStart: '2026-06-01', periodEnd: '2026-01-01' })),
    ).rejects.toThrow('The period must end after it starts.');
    expect(await db.engagements.count()).toBe(0);
    expect(await db.auditEvents.count()).toBe(before);
  });

  it('writes a batch all-or-nothing', async () => {
    const { db, repo, actor } = await freshRepo();
    const e = await createEngagement(repo, actor, type2Input());
    await expect(
      repo.mutate(
        [
          {
            entity: 'criterionScope',
            op: 'create',
            fields: {
              engagementId: e.id,
              criterionId: 'CC1.1',
              notApplicable: true,
              reason: 'Reason long enough.',
            },
          },
          {
            entity: 'criterionScope',
            op: 'create',
            fields: { engagementId: e.id, criterionId: 'CC1.2', notApplicable: true, reason: '' },
          },
        ],
        actor,
      ),
    ).rejects.toThrow(ValidationError);
    expect(await db.criterionScopes.count()).toBe(0);
    expect((await verifyChain(db, e.id)).count).toBe(1);
  });

  it('reaches the released and locked phases only through Release & lock', async () => {
    const { repo, actor } = await freshRepo();
    const e = await createEngagement(repo, actor, type2Input());
    await expect(updateEngagement(repo, actor, e, { phase: 'completed' })).rejects.toThrow(
      /Release the report before/,
    );
    await expect(updateEngagement(repo, actor, e, { phase: 'released' })).rejects.toThrow(/release/i);
    const reporting = await updateEngagement(repo, actor, e, { phase: 'reporting' });
    expect(reporting.phase).toBe('reporting');
  });

  it('refuses an update based on a stale revision', async () => {
    const { repo, actor } = await freshRepo();
    const e = await createEngagement(repo, actor, type2Input());
    await updateEngagement(repo, actor, e, { notes: 'mine' });
    await expect(updateEngagement(repo, actor, e, { notes: 'theirs' })).rejects.toThrow(ConflictError);
  });

  it('deletes by tombstone and can restore', async () => {
    const { db, repo, actor } = await freshRepo();
    const e = await createEngagement(repo, actor, type2Input());
    await repo.mutate([{ entity: 'engagement', op: 'delete', id: e.id }], actor);
    expect(await listEngagements(db)).toHaveLength(0);
    expect((await db.engagements.get(e.id))?.deleted).toBe(true);
    await repo.mutate([{ entity: 'engagement', op: 'restore', id: e.id }], actor);
    expect(await listEngagements(db)).toHaveLength(1);
    expect((await auditEvents(db, e.id)).map((ev) => ev.op)).toEqual(['create', 'delete', 'restore']);
  });

  it('records profile changes in the machine-level chain', async () => {
    const { db } = await freshRepo();
    expect(await verifyChain(db, LOCAL_CHAIN)).toMatchObject({ ok: true, count: 1 });
  });

  it('loads the demo engagement once, with its not-applicable criterion', async () => {
    const { db, repo, profile } = await freshRepo();
    const first = await loadDemoEngagement(repo, profile);
    const second = await loadDemoEngagement(repo, profile);
    expect(second).toEqual({ id: first.id, created: false });
    const demo = await db.engagements.get(first.id);
    expect(demo).toMatchObject({
      kind: 'soc2-type2',
      categories: ['security', 'availability', 'confidentiality'],
      demo: true,
    });
    expect(await db.criterionScopes.where('engagementId').equals(first.id).count()).toBe(1);
    // At least one audit event per demo record (fieldwork records are also updated after they are
    // created), all in the engagement's intact chain, written once.
    const records =
      2 +
      (await db.controls.count()) +
      (await db.subserviceOrgs.count()) +
      (await db.csocs.count()) +
      (await db.userEntityControls.count()) +
      (await db.descriptionSections.count()) +
      (await db.requests.count()) +
      (await db.tests.count()) +
      (await db.sampleItems.count()) +
      (await db.exceptions.count()) +
      (await db.tickmarks.count()) +
      (await db.evidence.count()) +
      (await db.interviews.count()) +
      (await db.walkthroughs.count());
    const chain = await verifyChain(db, first.id);
    expect(chain).toMatchObject({ ok: true });
    expect(chain.count).toBeGreaterThanOrEqual(records);
  });

  it('marks a criterion applicable again without losing its history', async () => {
    const { db, repo, actor } = await freshRepo();
    const e = await createEngagement(repo, actor, type2Input());
    await setCriterionApplicability(repo, actor, e.id, {
      criterionId: 'A1.3',
      notApplicable: true,
      reason: 'No recovery site is used.',
    });
    await setCriterionApplicability(repo, actor, e.id, {
      criterionId: 'A1.3',
      notApplicable: false,
      reason: '',
    });
    const rows = await db.criterionScopes.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ notApplicable: false, rev: 2 });
    const events = await auditEvents(db, e.id);
    expect(events[2]?.changes.notApplicable).toEqual({ before: true, after: false });
  });
});

describe('two windows writing to one database', () => {
  it('retries instead of forking the chain', async () => {
    const { FieldworkDatabase } = await import('../../renderer/db/database');
    const { Repository } = await import('../../renderer/db/repository');
    const { db, repo, actor } = await freshRepo();
    const other = new Repository(new FieldworkDatabase(db.name));
    const e = await createEngagement(repo, actor, type2Input());
    const criteria = ['CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5', 'CC2.1'];
    await Promise.all(
      criteria.map((criterionId, i) =>
        setCriterionApplicability(i % 2 ? repo : other, actor, e.id, {
          criterionId,
          notApplicable: true,
          reason: 'Not relevant to this system.',
        }),
      ),
    );
    expect(await verifyChain(db, e.id)).toMatchObject({ ok: true, count: 7 });
  });
});

describe('profiles', () => {
  it('refuses initials another profile already uses, whatever the case or punctuation', async () => {
    const { repo } = await freshRepo(); // holds Ana López, AL
    const { createProfile } = await import('../../renderer/features/profiles/commands');
    for (const initials of ['al', 'A.L.', 'a-l']) {
      await expect(
        createProfile(repo, { fullName: 'Alan Lee', initials, firm: '', role: 'staff' }),
      ).rejects.toThrow(/already uses the initials AL/);
    }
    await expect(
      createProfile(repo, { fullName: 'Alan Lee', initials: 'ALE', firm: '', role: 'staff' }),
    ).resolves.toMatchObject({
      initials: 'ALE',
    });
  });
});
