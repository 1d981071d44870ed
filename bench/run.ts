/**
 * `npm run bench`: performance figures for the data layer on a large generated data set, under Node with
 * fake-indexeddb (slower than a real browser's IndexedDB, so these are upper bounds). Prints figures;
 * asserts nothing: compare runs, not thresholds.
 *
 * Environment variables (all optional):
 *   BENCH_ENGAGEMENTS    engagements loaded with their edit history (default 200)
 *   BENCH_EDITS          edits per engagement (default 20)
 *   BENCH_BIG_EDITS      edits on the one big engagement (default 3000)
 *   BENCH_CONTROLS       rows in the imported control matrix (default 500)
 *   BENCH_EVIDENCE_MB    size of the evidence file hashed and stored, in MB of 10^6 bytes (default 500).
 *                        The file is written under os.tmpdir() and deleted at the end. fake-indexeddb keeps
 *                        stored Blobs in memory, so storing it needs about twice its size in RAM for a
 *                        moment (peak RSS is printed); use 200 on a machine with little free memory.
 *   BENCH_POPULATION     rows in the synthetic population sampled from (default 1000000)
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { FieldworkDatabase } from '../renderer/db/database';
import { Repository } from '../renderer/db/repository';
import { listEngagements, verifyChain } from '../renderer/db/queries';
import { createProfile, actorOf } from '../renderer/features/profiles/commands';
import { generateEngagements } from '../test/generators/large-engagement';
import { loadGenerated } from '../test/generators/load';
import { generateControlMatrix } from '../test/generators/large-engagement';
import ExcelJS from 'exceljs';
import { readSpreadsheet } from '../shared/import/read-spreadsheet';
import { detectLayout } from '../shared/import/mapping';
import { buildImportPreview } from '../shared/import/preview';
import { planImport } from '../shared/import/plan';
import { computeCoverage, type Control } from '../shared/domain/planning';
import { emptyEngagementFields, scopeCriteria } from '../shared/domain/engagement';
import { createEngagement } from '../renderer/features/engagements/commands';
import { engagementRecords } from '../renderer/db/queries';
import { spawnSync } from 'node:child_process';
import { closeSync, openAsBlob, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HASH_CHUNK_BYTES, sha256OfSource } from '../shared/hashing';
import { addEvidence } from '../renderer/features/evidence/commands';
import { computeReviewState, type HashCache } from '../shared/domain/review';
import { SNAPSHOT_TABLES, type EngagementSnapshot } from '../shared/domain/snapshot';
import { emptyControlTestFields } from '../shared/domain/fieldwork';
import type { Engagement } from '../shared/domain/engagement';
import { selectRandom, selectStratified, selectSystematic, strataByPeriod } from '../shared/domain/sampling';

const ENGAGEMENTS = Number(process.env.BENCH_ENGAGEMENTS ?? 200);
const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const BIG_EDITS = Number(process.env.BENCH_BIG_EDITS ?? 3000);

const rows: [string, string][] = [];
const time = async <T>(label: string, fn: () => Promise<T>, per?: (result: T) => number): Promise<T> => {
  const start = performance.now();
  const result = await fn();
  const ms = performance.now() - start;
  const n = per?.(result);
  rows.push([
    label,
    n ? `${ms.toFixed(0)} ms total, ${(ms / n).toFixed(2)} ms each (${n})` : `${ms.toFixed(1)} ms`,
  ]);
  return result;
};

const db = new FieldworkDatabase('bench');
const repo = new Repository(db);
const profile = await createProfile(repo, {
  fullName: 'Bench Auditor',
  initials: 'BA',
  firm: '',
  role: 'senior',
});
const actor = actorOf(profile);

const items = generateEngagements(ENGAGEMENTS, 42, EDITS);
const ids = await time(
  `load ${ENGAGEMENTS} engagements × ${EDITS} edits`,
  () => loadGenerated(repo, actor, items),
  () => items.reduce((n, i) => n + 1 + i.edits.length, 0),
);

const [big] = generateEngagements(1, 7, BIG_EDITS);
if (!big) throw new Error('generator returned nothing');
const [bigId] = await time(
  `one engagement with ${BIG_EDITS} edits (mutate each)`,
  () => loadGenerated(repo, actor, [big]),
  () => BIG_EDITS + 1,
);
if (!bigId) throw new Error('no id');

await time('list all engagements', () => listEngagements(db));
const verification = await time(`verify audit chain of the big engagement`, () => verifyChain(db, bigId));
rows.push(['  result', verification.message]);
await time(`verify all ${ids.length} other chains`, async () => {
  for (const id of ids) await verifyChain(db, id);
});

// Planning: a client's 500-control matrix read from .xlsx, previewed, imported in one transaction.
const MATRIX = Number(process.env.BENCH_CONTROLS ?? 500);
const matrix = generateControlMatrix(MATRIX, ['security', 'availability', 'confidentiality'], 11);
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('RCM');
sheet.addRow(['Client control matrix']);
sheet.addRow(['Control ID', 'Control Activity', 'TSC', 'Owner', 'Frequency']);
for (const c of matrix)
  sheet.addRow([c.reference, c.description, c.criteria.join('; '), c.owner, c.frequency]);
const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
rows.push([`control matrix file (${MATRIX} rows)`, `${(xlsx.byteLength / 1024).toFixed(0)} kB`]);
const grids = await time('read the .xlsx', () => readSpreadsheet(xlsx, 'matrix.xlsx'));
const grid = grids[0];
if (!grid) throw new Error('no sheet read');
const planningEngagement = await createEngagement(repo, actor, {
  ...emptyEngagementFields(),
  serviceOrganization: 'Bench Matrix Co',
  systemName: 'Bench',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  categories: ['security', 'availability', 'confidentiality'],
});
const layout = detectLayout(grid.rows);
const preview = await time('detect header, map columns, build preview', async () =>
  buildImportPreview({
    rows: grid.rows,
    headerRow: layout.headerRow,
    mapping: layout.mapping,
    existing: [],
    applicableCriteria: [],
  }),
);
const plan = planImport(preview, { skipRowsWithErrors: false });
if (!plan.ok) throw new Error(plan.message);
await time(
  `import ${plan.creates.length} controls in one transaction`,
  () =>
    repo.mutate(
      plan.creates.map((c) => ({
        entity: 'control' as const,
        op: 'create' as const,
        fields: { ...c.fields, engagementId: planningEngagement.id },
      })),
      actor,
    ),
  () => plan.creates.length,
);
const imported = await engagementRecords<Control>(db, 'controls', planningEngagement.id);
const scope = scopeCriteria(planningEngagement.categories, []);
await time('coverage of the imported matrix', async () => computeCoverage(scope.criteria, imported));

const events = await db.auditEvents.count();
const mem = process.memoryUsage();
rows.push(['audit events stored', String(events)]);
rows.push(['heap used', `${(mem.heapUsed / 1024 / 1024).toFixed(0)} MB`]);

// Evidence: hash a large file in chunks (the app's hasher) next to sha256sum, then store it.
const EVIDENCE_MB = Number(process.env.BENCH_EVIDENCE_MB ?? 500);
const evidenceBytes = EVIDENCE_MB * 1_000_000;
const evidencePath = join(tmpdir(), `fieldwork-bench-evidence-${process.pid}.bin`);
const mbPerSecond = (ms: number) => `${((evidenceBytes / 1_000_000 / ms) * 1000).toFixed(0)} MB/s`;
try {
  await time(`write ${EVIDENCE_MB} MB of pseudo-random bytes to a temp file`, async () => {
    const chunk = new Uint32Array(HASH_CHUNK_BYTES / 4);
    let x = 0x9e3779b9; // xorshift32: the same file every run
    const fd = openSync(evidencePath, 'w');
    try {
      for (let written = 0; written < evidenceBytes; written += chunk.byteLength) {
        for (let i = 0; i < chunk.length; i += 1) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          chunk[i] = x >>> 0;
        }
        writeSync(fd, new Uint8Array(chunk.buffer, 0, Math.min(chunk.byteLength, evidenceBytes - written)));
      }
    } finally {
      closeSync(fd);
    }
  });
  let start = performance.now();
  const ours = await sha256OfSource(await openAsBlob(evidencePath));
  let ms = performance.now() - start;
  rows.push([`sha256OfSource (hash-wasm, 4 MB chunks)`, `${ms.toFixed(0)} ms, ${mbPerSecond(ms)}`]);
  start = performance.now();
  const sum = spawnSync('sha256sum', [evidencePath], { encoding: 'utf8' });
  ms = performance.now() - start;
  const theirs = sum.status === 0 ? sum.stdout.split(/\s+/u)[0] : null;
  rows.push([
    'sha256sum on the same file',
    theirs ? `${ms.toFixed(0)} ms, ${mbPerSecond(ms)}` : `not run (${sum.error?.message ?? sum.stderr})`,
  ]);
  rows.push(['  hashes equal', theirs ? String(theirs === ours) : 'n/a']);
  if (theirs && theirs !== ours) throw new Error(`hash mismatch: ${ours} vs sha256sum ${theirs}`);

  // Node refuses to clone file-backed Blobs (fs.openAsBlob) into IndexedDB, so the stored Blob is built
  // in memory from the file, as a browser copies a picked File into the database.
  const evidenceEngagement = await createEngagement(repo, actor, {
    ...emptyEngagementFields(),
    serviceOrganization: 'Bench Evidence Co',
    systemName: 'Bench',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    categories: ['security'],
  });
  const inMemory = await time(`read the file into an in-memory Blob`, async () => {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const fd = openSync(evidencePath, 'r');
    try {
      for (let offset = 0; offset < evidenceBytes; offset += HASH_CHUNK_BYTES) {
        const part = new Uint8Array(Math.min(HASH_CHUNK_BYTES, evidenceBytes - offset));
        readSync(fd, part, 0, part.byteLength, offset);
        parts.push(part);
      }
    } finally {
      closeSync(fd);
    }
    return new Blob(parts, { type: 'application/octet-stream' });
  });
  await time(`addEvidence: store ${EVIDENCE_MB} MB in fake-indexeddb (in memory)`, () =>
    addEvidence(repo, actor, evidenceEngagement.id, [
      { file: Object.assign(inMemory, { name: 'large-evidence.bin' }), sha256: ours },
    ]),
  );
  const stored = await db.blobs.get(ours);
  rows.push(['  stored blob size', stored ? `${stored.blob.size} bytes` : 'missing']);
  rows.push(['  peak RSS so far', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`]);
} finally {
  rmSync(evidencePath, { force: true });
}

// Selection: 60 items from a large population, seeded, three ways.
const POPULATION = Number(process.env.BENCH_POPULATION ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
const populationDates = await time(`${POPULATION} synthetic dates (2026)`, async () => {
  // Items spread evenly over the year's days, in date order, as a client's export usually is.
  const days = Array.from({ length: 365 }, (_, d) =>
    new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10),
  );
  return Array.from({ length: POPULATION }, (_, i) => days[Math.floor((i * 365) / POPULATION)] ?? null);
});
const selectionSeed = 'bench-selection-seed';
const heapDelta = async (label: string, fn: () => unknown) => {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  await time(label, async () => fn());
  const after = process.memoryUsage().heapUsed;
  rows.push(['  heap used delta', `${((after - before) / 1024 / 1024).toFixed(1)} MB`]);
};
await heapDelta(`selectRandom: 60 of ${POPULATION}`, () =>
  selectRandom({ populationSize: POPULATION, sampleSize: 60, seed: selectionSeed }),
);
await heapDelta(`selectSystematic: 60 of ${POPULATION}`, () =>
  selectSystematic({ populationSize: POPULATION, sampleSize: 60, seed: selectionSeed }),
);
await heapDelta(`stratified by month: 60 of ${POPULATION}`, () =>
  selectStratified({
    strata: strataByPeriod(populationDates, 'month'),
    sampleSize: 60,
    seed: selectionSeed,
  }),
);
// Review state: every workpaper hashed (what the dashboard and the release check compute on each change).
const REVIEW_TESTS = Number(process.env.BENCH_REVIEW_TESTS ?? 200);
const REVIEW_ITEMS = Number(process.env.BENCH_REVIEW_ITEMS ?? 60);
{
  const engagement = (await db.engagements.get(bigId))!;
  const meta = (id: string) => ({
    id,
    engagementId: engagement.id,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: actor.id,
    rev: 1,
    clock: 'c',
    deleted: false,
  });
  const tests = Array.from({ length: REVIEW_TESTS }, (_, i) => ({
    ...meta(`test-${i}`),
    ...emptyControlTestFields(`control-${i}`, `T-${String(i).padStart(3, '0')}`),
    procedure: 'Inspected the approval for each selected change. '.repeat(20),
  }));
  const sampleItems = tests.flatMap((t) =>
    Array.from({ length: REVIEW_ITEMS }, (_, k) => ({
      ...meta(`${t.id}-item-${k}`),
      testId: t.id,
      position: k + 1,
      populationIndex: k * 7,
      row: k * 7 + 2,
      key: `CHG-${10000 + k}`,
      date: '2026-03-01',
      batch: 0,
      stratum: '',
      outsidePeriod: false,
      marks: { a: 'pass', b: 'pass', c: 'pass' },
      note: '',
    })),
  );
  const snapshot = {
    ...emptySnapshot(engagement),
    tests,
    sampleItems,
  } as unknown as EngagementSnapshot;
  const cache: HashCache = new Map();
  const state = await time(`review state: ${REVIEW_TESTS} tests × ${REVIEW_ITEMS} items, all hashed`, () =>
    computeReviewState(snapshot, cache),
  );
  rows.push(['  workpapers', String(state.workpapers.length)]);
  // One sample item edited: the dashboard's refresh rehashes only its test.
  const edited = {
    ...snapshot,
    sampleItems: snapshot.sampleItems.map((it, i) => (i === 0 ? { ...it, rev: 2 } : it)),
  };
  await time('review state refresh after one edit (hash cache)', () => computeReviewState(edited, cache));
}

rows.push([`gc exposed for the heap figures`, String(Boolean(gc))]);

function emptySnapshot(engagement: Engagement): EngagementSnapshot {
  const tables = Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, []]));
  return { engagement, ...tables } as unknown as EngagementSnapshot; // every table present, empty
}

const width = Math.max(...rows.map(([l]) => l.length));
console.log(`\nFieldwork data-layer benchmark (Node ${process.version}, fake-indexeddb)\n`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
