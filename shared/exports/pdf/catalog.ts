/**
 * Document-level structures pdf-lib has no API for, or only part of one: the outline (bookmarks), link
 * annotations that jump to a page, and the document information (metadata, language, how readers open it).
 */
import { PDFHexString, PDFName, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { LinkArea } from './content';
import type { PdfMetadata } from './model';
import { PAGE } from './theme';

export interface OutlineNode {
  title: string;
  page: number;
  /** Top-down position on the page. */
  top: number;
  children: OutlineNode[];
}

/** A destination that shows `page` with `top` near the top of the window, keeping the zoom. */
function destination(doc: PDFDocument, pages: readonly PDFPage[], page: number, top: number) {
  const target = pages[Math.min(Math.max(page, 0), pages.length - 1)];
  if (!target) throw new Error('The document has no pages to link to.');
  const y = Math.min(PAGE.height, PAGE.height - top + 6);
  return doc.context.obj([target.ref, 'XYZ', null, y, null]);
}

/**
 * Writes the /Outlines tree (ISO 32000-1 §12.3.3): items linked by First/Last/Next/Prev/Parent, with Count
 * the number of visible descendants (every item open), and asks readers to show it when the file opens.
 */
export function writeOutline(
  doc: PDFDocument,
  pages: readonly PDFPage[],
  nodes: readonly OutlineNode[],
): void {
  if (nodes.length === 0) return;
  const { context } = doc;
  const rootRef = context.nextRef();
  const { first, last, count } = writeItems(doc, pages, nodes, rootRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: first, Last: last, Count: count }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function writeItems(
  doc: PDFDocument,
  pages: readonly PDFPage[],
  nodes: readonly OutlineNode[],
  parent: PDFRef,
): { first: PDFRef; last: PDFRef; count: number } {
  const { context } = doc;
  const items = nodes.map((node) => ({ node, ref: context.nextRef() }));
  let count = items.length;
  items.forEach(({ node, ref }, i) => {
    const children = node.children.length > 0 ? writeItems(doc, pages, node.children, ref) : null;
    if (children) count += children.count;
    context.assign(
      ref,
      context.obj({
        Title: PDFHexString.fromText(node.title),
        Parent: parent,
        Prev: items[i - 1]?.ref,
        Next: items[i + 1]?.ref,
        First: children?.first,
        Last: children?.last,
        Count: children?.count,
        Dest: destination(doc, pages, node.page, node.top),
      }),
    );
  });
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) throw new Error('An outline level needs at least one entry.');
  return { first: first.ref, last: last.ref, count };
}

/** Invisible link rectangles (the TOC entries) that jump to their page. */
export function addLinks(
  doc: PDFDocument,
  pages: readonly PDFPage[],
  page: PDFPage,
  links: readonly LinkArea[],
): void {
  for (const link of links) {
    const rect = [link.x, PAGE.height - link.y - link.h, link.x + link.w, PAGE.height - link.y];
    const annot = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: rect,
      Border: [0, 0, 0],
      Dest: destination(doc, pages, link.page, link.top),
    });
    page.node.addAnnot(doc.context.register(annot));
  }
}

export function writeMetadata(doc: PDFDocument, metadata: PdfMetadata): void {
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  doc.setKeywords(metadata.keywords);
  doc.setCreator(metadata.creator);
  doc.setProducer(metadata.producer);
  doc.setCreationDate(metadata.creationDate);
  // A freshly generated report was last modified when it was made (and the same input gives the same bytes).
  doc.setModificationDate(metadata.creationDate);
  doc.setLanguage(metadata.language);
}
