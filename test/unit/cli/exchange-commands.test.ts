/**
 * The `.fieldwork` commands of the command line — demo, info, verify, export, merge — run in-process on
 * real files in a temp folder, the way a user would chain them. Encrypted files use the codec's cheapest
 * accepted KDF (TEST_KDF) so the tests stay fast; the passphrase comes from the environment or a prompt.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../cli/main';
import { TEST_KDF } from '../../../shared/exchange/crypto';
import { bytesSource, memorySink } from '../../../shared/exchange/io';
import { openPackage, writePackage } from '../../../shared/exchange/package';
import type { AnyRecord, VerifiedPackage, WritePackageInput } from '../../../shared/exchange/types';

let dir: string;
const PASSPHRASE = 'correct horse battery staple';

function run(env: Record<string, string> = {}, extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    cwd: dir,
    now: () => new Date('2026-11-23T10:00:00Z'),
    env,
    kdf: TEST_KDF,
    ...extra,
  };
  return {
    out,
    err,
    exec: (...args: string[]) => runCli(args, io),
    text: () => out.join('\n'),
    errors: () => err.join('\n'),
  };
}

const path = (name: string) => join(dir, name);
const files = () => readdirSync(dir).sort();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-cli-exchange-'));
  const plain = run();
  expect(await plain.exec('demo', '-o', 'demo.fieldwork'), plain.errors()).toBe(0);
  expect(plain.text()).toMatch(
    /Wrote .*demo\.fieldwork: the demo engagement \(Lumenfield Analytics, Inc\.\) with 7 evidence files\./u,
  );
  const encrypted = run({ FIELDWORK_PASSPHRASE: PASSPHRASE });
  expect(await encrypted.exec('demo', '-o', 'encrypted.fieldwork', '--encrypt'), encrypted.errors()).toBe(0);
  expect(encrypted.text()).toContain('encrypted');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fieldwork demo, info, verify', () => {
  it('info summarises the manifest: kind, versions, who and when, engagement, counts, evidence', async () => {
    const r = run();
    expect(await r.exec('info', 'demo.fieldwork')).toBe(0);
    const text = r.text();
    expect(text).toContain('Kind:         engagement file (can be merged)');
    expect(text).toMatch(/Format: +fieldwork-package 1\.0, records of schema version \d+/u);
    expect(text).toContain('Written by:   Fieldwork 0.1.0');
    expect(text).toContain('Exported:     2026-11-23 10:00 UTC by Alex Morgan');
    expect(text).toContain('Encrypted:    no');
    expect(text).toMatch(/Evidence: +7 files, [\d.]+ KB/u);
    expect(text).toContain('Lumenfield Analytics, Inc. — Lumenfield Insights Platform');
    expect(text).toMatch(/records: \d+ controls, .*\d+ sample items/u);
    expect(text).toMatch(/audit trail: 1 chain, \d+ events/u);
  });

  it('verify checks everything and says OK with the counts (exit 0)', async () => {
    const r = run();
    expect(await r.exec('verify', 'demo.fieldwork')).toBe(0);
    expect(r.text()).toMatch(
      /^OK: demo\.fieldwork: 1 engagement, \d+ records, 7 evidence files \([\d.]+ KB\), \d+ audit events in 1 chain\./u,
    );
    expect(r.err).toEqual([]);
  });

  it('verify fails with exit 1 and the first problem when any one byte was changed', async () => {
    const good = readFileSync(path('demo.fieldwork'));
    // Early (record entries), middle (evidence), and the central directory / manifest at the end.
    for (const position of [200, Math.floor(good.length / 2), good.length - 300]) {
      const bad = Buffer.from(good);
      bad[position] = (bad[position] ?? 0) ^ 0x20;
      writeFileSync(path('tampered.fieldwork'), bad);
      const r = run();
      expect(await r.exec('verify', 'tampered.fieldwork'), `byte ${position}`).toBe(1);
      expect(r.out, `byte ${position}`).toEqual([]);
      expect(r.errors(), `byte ${position}`).toMatch(/^FAILED: The file/u);
    }
  });

  it('verify names where the problem is', async () => {
    const good = readFileSync(path('demo.fieldwork'));
    const bad = Buffer.from(good);
    bad[200] = (bad[200] ?? 0) ^ 0x20;
    writeFileSync(path('tampered.fieldwork'), bad);
    const r = run();
    await r.exec('verify', 'tampered.fieldwork');
    expect(r.err[1]).toMatch(/^ {2}Where: \S+/u);
  });

  it('reads an encrypted demo with the passphrase from FIELDWORK_PASSPHRASE', async () => {
    const info = run({ FIELDWORK_PASSPHRASE: PASSPHRASE });
    expect(await info.exec('info', 'encrypted.fieldwork')).toBe(0);
    expect(info.text()).toContain('Encrypted:    yes');
    const verify = run({ FIELDWORK_PASSPHRASE: PASSPHRASE });
    expect(await verify.exec('verify', 'encrypted.fieldwork')).toBe(0);
    expect(verify.text()).toMatch(/^OK: encrypted\.fieldwork \(encrypted\): 1 engagement/u);
  });

  it('refuses a wrong passphrase with exit 1 and the plain message', async () => {
    for (const command of ['verify', 'info']) {
      const r = run({ FIELDWORK_PASSPHRASE: 'not the passphrase' });
      expect(await r.exec(command, 'encrypted.fieldwork'), command).toBe(1);
      expect(r.errors(), command).toContain('The passphrase is wrong or the file was changed.');
      expect(r.out, command).toEqual([]);
    }
  });

  it('asks on the terminal when there is no environment variable, and fails clearly without a terminal', async () => {
    const questions: string[] = [];
    const asked = run({}, { prompt: async (q) => (questions.push(q), PASSPHRASE) });
    expect(await asked.exec('verify', 'encrypted.fieldwork')).toBe(0);
    expect(questions).toEqual(['Passphrase for encrypted.fieldwork: ']);

    const noTerminal = run();
    expect(await noTerminal.exec('verify', 'encrypted.fieldwork')).toBe(2);
    expect(noTerminal.errors()).toMatch(/protected with a passphrase\. Set FIELDWORK_PASSPHRASE/u);
    // An unencrypted file needs none.
    expect(await run().exec('verify', 'demo.fieldwork')).toBe(0);
  });

  it('--encrypt asks twice and writes nothing when the answers differ or are too short', async () => {
    const answers = ['first passphrase', 'second passphrase'];
    const r = run({}, { prompt: async () => answers.shift() ?? '' });
    expect(await r.exec('demo', '-o', 'mismatch.fieldwork', '--encrypt')).toBe(2);
    expect(r.errors()).toMatch(/differ; nothing was written/u);
    const short = run({ FIELDWORK_PASSPHRASE: 'short' });
    expect(await short.exec('demo', '-o', 'short.fieldwork', '--encrypt')).toBe(2);
    expect(short.errors()).toMatch(/too short/u);
    expect(
      files().filter((f) => f.startsWith('mismatch') || f.startsWith('short') || f.startsWith('.')),
    ).toEqual([]);
  });

  it('never takes a passphrase on the command line, and says why', async () => {
    for (const args of [
      ['verify', 'encrypted.fieldwork', '--passphrase', PASSPHRASE],
      ['demo', '-o', 'x.fieldwork', '--encrypt', `--passphrase=${PASSPHRASE}`],
    ]) {
      const r = run();
      expect(await r.exec(...args)).toBe(2);
      expect(r.errors()).toMatch(/never accepted on the command line.*history/u);
      expect(r.errors()).not.toContain(PASSPHRASE);
    }
    expect(existsSync(path('x.fieldwork'))).toBe(false);
  });

  it('explains wrong arguments with the usage and exit code 2', async () => {
    for (const args of [
      ['demo'],
      ['demo', '-o', 'out.txt'],
      ['demo', '-o', 'no-such-folder/out.fieldwork'],
      ['info'],
      ['verify', 'a.fieldwork', 'b.fieldwork'],
      ['verify', 'demo.fieldwork', '--prefer', 'mine'],
      ['merge', 'demo.fieldwork'],
      ['merge', 'demo.fieldwork', 'demo.fieldwork', '-o', 'm.fieldwork', '--prefer', 'newest'],
    ]) {
      const r = run();
      expect(await r.exec(...args), args.join(' ')).toBe(2);
      expect(r.errors(), args.join(' ')).toContain('Usage:');
    }
    const missing = run();
    expect(await missing.exec('verify', 'missing.fieldwork')).toBe(2);
    expect(missing.errors()).toMatch(/Cannot read .*missing\.fieldwork/u);
  });
});

describe('fieldwork export from a .fieldwork file', () => {
  it('writes the report PDF and the evidence workbook from a (encrypted) package', async () => {
    const r = run({ FIELDWORK_PASSPHRASE: PASSPHRASE });
    const code = await r.exec(
      'export',
      'encrypted.fieldwork',
      '--pdf',
      'from-package.pdf',
      '--xlsx',
      'from-package.xlsx',
      '--audit-trail',
    );
    expect(r.errors()).toBe('');
    expect(code).toBe(0);
    const pdf = await PDFDocument.load(readFileSync(path('from-package.pdf')));
    expect(pdf.getPageCount()).toBeGreaterThan(5);
    expect(pdf.getTitle()).toContain('Lumenfield Analytics, Inc.');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(path('from-package.xlsx'))).buffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toContain('Controls');
    expect(names).toContain('Audit trail');
  }, 120_000);

  it('refuses an engagement id the file does not hold, and a tampered file, writing nothing', async () => {
    const r = run();
    expect(
      await r.exec(
        'export',
        'demo.fieldwork',
        '--pdf',
        'none.pdf',
        '--engagement',
        '01890000-0000-7000-8000-000000000000',
      ),
    ).toBe(2);
    expect(r.errors()).toMatch(/holds no engagement with id 01890000/u);
    const tampered = run();
    expect(await tampered.exec('export', 'tampered.fieldwork', '--pdf', 'none.pdf')).toBe(1);
    expect(tampered.errors()).toMatch(/^The file was refused: /u);
    expect(existsSync(path('none.pdf'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// merge: two copies edited apart from each other, made the way the app would stamp the edits.

/** A verified package's input again, with `edit` applied to one control of the engagement by `node`. */
function editedCopy(
  pkg: VerifiedPackage,
  node: string,
  wallMs: number,
  edits: { reference: string; changes: Record<string, unknown> }[],
): WritePackageInput {
  const [engagement] = pkg.engagements;
  if (!engagement) throw new Error('no engagement');
  let counter = 0;
  let last = '';
  const controls = engagement.snapshot.controls.map((control) => {
    const edit = edits.find((e) => e.reference === control.reference);
    if (!edit) return control;
    counter += 1;
    const stamp = `${String(wallMs)}-${counter.toString(16).padStart(4, '0')}-${node}`;
    last = stamp;
    const record = control as unknown as AnyRecord; // a stored control record carries the meta fields
    const clocks: Record<string, string> = { ...(record.fieldClocks ?? {}) };
    for (const field of Object.keys(edit.changes)) clocks[field] = stamp;
    return { ...control, ...edit.changes, rev: control.rev + 1, clock: stamp, fieldClocks: clocks };
  });
  return {
    kind: 'engagement',
    app: pkg.manifest.app,
    exportedAt: new Date(wallMs).toISOString(),
    exportedBy: pkg.manifest.exportedBy,
    sourceNode: node,
    schemaVersion: pkg.manifest.schemaVersion,
    engagements: [
      {
        ...engagement,
        snapshot: { ...engagement.snapshot, controls },
        seen: { ...engagement.seen, [node]: last },
      },
    ],
    evidence: [...pkg.evidence.values()].map((e) => ({
      sha256: e.sha256,
      size: e.size,
      fileName: 'evidence.bin',
      mediaType: 'application/octet-stream',
      read: () => e.read(),
    })),
  };
}

async function writeCopy(name: string, input: WritePackageInput): Promise<void> {
  const sink = memorySink();
  await writePackage(sink, input);
  writeFileSync(path(name), sink.bytes());
}

async function opened(name: string): Promise<VerifiedPackage> {
  return openPackage(bytesSource(new Uint8Array(readFileSync(path(name)))));
}

describe('fieldwork merge', () => {
  let references: string[];
  let mineNode: string;

  beforeAll(async () => {
    const base = await opened('demo.fieldwork');
    const [engagement] = base.engagements;
    if (!engagement) throw new Error('no engagement');
    references = engagement.snapshot.controls.filter((c) => !c.deleted).map((c) => c.reference);
    mineNode = base.manifest.sourceNode;
    const [a, b, c] = references;
    if (!a || !b || !c) throw new Error('the demo has fewer than three controls');
    const later = Date.parse('2026-12-01T09:00:00Z');
    // Mine: edits A's owner and B's title. Theirs: edits A's owner too (a conflict) and C's title.
    await writeCopy(
      'mine.fieldwork',
      editedCopy(base, mineNode, later, [
        { reference: a, changes: { owner: 'Owner set in mine' } },
        { reference: b, changes: { title: 'Title set in mine' } },
      ]),
    );
    await writeCopy(
      'theirs.fieldwork',
      editedCopy(base, 'theirs-laptop', later + 60_000, [
        { reference: a, changes: { owner: 'Owner set in theirs' } },
        { reference: c, changes: { title: 'Title set in theirs' } },
      ]),
    );
  }, 60_000);

  it('reports every conflict with record, field, mine and theirs, writes nothing and exits 3', async () => {
    const r = run();
    expect(await r.exec('merge', 'mine.fieldwork', 'theirs.fieldwork', '-o', 'merged.fieldwork')).toBe(3);
    const text = r.text();
    expect(text).toContain('Merging theirs.fieldwork into mine.fieldwork: Lumenfield Analytics, Inc.');
    expect(text).toMatch(/1 record updated \(1 field taken from theirs\), .*1 conflict\./u);
    expect(text).toContain(`  control ${references[0]}, field owner:`);
    expect(text).toContain('      mine:   "Owner set in mine"');
    expect(text).toContain('      theirs: "Owner set in theirs"');
    expect(r.errors()).toMatch(/1 conflict: nothing was written\..*--prefer mine or --prefer theirs/u);
    expect(existsSync(path('merged.fieldwork'))).toBe(false);
  });

  it('--prefer theirs resolves every conflict that way and writes a package that verifies', async () => {
    const r = run();
    expect(
      await r.exec(
        'merge',
        'mine.fieldwork',
        'theirs.fieldwork',
        '-o',
        'merged.fieldwork',
        '--prefer',
        'theirs',
      ),
      r.errors(),
    ).toBe(0);
    expect(r.text()).toMatch(
      /Wrote .*merged\.fieldwork: 2 records written by the merge, 1 conflict resolved as theirs\./u,
    );

    const verify = run();
    expect(await verify.exec('verify', 'merged.fieldwork'), verify.errors()).toBe(0);

    const merged = await opened('merged.fieldwork');
    expect(merged.manifest.exportedBy).toEqual({ id: 'cli', name: 'fieldwork merge (command line)' });
    const [engagement] = merged.engagements;
    const byRef = new Map(engagement?.snapshot.controls.map((c) => [c.reference, c]));
    const [a, b, c] = references;
    expect(byRef.get(a ?? '')?.owner).toBe('Owner set in theirs');
    expect(byRef.get(b ?? '')?.title).toBe('Title set in mine');
    expect(byRef.get(c ?? '')?.title).toBe('Title set in theirs');
    // Both copies' knowledge and the command line's own writes are recorded for the next merge.
    const seen = engagement?.seen ?? {};
    expect(Object.keys(seen)).toEqual(expect.arrayContaining([mineNode, 'theirs-laptop']));
    const cliNode = merged.manifest.sourceNode;
    expect(cliNode).toMatch(/^cli-[0-9a-f]{12}$/u);
    expect(byRef.get(a ?? '')?.clock.endsWith(cliNode)).toBe(true);
    expect(byRef.get(a ?? '')?.updatedBy).toBe('cli');
    // The evidence of both files is there.
    expect(merged.evidence.size).toBe(7);

    // Merging the result back into theirs has nothing left to decide.
    const back = run();
    expect(
      await back.exec('merge', 'theirs.fieldwork', 'merged.fieldwork', '-o', 'back.fieldwork'),
      back.errors(),
    ).toBe(0);
    expect(back.text()).toMatch(/0 conflicts\./u);
  });

  it('--prefer mine keeps mine in every conflict', async () => {
    const r = run();
    expect(
      await r.exec(
        'merge',
        'mine.fieldwork',
        'theirs.fieldwork',
        '-o',
        'merged-mine.fieldwork',
        '--prefer',
        'mine',
      ),
    ).toBe(0);
    const [engagement] = (await opened('merged-mine.fieldwork')).engagements;
    const byRef = new Map(engagement?.snapshot.controls.map((c) => [c.reference, c]));
    expect(byRef.get(references[0] ?? '')?.owner).toBe('Owner set in mine');
    expect(byRef.get(references[2] ?? '')?.title).toBe('Title set in theirs');
  });

  it('refuses to merge copies of different engagements, and writes nothing', async () => {
    const other = run();
    // A second demo is a different engagement (a new id).
    expect(await other.exec('demo', '-o', 'other-demo.fieldwork')).toBe(0);
    const r = run();
    expect(await r.exec('merge', 'mine.fieldwork', 'other-demo.fieldwork', '-o', 'nope.fieldwork')).toBe(2);
    expect(r.errors()).toMatch(/does not hold the engagement of mine\.fieldwork/u);
    expect(existsSync(path('nope.fieldwork'))).toBe(false);
  }, 60_000);

  it('leaves no temporary files behind', () => {
    expect(files().filter((f) => f.startsWith('.') || f.includes('partial'))).toEqual([]);
  });
});
