/**
 * `npm run bench`: performance figures for the data layer on a large generated data set, under Node with
 * fake-indexeddb (slower than a real browser's IndexedDB, so these are upper bounds). Prints figures;
 * asserts nothing: compare runs, not thresholds.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { FieldworkDatabase } from '../renderer/db/database';
import { Repository } from '../renderer/db/repository';
import { listEngagements, verifyChain } from '../renderer/db/queries';
import { createProfile, actorOf } from '../renderer/features/profiles/commands';
import { generateEngagements } from '../test/generators/large-engagement';
import { loadGenerated } from '../test/generators/load';

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

const events = await db.auditEvents.count();
const mem = process.memoryUsage();
rows.push(['audit events stored', String(events)]);
rows.push(['heap used', `${(mem.heapUsed / 1024 / 1024).toFixed(0)} MB`]);

const width = Math.max(...rows.map(([l]) => l.length));
console.log(`\nFieldwork data-layer benchmark (Node ${process.version}, fake-indexeddb)\n`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
