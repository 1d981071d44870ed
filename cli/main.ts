/**
 * The `fieldwork` command line: `demo`, `info`, `verify`, `merge` for `.fieldwork` files (package-commands.ts)
 * and `export` (the same report and workbook builders as the app, from a `.fieldwork` file or an engagement
 * snapshot). Plain Node, no Electron. `runCli` takes its arguments and output streams so tests drive it
 * directly; `fieldwork.ts` is the executable entry. Documented in docs/command-line.md.
 */
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildEvidenceWorkbook } from '../shared/exports/workbook';
import { buildReportPdf, FONT_FILES } from '../shared/exports/report-pdf';
import type { PdfFonts } from '../shared/exports/pdf';
import { parseSnapshotFile, SnapshotFileError } from '../shared/exports/snapshot-file';
import type { KdfParams } from '../shared/exchange/crypto';
import { ExchangeError } from '../shared/exchange/types';
import { AuditChainMismatchError } from './merge-output';
import {
  demoCommand,
  infoCommand,
  mergeCommand,
  PackageUsageError,
  readPackageForExport,
  UnresolvedConflicts,
  verifyCommand,
  type ExportInput,
  type PackageIo,
  type Prefer,
} from './package-commands';
import { NO_ARGUMENT_MESSAGE, PassphraseUnavailableError } from './passphrase';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
  /** Where the font files are (default: found from this file or the working directory). */
  fontsDir?: string;
  now?: () => Date;
  /** Environment variables (default process.env): FIELDWORK_PASSPHRASE. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Asks for a passphrase without echo; given only when a terminal is attached (see fieldwork.ts). */
  prompt?: (question: string) => Promise<string>;
  /** Key derivation for encrypted outputs (tests pass a cheap one; default the codec's DEFAULT_KDF). */
  kdf?: KdfParams;
}

export const CLI_VERSION = '0.1.0';

const USAGE = `Usage:
  fieldwork demo -o <out.fieldwork> [--encrypt]
  fieldwork info <file.fieldwork>
  fieldwork verify <file.fieldwork>
  fieldwork export <file.fieldwork | snapshot.json> [--pdf <out.pdf>] [--xlsx <out.xlsx>]
                   [--engagement <id>] [--audit-trail] [--by <name>] [--fonts <folder>]
  fieldwork merge <mine.fieldwork> <theirs.fieldwork> -o <out.fieldwork>
                  [--prefer mine|theirs] [--engagement <id>] [--encrypt]
  fieldwork --help | --version

  demo      write the demo engagement, with its evidence, as a .fieldwork file
  info      show what a .fieldwork file holds (reads its table of contents only)
  verify    check every hash, record and audit chain of a .fieldwork file
  export    build the SOC 2 report PDF and the evidence workbook, with the same builders as the app;
            at least one of --pdf and --xlsx is required
  merge     merge two copies of one engagement field by field and report the conflicts; with
            --prefer, resolve every conflict that way and write the merged file

  -o, --output <file>  the file to write
  --encrypt            protect the written file with a passphrase
  --engagement <id>    the engagement to use when a file (a backup) holds several
  --prefer mine|theirs resolve every conflict with that side's value
  --pdf <file>         write the report PDF (DRAFT watermark until the engagement is released)
  --xlsx <file>        write the evidence workbook
  --audit-trail        add the audit trail sheet to the workbook
  --by <name>          the name recorded as "exported by" (default: the system user)
  --fonts <dir>        folder with the report fonts (default: the app's assets/fonts)

Passphrases: from the FIELDWORK_PASSPHRASE environment variable, else asked in the terminal. Never on
the command line.

Exit codes: 0 done, 1 the file failed verification or the command failed, 2 wrong arguments, an
unreadable file or no passphrase, 3 merge conflicts to decide (nothing written).
See docs/command-line.md.`;

class UsageError extends Error {}

/** The folder holding the report fonts: beside the sources, the built CLI, or the working directory. */
export function findFontsDir(cwd: string): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, '..', 'assets', 'fonts'),
    join(here, '..', '..', 'assets', 'fonts'),
    join(here, '..', '..', '..', 'assets', 'fonts'),
    join(cwd, 'assets', 'fonts'),
  ];
  return candidates.find((dir) => existsSync(join(dir, FONT_FILES.regular))) ?? null;
}

async function loadFonts(dir: string): Promise<PdfFonts> {
  const entries = await Promise.all(
    Object.entries(FONT_FILES).map(async ([slot, file]) => {
      try {
        return [slot, new Uint8Array(await readFile(join(dir, file)))] as const;
      } catch {
        throw new Error(`The report font ${file} is missing from ${dir}.`);
      }
    }),
  );
  return Object.fromEntries(entries) as unknown as PdfFonts; // one entry per FONT_FILES slot
}

/** Writes through a temporary file in the same folder, so a failed write never leaves half a file. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(path);
  if (!existsSync(dir)) throw new Error(`The folder ${dir} does not exist.`);
  const tmp = await mkdtemp(join(dir, `.${basename(path)}.`));
  const file = join(tmp, 'part');
  try {
    await writeFile(file, bytes);
    await rename(file, path);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Checked before anything is built, so a wrong output never leaves the other file half done. */
function checkOutput(cwd: string, path: string, ext: string, option: string): void {
  if (extname(path).toLowerCase() !== ext) {
    throw new UsageError(`${option} expects a file name ending in ${ext} (got ${path}).`);
  }
  const full = resolve(cwd, path);
  const dir = dirname(full);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`${option}: the folder ${dir} does not exist.`);
  }
  if (existsSync(full) && statSync(full).isDirectory()) {
    throw new UsageError(`${option}: ${full} is a folder, not a file name.`);
  }
}

/** Which options each command takes; any other is a usage error. */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  demo: ['output', 'encrypt'],
  info: [],
  verify: [],
  export: ['pdf', 'xlsx', 'audit-trail', 'by', 'fonts', 'engagement'],
  merge: ['output', 'prefer', 'engagement', 'encrypt'],
};

/** The positional arguments each command takes. */
const COMMAND_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  demo: [],
  info: ['the .fieldwork file'],
  verify: ['the .fieldwork file'],
  export: ['the engagement file to export'],
  merge: ['your copy (mine)', 'the other copy (theirs)'],
};

const OPTIONS = {
  pdf: { type: 'string' },
  xlsx: { type: 'string' },
  'audit-trail': { type: 'boolean' },
  by: { type: 'string' },
  fonts: { type: 'string' },
  output: { type: 'string', short: 'o' },
  encrypt: { type: 'boolean' },
  engagement: { type: 'string' },
  prefer: { type: 'string' },
  passphrase: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function checkFieldworkOutput(cwd: string, path: string | undefined): string {
  if (!path) throw new UsageError('Name the file to write: -o <file.fieldwork>.');
  checkOutput(cwd, path, '.fieldwork', '-o');
  return resolve(cwd, path);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Refused before parsing, so even a malformed command line never echoes a passphrase back.
  if (argv.some((arg) => arg === '--passphrase' || arg.startsWith('--passphrase='))) {
    io.err(NO_ARGUMENT_MESSAGE);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.version) {
    io.out(`fieldwork ${CLI_VERSION}`);
    return 0;
  }
  const [command, ...args] = positionals;
  const packageIo: PackageIo = {
    out: io.out,
    err: io.err,
    now: io.now ?? (() => new Date()),
    env: io.env ?? process.env,
    appVersion: CLI_VERSION,
    ...(io.prompt ? { prompt: io.prompt } : {}),
    ...(io.kdf ? { kdf: io.kdf } : {}),
  };
  try {
    if (!command) throw new UsageError('No command.');
    const allowed = COMMAND_OPTIONS[command];
    const expected = COMMAND_ARGUMENTS[command];
    if (!allowed || !expected) throw new UsageError(`Unknown command "${command}".`);
    for (const [option, value] of Object.entries(values)) {
      if (value === undefined || option === 'help' || option === 'version') continue;
      if (!allowed.includes(option)) throw new UsageError(`"${command}" does not take --${option}.`);
    }
    if (args.length < expected.length) throw new UsageError(`Name ${expected[args.length] ?? 'the file'}.`);
    if (args.length > expected.length)
      throw new UsageError(`Unexpected argument "${args[expected.length]}".`);
    const file = (i: number) => resolve(io.cwd, args[i] ?? '');

    switch (command) {
      case 'demo':
        await demoCommand(packageIo, checkFieldworkOutput(io.cwd, values.output), values.encrypt === true);
        return 0;
      case 'info':
        await infoCommand(packageIo, file(0));
        return 0;
      case 'verify':
        await verifyCommand(packageIo, file(0));
        return 0;
      case 'merge': {
        const prefer = values.prefer;
        if (prefer !== undefined && prefer !== 'mine' && prefer !== 'theirs') {
          throw new UsageError(`--prefer takes "mine" or "theirs" (got "${prefer}").`);
        }
        const output = checkFieldworkOutput(io.cwd, values.output);
        if (output === file(0) || output === file(1)) {
          throw new UsageError('-o must name a new file, not one of the two being merged.');
        }
        await mergeCommand(packageIo, file(0), file(1), {
          output,
          encrypt: values.encrypt === true,
          ...(prefer !== undefined ? { prefer: prefer satisfies Prefer } : {}),
          ...(values.engagement !== undefined ? { engagementId: values.engagement } : {}),
        });
        return 0;
      }
      default:
        await exportCommand(io, packageIo, file(0), values);
        return 0;
    }
  } catch (error) {
    return report(io, command ?? '', error);
  }
}

/** Prints `error` for people and returns the exit code (see USAGE). */
function report(io: CliIo, command: string, error: unknown): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (
    error instanceof SnapshotFileError ||
    error instanceof PackageUsageError ||
    error instanceof PassphraseUnavailableError
  ) {
    io.err(error.message);
    return 2;
  }
  if (error instanceof UnresolvedConflicts) {
    io.err(error.message);
    return 3;
  }
  if (error instanceof ExchangeError) {
    const what = command === 'verify' ? 'FAILED' : 'The file was refused';
    io.err(`${what}: ${error.message}`);
    if (error.detail) io.err(`  Where: ${error.detail}`);
    return 1;
  }
  if (error instanceof AuditChainMismatchError) {
    io.err(error.message);
    return 1;
  }
  io.err(`The ${command || 'command'} failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

/** The engagement to export: from a .fieldwork file (verified) or an engagement snapshot (.json). */
async function exportInput(packageIo: PackageIo, inputPath: string, values: Values): Promise<ExportInput> {
  if (extname(inputPath).toLowerCase() === '.fieldwork') {
    return readPackageForExport(packageIo, inputPath, values.engagement);
  }
  if (values.engagement !== undefined) {
    throw new UsageError('--engagement applies to .fieldwork files; a snapshot holds one engagement.');
  }
  let text: string;
  try {
    text = await readFile(inputPath, 'utf8');
  } catch {
    throw new SnapshotFileError(`Cannot read ${inputPath}: no such file, or no permission.`);
  }
  return parseSnapshotFile(text);
}

async function exportCommand(
  io: CliIo,
  packageIo: PackageIo,
  inputPath: string,
  values: Values,
): Promise<void> {
  if (!values.pdf && !values.xlsx)
    throw new UsageError('Say what to write: --pdf <file>, --xlsx <file> or both.');
  if (values.pdf) checkOutput(io.cwd, values.pdf, '.pdf', '--pdf');
  if (values.xlsx) checkOutput(io.cwd, values.xlsx, '.xlsx', '--xlsx');
  const file = await exportInput(packageIo, inputPath, values);
  const engagement = file.snapshot.engagement;
  const now = packageIo.now();
  const by = values.by ?? process.env.USER ?? process.env.USERNAME ?? 'Fieldwork command line';
  io.out(`Engagement: ${engagement.serviceOrganization} — ${engagement.systemName}`);

  if (values.pdf) {
    const fontsDir = values.fonts ? resolve(io.cwd, values.fonts) : (io.fontsDir ?? findFontsDir(io.cwd));
    if (!fontsDir)
      throw new Error('The report fonts were not found; pass --fonts <folder with the .ttf files>.');
    const pdf = await buildReportPdf(file.snapshot, await loadFonts(fontsDir), {
      generatedAt: now,
      generatedBy: by,
      appVersion: CLI_VERSION,
      people: file.people,
    });
    const out = resolve(io.cwd, values.pdf);
    await writeAtomically(out, pdf.bytes);
    io.out(
      `Wrote ${out} (${pdf.pages} pages, ${pdf.bytes.length.toLocaleString('en-US')} bytes${engagement.release ? '' : ', DRAFT'}).`,
    );
    if (pdf.missingCharacters.length > 0) {
      io.err(`Warning: no font could draw ${pdf.missingCharacters.join(' ')}; they show as a box.`);
    }
  }
  if (values.xlsx) {
    const bytes = await buildEvidenceWorkbook(file.snapshot, {
      exportedAt: now,
      exportedBy: by,
      appVersion: CLI_VERSION,
      people: file.people,
      ...(values['audit-trail'] ? { auditEvents: file.auditEvents } : {}),
    });
    const out = resolve(io.cwd, values.xlsx);
    await writeAtomically(out, bytes);
    io.out(`Wrote ${out} (${bytes.length.toLocaleString('en-US')} bytes).`);
  }
}
