/**
 * The `fieldwork export` command: the same builders as the app, from an engagement snapshot file. Runs the
 * command's function in-process (the executable entry only wires stdout/stderr and the exit code) and
 * reads the written files back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { writeSnapshotFile } from '../../../shared/exports/snapshot-file';
import { demoExportInput, type DemoExportInput } from '../../fixtures/demo-snapshot';

let dir: string;
let demo: DemoExportInput;
let snapshotPath: string;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      cwd: dir,
      now: () => new Date('2026-11-23T10:00:00Z'),
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-cli-'));
  demo = await demoExportInput();
  snapshotPath = join(dir, 'lumenfield.json');
  writeFileSync(snapshotPath, writeSnapshotFile(demo));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fieldwork export', () => {
  it('writes the report PDF and the evidence workbook from a snapshot file', async () => {
    const run = io();
    const code = await runCli(
      ['export', 'lumenfield.json', '--pdf', 'report.pdf', '--xlsx', 'evidence.xlsx', '--audit-trail'],
      run.io,
    );
    expect(run.err).toEqual([]);
    expect(code).toBe(0);
    expect(run.out.join('\n')).toMatch(/Wrote .*report\.pdf \(\d+ pages, [\d,]+ bytes, DRAFT\)/u);

    const pdf = await PDFDocument.load(readFileSync(join(dir, 'report.pdf')));
    expect(pdf.getPageCount()).toBeGreaterThan(5);
    expect(pdf.getTitle()).toContain('Lumenfield Analytics, Inc.');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(join(dir, 'evidence.xlsx'))).buffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toContain('Controls');
    expect(names).toContain('Audit trail');
    // No temporary files left beside the outputs.
    expect(readdirSync(dir).sort()).toEqual(['evidence.xlsx', 'lumenfield.json', 'report.pdf']);
  }, 120_000);

  it('refuses a broken or foreign file with a message and exit code 2, writing nothing', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"format": "fieldwork.snapshot", "version": 1, "snapshot": {');
    const foreign = JSON.parse(writeSnapshotFile(demo)) as {
      snapshot: { controls: { engagementId: string }[] };
    };
    foreign.snapshot.controls[0]!.engagementId = '01890000-0000-7000-8000-000000000000';
    writeFileSync(join(dir, 'foreign.json'), JSON.stringify(foreign));
    const badControl = JSON.parse(writeSnapshotFile(demo)) as {
      snapshot: { controls: { criteria: unknown }[] };
    };
    badControl.snapshot.controls[2]!.criteria = 'CC6.1';
    writeFileSync(join(dir, 'bad-control.json'), JSON.stringify(badControl));
    writeFileSync(join(dir, 'newer.json'), JSON.stringify({ format: 'fieldwork.snapshot', version: 9 }));
    writeFileSync(
      join(dir, 'text-version.json'),
      JSON.stringify({ format: 'fieldwork.snapshot', version: '1' }),
    );

    const cases: [string, RegExp][] = [
      ['broken.json', /not JSON/u],
      ['foreign.json', /control record 1 belongs to another engagement/u],
      ['bad-control.json', /control record 3 is not valid \(criteria/u],
      ['newer.json', /version 9.*Update Fieldwork/u],
      ['text-version.json', /no valid "version"/u],
      ['missing.json', /Cannot read .*missing\.json/u],
      ['engagement.fieldwork', /Cannot read .*engagement\.fieldwork/u],
    ];
    for (const [file, message] of cases) {
      const run = io();
      expect(await runCli(['export', file, '--pdf', `${file}.pdf`], run.io), file).toBe(2);
      expect(run.err.join('\n'), file).toMatch(message);
      expect(existsSync(join(dir, `${file}.pdf`)), file).toBe(false);
    }
  });

  it('explains wrong arguments with the usage and exit code 2', async () => {
    for (const args of [
      [],
      ['export'],
      ['export', 'lumenfield.json'],
      ['export', 'lumenfield.json', '--pdf', 'report.xlsx'],
      ['publish', 'lumenfield.json'],
      ['export', 'lumenfield.json', '--colour'],
    ]) {
      const run = io();
      expect(await runCli(args, run.io), args.join(' ')).toBe(2);
      expect(run.err.join('\n')).toContain('Usage:');
    }
    const help = io();
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toContain('fieldwork export <file.fieldwork | snapshot.json>');
  });

  it('refuses a missing output folder before building anything, so no file is half written', async () => {
    const run = io();
    const code = await runCli(
      ['export', 'lumenfield.json', '--pdf', 'first.pdf', '--xlsx', 'no-such-folder/out.xlsx'],
      run.io,
    );
    expect(code).toBe(2);
    expect(run.err.join('\n')).toMatch(/--xlsx: the folder .*no-such-folder does not exist/u);
    expect(existsSync(join(dir, 'first.pdf'))).toBe(false);
  });

  it('refuses broken audit events and people in the file by number', async () => {
    const events = JSON.parse(writeSnapshotFile(demo)) as { auditEvents: unknown[]; people: unknown[] };
    events.auditEvents = [events.auditEvents[0], null];
    writeFileSync(join(dir, 'bad-events.json'), JSON.stringify(events));
    const people = JSON.parse(writeSnapshotFile(demo)) as { people: unknown[] };
    people.people = ['x'];
    writeFileSync(join(dir, 'bad-people.json'), JSON.stringify(people));
    for (const [file, message] of [
      ['bad-events.json', /audit event 2 is not valid/u],
      ['bad-people.json', /person 1 has no id or name/u],
    ] as const) {
      const run = io();
      expect(await runCli(['export', file, '--pdf', `${file}.pdf`], run.io)).toBe(2);
      expect(run.err.join('\n')).toMatch(message);
      expect(existsSync(join(dir, `${file}.pdf`))).toBe(false);
    }
  });
});
