/**
 * `npm run bench` (app lock): what the app lock costs on a large data set, under Node with
 * fake-indexeddb (slower than a browser's IndexedDB; compare the with/without figures of one run).
 *
 * - turning the lock on: records and evidence encrypted per second (the in-place migration);
 * - reading: the demo engagement's full snapshot and the engagement list, plain vs locked;
 * - unlocking with the default key derivation (Argon2id 64 MiB);
 * - turning the lock off again.
 *
 * BENCH_LOCK_ENGAGEMENTS (default 150) generated engagements with 20 edits each, plus the demo engagement;
 * BENCH_LOCK_EVIDENCE_MB (default 200) of evidence in 10 files. Prints figures, asserts nothing.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { FieldworkDatabase } from '../renderer/db/database';
import { Repository } from '../renderer/db/repository';
import { listEngagements } from '../renderer/db/queries';
import { loadSnapshot } from '../renderer/db/snapshot';
import { createProfile, actorOf } from '../renderer/features/profiles/commands';
import { loadDemoEngagement } from '../renderer/features/demo/commands';
import { addEvidence } from '../renderer/features/evidence/commands';
import { generateEngagements } from '../test/generators/large-engagement';
import { loadGenerated } from '../test/generators/load';
import { sha256Hex } from '../shared/domain/hash';

const ENGAGEMENTS = Number(process.env.BENCH_LOCK_ENGAGEMENTS ?? 150);
const EVIDENCE_MB = Number(process.env.BENCH_LOCK_EVIDENCE_MB ?? 200);
const FILES = 10;
const PASSPHRASE = 'bench passphrase, long enough';

const rows: [string, string][] = [];
let peakRss = 0;
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timed(fn))[1]);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

async function main() {
  const db = new FieldworkDatabase('bench-at-rest');
  const repo = new Repository(db);
  const profile = await createProfile(repo, {
    fullName: 'Bench Auditor',
    initials: 'BA',
    firm: 'Bench LLP',
    role: 'senior',
  });
  const actor = actorOf(profile);
  await loadGenerated(repo, actor, generateEngagements(ENGAGEMENTS, 7, 20));
  const { id: demoId } = await loadDemoEngagement(repo, profile);
  const fileBytes = Math.round((EVIDENCE_MB * 1e6) / FILES);
  for (let i = 0; i < FILES; i += 1) {
    const bytes = new Uint8Array(randomBytes(fileBytes));
    await addEvidence(repo, actor, demoId, [
      { file: new File([bytes], `evidence-${i}.bin`), sha256: await sha256Hex(bytes) },
    ]);
  }
  let records = 0;
  for (const t of db.tables) if (t.name !== 'blobs') records += await t.count();
  rows.push([
    'data set',
    `${ENGAGEMENTS + 1} engagements, ${records} rows, ${FILES} evidence files of ${(fileBytes / 1e6).toFixed(0)} MB`,
  ]);

  const plainSnapshot = await median(() => loadSnapshot(db, demoId));
  const plainList = await median(() => listEngagements(db));

  const [, enableMs] = await timed(() => db.atRest.enable(profile.id, PASSPHRASE));
  rows.push(['turn on: key slots (Argon2id 64 MiB, passphrase + recovery key)', `${enableMs.toFixed(0)} ms`]);
  let recordsMs = 0;
  let evidenceMs = 0;
  let last = performance.now();
  let table: string | null = null;
  await db.atRest.migrate({
    onProgress: (p) => {
      const now = performance.now();
      if (table === 'blobs' || p.table === 'blobs') evidenceMs += now - last;
      else recordsMs += now - last;
      last = now;
      table = p.table;
    },
  });
  rows.push([
    'turn on: records encrypted in place',
    `${recordsMs.toFixed(0)} ms, ${((records / recordsMs) * 1000).toFixed(0)} rows/s`,
  ]);
  rows.push([
    'turn on: evidence encrypted in place',
    `${evidenceMs.toFixed(0)} ms, ${((EVIDENCE_MB / evidenceMs) * 1000).toFixed(0)} MB/s`,
  ]);

  db.atRest.opened.clear();
  const [, coldSnapshot] = await timed(() => loadSnapshot(db, demoId));
  rows.push([
    'demo engagement snapshot, first read after unlock (every record decrypted)',
    `${coldSnapshot.toFixed(1)} ms`,
  ]);
  const lockedSnapshot = await median(() => loadSnapshot(db, demoId));
  const lockedList = await median(() => listEngagements(db));
  rows.push([
    'demo engagement snapshot, again (plain → locked)',
    `${plainSnapshot.toFixed(1)} → ${lockedSnapshot.toFixed(1)} ms (×${(lockedSnapshot / plainSnapshot).toFixed(2)})`,
  ]);
  rows.push([
    `engagement list, ${ENGAGEMENTS + 1} (plain → locked)`,
    `${plainList.toFixed(1)} → ${lockedList.toFixed(1)} ms (×${(lockedList / plainList).toFixed(2)})`,
  ]);

  const [firstFile] = await db.blobs.toArray();
  if (firstFile) {
    const [, openMs] = await timed(async () => (await db.atRest.evidenceBytes(firstFile)).arrayBuffer());
    rows.push([
      'open one evidence file (decrypt)',
      `${openMs.toFixed(0)} ms, ${((fileBytes / 1e6 / openMs) * 1000).toFixed(0)} MB/s`,
    ]);
  }

  db.atRest.lock();
  const [, unlockMs] = await timed(() => db.atRest.unlock(profile.id, PASSPHRASE));
  rows.push(['unlock (Argon2id 64 MiB)', `${unlockMs.toFixed(0)} ms`]);

  await db.atRest.disable();
  const [, offMs] = await timed(() => db.atRest.migrate());
  rows.push(['turn off: everything decrypted in place', `${offMs.toFixed(0)} ms`]);

  clearInterval(sample);
  rows.push(['peak RSS', `${(peakRss / 1024 / 1024).toFixed(0)} MB`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log('\nApp lock (data at rest)');
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
