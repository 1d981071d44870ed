/**
 * The SOC 2 report (or readiness letter) as PDF bytes: the content builder (`report/`) makes the document
 * model from the snapshot, the layout engine (`pdf/`) lays it out with the embedded fonts. The caller
 * supplies the font files (the app fetches them in its export Worker, the command line reads them from
 * `assets/fonts/`), so this stays pure.
 */
import { renderPdf, type PdfFonts, type RenderedPdf, type RenderOptions } from './pdf';
import { buildReportModel, type ReportOptions } from './report';
import type { EngagementSnapshot } from '../domain/snapshot';
import type { Engagement } from '../domain/engagement';
import { safeFileName } from '../formats/file-name';

/** The font files in `assets/fonts/` that fill each slot of `PdfFonts`. */
export const FONT_FILES: Readonly<Record<keyof PdfFonts, string>> = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
  boldItalic: 'NotoSans-BoldItalic.ttf',
  cjk: 'NotoSansJP-Regular.ttf',
};

export async function buildReportPdf(
  snapshot: EngagementSnapshot,
  fonts: PdfFonts,
  options: ReportOptions & RenderOptions,
): Promise<RenderedPdf> {
  const { onProgress, signal, ...reportOptions } = options;
  const model = buildReportModel(snapshot, reportOptions);
  return renderPdf(model, fonts, { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) });
}

/** True once the report is released (or locked): the DRAFT watermark is gone. */
export function isReportFinal(engagement: Pick<Engagement, 'release'>): boolean {
  return engagement.release !== null;
}

const KIND_WORDS: Record<Engagement['kind'], string> = {
  'soc2-type2': 'SOC 2 Type 2 report',
  'soc2-type1': 'SOC 2 Type 1 report',
  readiness: 'Readiness assessment',
};

/** A file name Windows and macOS accept, e.g. `SOC 2 Type 2 report - Lumenfield Analytics, Inc. - 2026-09-30 - DRAFT.pdf`. */
export function reportFileName(engagement: Engagement): string {
  const date = engagement.kind === 'soc2-type2' ? engagement.periodEnd : engagement.asOfDate;
  const parts = [KIND_WORDS[engagement.kind], organizationPart(engagement), date ?? ''].filter(Boolean);
  if (!isReportFinal(engagement)) parts.push('DRAFT');
  return `${safeFileName(parts.join(' - '))}.pdf`;
}

const SHORT_KIND: Record<Engagement['kind'], string> = {
  'soc2-type2': 'Type 2',
  'soc2-type1': 'Type 1',
  readiness: 'Readiness',
};

/** `Evidence - Lumenfield Analytics, Inc. - Type 2 - 2026-11-23 - with audit trail.xlsx` */
export function workbookFileName(engagement: Engagement, today: string, withTrail = false): string {
  const parts = ['Evidence', organizationPart(engagement), SHORT_KIND[engagement.kind], today];
  if (withTrail) parts.push('with audit trail');
  return `${safeFileName(parts.join(' - '))}.xlsx`;
}

/** The organization's name, shortened so the kind, the date and DRAFT always fit in the file name. */
function organizationPart(engagement: Engagement): string {
  const name = safeFileName(engagement.serviceOrganization);
  return name.length <= 80 ? name : `${name.slice(0, 79).trimEnd()}…`;
}
