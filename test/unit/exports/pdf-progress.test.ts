/**
 * The PDF engine in a Worker: it reports progress up to 1 and stops with `ExportCancelledError` when the
 * user cancels, before it starts or in the middle of a long table.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../shared/exports/pdf';
import { ExportCancelledError } from '../../../shared/exports/progress';
import { controlTable, loadFonts, reportModel } from './pdf-fixture';

const fonts = loadFonts();

describe('PDF rendering progress and cancel', () => {
  it('reports progress that only grows and ends at 1', async () => {
    const seen: number[] = [];
    const result = await renderPdf(reportModel(), fonts, { onProgress: (f) => seen.push(f) });
    expect(result.pages).toBeGreaterThan(5);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] ?? 0);
  });

  it('rejects with ExportCancelledError when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(renderPdf(reportModel(), fonts, { signal: controller.signal })).rejects.toBeInstanceOf(
      ExportCancelledError,
    );
  });

  it('stops part-way through a long table when cancelled', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const model = reportModel({ sections: [{ id: 'big', title: 'Controls', blocks: [controlTable(1500)] }] });
    const run = renderPdf(model, fonts, {
      signal: controller.signal,
      onProgress: (f) => {
        seen.push(f);
        if (f > 0.1) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect(Math.max(...seen)).toBeLessThan(0.5);
  });
});

describe('PDF rendering of sparse models', () => {
  it('renders empty blocks, an empty table and no contents without failing', async () => {
    const model = reportModel({
      toc: false,
      watermark: null,
      sections: [
        { id: 'empty', title: 'Nothing here', blocks: [] },
        {
          id: 'sparse',
          kicker: 'Appendix',
          title: 'Sparse blocks',
          blocks: [
            { kind: 'pageBreak' },
            { kind: 'paragraph', runs: [] },
            { kind: 'paragraph', runs: [{ text: '' }] },
            { kind: 'list', ordered: true, items: [] },
            { kind: 'facts', rows: [] },
            { kind: 'table', columns: [{ header: 'Only a header', width: 0 }], rows: [] },
            { kind: 'heading', level: 3, text: 'Last' },
            { kind: 'spacer', height: 5000 },
          ],
        },
      ],
    });
    const result = await renderPdf(model, fonts);
    // Cover, then one page per section: no blank pages from the page break or the oversized spacer.
    expect(result.pages).toBe(3);
    expect(result.toc.map((e) => [e.id, e.page])).toEqual([
      ['empty', 2],
      ['sparse', 3],
    ]);
  });
});

describe('PDF rendering is reproducible', () => {
  it('gives the same bytes for the same model (dates come from the model, not the clock)', async () => {
    const first = await renderPdf(reportModel(), fonts);
    const second = await renderPdf(reportModel(), fonts);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });
});
