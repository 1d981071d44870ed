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

const width = Math.max(...rows.map(([l]) => l.length));
console.log(`\nFieldwork data-layer benchmark (Node ${process.version}, fake-indexeddb)\n`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
