/**
 * Builds the exports off the UI thread: one worker per export, so cancelling can always end it. The fonts
 * for the PDF are bundled assets (assets/fonts), fetched here only when a report is built.
 */
import { buildReportPdf } from '@shared/exports/report-pdf';
import { buildEvidenceWorkbook } from '@shared/exports/workbook';
import type { PdfFonts } from '@shared/exports/pdf';
import type { ExportJob, ExportRequest, ExportResponse } from './export-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExportRequest>) => void) | null;
  postMessage(message: ExportResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const controller = new AbortController();

const FONT_URLS: Record<keyof PdfFonts, URL> = {
  regular: new URL('../../assets/fonts/NotoSans-Regular.ttf', import.meta.url),
  bold: new URL('../../assets/fonts/NotoSans-Bold.ttf', import.meta.url),
  italic: new URL('../../assets/fonts/NotoSans-Italic.ttf', import.meta.url),
  boldItalic: new URL('../../assets/fonts/NotoSans-BoldItalic.ttf', import.meta.url),
  cjk: new URL('../../assets/fonts/NotoSansJP-Regular.ttf', import.meta.url),
};

async function loadFonts(): Promise<PdfFonts> {
  const entries = await Promise.all(
    Object.entries(FONT_URLS).map(async ([slot, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The report font ${url.pathname} could not be loaded.`);
      return [slot, new Uint8Array(await response.arrayBuffer())] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as PdfFonts; // one entry per slot of FONT_URLS
}

const progress = (fraction: number) => scope.postMessage({ type: 'progress', fraction });

async function run(job: ExportJob): Promise<ExportResponse> {
  const { signal } = controller;
  if (job.kind === 'report-pdf') {
    const fonts = await loadFonts();
    const pdf = await buildReportPdf(job.snapshot, fonts, {
      generatedAt: job.generatedAt,
      generatedBy: job.generatedBy,
      appVersion: job.appVersion,
      people: job.people,
      onProgress: progress,
      signal,
    });
    return { type: 'done', bytes: pdf.bytes, pages: pdf.pages, missingCharacters: pdf.missingCharacters };
  }
  const bytes = await buildEvidenceWorkbook(job.snapshot, {
    exportedAt: job.exportedAt,
    exportedBy: job.exportedBy,
    appVersion: job.appVersion,
    people: job.people,
    ...(job.auditEvents ? { auditEvents: job.auditEvents } : {}),
    onProgress: progress,
    signal,
  });
  return { type: 'done', bytes };
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.op === 'cancel') {
    controller.abort();
    return;
  }
  void run(request.job).then(
    (response) =>
      scope.postMessage(response, response.type === 'done' ? [response.bytes.buffer as ArrayBuffer] : []),
    (error: unknown) =>
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
        name: error instanceof Error ? error.name : 'Error',
      }),
  );
};
