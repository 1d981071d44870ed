/**
 * A large report: a 3,000-row table (with group rows) lays out over a few hundred pages with its header on
 * each, and the file stays valid. No timing assertion here; `npm run bench` measures speed.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { renderPdf } from '../../../shared/exports/pdf';
import { controlTable, loadFonts, reportModel } from './pdf-fixture';
import { hasPdfTools, pdfPageTexts, qpdfCheck } from './pdf-tools';

describe('PDF rendering at scale', () => {
  it(
    'renders a 3,000-row table across pages, the header repeated on each',
    { timeout: 120_000 },
    async () => {
      const model = reportModel({
        sections: [{ id: 'big', kicker: 'Section IV', title: 'Controls', blocks: [controlTable(3000)] }],
      });
      const started = performance.now();
      const result = await renderPdf(model, fonts());
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `3,000-row table: ${result.pages} pages, ${seconds.toFixed(1)} s, ${result.bytes.length} bytes`,
      );
      // Rows of two to five lines (plus a group row every ten): between 8 and 30 rows a page.
      expect(result.pages).toBeGreaterThan(3 + 3300 / 30);
      expect(result.pages).toBeLessThan(3 + 3300 / 8);
      const doc = await PDFDocument.load(result.bytes);
      expect(doc.getPageCount()).toBe(result.pages);
      if (!hasPdfTools) return;
      expect(qpdfCheck(result.bytes).ok).toBe(true);
      const pages = pdfPageTexts(result.bytes);
      const text = pages.join('\n');
      for (const ref of ['CC-001', 'CC-1500', 'CC-3000']) expect(text).toContain(ref);
      for (let i = 3; i < pages.length; i += 1)
        expect(pages[i], `page ${i + 1}`).toContain('Tests applied by the service auditor');
    },
  );
});

function fonts() {
  return loadFonts();
}
