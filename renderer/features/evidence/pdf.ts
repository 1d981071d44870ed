/**
 * PDF preview with pdf.js, rendered to canvases inside the app (Electron has no PDF plugin in a sandboxed
 * renderer, and the browser's viewer would need frames the CSP forbids). Loaded on first use only.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist');
  if (!pdfjs.GlobalWorkerOptions.workerSrc) {
    const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  }
  // No XFA forms and no scripting: evidence PDFs are only looked at.
  return pdfjs.getDocument({ data: bytes, enableXfa: false, useWasm: false }).promise;
}

/** Renders one page into the canvas at a width that fits the preview pane. */
export async function renderPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<void> {
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}
