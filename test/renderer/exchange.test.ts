/**
 * Engagement files between two laptops, through the real repository, codec and merge: export from one
 * database, import into another (new, merge, reviewer copy), with the audit trails and sign-offs checked
 * the way a reviewer would.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/domain/hash';
import { SNAPSHOT_TABLES } from '../../shared/domain/snapshot';
import { computeReviewState } from '../../shared/domain/review/state';
import { workpaperKey } from '../../shared/domain/review';
import { bytesSource, collect, memorySink } from '../../shared/exchange/io';
import { openPackage, writePackage } from '../../shared/exchange/package';
import { TEST_KDF } from '../../shared/exchange/crypto';
import type { PackageKind, Resolution } from '../../shared/exchange/types';
import { applyImport, backupEngagementIds, buildPackageInput, planImport } from '../../renderer/db/exchange';
import { addEvidence, replaceEvidenceFile } from '../../renderer/features/evidence/commands';
import { engagementRecords, verifyChain } from '../../renderer/db/queries';
import type { Mutation } from '../../renderer/db';
import { LAST_BACKUP_KEY } from '../../renderer/db/chains';
import type { Control } from '../../shared/domain/planning';
import { generateControlMatrix, generateFieldwork, seededRandom } from '../generators/large-engagement';
import { loadSnapshot } from '../../renderer/db/snapshot';
import { loadDemoEngagement } from '../../renderer/features/demo/commands';
import { emptyRequestFields } from '../../shared/domain/planning';
import { createEngagement } from '../../renderer/features/engagements/commands';
import { signWorkpaper } from '../../renderer/features/review/commands';
import { freshRepo, type2Input } from './helpers';

type Ctx = Awaited<ReturnType<typeof freshRepo>>;

async function exportFrom(ctx: Ctx, id: string, kind: PackageKind = 'engagement', passphrase?: string) {
  const input = await buildPackageInput(ctx.db, ctx.repo, {
    kind,
    engagementIds: [id],
    actor: ctx.actor,
    appVersion: 'test',
  });
  const sink = memorySink();
  await writePackage(sink, input, passphrase ? { passphrase, kdf: TEST_KDF } : {});
  return sink.bytes();
}

async function importInto(
  ctx: Ctx,
  bytes: Uint8Array,
  resolve: (conflictId: string) => Resolution = () => 'theirs',
  passphrase?: string,
) {
  const pkg = await openPackage(bytesSource(bytes), passphrase ? { passphrase } : {});
  const plan = await planImport(ctx.db, ctx.repo, pkg);
  const resolutions = Object.fromEntries(
    plan.engagements.map((p) => [
      p.id,
      Object.fromEntries((p.merge?.conflicts ?? []).map((c) => [c.id, resolve(c.id)])),
    ]),
  );
  const result = await applyImport(
    ctx.db,
    ctx.repo,
    pkg,
    plan,
    {
      resolutions,
      fileName: 'from-colleague.fieldwork',
      evidenceBlob: async (e) => new Blob([(await collect(e.read())) as Uint8Array<ArrayBuffer>]),
    },
    ctx.actor,
  );
  return { plan, result };
}

/** Record content without the bookkeeping that legitimately differs between copies. */
function content(record: Record<string, unknown>) {
  const { rev: _r, updatedAt: _u, updatedBy: _b, clock: _c, fieldClocks: _f, ...rest } = record;
  return rest;
}

async function newEngagement(ctx: Ctx) {
  return createEngagement(ctx.repo, ctx.actor, type2Input());
}

async function edit(ctx: Ctx, id: string, patch: Record<string, unknown>) {
  await ctx.repo.mutate([{ entity: 'engagement', op: 'update', id, patch }], ctx.actor);
}

describe('engagement files between two computers', () => {
  it('exports the demo, imports it into an empty database: records, trail and evidence bytes identical', async () => {
    const a = await freshRepo();
    const { id } = await loadDemoEngagement(a.repo, a.profile);
    const bytes = await exportFrom(a, id, 'engagement', 'correct horse battery');
    const b = await freshRepo();
    const { plan, result } = await importInto(b, bytes, undefined, 'correct horse battery');
    expect(plan.engagements.map((p) => p.action)).toEqual(['new']);
    expect(result.evidenceAdded).toBeGreaterThan(0);
    const [mine, theirs] = await Promise.all([loadSnapshot(a.db, id), loadSnapshot(b.db, id)]);
    expect(theirs?.engagement).toEqual(mine?.engagement);
    for (const table of SNAPSHOT_TABLES) expect(theirs?.[table]).toEqual(mine?.[table]);
    const blobsA = await a.db.blobs.toArray();
    for (const row of blobsA) {
      const copy = await b.db.blobs.get(row.sha256);
      expect(copy, row.sha256).toBeDefined();
      const bytesB = new Uint8Array(await (copy as { blob: Blob }).blob.arrayBuffer());
      expect(await sha256Hex(bytesB)).toBe(row.sha256);
    }
    const verified = await verifyChain(b.db, id);
    expect(verified.ok).toBe(true);
    expect(verified.message).toMatch(/intact/);
  }, 120_000);

  it('round-trips a large engagement: 2,400 sample items, 40 tests, 30 evidence files, every byte identical', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const matrix = generateControlMatrix(20, e.categories, 5);
    await a.repo.mutate(
      matrix.map((fields) => ({
        entity: 'control',
        op: 'create',
        fields: { ...fields, engagementId: e.id },
      })),
      a.actor,
    );
    const controls = await engagementRecords<Control>(a.db, 'controls', e.id);
    const generated = generateFieldwork(controls, { testsPerControl: 2, itemsPerTest: 60, attributes: 8 });
    for (let i = 0; i < generated.length; i += 5) {
      await a.repo.mutate(
        generated.slice(i, i + 5).flatMap((t): Mutation[] => [
          { entity: 'controlTest', op: 'create', id: t.id, fields: { ...t.fields, engagementId: e.id } },
          ...t.items.map(({ id, ...fields }): Mutation => ({
            entity: 'sampleItem',
            op: 'create',
            id,
            fields: { ...fields, engagementId: e.id },
          })),
        ]),
        a.actor,
      );
    }
    const random = seededRandom(7);
    const files = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const bytes = new Uint8Array(64 * 1024 + i).map(() => Math.floor(random() * 256));
        return sha256Hex(bytes).then((sha256) => ({
          file: Object.assign(new Blob([bytes]), { name: `scan-${i}.pdf` }),
          sha256,
        }));
      }),
    );
    await addEvidence(a.repo, a.actor, e.id, files);
    const bytes = await exportFrom(a, e.id, 'engagement', 'large engagement passphrase');

    const b = await freshRepo();
    await importInto(b, bytes, undefined, 'large engagement passphrase');
    const [mine, theirs] = await Promise.all([loadSnapshot(a.db, e.id), loadSnapshot(b.db, e.id)]);
    expect(theirs?.sampleItems).toHaveLength(2400);
    for (const table of SNAPSHOT_TABLES) expect(theirs?.[table]).toEqual(mine?.[table]);
    for (const f of files) {
      const row = await b.db.blobs.get(f.sha256);
      expect(await sha256Hex(new Uint8Array(await (row?.blob ?? new Blob()).arrayBuffer()))).toBe(f.sha256);
    }
    const trailA = await verifyChain(a.db, e.id);
    const trailB = await verifyChain(b.db, e.id);
    expect(trailB).toMatchObject({ ok: true, count: trailA.count });
  }, 180_000);

  it('merges edits to different fields made on two laptops without a conflict, both ways', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const b = await freshRepo();
    await importInto(b, await exportFrom(a, e.id));
    await edit(a, e.id, { engagementPartner: 'Dana Whitfield, CPA' });
    await edit(b, e.id, { firm: 'Harbor & Reed LLP (Boston)' });

    const intoA = await importInto(a, await exportFrom(b, e.id));
    expect(intoA.plan.engagements[0]?.action).toBe('merge');
    expect(intoA.plan.engagements[0]?.merge?.conflicts).toEqual([]);
    const merged = await loadSnapshot(a.db, e.id);
    expect(merged?.engagement.engagementPartner).toBe('Dana Whitfield, CPA');
    expect(merged?.engagement.firm).toBe('Harbor & Reed LLP (Boston)');
    // Both trails are kept and each verifies: A's own and the one B wrote after importing.
    const trail = await verifyChain(a.db, e.id);
    expect(trail.ok).toBe(true);
    expect(trail.message).toMatch(/in 2 trails/);

    const intoB = await importInto(b, await exportFrom(a, e.id));
    expect(intoB.plan.engagements[0]?.merge?.conflicts).toEqual([]);
    const back = await loadSnapshot(b.db, e.id);
    expect(content(back?.engagement ?? {})).toEqual(content(merged?.engagement ?? {}));
    expect((await verifyChain(b.db, e.id)).ok).toBe(true);

    // The third time only B's trail of that merge is new; after it, both copies have everything.
    const again = await importInto(a, await exportFrom(b, e.id));
    expect(again.plan.engagements[0]?.merge?.summary).toMatchObject({ added: 0, updated: 0, conflicts: 0 });
    expect(again.result.engagements[0]?.changedRecords).toBe(0);
    const last = await importInto(b, await exportFrom(a, e.id));
    expect(last.plan.engagements[0]?.action).toBe('up-to-date');
    expect((await verifyChain(a.db, e.id)).ok).toBe(true);
  }, 60_000);

  it('asks about the same field changed on both laptops and applies the choice', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const b = await freshRepo();
    await importInto(b, await exportFrom(a, e.id));
    await edit(a, e.id, { engagementPartner: 'Partner chosen at A' });
    await edit(b, e.id, { engagementPartner: 'Partner chosen at B' });

    const fromB = await exportFrom(b, e.id);
    const pkg = await openPackage(bytesSource(fromB));
    const plan = await planImport(a.db, a.repo, pkg);
    const conflicts = plan.engagements[0]?.merge?.conflicts ?? [];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'field', path: 'engagementPartner' });
    // Nothing is written before the user confirms.
    expect((await loadSnapshot(a.db, e.id))?.engagement.engagementPartner).toBe('Partner chosen at A');
    // A missing resolution is refused, and nothing is written.
    await expect(
      applyImport(
        a.db,
        a.repo,
        pkg,
        plan,
        { resolutions: {}, fileName: 'b.fieldwork', evidenceBlob: async () => new Blob([]) },
        a.actor,
      ),
    ).rejects.toThrow();
    expect((await loadSnapshot(a.db, e.id))?.engagement.engagementPartner).toBe('Partner chosen at A');

    await importInto(a, fromB, () => 'theirs');
    expect((await loadSnapshot(a.db, e.id))?.engagement.engagementPartner).toBe('Partner chosen at B');
    // The merged change is in A's trail with the file it came from, and the trail verifies.
    const events = await a.db.auditEvents.where('entityId').equals(e.id).toArray();
    expect(events.some((ev) => ev.reason?.includes('from-colleague.fieldwork'))).toBe(true);
    expect((await verifyChain(a.db, e.id)).ok).toBe(true);

    // Sent back, B takes A's decision without asking again.
    const back = await importInto(b, await exportFrom(a, e.id));
    expect(back.plan.engagements[0]?.merge?.conflicts).toEqual([]);
    expect((await loadSnapshot(b.db, e.id))?.engagement.engagementPartner).toBe('Partner chosen at B');
  }, 60_000);

  it('makes a sign-off stale when the merge changes what was signed', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const key = workpaperKey('request-list');
    await signWorkpaper(a.repo, a.actor, e.id, key, 'preparer');
    const before = await computeReviewState((await loadSnapshot(a.db, e.id)) ?? never());
    expect(before.byKey.get(key)?.levels[0]?.status).toBe('current');
    const b = await freshRepo();
    await importInto(b, await exportFrom(a, e.id));
    await b.repo.mutate(
      [
        {
          entity: 'request',
          op: 'create',
          fields: { ...emptyRequestFields(1), engagementId: e.id, title: 'Population of changes' },
        },
      ],
      b.actor,
    );
    await importInto(a, await exportFrom(b, e.id));
    const after = await computeReviewState((await loadSnapshot(a.db, e.id)) ?? never());
    expect(after.byKey.get(key)?.levels[0]?.status).toBe('stale');
  }, 60_000);

  it('imports a reviewer copy locked: every write refused, never merged back', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const copy = await exportFrom(a, e.id, 'reviewer-copy');
    const reviewer = await freshRepo();
    const { plan } = await importInto(reviewer, copy);
    expect(plan.engagements[0]?.action).toBe('reviewer-copy');
    await expect(edit(reviewer, e.id, { firm: 'Changed' })).rejects.toThrow(/read-only reviewer copy/);
    await expect(exportFrom(reviewer, e.id, 'engagement')).rejects.toThrow(/reviewer copy/);
    // Where the engagement is worked on, a reviewer copy is refused with the reason.
    const refused = await importInto(a, copy);
    expect(refused.plan.engagements[0]?.action).toBe('refused');
    expect(refused.plan.engagements[0]?.reason).toMatch(/read-only/);
  }, 60_000);

  it('refuses a file whose trail of this computer was altered', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const b = await freshRepo();
    await importInto(b, await exportFrom(a, e.id));
    // Tamper with B's copy of A's chain head event in B's database, then send it back: A refuses.
    const first = await b.db.auditEvents.get([e.id, 1]);
    if (!first) throw new Error('no event');
    await b.db.auditEvents.put({ ...first, actorName: 'Someone else' });
    await expect(exportFrom(b, e.id).then((bytes) => openPackage(bytesSource(bytes)))).rejects.toThrow(
      /audit trail/i,
    );
  }, 60_000);
});

describe('evidence, deletes and backups', () => {
  async function file(name: string, text: string) {
    const bytes = new TextEncoder().encode(text);
    return { file: Object.assign(new Blob([bytes]), { name }), sha256: await sha256Hex(bytes) };
  }

  it('unites evidence added on both laptops by hash: every file arrives, the same bytes once', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const b = await freshRepo();
    await importInto(b, await exportFrom(a, e.id));
    const shared = await file('policy.txt', 'Information security policy v3');
    await addEvidence(a.repo, a.actor, e.id, [await file('a-only.txt', 'from A'), shared]);
    await addEvidence(b.repo, b.actor, e.id, [await file('b-only.txt', 'from B'), shared]);
    await importInto(a, await exportFrom(b, e.id));
    const merged = await loadSnapshot(a.db, e.id);
    const names = merged?.evidence
      .filter((r) => !r.deleted)
      .map((r) => r.versions[0]?.fileName)
      .sort();
    expect(names).toEqual(['a-only.txt', 'b-only.txt', 'policy.txt', 'policy.txt']);
    expect(await a.db.blobs.count()).toBe(3);
    const fromB = await a.db.blobs.get((await file('b-only.txt', 'from B')).sha256);
    expect(await fromB?.blob.text()).toBe('from B');
  }, 60_000);

  it('keeps every version when both laptops replace the same evidence file', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const { created } = await addEvidence(a.repo, a.actor, e.id, [await file('users.csv', 'v1')]);
    const record = created[0];
    if (!record) throw new Error('no evidence');
    const b = await freshRepo();
    await importInto(b, await exportFrom(a, e.id));
    await replaceEvidenceFile(a.repo, a.actor, record, await file('users.csv', 'v2 from A'), 'Updated list');
    const atB = (await loadSnapshot(b.db, e.id))?.evidence.find((r) => r.id === record.id);
    if (!atB) throw new Error('no evidence at B');
    await replaceEvidenceFile(b.repo, b.actor, atB, await file('users.csv', 'v2 from B'), 'Corrected list');
    const { plan } = await importInto(a, await exportFrom(b, e.id));
    expect(plan.engagements[0]?.merge?.conflicts).toEqual([]);
    const merged = (await loadSnapshot(a.db, e.id))?.evidence.find((r) => r.id === record.id);
    expect(merged?.versions.map((v) => v.note)).toEqual(['', 'Updated list', 'Corrected list']);
    expect(await a.db.blobs.count()).toBe(3);
  }, 60_000);

  it('asks before a record edited on one laptop and deleted on the other disappears', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const [request] = await a.repo.mutate(
      [
        {
          entity: 'request',
          op: 'create',
          fields: { ...emptyRequestFields(1), engagementId: e.id, title: 'HR list' },
        },
      ],
      a.actor,
    );
    const id = String(request?.id);
    const b = await freshRepo();
    await importInto(b, await exportFrom(a, e.id));
    await a.repo.mutate([{ entity: 'request', op: 'delete', id }], a.actor);
    await b.repo.mutate(
      [{ entity: 'request', op: 'update', id, patch: { title: 'HR list (terminations)' } }],
      b.actor,
    );
    const { plan } = await importInto(a, await exportFrom(b, e.id), () => 'keep');
    expect(plan.engagements[0]?.merge?.conflicts).toMatchObject([{ kind: 'delete', deletedBy: 'mine' }]);
    const kept = (await loadSnapshot(a.db, e.id))?.requests.find((r) => r.id === id);
    expect(kept).toMatchObject({ deleted: false, title: 'HR list (terminations)' });
  }, 60_000);

  it('renumbers a request both laptops added with the same number, in either direction', async () => {
    const a = await freshRepo();
    const e = await newEngagement(a);
    const b = await freshRepo();
    await importInto(b, await exportFrom(a, e.id));
    const add = (ctx: Ctx, id: string, title: string) =>
      ctx.repo.mutate(
        [
          {
            entity: 'request',
            op: 'create',
            id,
            fields: { ...emptyRequestFields(8), engagementId: e.id, title },
          },
        ],
        ctx.actor,
      );
    // B's sorts first and was created first, so A's own request is the one renumbered when A merges:
    // it must move to PBC-009 before B's takes PBC-008 (a unique index in the database).
    await add(b, '01900000-0000-7000-8000-000000000001', 'Badge access list (B)');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await add(a, '01900000-0000-7000-8000-000000000002', 'Firewall rules (A)');
    const intoA = await importInto(a, await exportFrom(b, e.id));
    expect(intoA.plan.engagements[0]?.merge?.renumberings).toHaveLength(1);
    const atA = (await loadSnapshot(a.db, e.id))?.requests.map((r) => [r.number, r.title]).sort();
    expect(atA).toEqual([
      [8, 'Badge access list (B)'],
      [9, 'Firewall rules (A)'],
    ]);
    // Nothing is asked twice and B ends with the same list.
    await importInto(b, await exportFrom(a, e.id));
    const atB = (await loadSnapshot(b.db, e.id))?.requests.map((r) => [r.number, r.title]).sort();
    expect(atB).toEqual(atA);
    const again = await importInto(a, await exportFrom(b, e.id));
    expect(again.plan.engagements[0]?.merge?.conflicts).toEqual([]);
    expect((await verifyChain(a.db, e.id)).ok).toBe(true);
  }, 60_000);

  it('backs up every engagement with the profiles and restores them into an empty database', async () => {
    const a = await freshRepo();
    const one = await newEngagement(a);
    const two = await createEngagement(a.repo, a.actor, type2Input({ serviceOrganization: 'Beta Corp' }));
    const input = await buildPackageInput(a.db, a.repo, {
      kind: 'backup',
      engagementIds: await backupEngagementIds(a.db),
      actor: a.actor,
      appVersion: 'test',
    });
    const sink = memorySink();
    await writePackage(sink, input, { passphrase: 'backup passphrase', kdf: TEST_KDF });
    const restored = await freshRepo();
    const { plan } = await importInto(restored, sink.bytes(), undefined, 'backup passphrase');
    expect(plan.engagements.map((p) => p.action)).toEqual(['new', 'new']);
    expect(plan.newProfiles).toBe(1); // A's profile; the restoring database has its own
    for (const id of [one.id, two.id]) {
      expect(content((await loadSnapshot(restored.db, id))?.engagement ?? {})).toEqual(
        content((await loadSnapshot(a.db, id))?.engagement ?? {}),
      );
      expect((await verifyChain(restored.db, id)).ok).toBe(true);
    }
    expect(await restored.db.profiles.get(a.profile.id)).toBeDefined();
    // The restored data is in that backup: no "never backed up" reminder right after a restore.
    expect((await restored.db.meta.get(LAST_BACKUP_KEY))?.value).toBe(input.exportedAt);
  }, 60_000);
});

function never(): never {
  throw new Error('missing snapshot');
}
