/**
 * What the PDF layout engine (`render.ts`) lays out: a document described as data, with no page positions.
 * The report builders (`shared/exports/report/`) produce it from an engagement snapshot; the engine turns it
 * into pages (wrapping, page breaks, tables split across pages with repeated header rows, running header and
 * footer "Page X of Y", the DRAFT watermark, a table of contents with real page numbers and PDF bookmarks).
 * Keeping the two apart lets each be tested alone: the content by its model, the layout by its PDF.
 */

/** A piece of text in one style. A `\n` inside `text` is a line break. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface TableColumn {
  header: string;
  /** Relative width (the engine shares the text width in proportion to these). */
  width: number;
}

export type TableRow =
  /** One cell per column (a cell is runs; `\n` breaks lines). `tone` shades the row (e.g. an exception). */
  | { kind: 'row'; cells: Run[][]; tone?: 'exception' | 'muted' }
  /** A full-width row that groups the rows after it (e.g. the criterion the controls below support). */
  | { kind: 'group'; runs: Run[] };

export type PdfBlock =
  /**
   * A heading inside a section. Level 2 headings appear in the table of contents and as child bookmarks
   * unless `toc: false`; level 3 only in the text. A heading is never left alone at the foot of a page.
   */
  | { kind: 'heading'; level: 2 | 3; text: string; toc?: boolean }
  | {
      kind: 'paragraph';
      runs: Run[];
      size?: 'normal' | 'small';
      align?: 'left' | 'center' | 'justify';
      /** A framed, shaded paragraph (e.g. "not covered by the opinion"). */
      box?: boolean;
    }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | {
      kind: 'table';
      columns: TableColumn[];
      rows: TableRow[];
      size?: 'normal' | 'small';
      /** Shown in the text above the table and used to name it for assistive technology. */
      caption?: string;
    }
  /** Label/value pairs in two columns (engagement facts, a signature block). */
  | { kind: 'facts'; rows: { label: string; value: Run[] }[] }
  | { kind: 'spacer'; height: number }
  | { kind: 'pageBreak' };

/** A top-level part of the document: starts on a new page, is a TOC entry and a top-level bookmark. */
export interface PdfSection {
  /** Stable id (tests and the TOC use it), e.g. `section-1`. */
  id: string;
  /** The title printed at the top of the section and used in the TOC and the outline. */
  title: string;
  /** A line above the title, e.g. "Section I". */
  kicker?: string;
  blocks: PdfBlock[];
}

export interface PdfCover {
  /** Small line above the title, e.g. "SOC 2® Type 2 Report" is avoided: just "SOC 2 Type 2 report". */
  kicker: string;
  /** The main title, usually the system name. */
  title: string;
  /** Lines under the title (organization, period). */
  subtitle: string[];
  facts: { label: string; value: string }[];
  /** Paragraphs at the foot of the cover (restricted use, confidentiality). */
  notice: Run[][];
  /** The issuing firm, printed at the bottom. */
  firm: string;
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  creationDate: Date;
  /** BCP 47 language tag of the text, e.g. `en-US`. */
  language: string;
}

export interface PdfDocumentModel {
  metadata: PdfMetadata;
  /** Printed at the top of every page but the cover. */
  runningHeader: string;
  /** Printed at the bottom left of every page but the cover (the right side is "Page X of Y"). */
  runningFooter: string;
  /** Printed diagonally across every page, cover included, e.g. `DRAFT`; null for none. */
  watermark: string | null;
  cover: PdfCover;
  /** The table of contents follows the cover when this is set. */
  toc: { title: string } | null;
  sections: PdfSection[];
}

/** The font files the engine embeds (TrueType bytes). */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
  /** Fallback for characters the Latin fonts lack (Chinese, Japanese). */
  cjk: Uint8Array;
}

export interface PdfTocEntry {
  id: string;
  title: string;
  level: 1 | 2;
  /** 1-based page number as printed in the footer. */
  page: number;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  /** Where each section and level-2 heading starts (what the TOC prints). */
  toc: PdfTocEntry[];
  /** Characters no embedded font could draw (replaced by a visible placeholder), for a warning. */
  missingCharacters: string[];
}

export interface RenderOptions {
  /** Called as pages are laid out and written (0..1). */
  onProgress?: (fraction: number) => void;
  /** Checked between pages; throws `ExportCancelledError` when aborted. */
  signal?: AbortSignal;
}
