import { describe, expect, it } from 'vitest';
import { computeCoverage, type Control, type Request } from '../../shared/domain/planning';
import { scopeCriteria } from '../../shared/domain/engagement';
import { verifyChain, engagementRecords, listCriterionScopes } from '../../renderer/db/queries';
import { createEngagement } from '../../renderer/features/engagements/commands';
import {
  createControl,
  deleteControls,
  duplicateControl,
  updateControl,
} from '../../renderer/features/controls/commands';
import { controlDependents, describeDependents } from '../../renderer/features/controls/dependents';
import {
  createRequests,
  deleteRequests,
  requestsForControls,
  setRequestStatus,
} from '../../renderer/features/requests/commands';
import { saveSection } from '../../renderer/features/description/commands';
import {
  saveSubserviceOrg,
  deleteSubserviceOrg,
  saveCsoc,
} from '../../renderer/features/complementary/commands';
import { loadDemoEngagement } from '../../renderer/features/demo/commands';
import { emptySubserviceOrgFields } from '../../shared/domain/planning';
import { freshRepo, type2Input } from './helpers';

async function setup() {
  const ctx = await freshRepo();
  const engagement = await createEngagement(ctx.repo, ctx.actor, type2Input());
  return { ...ctx, engagement };
}

describe('controls in the data layer', () => {
  it('refuses a second control with the same reference, ignoring case and spacing, but not after a delete', async () => {
    const { repo, actor, engagement } = await setup();
    const a = await createControl(repo, actor, engagement.id, {
      reference: 'AC-03',
      description: 'Access approved',
    });
    await expect(
      createControl(repo, actor, engagement.id, { reference: ' ac-03', description: 'Another' }),
    ).rejects.toThrow('Another control already uses the reference ac-03.');
    // Renaming onto a taken reference is refused too; renaming to itself is fine.
    const b = await createControl(repo, actor, engagement.id, { reference: 'AC-04', description: 'Other' });
    await expect(updateControl(repo, actor, b, { reference: 'AC-03' })).rejects.toThrow(/already uses/);
    await updateControl(repo, actor, a, { reference: 'AC-03', title: 'Renamed title' });
    // A deleted control frees its reference; restoring it then is refused rather than creating a duplicate.
    await deleteControls(repo, actor, [a.id]);
    await createControl(repo, actor, engagement.id, { reference: 'AC-03', description: 'Replacement' });
    await expect(repo.mutate([{ entity: 'control', op: 'restore', id: a.id }], actor)).rejects.toThrow(
      /already uses/,
    );
    expect(await verifyChain(repo.db, engagement.id)).toMatchObject({ ok: true });
  });

  it('checks references inside one batch (an import of many controls)', async () => {
    const { repo, actor, engagement } = await setup();
    const fields = (reference: string) => ({
      engagementId: engagement.id,
      reference,
      title: '',
      description: 'd',
      owner: '',
      frequency: null,
      nature: null,
      controlType: null,
      key: false,
      risk: null,
      components: '',
      status: 'draft',
      notes: '',
      criteria: [],
    });
    await expect(
      repo.mutate(
        [
          { entity: 'control', op: 'create', fields: fields('X-1') },
          { entity: 'control', op: 'create', fields: fields('x-1') },
        ],
        actor,
      ),
    ).rejects.toThrow(/already uses the reference x-1/);
    expect(await repo.db.controls.count()).toBe(0); // all or nothing
  });

  it('duplicates a control with a free reference, in draft, with its criteria', async () => {
    const { repo, actor, engagement } = await setup();
    const a = await createControl(repo, actor, engagement.id, {
      reference: 'AC-01',
      description: 'SSO',
      criteria: ['CC6.1', 'CC6.6'],
      status: 'agreed',
    });
    const copy = await duplicateControl(repo, actor, a);
    const again = await duplicateControl(repo, actor, a);
    expect(copy).toMatchObject({ reference: 'AC-01 (copy)', status: 'draft', criteria: ['CC6.1', 'CC6.6'] });
    expect(again.reference).toBe('AC-01 (copy 2)');
  });

  it('lists what is attached to a control before it is deleted', async () => {
    const { repo, actor, engagement } = await setup();
    const a = await createControl(repo, actor, engagement.id, {
      reference: 'VM-01',
      description: 'Vendor reviews',
    });
    await createRequests(repo, actor, engagement.id, [{ title: 'Vendor list', controlIds: [a.id] }]);
    await saveSubserviceOrg(repo, actor, engagement.id, null, {
      ...emptySubserviceOrgFields(),
      name: 'AWS',
      services: 'Hosting',
      monitoringControlIds: [a.id],
    });
    const deps = await controlDependents(repo.db, engagement.id, [a.id]);
    expect(deps.map((d) => d.label)).toEqual(['Request PBC-001 — Vendor list', 'Monitoring control for AWS']);
    expect(describeDependents(deps)).toBe('1 request and 1 subservice organization are linked to it.');
  });
});

describe('requests', () => {
  it('numbers requests in order and never reuses a deleted number', async () => {
    const { repo, actor, engagement } = await setup();
    const first = await createRequests(repo, actor, engagement.id, [{ title: 'A' }, { title: 'B' }]);
    expect(first.map((r) => r.number)).toEqual([1, 2]);
    await deleteRequests(repo, actor, [first[1]?.id ?? '']);
    const [next] = await createRequests(repo, actor, engagement.id, [{ title: 'C' }]);
    expect(next?.number).toBe(3);
    await expect(
      repo.mutate(
        [
          {
            entity: 'request',
            op: 'create',
            fields: { ...next, id: undefined, number: 2, engagementId: engagement.id },
          },
        ],
        actor,
      ),
    ).rejects.toThrow('PBC-002 is already used on this request list.');
  });

  it('sets the status of several requests at once and stamps the date received', async () => {
    const { repo, actor, engagement } = await setup();
    const made = await createRequests(repo, actor, engagement.id, [
      { title: 'A' },
      { title: 'B', receivedOn: '2026-03-01' },
    ]);
    await setRequestStatus(repo, actor, made, 'submitted', '2026-03-05');
    const after = await engagementRecords<Request>(repo.db, 'requests', engagement.id);
    expect(after.map((r) => [r.status, r.receivedOn])).toEqual([
      ['submitted', '2026-03-05'],
      ['submitted', '2026-03-01'],
    ]);
  });

  it('generates one population or document request per control, prefilled from it', () => {
    const control = (reference: string, frequency: Control['frequency']) =>
      ({
        id: reference,
        reference,
        title: `${reference} title`,
        description: 'Desc.',
        owner: 'Marco',
        frequency,
      }) as Control;
    const made = requestsForControls([control('AC-02', 'event-driven'), control('RA-01', 'annual')], {
      requestedOn: '2026-09-01',
      dueOn: '2026-09-15',
      auditorContact: 'Ana',
      period: '1 Jan 2026 – 30 Sep 2026',
    });
    expect(made.map((r) => [r.type, r.title, r.clientOwner, r.controlIds])).toEqual([
      ['population', 'AC-02: population for AC-02 title', 'Marco', ['AC-02']],
      ['document', 'RA-01: evidence for RA-01 title', 'Marco', ['RA-01']],
    ]);
    expect(made[0]?.description).toContain('1 Jan 2026 – 30 Sep 2026');
  });
});

describe('description sections and complementary records', () => {
  it('creates a section on first save, marks it drafting, and keeps one record per section', async () => {
    const { repo, actor, engagement } = await setup();
    const s = await saveSection(repo, actor, engagement.id, 'services', null, {
      body: 'We provide analytics.',
    });
    expect(s).toMatchObject({ key: 'services', status: 'drafting', rev: 1 });
    // A second window that still thinks the section is new updates the same record.
    const again = await saveSection(repo, actor, engagement.id, 'services', null, { status: 'final' });
    expect(again).toMatchObject({ id: s.id, status: 'final', body: 'We provide analytics.' });
    expect(await repo.db.descriptionSections.count()).toBe(1);
  });

  it('deletes a subservice organization with its CSOCs, and restores both', async () => {
    const { repo, actor, engagement } = await setup();
    const org = await saveSubserviceOrg(repo, actor, engagement.id, null, {
      ...emptySubserviceOrgFields(),
      name: 'AWS',
      services: 'Hosting',
    });
    await saveCsoc(repo, actor, engagement.id, null, {
      subserviceOrgId: org.id,
      reference: 'CSOC-1',
      description: 'Physical access',
      criteria: ['CC6.4'],
    });
    const csocs = await repo.db.csocs.toArray();
    await deleteSubserviceOrg(repo, actor, org, csocs);
    expect((await repo.db.csocs.toArray()).every((c) => c.deleted)).toBe(true);
    await deleteSubserviceOrg(repo, actor, org, csocs, false);
    expect((await repo.db.csocs.toArray()).some((c) => c.deleted)).toBe(false);
  });
});

describe('demo engagement planning file', () => {
  it('has a control matrix covering every applicable criterion but one, and the rest of planning', async () => {
    const { repo, profile, db } = await freshRepo();
    const { id } = await loadDemoEngagement(repo, profile);
    const engagement = await db.engagements.get(id);
    const controls = await engagementRecords<Control>(db, 'controls', id);
    const scope = scopeCriteria(engagement?.categories ?? [], await listCriterionScopes(db, id));
    const coverage = computeCoverage(scope.criteria, controls);
    expect(coverage.rows.filter((r) => r.status === 'uncovered').map((r) => r.criterion.id)).toEqual([
      'CC3.3',
    ]);
    expect(coverage.notApplicable).toBe(1);
    expect(controls.length).toBeGreaterThan(25);
    expect(await db.subserviceOrgs.count()).toBe(2);
    expect(await db.csocs.count()).toBe(4);
    expect(await db.userEntityControls.count()).toBe(3);
    expect(await db.descriptionSections.count()).toBe(4);
    const requests = await engagementRecords<Request>(db, 'requests', id);
    expect(requests.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await verifyChain(db, id)).toMatchObject({ ok: true });
  });
});
