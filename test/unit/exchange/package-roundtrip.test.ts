/**
 * The package layer end to end: the demo engagement written to a `.fieldwork` package (plain and
 * encrypted) and opened again gives back the same records, audit events and evidence bytes; backups carry
 * the machine records; progress, cancel, a damaged local evidence file, and the suggested file names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/domain/hash';
import { live, SNAPSHOT_TABLES } from '../../../shared/domain/snapshot';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/domain/upgrades';
import { LATEST_SCHEMA_VERSION } from '../../../renderer/db/schema';
import { TEST_KDF } from '../../../shared/exchange/crypto';
import { bytesSource, collect, memorySink } from '../../../shared/exchange/io';
import { inspectPackage, openPackage, packageFileName, writePackage } from '../../../shared/exchange/package';
import {
  ExchangeCancelledError,
  ExchangeError,
  type Progress,
  type WritePackageInput,
} from '../../../shared/exchange/types';
import { CHUNK_CHARS, ndjsonChunks, parseNdjson } from '../../../shared/exchange/package/ndjson';
import { demoPackageInput, packageBytes, smallPackageInput } from '../../fixtures/demo-package';

let demo: WritePackageInput;

beforeAll(async () => {
  demo = (await demoPackageInput()).input;
});

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  const [first] = items;
  if (first === undefined) throw new Error('empty');
  return first;
}

async function inputBytes(input: WritePackageInput): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const f of input.evidence) out.set(f.sha256, await collect(f.read()));
  return out;
}

async function expectSameEngagement(
  input: WritePackageInput,
  opened: Awaited<ReturnType<typeof openPackage>>,
) {
  const sent = only(input.engagements);
  const got = only(opened.engagements);
  expect(got.snapshot).toEqual(sent.snapshot);
  const order = (a: { chain: string; seq: number }, b: { chain: string; seq: number }) =>
    a.chain.localeCompare(b.chain) || a.seq - b.seq;
  expect([...got.auditEvents].sort(order)).toEqual([...sent.auditEvents].sort(order));
  expect(got.chainHeads).toEqual(sent.chainHeads);
  expect(got.seen).toEqual(sent.seen);
  const sentBytes = await inputBytes(input);
  expect([...opened.evidence.keys()].sort()).toEqual([...sentBytes.keys()].sort());
  for (const [sha256, bytes] of sentBytes) {
    const evidence = opened.evidence.get(sha256);
    if (!evidence) throw new Error(`evidence ${sha256} is missing`);
    const read = await collect(evidence.read());
    expect(await sha256Hex(read.slice())).toBe(sha256);
    expect(read).toEqual(bytes);
    expect(evidence.size).toBe(bytes.length);
  }
}

describe('the demo engagement as a package', () => {
  it('opens with every record, audit event and evidence file as written', async () => {
    const { bytes, manifest } = await packageBytes(demo);
    const opened = await openPackage(bytesSource(bytes));
    expect(opened.encrypted).toBe(false);
    expect(opened.manifest).toEqual(manifest);
    await expectSameEngagement(demo, opened);
    expect(demo.evidence.length).toBeGreaterThan(2);
    expect(only(demo.engagements).auditEvents.length).toBeGreaterThan(50);
  });

  it('lists in the manifest the live records of each table, every revision, the chains and the evidence', async () => {
    const { manifest } = await packageBytes(demo);
    const { snapshot, chainHeads } = only(demo.engagements);
    const listed = only(manifest.engagements);
    expect(manifest).toMatchObject({
      format: 'fieldwork-package',
      formatVersion: '1.0',
      schemaVersion: LATEST_SCHEMA_VERSION,
      kind: 'engagement',
      sourceNode: demo.sourceNode,
    });
    expect(listed).toMatchObject({
      id: snapshot.engagement.id,
      name: snapshot.engagement.systemName,
      clientName: snapshot.engagement.serviceOrganization,
    });
    for (const table of SNAPSHOT_TABLES) {
      const rows: readonly { deleted: boolean }[] = snapshot[table];
      expect(listed.counts[table]).toBe(live(rows).length);
      expect(Object.keys(listed.revisions[table] ?? {}).length).toBe(snapshot[table].length);
    }
    expect(listed.counts.controls).toBeGreaterThan(5);
    expect(listed.chains.map((c) => c.chain).sort()).toEqual(chainHeads.map((c) => c.chain).sort());
    expect(listed.evidence.sort()).toEqual(demo.evidence.map((e) => e.sha256).sort());
    expect(manifest.entries.map((e) => e.path)).toContain(
      `engagements/${snapshot.engagement.id}/records/controls.ndjson`,
    );
    expect(manifest.entries.at(-1)?.path.startsWith('evidence/')).toBe(true);
  });

  it('opens encrypted with the passphrase, and only with it', async () => {
    const { bytes } = await packageBytes(demo, { passphrase: 'correct horse battery', kdf: TEST_KDF });
    const opened = await openPackage(bytesSource(bytes), { passphrase: 'correct horse battery' });
    expect(opened.encrypted).toBe(true);
    await expectSameEngagement(demo, opened);
    expect([...opened.evidence.values()].every((e) => e.storedRange === undefined)).toBe(true);
    await expect(openPackage(bytesSource(bytes))).rejects.toMatchObject({ code: 'passphrase-required' });
    await expect(
      openPackage(bytesSource(bytes), { passphrase: 'correct horse batterY' }),
    ).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: 'The passphrase is wrong or the file was changed.',
    });
  });

  it('writes the same bytes for the same engagement', async () => {
    const a = await packageBytes(demo);
    const b = await packageBytes(demo);
    expect(a.bytes).toEqual(b.bytes);
  });

  it('stores already-compressed evidence so its bytes can be sliced straight out of the file', async () => {
    const { bytes } = await packageBytes(demo);
    const opened = await openPackage(bytesSource(bytes));
    const pdf = demo.evidence.find((e) => e.mediaType === 'application/pdf');
    const text = demo.evidence.find((e) => e.mediaType === 'text/plain');
    const stored = opened.evidence.get(pdf?.sha256 ?? '');
    const range = stored?.storedRange;
    if (!range) throw new Error('the PDF should be stored');
    expect(await sha256Hex(bytes.slice(range.offset, range.offset + range.length))).toBe(pdf?.sha256);
    expect(opened.evidence.get(text?.sha256 ?? '')?.storedRange).toBeUndefined();
  });

  it('reads the manifest alone for a preview', async () => {
    const { bytes, manifest } = await packageBytes(demo, { passphrase: 'pass', kdf: TEST_KDF });
    await expect(inspectPackage(bytesSource(bytes))).rejects.toMatchObject({ code: 'passphrase-required' });
    expect(await inspectPackage(bytesSource(bytes), { passphrase: 'pass' })).toEqual({
      encrypted: true,
      manifest,
    });
  });

  it('reports progress by bytes while checking, up to the total', async () => {
    const { bytes } = await packageBytes(demo);
    const seen: Progress[] = [];
    await openPackage(bytesSource(bytes), { onProgress: (p) => seen.push(p) });
    const checking = seen.filter((p) => p.phase === 'Checking files');
    const last = checking.at(-1);
    expect(last?.done).toBe(last?.total);
    expect(last?.total).toBeGreaterThan(demo.evidence.reduce((n, e) => n + e.size, 0));
    expect(checking.every((p, i) => i === 0 || p.done >= (checking[i - 1]?.done ?? 0))).toBe(true);
    expect(seen.map((p) => p.phase)).toContain('Checking the audit trail');
  });
});

describe('writing a package', () => {
  it('stops when cancelled and discards what was written', async () => {
    const controller = new AbortController();
    const sink = memorySink();
    const phases: string[] = [];
    const run = writePackage(sink, demo, {
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'Writing evidence') controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExchangeCancelledError);
    expect(phases).toContain('Writing records');
    expect(sink.aborted).toBe(true);
  });

  it('refuses an evidence file whose bytes no longer match its hash, naming the file', async () => {
    const { input } = await smallPackageInput();
    const [first, ...rest] = input.evidence;
    if (!first) throw new Error('no evidence');
    const damaged = {
      ...first,
      async *read() {
        const bytes = await collect(first.read());
        bytes[0] = (bytes[0] ?? 0) ^ 1;
        yield bytes;
      },
    };
    const sink = memorySink();
    const error = await writePackage(sink, { ...input, evidence: [damaged, ...rest] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as Error).message).toContain(first.fileName);
    expect((error as Error).message).toMatch(/damaged/u);
    expect(sink.aborted).toBe(true);
  });

  it('refuses an engagement whose evidence file is missing', async () => {
    const { input } = await smallPackageInput();
    await expect(writePackage(memorySink(), { ...input, evidence: input.evidence.slice(1) })).rejects.toThrow(
      /is missing from this computer/u,
    );
  });
});

describe('opening a package', () => {
  it('stops when cancelled while checking', async () => {
    const { bytes } = await packageBytes(demo);
    const controller = new AbortController();
    const run = openPackage(bytesSource(bytes), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'Checking files' && p.done > 0) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExchangeCancelledError);
  });

  it('refuses a list of records larger than the limit, before reading it', async () => {
    const { bytes, manifest } = await packageBytes(demo);
    const lists = manifest.entries.filter((e) => !e.path.startsWith('evidence/'));
    const largest = Math.max(...lists.map((e) => e.size));
    const manifestBytes = JSON.stringify(manifest).length + 1;
    expect(largest).toBeGreaterThan(manifestBytes);
    await expect(
      openPackage(bytesSource(bytes), { limits: { maxRecordEntryBytes: largest - 1 } }),
    ).rejects.toMatchObject({ code: 'too-large' });
  });
});

describe('records lists', () => {
  it('are written in pieces, never as one string, and read back line by line', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      id: `row-${String(i).padStart(5, '0')}`,
      text: 'x'.repeat(100),
    }));
    const pieces: Uint8Array[] = [];
    for await (const piece of ndjsonChunks(rows)) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(2);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(CHUNK_CHARS + 200);
    const text = new TextDecoder().decode(
      await collect(
        (async function* () {
          yield* pieces;
        })(),
      ),
    );
    expect(parseNdjson(text, 'rows.ndjson', 'row').map((l) => l.value)).toEqual(rows);
  });
});

describe('backups', () => {
  it('carry the profiles and firm settings and open with the same checks', async () => {
    const { input } = await smallPackageInput('backup');
    expect(input.profiles?.length).toBe(1);
    const { bytes } = await packageBytes(input, { passphrase: 'backup pass', kdf: TEST_KDF });
    const opened = await openPackage(bytesSource(bytes), { passphrase: 'backup pass' });
    expect(opened.manifest.kind).toBe('backup');
    expect(opened.profiles).toEqual(input.profiles);
    expect(opened.settings).toEqual(input.settings ?? []);
    await expectSameEngagement(input, opened);
  });
});

describe('schema version', () => {
  it('is the same number for the database and the exchange codec', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(LATEST_SCHEMA_VERSION);
  });
});

describe('packageFileName', () => {
  const date = new Date(2026, 10, 23, 14, 5);
  it('names engagement files by client, engagement and date', () => {
    expect(
      packageFileName({
        kind: 'engagement',
        clientName: 'Lumenfield Analytics',
        engagementName: 'SOC 2',
        date,
      }),
    ).toBe('Lumenfield Analytics - SOC 2 - 2026-11-23.fieldwork');
    expect(
      packageFileName({
        kind: 'reviewer-copy',
        clientName: 'Lumenfield Analytics',
        engagementName: 'SOC 2',
        date,
      }),
    ).toBe('Lumenfield Analytics - SOC 2 - 2026-11-23 (reviewer copy).fieldwork');
  });

  it('names backups by date and time, and removes characters file systems refuse', () => {
    expect(packageFileName({ kind: 'backup', date })).toBe('Fieldwork backup 2026-11-23 1405.fieldwork');
    expect(packageFileName({ kind: 'engagement', clientName: 'A/B: "Co"', engagementName: '', date })).toBe(
      'A B Co - 2026-11-23.fieldwork',
    );
  });
});
