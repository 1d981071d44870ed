/**
 * `npm run bench` (exports): the large generated engagement (320 controls, 210 tests, 8,400 sample items,
 * 20,000 audit events; test/unit/exports/workbook-fixture.ts) exported to the evidence workbook and to the SOC 2 report PDF, each measured for
 * time, peak memory (RSS sampled every 20 ms, each export in its own process), pages and bytes. The same sample rows are also written with
 * SheetJS (`xlsx`) as a reference ratio for the spreadsheet. Prints figures, asserts nothing.
 *
 * Targets (issue 6): each export under 15 s and under 1 GB on the build machine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as XLSX from 'xlsx';
import { buildEvidenceWorkbook } from '../shared/exports/workbook';
import { buildReportPdf, FONT_FILES } from '../shared/exports/report-pdf';
import type { PdfFonts } from '../shared/exports/pdf';
import { largeSnapshot, PEOPLE } from '../test/unit/exports/workbook-fixture';

const fontsDir = join(process.cwd(), 'assets/fonts');
const fonts = Object.fromEntries(
  Object.entries(FONT_FILES).map(([slot, file]) => [
    slot,
    new Uint8Array(readFileSync(join(fontsDir, file))),
  ]),
) as unknown as PdfFonts;

const large = largeSnapshot();
const input = { snapshot: large.snapshot, auditEvents: large.events, people: PEOPLE };
const { snapshot } = input;
const MB = 1024 * 1024;

async function measure<T>(
  label: string,
  run: () => Promise<T>,
): Promise<{ result: T; ms: number; peakMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  try {
    const result = await run();
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, peakMb: peak / MB };
  } finally {
    clearInterval(timer);
    void label;
  }
}

const rows: [string, string][] = [];

const mode = process.argv[2];
if (mode === 'xlsx') {
  const xlsx = await measure('xlsx', () =>
    buildEvidenceWorkbook(snapshot, {
      exportedAt: new Date(),
      exportedBy: 'Bench',
      appVersion: 'bench',
      people: input.people,
      auditEvents: input.auditEvents,
    }),
  );
  console.log(
    `${(xlsx.ms / 1000).toFixed(2)} s, peak RSS ${xlsx.peakMb.toFixed(0)} MB, ${(xlsx.result.length / MB).toFixed(2)} MB`,
  );
} else if (mode === 'pdf') {
  const pdf = await measure('pdf', () =>
    buildReportPdf(snapshot, fonts, { generatedAt: new Date(), generatedBy: 'Bench', appVersion: 'bench' }),
  );
  console.log(
    `${(pdf.ms / 1000).toFixed(2)} s, peak RSS ${pdf.peakMb.toFixed(0)} MB, ${pdf.result.pages} pages, ${(pdf.result.bytes.length / MB).toFixed(2)} MB`,
  );
} else if (mode === 'reference') {
  // The Samples rows alone, written by SheetJS (no styles), against exceljs writing the same rows.
  const sampleRows = snapshot.sampleItems.map((item) => [
    item.testId,
    item.position,
    item.key,
    item.date,
    ...Object.values(item.marks),
    item.note,
  ]);
  const sheetjs = await measure('sheetjs', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sampleRows), 'Samples');
    return Promise.resolve(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  });
  const ExcelJS = (await import('exceljs')).default;
  const exceljsRows = await measure('exceljs rows', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Samples').addRows(sampleRows);
    return book.xlsx.writeBuffer();
  });
  console.log(
    `${sampleRows.length} rows: SheetJS ${sheetjs.ms.toFixed(0)} ms, exceljs ${exceljsRows.ms.toFixed(0)} ms (ratio ${(exceljsRows.ms / sheetjs.ms).toFixed(2)}); ${(sheetjs.result.byteLength / 1024).toFixed(0)} kB / ${(exceljsRows.result.byteLength / 1024).toFixed(0)} kB`,
  );
} else {
  console.log(
    `Large engagement: ${snapshot.controls.length} controls, ${snapshot.tests.length} tests, ${snapshot.sampleItems.length} sample items, ${snapshot.exceptions.length} exceptions, ${input.auditEvents.length} audit events`,
  );
  const run = (child: string) => {
    const result = spawnSync(process.execPath, [process.argv[1] ?? '', child], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : `failed: ${result.stderr.trim().split('\n')[0]}`;
  };
  rows.push(['evidence workbook (exceljs, with audit trail)', run('xlsx')]);
  rows.push(['SOC 2 report (pdf-lib + fontkit)', run('pdf')]);
  rows.push(['same sample rows, SheetJS reference', run('reference')]);
  const width = Math.max(...rows.map(([l]) => l.length));
  console.log('\nExport benchmarks (targets: each under 15 s and 1 GB)');
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}
