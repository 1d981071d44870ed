/**
 * Exports in Chromium, from the demo engagement: the Report & exports page shows the opinion suggested by
 * the criteria roll-up and what the report still lacks; the report PDF and the evidence workbook download,
 * built in a Worker with the bundled fonts; the files are checked as their readers see them (qpdf,
 * pdftotext and pdffonts for the PDF, exceljs for the workbook).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { axeViolations, createProfile, cspViolations, launch, useBrowserSessions, loadDemo } from './harness';
import { hasPdfTools, pdfFonts, pdfText, qpdfCheck } from '../unit/exports/pdf-tools';
import { runCli } from '../../cli/main';

useBrowserSessions();

describe('report and evidence workbook exports', () => {
  it('exports both files from the demo engagement', async () => {
    const session = await launch();
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-exports-'));
    await createProfile(page, 'Ana López', 'Senior');
    await loadDemo(page);
    await page.getByRole('link', { name: 'Report & exports' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Report & exports' }).isVisible()).toBe(true);
    const suggestion = page.getByRole('note', { name: 'Suggestion from the criteria roll-up' });
    await expect.poll(() => suggestion.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: /Before the report goes out/ })
          .getByRole('listitem')
          .count(),
      )
      .toBeGreaterThan(0);
    await session.screenshot('exports-01-page');
    // The page and an opened template editor meet WCAG 2.2 AA.
    await page.locator('.template-item > summary', { hasText: 'Addressee line' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Addressee line' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Choose the opinion and the city: both are on the report's pages.
    await page.getByRole('radio', { name: /^Unmodified/ }).check();
    // Typed a moment before exporting: the export saves pending edits first, so the file has them.
    await page.getByLabel('City where the report is signed').fill('Boulder, Colorado');

    // The report PDF.
    const pdfDownload = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'Export report…' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Building the report/ })
          .count(),
      )
      .toBeGreaterThan(0);
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toBe(
      'SOC 2 Type 2 report - Lumenfield Analytics, Inc. - 2026-09-30 - DRAFT.pdf',
    );
    const pdfPath = join(dir, 'report.pdf');
    await pdf.saveAs(pdfPath);
    await expect.poll(() => page.getByText(/Exported the report \(\d+ pages\)/).isVisible()).toBe(true);
    const bytes = new Uint8Array(readFileSync(pdfPath));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    if (hasPdfTools) {
      expect(qpdfCheck(bytes)).toEqual({ ok: true, output: expect.any(String) as string });
      const text = pdfText(bytes);
      for (const title of [
        /Independent Service Auditor.s Report/u,
        /Management.s Assertion/iu,
        /Description of the/iu,
        /Section IV/u,
        /Boulder, Colorado/u,
        /DRAFT/u,
        /Lumenfield Analytics, Inc\./u,
      ]) {
        expect(text).toMatch(title);
      }
      expect(pdfFonts(bytes).some((f) => /NotoSans/u.test(f.name) && f.embedded)).toBe(true);
    }

    // The evidence workbook, with the audit trail.
    await page.getByRole('checkbox', { name: /Include the audit trail/ }).check();
    const xlsxDownload = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'Export evidence workbook…' }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(
      /^Evidence - Lumenfield Analytics, Inc\. - Type 2 - \d{4}-\d{2}-\d{2} - with audit trail\.xlsx$/u,
    );
    const xlsxPath = join(dir, 'evidence.xlsx');
    await xlsx.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(xlsxPath)).buffer);
    const names = workbook.worksheets.map((w) => w.name);
    for (const sheet of ['Summary', 'Controls', 'Tests', 'Samples', 'Exceptions', 'Audit trail']) {
      expect(names).toContain(sheet);
    }
    await session.screenshot('exports-02-done');

    // The engagement data for the command line: `fieldwork export` builds the same report from it.
    const jsonDownload = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Export engagement data (.json)…' }).click();
    const json = await jsonDownload;
    expect(json.suggestedFilename()).toMatch(/^Engagement data - Lumenfield Analytics, Inc\. - .*\.json$/u);
    await json.saveAs(join(dir, 'engagement.json'));
    const out: string[] = [];
    const code = await runCli(['export', 'engagement.json', '--pdf', 'cli.pdf', '--xlsx', 'cli.xlsx'], {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      cwd: dir,
    });
    expect(out.join('\n')).toMatch(/Wrote .*cli\.pdf \(\d+ pages/u);
    expect(code).toBe(0);
    if (hasPdfTools)
      expect(pdfText(new Uint8Array(readFileSync(join(dir, 'cli.pdf'))))).toContain('Boulder, Colorado');
    expect(cspViolations(session.problems)).toEqual([]);
  }, 240_000);

  it('cancels an export without downloading anything', async () => {
    const session = await launch();
    const { page } = session;
    await createProfile(page, 'Ana López', 'Senior');
    await loadDemo(page);
    await page.getByRole('link', { name: 'Report & exports' }).click();
    let downloads = 0;
    page.on('download', () => {
      downloads += 1;
    });
    await page.getByRole('button', { name: 'Export report…' }).click();
    await page.getByRole('button', { name: 'Cancel export' }).click();
    await expect
      .poll(() => page.getByText('Export cancelled. No file was written.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.waitForTimeout(1500);
    expect(downloads).toBe(0);
    expect(await page.getByRole('button', { name: 'Export report…' }).isEnabled()).toBe(true);
  }, 120_000);
});
