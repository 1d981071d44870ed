/** Converting files with LibreOffice (headless), as users' spreadsheet programs open them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** UTF-8, comma, double quotes, every sheet to its own file, cells as shown (`yyyy-mm-dd` dates). */
export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,true,false,-1';
export const XLSX_FILTER = 'xlsx:Calc MS Excel 2007 XML';

export const hasLibreOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** Converts `bytes` (saved as `input.<ext>`) with `filter`; returns the output files by name. */
export function convert(bytes: Uint8Array, ext: string, filter: string): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-lo-'));
  try {
    const input = join(dir, `input.${ext}`);
    writeFileSync(input, bytes);
    const out = join(dir, 'out');
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        out,
        input,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
    const files = new Map<string, Buffer>();
    for (const name of readdirSync(out)) files.set(name, readFileSync(join(out, name)));
    if (files.size === 0) throw new Error(`soffice wrote nothing: ${result.stdout} ${result.stderr}`);
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
