/**
 * The PDF layout engine, checked the way readers see the file: qpdf for structure, poppler for text, fonts,
 * metadata and rendered pixels (the blank-glyph trap: text that extracts fine but draws nothing). Needs
 * qpdf and poppler-utils; CI installs them and sets FIELDWORK_REQUIRE_PDF_TOOLS so these never skip there.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, type PdfBlock, type PdfSection, type RenderedPdf } from '../../../shared/exports/pdf';
import { loadFonts, reportModel, UNICODE_LINE } from './pdf-fixture';
import {
  hasPdfTools,
  inkCount,
  inkOfRegion,
  PDF_TOOLS_MISSING,
  pdfFonts,
  pdfInfo,
  pdfPageTexts,
  pdfText,
  pdfWords,
  qpdfCheck,
  qpdfJson,
  renderGray,
  type PdfWord,
} from './pdf-tools';

if (!hasPdfTools && process.env.FIELDWORK_REQUIRE_PDF_TOOLS) throw new Error(PDF_TOOLS_MISSING);

const fonts = loadFonts();
/** Bottom of the text block: above the footer rule (792 - 54). */
const FOOTER_RULE = 738;

/** Text with every run of white space as one space (a title wrapped over two lines reads as one). */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Pages (1-based) whose text contains `needle`. */
function pagesWith(pages: readonly string[], needle: string): number[] {
  return pages.flatMap((text, i) => (flat(text).includes(needle) ? [i + 1] : []));
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The last line of a page's text before the footer ("… Page X of Y"). */
function lastContentLine(page: string): string {
  const lines = page.split('\n').filter((l) => l.trim() !== '');
  let footer = lines.length - 1;
  while (footer >= 0 && !/Page \d+ of \d+/.test(lines[footer] ?? '')) footer -= 1;
  return (lines[footer - 1] ?? '').trim();
}

describe.skipIf(!hasPdfTools)(`PDF layout${hasPdfTools ? '' : ` (skipped: ${PDF_TOOLS_MISSING})`}`, () => {
  let report: RenderedPdf;
  let pages: string[];

  beforeAll(async () => {
    report = await renderPdf(reportModel(), fonts);
    pages = pdfPageTexts(report.bytes);
  });

  it('passes qpdf --check without errors or warnings', () => {
    const check = qpdfCheck(report.bytes);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.ok, check.output).toBe(true);
  });

  it('has the pages it reports, every section title and the body text', () => {
    expect(pages).toHaveLength(report.pages);
    const text = flat(pages.join('\n'));
    for (const title of [
      'Independent Service Auditor’s Report',
      'Management’s Assertion',
      'Description of the System',
      'Trust Services Criteria, Controls, Tests and Results',
      'Other Information Provided by Management',
    ]) {
      expect(text).toContain(title);
    }
    expect(text).toContain('In our opinion, in all material respects, the controls were suitably designed.');
    expect(text).toContain('This information is not covered by the service auditor’s opinion.');
    expect(text).toContain('Notification of security incidents within 72 hours.');
    expect(text).toContain('Lumenfield Insights Platform');
    expect(text).toContain('Restricted use.');
  });

  it('embeds subset Noto fonts, with the Japanese fallback when CJK text is used', () => {
    const rows = pdfFonts(report.bytes);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row, row.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(row.name).toMatch(/^[A-Z]{6}\+NotoSans/);
    }
    expect(rows.map((r) => r.name.split('+')[1])).toEqual(
      expect.arrayContaining(['NotoSans-Regular', 'NotoSans-Bold', 'NotoSans-Italic', 'NotoSansJP-Regular']),
    );
  });

  it('prints the running header and "Page X of Y" on every page but the cover', () => {
    const n = report.pages;
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    expect(pages[0]).not.toContain('Lumenfield Analytics, Inc. — SOC 2 Type 2 report');
    expect(pages[2]).toContain(`Page 3 of ${n}`);
    for (let i = 1; i < n; i += 1) {
      expect(pages[i], `page ${i + 1}`).toContain(`Page ${i + 1} of ${n}`);
      expect(pages[i], `page ${i + 1}`).toContain('Lumenfield Analytics, Inc. — SOC 2 Type 2 report');
      expect(pages[i], `page ${i + 1}`).toContain('Restricted use — Harbor & Quill LLP');
    }
  });

  it('writes the document metadata', () => {
    const info = pdfInfo(report.bytes);
    expect(info).toMatchObject({
      Title: 'SOC 2 Type 2 report — Lumenfield Analytics, Inc.',
      Author: 'Harbor & Quill LLP',
      Subject: 'Report on controls relevant to security, availability and confidentiality',
      Creator: 'Fieldwork',
      Producer: 'Fieldwork PDF engine',
      Pages: String(report.pages),
      'Page size': expect.stringContaining('612 x 792'),
    });
    expect(info.Keywords).toContain('SOC 2');
    expect(info.Keywords).toContain('Lumenfield');
    expect(info.CreationDate).toMatch(/^2026-11-23T10:00:00/);
    expect(info.ModDate).toMatch(/^2026-11-23T10:00:00/);
  });

  it('declares the language and opens with the bookmarks shown', async () => {
    const doc = await PDFDocument.load(report.bytes);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en-US');
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('has one bookmark per section, with its level-2 headings as children, pointing at their pages', () => {
    // The shape of qpdf's JSON (version 2) for outlines.
    const { outlines } = qpdfJson(report.bytes, 'outlines') as {
      outlines: {
        title: string;
        destpageposfrom1: number;
        kids: { title: string; destpageposfrom1: number }[];
      }[];
    };
    expect(outlines.map((o) => o.title)).toEqual([
      'Independent Service Auditor’s Report',
      'Management’s Assertion',
      'Description of the System',
      'Trust Services Criteria, Controls, Tests and Results',
      'Other Information Provided by Management',
    ]);
    expect(outlines[0]?.kids.map((k) => k.title)).toEqual(['Scope', 'Opinion']);
    // `toc: false` keeps a heading out of the contents and the bookmarks.
    expect(outlines[2]?.kids.map((k) => k.title)).toEqual([
      'Company overview',
      'Infrastructure and software',
    ]);
    for (const section of outlines) {
      expect(pagesWith(pages, section.title), section.title).toContain(section.destpageposfrom1);
      for (const kid of section.kids)
        expect(pagesWith(pages, kid.title), kid.title).toContain(kid.destpageposfrom1);
    }
  });

  it('prints the watermark on every page, cover included, and none when there is no watermark', async () => {
    for (const [i, page] of pages.entries()) expect(page, `page ${i + 1}`).toContain('DRAFT');
    const final = await renderPdf(reportModel({ watermark: null }), fonts);
    expect(pdfPageTexts(final.bytes).join('\n')).not.toContain('DRAFT');
    // The diagonal watermark crosses the empty middle of the cover in light grey, never dark.
    const middle = { x: 150, y: 420, w: 300, h: 120 };
    const tinted = (bytes: Uint8Array) =>
      renderGray(bytes, 1, middle, 72).pixels.filter((v) => v < 250).length;
    expect(tinted(report.bytes)).toBeGreaterThan(1000);
    expect(tinted(final.bytes)).toBe(0);
    expect(inkCount(renderGray(report.bytes, 1, middle, 72), 200)).toBe(0);
  });

  it('draws Łódź, Müller, 東京 and typographic quotes with ink, not blank glyphs', () => {
    const words = pdfWords(report.bytes);
    const line = words.find((w) => w.text === 'Łódź');
    expect(line, 'the Unicode line is extracted').toBeDefined();
    const page = line?.page ?? 0;
    const onPage = words.filter((w) => w.page === page && Math.abs(w.yMin - (line?.yMin ?? 0)) < 2);
    const pick = (predicate: (w: PdfWord) => boolean, name: string) => {
      const word = onPage.find(predicate);
      if (!word) throw new Error(`${name} is not on the page of the Unicode line`);
      return word;
    };
    const targets = [
      pick((w) => w.text === 'Łódź', 'Łódź'),
      pick((w) => w.text === 'Müller', 'Müller'),
      pick((w) => w.text.includes('東'), '東京'),
      pick((w) => w.text.includes('quoted'), '’quoted’'),
      pick((w) => w.text.includes('“double”'), '“double”'),
      pick((w) => w.text === '✓', '✓'),
    ];
    for (const word of targets) {
      const area = { x: word.xMin, y: word.yMin, w: word.xMax - word.xMin, h: word.yMax - word.yMin };
      const ink = inkOfRegion(report.bytes, page, area);
      // At 144 dpi a 10 pt word covers hundreds of pixels; drawn glyphs darken well over 5 % of them.
      expect(ink / (area.w * area.h * 4), word.text).toBeGreaterThan(0.05);
    }
    // The measure itself can tell ink from paper: the margin beside the line is blank.
    expect(inkOfRegion(report.bytes, page, { x: 8, y: line?.yMin ?? 0, w: 50, h: 10 })).toBe(0);
    expect(pages[page - 1]).toContain(UNICODE_LINE.replace('✓', '').trim());
  });

  it('repeats the header row of a long table on every page it continues on', () => {
    const rowPages = new Map<string, number[]>();
    for (let i = 1; i <= 120; i += 1) {
      const ref = `CC-${String(i).padStart(3, '0')}`;
      rowPages.set(ref, pagesWith(pages, ref));
    }
    const tablePages = [...new Set([...rowPages.values()].flat())].sort((a, b) => a - b);
    expect(tablePages.length).toBeGreaterThanOrEqual(4);
    for (const page of tablePages) {
      expect(pages[page - 1], `page ${page}`).toContain('Tests applied by the service auditor');
    }
    // Rows in order, each on one page (a row that fits a page is never split).
    let previous = 0;
    for (const [ref, found] of rowPages) {
      expect(found.length, ref).toBeGreaterThanOrEqual(1);
      expect(found[0], ref).toBeGreaterThanOrEqual(previous);
      previous = found[0] ?? previous;
    }
  });

  it('tints exception rows and shades the header row, behind text that stays readable', () => {
    const words = pdfWords(report.bytes);
    /** Mean grey (255 = white) of a strip inside the first cell of the row that starts with `ref`. */
    const background = (ref: string) => {
      const word = words.find((w) => w.text === ref);
      expect(word, ref).toBeDefined();
      const strip = { x: 74, y: (word?.yMax ?? 0) + 2, w: 40, h: 6 };
      const { pixels } = renderGray(report.bytes, word?.page ?? 1, strip, 72);
      return pixels.reduce((a, b) => a + b, 0) / pixels.length;
    };
    expect(background('CC-006')).toBeGreaterThan(253);
    expect(background('CC-007')).toBeLessThan(250);
    expect(background('Control')).toBeLessThan(248);
    // In drawing order each cell's lines come together, so the whole wrapped sentence reads back.
    expect(flat(pdfText(report.bytes, undefined, 'raw'))).toContain(
      'Exception noted for CC-007: one review was completed late.',
    );
  });
});

describe.skipIf(!hasPdfTools)('PDF layout: tables that do not fit', () => {
  const tallLines = Array.from(
    { length: 140 },
    (_, i) => `Detail line ${String(i + 1).padStart(3, '0')} of the walkthrough notes`,
  );
  const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  let result: RenderedPdf;
  let pages: string[];
  let words: PdfWord[];

  beforeAll(async () => {
    const table: PdfBlock = {
      kind: 'table',
      columns: [
        { header: 'Evidence reference', width: 1 },
        { header: 'Description of the evidence', width: 6 },
      ],
      rows: [
        { kind: 'row', cells: [[{ text: 'EV-1' }], [{ text: 'A normal row before the tall one.' }]] },
        { kind: 'row', cells: [[{ text: 'EV-2' }], [{ text: tallLines.join('\n') }]] },
        {
          kind: 'row',
          cells: [[{ text: hash }], [{ text: 'The file’s SHA-256, broken inside its narrow cell.' }]],
        },
      ],
    };
    const model = reportModel({
      watermark: null,
      sections: [{ id: 'tall', kicker: 'Section IV', title: 'Tall cells', blocks: [table] }],
    });
    result = await renderPdf(model, fonts);
    pages = pdfPageTexts(result.bytes);
    words = pdfWords(result.bytes);
  });

  it('splits a cell taller than a page between lines, every line printed exactly once, in order', () => {
    expect(qpdfCheck(result.bytes).ok).toBe(true);
    const text = pages.join('\n');
    for (const line of tallLines) expect(count(text, line), line).toBe(1);
    const firstPages = tallLines.map((line) => pagesWith(pages, line)[0] ?? 0);
    expect([...firstPages].sort((a, b) => a - b)).toEqual(firstPages);
    const spanned = [...new Set(firstPages)];
    expect(spanned.length).toBeGreaterThanOrEqual(2);
    for (const page of spanned)
      expect(pages[page - 1], `page ${page}`).toContain('Description of the evidence');
  });

  it('keeps every word inside the page and above the footer', () => {
    for (const word of words) {
      expect(word.xMin, word.text).toBeGreaterThanOrEqual(0);
      expect(word.xMax, word.text).toBeLessThanOrEqual(612 - 72 + 0.5);
      const inFooter = word.yMin > FOOTER_RULE;
      if (!inFooter) expect(word.yMax, `${word.text} on page ${word.page}`).toBeLessThanOrEqual(FOOTER_RULE);
      else expect(word.text).toMatch(/^(Page|\d+|of|Restricted|use|—|Harbor|&|Quill|LLP)$/);
    }
  });

  it('breaks a word longer than its narrow column inside the cell', () => {
    const columnRight = 72 + 468 / 7;
    const pieces = words.filter((w) => /^[0-9a-f]{3,}$/.test(w.text) && hash.includes(w.text));
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.map((w) => w.text).join('')).toBe(hash);
    for (const piece of pieces) expect(piece.xMax).toBeLessThanOrEqual(columnRight);
  });
});

describe.skipIf(!hasPdfTools)('PDF layout: contents and headings', () => {
  /** 45 sections with two headings each: a contents list of 135 entries, three pages long. */
  function manySections(): PdfSection[] {
    return Array.from({ length: 45 }, (_, s) => {
      const n = String(s + 1).padStart(2, '0');
      const blocks: PdfBlock[] = [];
      for (const part of ['scope', 'results']) {
        blocks.push({ kind: 'heading', level: 2, text: `Area ${n} ${part}` });
        const sentences = ((s * 7 + part.length) % 9) + 1;
        for (let p = 0; p < sentences; p += 1) {
          blocks.push({
            kind: 'paragraph',
            runs: [{ text: `Paragraph ${p + 1} of area ${n}. `.repeat(8 + ((s + p) % 5) * 3) }],
          });
        }
        if (s % 3 === 0) {
          blocks.push({ kind: 'heading', level: 3, text: `Area ${n} ${part} detail` });
          blocks.push({
            kind: 'list',
            ordered: true,
            items: [[{ text: 'First step.' }], [{ text: 'Second step.' }]],
          });
        }
      }
      return { id: `area-${n}`, kicker: `Part ${s + 1}`, title: `Area ${n} overview`, blocks };
    });
  }

  let result: RenderedPdf;
  let pages: string[];

  beforeAll(async () => {
    result = await renderPdf(reportModel({ watermark: null, sections: manySections() }), fonts);
    pages = pdfPageTexts(result.bytes);
  });

  it('prints in the contents the page where each section and heading starts, over several contents pages', async () => {
    expect(qpdfCheck(result.bytes).ok).toBe(true);
    const entries = new Map<string, { page: number; tocPage: number }>();
    pages.forEach((text, i) => {
      for (const line of text.split('\n')) {
        const match = /^\s*(?:Part \d+\s+)?(Area \d\d [a-z ]+?)\s{2,}(\d+)\s*$/.exec(line);
        if (match?.[1] && match[2]) entries.set(match[1], { page: Number(match[2]), tocPage: i + 1 });
      }
    });
    expect(entries.size).toBe(45 * 3);
    const tocPages = new Set([...entries.values()].map((e) => e.tocPage));
    expect(tocPages.size).toBeGreaterThanOrEqual(2);
    for (const [title, { page }] of entries) {
      const printed = pagesWith(pages, title).filter((p) => !tocPages.has(p));
      expect(printed[0], title).toBe(page);
    }
    expect(result.toc.map((e) => [e.title, e.page])).toEqual(
      [...entries].map(([title, e]) => [title, e.page]),
    );

    // Each entry is a link to the page it names.
    const doc = await PDFDocument.load(result.bytes);
    const pageRefs = doc.getPages().map((page) => page.ref.toString());
    const targets = [...tocPages].flatMap((tocPage) =>
      (
        doc
          .getPage(tocPage - 1)
          .node.Annots()
          ?.asArray() ?? []
      ).map((ref) => {
        const dest = doc.context.lookup(ref, PDFDict).lookup(PDFName.of('Dest'), PDFArray);
        return pageRefs.indexOf(dest.get(0).toString()) + 1;
      }),
    );
    expect(targets).toEqual([...entries.values()].map((e) => e.page));
  });

  it('never leaves a heading as the last line of a page', () => {
    let checked = 0;
    for (const [i, page] of pages.entries()) {
      if (i === 0) continue;
      const last = lastContentLine(page);
      if (!last) continue;
      checked += 1;
      expect(last, `page ${i + 1}`).not.toMatch(/^Area \d\d (scope|results)( detail)?$/);
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe.skipIf(!hasPdfTools)('PDF layout: characters no font has', () => {
  it('draws a placeholder, reports the character once, and still writes a valid file', async () => {
    const model = reportModel({
      sections: [
        {
          id: 'symbols',
          title: 'Symbols',
          blocks: [
            {
              kind: 'paragraph',
              runs: [{ text: 'Phoenician 𐤀 and 😀, again 𐤀; ticks ✓ ✗ and 東京 are fine.' }],
            },
          ],
        },
      ],
    });
    const result = await renderPdf(model, fonts);
    expect(result.missingCharacters).toEqual(['𐤀', '😀']);
    expect(qpdfCheck(result.bytes).ok).toBe(true);
    const text = pdfPageTexts(result.bytes).join('\n');
    expect(text).toContain('Phoenician □ and □, again □; ticks ✓ × and 東京 are fine.');
  });
});

describe.skipIf(!hasPdfTools)('PDF layout: Chinese and Japanese text', () => {
  it('breaks a long run of CJK text (no spaces) between characters, inside the margins', async () => {
    const text = '東京都の監査法人は統制の整備状況と運用状況を評価し、例外事項を経営者に報告した。'.repeat(
      12,
    );
    const model = reportModel({
      watermark: null,
      sections: [{ id: 'cjk', title: 'CJK', blocks: [{ kind: 'paragraph', runs: [{ text }] }] }],
    });
    const result = await renderPdf(model, fonts);
    const words = pdfWords(result.bytes).filter((w) => /[\u3000-\u9fff]/.test(w.text));
    expect(words.map((w) => w.text).join('')).toBe(text);
    expect(new Set(words.map((w) => w.yMin)).size).toBeGreaterThanOrEqual(6);
    for (const word of words) {
      expect(word.xMin).toBeGreaterThanOrEqual(72 - 0.5);
      expect(word.xMax).toBeLessThanOrEqual(540.5);
    }
    expect(result.missingCharacters).toEqual([]);
  });
});
