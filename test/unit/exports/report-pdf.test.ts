/**
 * The SOC 2 report of the demo engagement as a PDF reader sees it: the content builder and the layout
 * engine together, checked with qpdf and poppler. Every section title, every control reference and every
 * result sentence of section IV is in the text; the fonts are embedded; the table of contents points at the
 * pages where the sections start; DRAFT marks every page until the release and is gone after it; names in
 * other scripts come out as typed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { live } from '../../../shared/domain/snapshot';
import type { PdfFonts, PdfTocEntry } from '../../../shared/exports/pdf';
import { buildReportModel, runText } from '../../../shared/exports/report';
import { buildReportPdf, FONT_FILES } from '../../../shared/exports/report-pdf';
import { demoExportInput, type DemoExportInput } from '../../fixtures/demo-snapshot';
import {
  hasPdfTools,
  PDF_TOOLS_MISSING,
  pdfFonts,
  pdfInfo,
  pdfPageTexts,
  pdfText,
  qpdfCheck,
} from './pdf-tools';

if (!hasPdfTools && process.env.FIELDWORK_REQUIRE_PDF_TOOLS) throw new Error(PDF_TOOLS_MISSING);

const fonts = Object.fromEntries(
  Object.entries(FONT_FILES).map(([slot, file]) => [
    slot,
    new Uint8Array(readFileSync(join(process.cwd(), 'assets/fonts', file))),
  ]),
) as unknown as PdfFonts;
const OPTIONS = {
  generatedAt: new Date('2026-11-23T10:00:00Z'),
  generatedBy: 'Ana López',
  appVersion: 'test',
};
const squash = (text: string) => text.replace(/\s+/gu, ' ');

let demo: DemoExportInput;
let draft: Awaited<ReturnType<typeof buildReportPdf>>;

beforeAll(async () => {
  demo = await demoExportInput();
  draft = await buildReportPdf(demo.snapshot, fonts, OPTIONS);
}, 60_000);

describe.skipIf(!hasPdfTools)('the demo report as PDF', () => {
  it('passes qpdf, embeds its fonts and carries the document metadata', () => {
    expect(qpdfCheck(draft.bytes).ok).toBe(true);
    const embedded = pdfFonts(draft.bytes);
    expect(embedded.length).toBeGreaterThan(0);
    expect(embedded.every((f) => f.embedded)).toBe(true);
    expect(embedded.map((f) => f.name).join(' ')).toMatch(/NotoSans-Regular/u);
    const info = pdfInfo(draft.bytes);
    expect(info.Title).toBe('Lumenfield Analytics, Inc. — SOC 2 Type 2 Report (DRAFT)');
    expect(info.Author).toBe('Harbor & Reed LLP');
    expect(info.Keywords).toContain('SOC 2');
    expect(Number(info.Pages)).toBe(draft.pages);
    expect(draft.missingCharacters).toEqual([]);
  });

  it('holds every section title, every control reference and every result sentence', () => {
    const raw = squash(pdfText(draft.bytes, undefined, 'raw'));
    const model = buildReportModel(demo.snapshot, OPTIONS);
    for (const section of model.sections) expect(raw).toContain(squash(section.title));
    for (const control of live(demo.snapshot.controls).filter((c) => c.status !== 'retired')) {
      expect(raw, control.reference).toContain(control.reference);
    }
    const section4 = model.sections.find((s) => s.kicker === 'Section IV');
    const results = (section4?.blocks ?? []).flatMap((b) =>
      b.kind === 'table' && b.columns.at(-1)?.header.startsWith('Results')
        ? b.rows.flatMap((r) => (r.kind === 'row' ? [runText(r.cells.at(-1) ?? [])] : []))
        : [],
    );
    expect(results.length).toBeGreaterThan(20);
    for (const sentence of new Set(results)) expect(raw, sentence).toContain(squash(sentence));
    // Management's responses are in section V only, never in a result cell.
    for (const e of live(demo.snapshot.exceptions).filter((x) => x.managementResponse)) {
      expect(results.some((r) => r.includes(e.managementResponse))).toBe(false);
      expect(raw).toContain(squash(e.managementResponse));
    }
  });

  it('never leaves a criterion heading row alone at the foot of a page', () => {
    const pages = pdfPageTexts(draft.bytes);
    pages.forEach((text, i) => {
      const lines = text.split('\n').filter((l) => l.trim() && !/Page \d+ of \d+/u.test(l));
      expect(lines.at(-1) ?? '', `page ${i + 1}`).not.toMatch(/^\s*(CC|A|C|PI|P)\d+\.\d+ — /u);
    });
  });

  it('prints in the contents the page where each section starts', () => {
    const pages = pdfPageTexts(draft.bytes);
    const sections = draft.toc.filter((e: PdfTocEntry) => e.level === 1);
    expect(sections.length).toBeGreaterThanOrEqual(5);
    for (const entry of sections) {
      const firstPage = pages.findIndex((text) => squash(text).includes(squash(entry.title))) + 1;
      // The contents page itself lists every title: the section starts at the first page after it.
      const start = pages.findIndex((text, i) => i + 1 > 2 && squash(text).includes(squash(entry.title)));
      expect(firstPage, entry.title).toBeGreaterThan(0);
      expect(start + 1, entry.title).toBe(entry.page);
      expect(squash(pages[1] ?? ''), entry.title).toMatch(
        new RegExp(`${escape(entry.title)}[ .]*${entry.page}`),
      );
    }
    expect(squash(pages[2] ?? '')).toMatch(new RegExp(`Page 3 of ${draft.pages}`));
  });

  it('marks every page DRAFT until the release, and none after it', async () => {
    const pages = pdfPageTexts(draft.bytes);
    expect(pages.every((p) => p.includes('DRAFT'))).toBe(true);
    const released = {
      ...demo.snapshot,
      engagement: {
        ...demo.snapshot.engagement,
        phase: 'released' as const,
        reportDate: '2026-11-10',
        release: {
          date: '2026-11-12',
          at: '2026-11-12T09:00:00.000Z',
          by: demo.people[0]!.id,
          byName: 'Ana López',
          assemblyDays: 60,
          retentionYears: 7,
        },
      },
    };
    const final = await buildReportPdf(released, fonts, OPTIONS);
    expect(qpdfCheck(final.bytes).ok).toBe(true);
    const text = pdfText(final.bytes);
    expect(text).not.toContain('DRAFT');
    expect(text).toContain('November 10, 2026');
    expect(pdfInfo(final.bytes).Title).toBe('Lumenfield Analytics, Inc. — SOC 2 Type 2 Report');
  });

  it('draws names in other scripts with the embedded fonts', async () => {
    const name = 'Łódź Müller 東京 Sp. z o.o.';
    const unicode = {
      ...demo.snapshot,
      engagement: { ...demo.snapshot.engagement, serviceOrganization: name },
    };
    const pdf = await buildReportPdf(unicode, fonts, OPTIONS);
    expect(pdf.missingCharacters).toEqual([]);
    expect(qpdfCheck(pdf.bytes).ok).toBe(true);
    expect(pdfText(pdf.bytes, 1)).toContain('Łódź Müller 東京');
    expect(
      pdfFonts(pdf.bytes)
        .map((f) => f.name)
        .join(' '),
    ).toMatch(/NotoSansJP/u);
  });
});

function escape(text: string): string {
  return squash(text).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
