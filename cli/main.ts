/**
 * `fieldwork export <engagement file> --xlsx out.xlsx --pdf out.pdf`: the same builders as the app, for
 * firms that regenerate reports in batch. Plain Node, no Electron. `runCli` takes its arguments and
 * output streams so tests drive it directly; `fieldwork.ts` is the executable entry.
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

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
  /** Where the font files are (default: found from this file or the working directory). */
  fontsDir?: string;
  now?: () => Date;
}

export const CLI_VERSION = '0.1.0';

const USAGE = `Usage:
  fieldwork export <engagement file> [--pdf <out.pdf>] [--xlsx <out.xlsx>] [--audit-trail]
                   [--by <name>] [--fonts <folder>]
  fieldwork --help | --version

Builds the SOC 2 report (or a readiness letter) as PDF and the evidence workbook as Excel from an
engagement file, with the same builders as the app. At least one of --pdf and --xlsx is required.

  --pdf <file>      write the report PDF (DRAFT watermark until the engagement is released)
  --xlsx <file>     write the evidence workbook
  --audit-trail     add the audit trail sheet to the workbook
  --by <name>       the name recorded as "exported by" (default: the system user)
  --fonts <dir>     folder with the report fonts (default: the app's assets/fonts)

Engagement files: an engagement snapshot (.json, "format": "fieldwork.snapshot"), written by the app's
Report & exports screen ("Export engagement data"). Reading .fieldwork exchange files arrives with the
exchange format.

Exit codes: 0 done, 1 the export failed, 2 wrong arguments or an unreadable engagement file.`;

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

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        pdf: { type: 'string' },
        xlsx: { type: 'string' },
        'audit-trail': { type: 'boolean', default: false },
        by: { type: 'string' },
        fonts: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
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
  try {
    const [command, input, ...extra] = positionals;
    if (command !== 'export') throw new UsageError(command ? `Unknown command "${command}".` : 'No command.');
    if (!input) throw new UsageError('Name the engagement file to export.');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    if (!values.pdf && !values.xlsx)
      throw new UsageError('Say what to write: --pdf <file>, --xlsx <file> or both.');
    if (values.pdf) checkOutput(io.cwd, values.pdf, '.pdf', '--pdf');
    if (values.xlsx) checkOutput(io.cwd, values.xlsx, '.xlsx', '--xlsx');
    const inputPath = resolve(io.cwd, input);
    if (extname(inputPath).toLowerCase() === '.fieldwork') {
      throw new SnapshotFileError(
        'This version reads engagement snapshots (.json); .fieldwork exchange files arrive with the exchange format.',
      );
    }
    let text: string;
    try {
      text = await readFile(inputPath, 'utf8');
    } catch {
      throw new SnapshotFileError(`Cannot read ${inputPath}: no such file, or no permission.`);
    }
    const file = parseSnapshotFile(text);
    const engagement = file.snapshot.engagement;
    const now = io.now?.() ?? new Date();
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
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof SnapshotFileError) {
      io.err(error.message);
      return 2;
    }
    io.err(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
