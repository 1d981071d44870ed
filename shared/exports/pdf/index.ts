/**
 * The PDF layout engine: `renderPdf` turns a document model (`model.ts`) into PDF bytes with embedded,
 * subset Noto fonts, a table of contents, bookmarks, running header and footer, and an optional watermark.
 */
export { renderPdf } from './render';
export type * from './model';
