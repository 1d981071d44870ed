/**
 * Shows an evidence file inside the app: images, PDFs (pdf.js), text and CSV (as a table). Other types
 * say so and offer to save a copy. Large text files show their first megabyte.
 */
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { formatBytes, previewKind, type EvidenceVersion } from '@shared/domain/fieldwork';
import { detectDelimiter } from '@shared/import/read-csv';
import { parseCsv } from '@shared/formats/csv';
import { repository } from '../../db';
import { platform } from '../../platform';
import { useAction } from '../../app/useAction';
import { evidenceBlob } from './commands';
import { openPdf, renderPage } from './pdf';

const TEXT_PREVIEW_BYTES = 1024 * 1024;
const CSV_PREVIEW_ROWS = 200;

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'error'; message: string }
  | { state: 'image'; url: string }
  | { state: 'pdf'; doc: PDFDocumentProxy }
  | { state: 'text'; text: string; truncated: boolean; rows: string[][] | null }
  | { state: 'none' };

export function EvidencePreview({ version }: { version: EvidenceVersion }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const run = useAction();
  const kind = previewKind(version.mediaType, version.fileName);

  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    let doc: PDFDocumentProxy | null = null;
    void (async () => {
      try {
        const blob = await evidenceBlob(repository, version.sha256);
        if (cancelled) return;
        if (!blob) return setLoaded({ state: 'missing' });
        if (kind === 'image') {
          url = URL.createObjectURL(blob);
          return setLoaded({ state: 'image', url });
        }
        if (kind === 'pdf') {
          doc = await openPdf(new Uint8Array(await blob.arrayBuffer()));
          if (cancelled) return void doc.loadingTask.destroy();
          return setLoaded({ state: 'pdf', doc });
        }
        if (kind === 'text') {
          const text = await blob.slice(0, TEXT_PREVIEW_BYTES).text();
          const isCsv = /\.(csv|tsv)$/iu.test(version.fileName) || version.mediaType === 'text/csv';
          let rows: string[][] | null = null;
          if (isCsv) {
            try {
              rows = parseCsv(text, detectDelimiter(text)).slice(0, CSV_PREVIEW_ROWS);
            } catch {
              rows = null; // shown as plain text instead
            }
          }
          if (!cancelled) setLoaded({ state: 'text', text, truncated: blob.size > TEXT_PREVIEW_BYTES, rows });
          return;
        }
        setLoaded({ state: 'none' });
      } catch (error) {
        if (!cancelled) {
          setLoaded({
            state: 'error',
            message:
              kind === 'pdf'
                ? `This PDF could not be displayed (${error instanceof Error ? error.message : String(error)}). Save a copy to open it in a PDF reader.`
                : `The preview could not be shown: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
      }
    })();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
      void doc?.loadingTask.destroy();
    };
  }, [version.sha256, version.fileName, version.mediaType, kind]);

  const saveCopy = () =>
    run(async () => {
      const blob = await evidenceBlob(repository, version.sha256);
      if (!blob) throw new Error('The file is not stored on this computer.');
      const saved = await platform.saveFile(version.fileName, new Uint8Array(await blob.arrayBuffer()));
      return saved;
    }, 'Saved a copy of the file.');

  return (
    <div className="evidence-preview" aria-label={`Preview of ${version.fileName}`} role="region">
      {version.size === 0 ? <p className="muted">This file is empty (0 bytes).</p> : null}
      {loaded.state === 'loading' ? <p className="muted">Loading preview…</p> : null}
      {loaded.state === 'missing' ? (
        <p className="error-text">
          The bytes of this file are not stored on this computer (SHA-256 {version.sha256}). Ask whoever
          shared the engagement for a file that includes its evidence.
        </p>
      ) : null}
      {loaded.state === 'error' ? <p className="error-text">{loaded.message}</p> : null}
      {loaded.state === 'image' ? <img src={loaded.url} alt={`Evidence image ${version.fileName}`} /> : null}
      {loaded.state === 'pdf' ? <PdfPages doc={loaded.doc} name={version.fileName} /> : null}
      {loaded.state === 'text' ? (
        <>
          {loaded.rows ? (
            <div className="csv-preview" tabIndex={0} aria-label={`Rows of ${version.fileName}`}>
              <table className="data-table">
                <tbody>
                  {loaded.rows.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) => (
                        <td key={j}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <pre className="text-preview" tabIndex={0}>
              {loaded.text}
            </pre>
          )}
          {loaded.truncated || (loaded.rows && loaded.rows.length >= CSV_PREVIEW_ROWS) ? (
            <p className="muted">
              Showing the beginning of the file only ({formatBytes(version.size)} in all).
            </p>
          ) : null}
        </>
      ) : null}
      {loaded.state === 'none' ? (
        <p className="muted">
          Fieldwork cannot show {describeType(version.fileName)} inside the app. Save a copy to open it in its
          own program.
        </p>
      ) : null}
      <div className="preview-actions">
        <button type="button" onClick={() => void saveCopy()}>
          Save a copy…
        </button>
      </div>
    </div>
  );
}

function PdfPages({ doc, name }: { doc: PDFDocumentProxy; name: string }) {
  const [page, setPage] = useState(1);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    const width = Math.min(900, target.parentElement?.clientWidth ?? 600);
    renderPage(doc, page, target, Math.max(300, width - 4)).catch((e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, [doc, page]);
  return (
    <div className="pdf-preview">
      <div className="pdf-toolbar">
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous page
        </button>
        <span aria-live="polite">
          Page {page} of {doc.numPages}
        </span>
        <button type="button" disabled={page >= doc.numPages} onClick={() => setPage(page + 1)}>
          Next page
        </button>
      </div>
      {error ? <p className="error-text">This page could not be drawn: {error}</p> : null}
      <canvas ref={canvas} role="img" aria-label={`${name}, page ${page}`} />
    </div>
  );
}

/** "a Word document (.docx)" rather than the raw media type. */
function describeType(fileName: string): string {
  const ext = /\.([a-z0-9]{1,8})$/iu.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const names: Record<string, string> = {
    doc: 'a Word document',
    docx: 'a Word document',
    xls: 'an Excel workbook',
    xlsx: 'an Excel workbook',
    ppt: 'a PowerPoint file',
    pptx: 'a PowerPoint file',
    msg: 'an Outlook message',
    eml: 'an e-mail message',
    zip: 'a zip archive',
  };
  const name = names[ext] ?? 'this type of file';
  return ext ? `${name} (.${ext})` : name;
}
