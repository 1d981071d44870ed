import { describe, expect, it } from 'vitest';
import {
  describeAuditEvent,
  describeFieldChanges,
  GENESIS_HASH,
  hashAuditEvent,
  verifyAuditChain,
  type AuditEvent,
  type UnhashedAuditEvent,
} from '../../../shared/domain/audit';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { sha256Hex } from '../../../shared/domain/hash';

async function buildChain(n: number): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const e: UnhashedAuditEvent = {
      chain: 'eng-1',
      seq,
      at: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`,
      actor: 'p1',
      actorName: 'Ana López',
      entity: 'engagement',
      entityId: 'e1',
      op: seq === 1 ? 'create' : 'update',
      changes: { notes: { before: seq - 1, after: seq } },
      prevHash,
    };
    const hash = await hashAuditEvent(e);
    events.push({ ...e, hash });
    prevHash = hash;
  }
  return events;
}

describe('audit chain', () => {
  it('hashes prevHash + canonical JSON of the event with SHA-256', async () => {
    const [first] = await buildChain(1);
    if (!first) throw new Error('no event');
    const { hash, ...rest } = first;
    expect(hash).toBe(await sha256Hex(GENESIS_HASH + canonicalJson(rest)));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports an intact chain with its event count', async () => {
    const events = await buildChain(25);
    const result = await verifyAuditChain(events, { chain: 'eng-1', seq: 25, hash: events[24]?.hash ?? '' });
    expect(result).toMatchObject({ ok: true, count: 25, message: 'Audit trail intact, 25 events' });
  });

  it('reports an empty chain as intact with 0 events', async () => {
    expect(await verifyAuditChain([])).toMatchObject({ ok: true, count: 0 });
  });

  it('finds the first altered event', async () => {
    const events = await buildChain(10);
    const tampered = events.map((e) => (e.seq === 4 ? { ...e, actorName: 'Mallory' } : e));
    const result = await verifyAuditChain(tampered);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.brokenSeq).toBe(4);
      expect(result.message).toBe(
        'Audit trail broken at event #4: its content was altered after it was recorded',
      );
    }
  });

  it('detects an altered event even when its hash was recomputed (the next link breaks)', async () => {
    const events = await buildChain(6);
    const e3 = events[2];
    if (!e3) throw new Error('no event');
    const forged = { ...e3, changes: { notes: { before: 0, after: 'forged' } } };
    forged.hash = await hashAuditEvent(forged);
    const result = await verifyAuditChain(events.map((e) => (e.seq === 3 ? forged : e)));
    expect(result).toMatchObject({ ok: false, brokenSeq: 4 });
  });

  it('detects a removed event in the middle', async () => {
    const events = await buildChain(8);
    const result = await verifyAuditChain(events.filter((e) => e.seq !== 5));
    expect(result).toMatchObject({ ok: false, brokenSeq: 6, reason: 'event #5 is missing' });
  });

  it('detects removal of the newest events through the stored head', async () => {
    const events = await buildChain(8);
    const head = { chain: 'eng-1', seq: 8, hash: events[7]?.hash ?? '' };
    const result = await verifyAuditChain(events.slice(0, 6), head);
    expect(result).toMatchObject({ ok: false, brokenSeq: 7, reason: 'the newest 2 events were removed' });
  });

  it('detects two events swapped in the chain (their numbers exchanged)', async () => {
    const events = await buildChain(6);
    const [e3, e4] = [events[2], events[3]];
    if (!e3 || !e4) throw new Error('no event');
    const swapped = events.map((e) =>
      e.seq === 3 ? { ...e4, seq: 3 } : e.seq === 4 ? { ...e3, seq: 4 } : e,
    );
    expect(await verifyAuditChain(swapped)).toMatchObject({ ok: false, brokenSeq: 3 });
  });

  it('covers the post-release reason, and hashes events without one exactly as before', async () => {
    const [plain] = await buildChain(1);
    if (!plain) throw new Error('no event');
    const { hash: _hash, ...rest } = plain;
    // An event written before reasons existed keeps its hash (no `reason` key in the hashed body).
    expect(await hashAuditEvent(rest)).toBe(plain.hash);
    const withReason = { ...rest, reason: 'Clarification from the EQR', postRelease: true };
    const signed = { ...withReason, hash: await hashAuditEvent(withReason) };
    expect(signed.hash).not.toBe(plain.hash);
    expect((await verifyAuditChain([signed])).ok).toBe(true);
    const altered = { ...signed, reason: 'Something else' };
    expect(await verifyAuditChain([altered])).toMatchObject({ ok: false, brokenSeq: 1 });
  });

  it('accepts events in any order', async () => {
    const events = await buildChain(5);
    expect((await verifyAuditChain([...events].reverse())).ok).toBe(true);
  });
});

describe('describeAuditEvent', () => {
  const base = {
    chain: 'e',
    seq: 1,
    at: '2026-01-01T00:00:00.000Z',
    actor: 'p',
    actorName: 'Ana',
    entityId: 'r1',
    prevHash: '',
    hash: '',
  };
  it('puts criterion scoping and engagement edits in words', async () => {
    const { describeAuditEvent } = await import('../../../shared/domain/audit');
    const ctx = { criterionOf: (id: string) => (id === 'r1' ? 'CC6.4' : undefined) };
    expect(
      describeAuditEvent(
        {
          ...base,
          entity: 'criterionScope',
          op: 'create',
          changes: {
            criterionId: { before: null, after: 'CC6.4' },
            notApplicable: { before: null, after: true },
          },
        },
        ctx,
      ),
    ).toBe('Marked CC6.4 not applicable');
    expect(
      describeAuditEvent(
        {
          ...base,
          entity: 'criterionScope',
          op: 'update',
          changes: { notApplicable: { before: true, after: false } },
        },
        ctx,
      ),
    ).toBe('Marked CC6.4 applicable');
    expect(
      describeAuditEvent(
        {
          ...base,
          entity: 'engagement',
          op: 'update',
          changes: { notes: { before: '', after: 'x' }, engagementPartner: { before: '', after: 'D' } },
        },
        ctx,
      ),
    ).toBe('Changed Notes, Engagement partner');
    const { describeFieldChanges } = await import('../../../shared/domain/audit');
    expect(
      describeFieldChanges({
        ...base,
        entity: 'engagement',
        op: 'update',
        changes: {
          categories: { before: ['security'], after: ['security', 'processing-integrity'] },
          firm: { before: '', after: 'Harbor & Reed LLP' },
          notes: { before: 'x', after: 'y'.repeat(100) },
        },
      }),
    ).toEqual([
      'Categories in scope: Security → Security, Processing Integrity',
      'Firm: (empty) → “Harbor & Reed LLP”',
      `Notes: “x” → “${'y'.repeat(59)}…”`,
    ]);
    expect(
      describeAuditEvent(
        {
          ...base,
          entity: 'engagement',
          op: 'update',
          changes: { archived: { before: false, after: true } },
        },
        ctx,
      ),
    ).toBe('Archived the engagement');
  });
});

describe('the change history of fieldwork records, in words', () => {
  const event = (entity: string, op: AuditEvent['op'], changes: AuditEvent['changes']): AuditEvent => ({
    chain: 'c',
    seq: 1,
    at: '2026-11-22T10:00:00.000Z',
    actor: 'p',
    actorName: 'Ana',
    entity,
    entityId: 'id',
    op,
    changes,
    prevHash: '',
    hash: '',
  });
  it('names the record and the fields, and never prints [object Object]', () => {
    const marks = event('sampleItem', 'update', { marks: { before: {}, after: { a: 'pass' } } });
    expect(describeAuditEvent(marks, { criterionOf: () => undefined })).toBe(
      'Changed a sample item (Tickmarks)',
    );
    expect(describeFieldChanges(marks)).toEqual(['Tickmarks: (empty) → 1 value']);
    const test = event('controlTest', 'create', {});
    expect(describeAuditEvent(test, { criterionOf: () => undefined })).toBe('Added a test');
    const steps = event('walkthrough', 'update', {
      steps: { before: [], after: [{ id: 'x' }, { id: 'y' }] },
    });
    expect(describeFieldChanges(steps).join()).not.toContain('[object Object]');
  });
});
