/**
 * `renderPdf`: a document model in, PDF bytes out. Lays out the cover, then the body once (each section on
 * new pages), then the table of contents until its own page count is stable (its numbers depend on how many
 * pages it takes), and finally writes every page, the outline, links and metadata.
 *
 * Pure: pdf-lib and fontkit only, so it runs in a browser Worker, in Node (tests, the command line) alike.
 */
import { PDFDocument } from 'pdf-lib';
import { throwIfCancelled, yielder } from '../progress';
import { prepareBlocks, type Placement } from './blocks';
import { writeMetadata, writeOutline, type OutlineNode } from './catalog';
import { layoutCover, placeSectionOpener } from './cover';
import { Flow } from './flow';
import { FontSet } from './fonts';
import type { PdfBlock, PdfDocumentModel, PdfFonts, PdfTocEntry, RenderedPdf, RenderOptions } from './model';
import { PageFurniture, writePages } from './pages';
import { Typesetter } from './text';
import { layoutToc, type TocItem } from './toc';

/** Share of the progress bar for laying out (the rest is writing pages and saving). */
const LAYOUT_SHARE = 0.55;
const WRITE_SHARE = 0.35;

export async function renderPdf(
  model: PdfDocumentModel,
  fonts: PdfFonts,
  options: RenderOptions = {},
): Promise<RenderedPdf> {
  const progress = new Progress(options);
  progress.check();
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fontSet = new FontSet(fonts);
  fontSet.register(doc);
  const ts = new Typesetter(fontSet);

  const cover = layoutCover(model.cover, ts);
  const { body, marks } = await layoutBody(model, ts, progress);
  const toc = model.toc ? layoutStableToc(model.toc.title, marks, cover.pages.length, ts) : null;
  const offset = cover.pages.length + (toc?.pages.length ?? 0);
  const layouts = [...cover.pages, ...(toc?.pages ?? []), ...body.pages];

  progress.phase(LAYOUT_SHARE, WRITE_SHARE, layouts.length);
  const furniture = new PageFurniture(model, ts);
  const pages = await writePages(doc, fontSet, layouts, furniture, () => progress.tick(1));
  const items = marks.map((m) => ({ ...m, page: m.page + offset }));
  writeOutline(doc, pages, outlineOf(items));
  writeMetadata(doc, model.metadata);
  progress.check();
  const bytes = await doc.save();
  progress.check();
  progress.done();
  return {
    bytes,
    pages: layouts.length,
    toc: items.map(({ id, title, level, page }): PdfTocEntry => ({ id, title, level, page: page + 1 })),
    missingCharacters: [...ts.missing],
  };
}

/** Every section from a new page; `marks` are where sections and TOC headings start (body page index). */
async function layoutBody(model: PdfDocumentModel, ts: Typesetter, progress: Progress) {
  const body = new Flow(true);
  const marks: TocItem[] = [];
  progress.phase(
    0,
    LAYOUT_SHARE,
    model.sections.reduce((n, s) => n + blocksUnits(s.blocks), 0),
  );
  for (const section of model.sections) {
    placeSectionOpener(body, section.title, section.kicker, ts);
    marks.push({
      id: section.id,
      title: section.title,
      level: 1,
      ...(section.kicker ? { kicker: section.kicker } : {}),
      page: body.pageIndex,
      top: 0,
    });
    let headings = 0;
    const placement: Placement = {
      flow: body,
      tick: (units) => progress.tick(units),
      heading: (text) => {
        headings += 1;
        marks.push({
          id: `${section.id}.${headings}`,
          title: text,
          level: 2,
          page: body.pageIndex,
          top: body.y,
        });
      },
    };
    const prepared = prepareBlocks(section.blocks, ts);
    for (let i = 0; i < prepared.length; i += 1) {
      await prepared[i]?.place(placement, prepared[i + 1]);
      await progress.tick(1);
    }
  }
  return { body, marks };
}

/** Lays out the TOC until the page count it assumed for itself is the one it takes (usually twice). */
function layoutStableToc(title: string, marks: readonly TocItem[], coverPages: number, ts: Typesetter): Flow {
  let assumed = 1;
  for (let pass = 0; ; pass += 1) {
    const offset = coverPages + assumed;
    const items = marks.map((m) => ({ ...m, page: m.page + offset }));
    const toc = layoutToc(title, items, ts, (item) => String(item.page + 1));
    // Entry heights do not depend on the numbers, so this settles on the second pass; the bound is a guard.
    if (toc.pages.length === assumed || pass >= 5) return toc;
    assumed = toc.pages.length;
  }
}

/** Sections with their level-2 headings as children. */
function outlineOf(items: readonly TocItem[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  for (const item of items) {
    const node: OutlineNode = { title: item.title, page: item.page, top: item.top, children: [] };
    const parent = roots[roots.length - 1];
    if (item.level === 2 && parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function blocksUnits(blocks: readonly PdfBlock[]): number {
  return blocks.reduce((n, b) => n + 1 + (b.kind === 'table' ? b.rows.length : 0), 0);
}

/** Progress over phases (each a share of 0..1), cancellation checks, and yielding to the event loop. */
class Progress {
  private from = 0;
  private share = 0;
  private total = 1;
  private done_ = 0;
  private reported = -1;
  private readonly pause = yielder(8);

  constructor(private readonly options: RenderOptions) {}

  check(): void {
    throwIfCancelled(this.options.signal);
  }

  phase(from: number, share: number, total: number): void {
    this.from = from;
    this.share = share;
    this.total = Math.max(1, total);
    this.done_ = 0;
    this.report(from);
  }

  async tick(units: number): Promise<void> {
    this.check();
    this.done_ += units;
    this.report(this.from + this.share * Math.min(1, this.done_ / this.total));
    await this.pause();
  }

  done(): void {
    this.report(1);
  }

  /** Reports in steps of at least 1 %, so a Worker does not flood its parent with messages. */
  private report(fraction: number): void {
    if (fraction >= 1 || fraction - this.reported >= 0.01) {
      this.reported = fraction;
      this.options.onProgress?.(fraction);
    }
  }
}
