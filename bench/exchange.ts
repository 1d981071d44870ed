/**
 * `npm run bench` (exchange): an engagement file with about 2 GB of evidence written and verified the
 * way the app does it (shared/exchange: zip with SHA-256 per entry, optionally AES-256-GCM), compared in
 * the same run with `sha256sum` + `zip -0` over the same files. Each run is its own child process so its
 * peak memory (RSS sampled every 20 ms) is its own. Prints figures, asserts nothing.
 *
 * Target (issue 7): at least half the throughput of sha256sum + zip -0, peak memory under 500 MB.
 * FIELDWORK_BENCH_GB sets the evidence size (default 2).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  rmSync,
  statSync,
  writeSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPackage, writePackage } from '../shared/exchange/package';
import { fileSink, fileSource } from '../cli/files';
import type { WritePackageInput } from '../shared/exchange/types';
import { snapshotOf } from '../shared/domain/snapshot';
import { emptyEngagementFields, type Engagement } from '../shared/domain/engagement';
import type { Evidence } from '../shared/domain/fieldwork';
import { defaultReportSettings } from '../shared/domain/engagement/report-settings';

const MB = 1024 * 1024;
const GB = Number(process.env.FIELDWORK_BENCH_GB ?? '2');
const FILES = 20;
const FILE_BYTES = Math.round((GB * 1024 * MB) / FILES);
const dir = join(process.env.TMPDIR ?? '/tmp', 'fieldwork-bench-exchange');
const evidenceDir = join(dir, 'evidence');
const hashList = join(dir, 'hashes.json');

async function* fileChunks(path: string): AsyncIterable<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * MB })) yield chunk as Uint8Array;
}

/** Writes the evidence files (once; kept between runs with FIELDWORK_BENCH_KEEP) and their SHA-256 list. */
function prepare(): { name: string; sha256: string }[] {
  mkdirSync(evidenceDir, { recursive: true });
  const files: { name: string; sha256: string }[] = [];
  for (let i = 0; i < FILES; i += 1) {
    const name = `evidence-${String(i).padStart(2, '0')}.bin`;
    const path = join(evidenceDir, name);
    if (!existsSync(path) || statSync(path).size !== FILE_BYTES) {
      const fd = openSync(path, 'w');
      for (let done = 0; done < FILE_BYTES; done += 8 * MB)
        writeSync(fd, randomBytes(Math.min(8 * MB, FILE_BYTES - done)));
      closeSync(fd);
    }
    const sha256 = spawnSync('sha256sum', [path], { encoding: 'utf8' }).stdout.split(' ')[0] ?? '';
    files.push({ name, sha256 });
  }
  writeFileSync(hashList, JSON.stringify(files));
  return files;
}

function engagementInput(files: { name: string; sha256: string }[]): WritePackageInput {
  const at = '2026-11-23T10:00:00.000Z';
  const id = '019a0000-0000-7000-8000-000000000001';
  const meta = {
    createdAt: at,
    updatedAt: at,
    updatedBy: 'bench',
    rev: 1,
    clock: `${'1'.padStart(13, '0')}-0000-bench`,
    deleted: false,
  };
  const engagement = {
    ...emptyEngagementFields(),
    ...meta,
    id,
    engagementId: id,
    serviceOrganization: 'Bench Corp',
    systemName: 'Bench system',
    periodStart: '2026-01-01',
    periodEnd: '2026-09-30',
    signOffLevels: ['preparer', 'reviewer'],
    release: null,
    lock: null,
    unlocks: [],
    report: defaultReportSettings(),
  } as unknown as Engagement; // the bench needs only what the codec reads; openPackage validates it below
  const evidence = files.map(
    (f, i) =>
      ({
        ...meta,
        id: `019a0000-0000-7000-8000-${String(i + 2).padStart(12, '0')}`,
        engagementId: id,
        description: '',
        receivedOn: null,
        asOf: null,
        source: 'client',
        requestId: null,
        sourcePerson: '',
        links: [],
        purpose: 'evidence',
        versions: [
          {
            sha256: f.sha256,
            fileName: f.name,
            mediaType: 'application/octet-stream',
            size: FILE_BYTES,
            addedAt: at,
            addedBy: 'bench',
            note: '',
          },
        ],
      }) as unknown as Evidence, // as above
  );
  return {
    kind: 'engagement',
    app: { name: 'Fieldwork', version: 'bench' },
    exportedAt: at,
    exportedBy: { id: 'bench', name: 'Bench' },
    sourceNode: 'bench',
    schemaVersion: 5,
    engagements: [
      { snapshot: snapshotOf(engagement, { evidence }), auditEvents: [], chainHeads: [], seen: {} },
    ],
    evidence: files.map((f) => ({
      sha256: f.sha256,
      size: FILE_BYTES,
      fileName: f.name,
      mediaType: 'application/octet-stream',
      read: () => fileChunks(join(evidenceDir, f.name)),
    })),
  };
}

/** Child process: one measured step. */
async function child(step: string, files: { name: string; sha256: string }[]): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const out = join(dir, step.includes('encrypted') ? 'bench-encrypted.fieldwork' : 'bench.fieldwork');
  const passphrase = step.includes('encrypted') ? 'a bench passphrase' : undefined;
  if (step.startsWith('export')) {
    await writePackage(await fileSink(out), engagementInput(files), passphrase ? { passphrase } : {});
  } else {
    const pkg = await openPackage(await fileSource(out), passphrase ? { passphrase } : {});
    if (pkg.evidence.size !== FILES) throw new Error('evidence missing');
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  process.stdout.write(
    JSON.stringify({ ms, peakMb: Math.max(peak, process.memoryUsage().rss) / MB, bytes: statSync(out).size }),
  );
}

function runChild(step: string): { ms: number; peakMb: number; bytes: number } {
  const result = spawnSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', '--child', step], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  if (result.status !== 0) throw new Error(`${step} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { ms: number; peakMb: number; bytes: number };
}

function timed(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: evidenceDir, encoding: 'utf8', maxBuffer: 64 * MB });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex !== -1) {
    // The parent wrote the files and their hashes; a child only runs its step.
    const files = JSON.parse(readFileSync(hashList, 'utf8')) as { name: string; sha256: string }[];
    await child(process.argv[childIndex + 1] ?? '', files);
    return;
  }
  const files = prepare();
  const total = FILES * FILE_BYTES;
  const mbps = (ms: number) => total / MB / (ms / 1000);
  const names = files.map((f) => f.name);
  const refZip = join(dir, 'reference.zip');
  rmSync(refZip, { force: true });
  const sha = timed('sha256sum', names);
  const zip = timed('zip', ['-0', '-q', refZip, ...names]);
  const reference = sha + zip;
  console.log(`exchange bench: ${FILES} evidence files, ${(total / MB).toFixed(0)} MB`);
  console.log(
    `  reference sha256sum ${(sha / 1000).toFixed(1)} s + zip -0 ${(zip / 1000).toFixed(1)} s = ${mbps(reference).toFixed(0)} MB/s`,
  );
  for (const step of ['export', 'import (verify)', 'export encrypted', 'import encrypted (verify)']) {
    const r = runChild(step);
    console.log(
      `  ${step.padEnd(26)} ${(r.ms / 1000).toFixed(1)} s  ${mbps(r.ms).toFixed(0)} MB/s (${((reference / r.ms) * 100).toFixed(0)}% of reference)  peak ${r.peakMb.toFixed(0)} MB  file ${(r.bytes / MB).toFixed(0)} MB`,
    );
  }
  rmSync(refZip, { force: true });
  if (!process.env.FIELDWORK_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
