/**
 * Writing laid-out pages into the PDF: the running header and footer ("Page X of Y"), the watermark over
 * every page, fonts and the translucent graphics state in each page's resources, and TOC links.
 */
import { PDFName, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { addLinks } from './catalog';
import { contentStream, facesOf, TRANSLUCENT, type Op, type PageLayout } from './content';
import { FACE_KEYS, type FaceKey, type FontSet } from './fonts';
import type { PdfDocumentModel } from './model';
import type { Typesetter } from './text';
import { BODY, COLOR, PAGE, RUNNING, WATERMARK_OPACITY } from './theme';

/** What is printed on every page besides its content. */
export class PageFurniture {
  private readonly header: Op[];
  private readonly footerLeft: string;
  /** The diagonal watermark and the same words as a small label at the top right. */
  private readonly watermark: Op[];

  constructor(
    model: PdfDocumentModel,
    private readonly ts: Typesetter,
  ) {
    const size = RUNNING.size;
    const label = model.watermark ? ts.fit(model.watermark, BODY.width / 3, { size, bold: true }) : null;
    const header = ts.fit(model.runningHeader, BODY.width - (label ? label.width + 18 : 0), { size });
    const rule = (y: number): Op => ({
      kind: 'line',
      x1: BODY.left,
      y1: y,
      x2: BODY.right,
      y2: y,
      color: COLOR.rule,
      width: 0.5,
    });
    this.header = [
      { kind: 'text', x: BODY.left, baseline: RUNNING.headerBaseline, size, color: COLOR.grey, line: header },
      rule(RUNNING.headerRule),
      rule(RUNNING.footerRule),
    ];
    this.footerLeft = model.runningFooter;
    this.watermark =
      model.watermark && label
        ? [
            watermarkOp(model.watermark, ts),
            {
              kind: 'text',
              x: BODY.right - label.width,
              baseline: RUNNING.headerBaseline,
              size,
              color: COLOR.accent,
              line: label,
            },
          ]
        : [];
  }

  /** The ops added to page `index` (0-based) of `total`. */
  ops(page: PageLayout, index: number, total: number): Op[] {
    const ops: Op[] = [];
    if (page.running) {
      const size = RUNNING.size;
      const number = this.ts.fit(`Page ${index + 1} of ${total}`, BODY.width / 2, { size });
      const left = this.ts.fit(this.footerLeft, BODY.width - number.width - 24, { size });
      ops.push(
        ...this.header,
        { kind: 'text', x: BODY.left, baseline: RUNNING.footerBaseline, size, color: COLOR.grey, line: left },
        {
          kind: 'text',
          x: BODY.right - number.width,
          baseline: RUNNING.footerBaseline,
          size,
          color: COLOR.grey,
          line: number,
        },
      );
    }
    ops.push(...this.watermark);
    return ops;
  }
}

/**
 * The watermark text, large and diagonal (corner to corner), centred on the page, in light grey. Text
 * extraction reads it as a single space (ActualText): poppler and others cut rotated text into fragments that
 * would land in the middle of the page's lines; the label at the top right carries the words instead.
 */
function watermarkOp(text: string, ts: Typesetter): Op {
  const angle = (Math.atan2(PAGE.height, PAGE.width) * 180) / Math.PI;
  const unit = ts.wrap([{ text }], Number.POSITIVE_INFINITY, { size: 1, bold: true })[0];
  const diagonal = Math.hypot(PAGE.width, PAGE.height);
  const size = Math.max(24, Math.min(150, (diagonal * 0.6) / Math.max(unit?.width ?? 1, 0.01)));
  const line = ts.wrap([{ text }], Number.POSITIVE_INFINITY, { size, bold: true })[0] ?? {
    chunks: [],
    width: 0,
  };
  const rad = (angle * Math.PI) / 180;
  const [dx, dy] = [Math.cos(rad), Math.sin(rad)];
  const capHeight = ts.fonts.faces.bold.capHeight * size;
  // Start of the baseline, so that the middle of the text (half its width along, half the capitals up) is
  // the centre of the page. PDF y grows upwards; the op's baseline is top-down.
  const x = PAGE.width / 2 - (line.width / 2) * dx + (capHeight / 2) * dy;
  const y = PAGE.height / 2 - (line.width / 2) * dy - (capHeight / 2) * dx;
  return {
    kind: 'text',
    x,
    baseline: PAGE.height - y,
    size,
    color: COLOR.watermark,
    line,
    angle,
    translucent: true,
    actualText: ' ',
  };
}

/** Adds the pages to the PDF, one content stream each; calls `tick` after every page. */
export async function writePages(
  doc: PDFDocument,
  fonts: FontSet,
  layouts: readonly PageLayout[],
  furniture: PageFurniture,
  tick: () => Promise<void>,
): Promise<PDFPage[]> {
  const pages = layouts.map(() => doc.addPage([PAGE.width, PAGE.height]));
  const translucent = doc.context.register(
    doc.context.obj({ Type: 'ExtGState', ca: WATERMARK_OPACITY, CA: WATERMARK_OPACITY }),
  );
  const embedded = new Map<FaceKey, PDFFont>();
  const resources = {
    name: (face: FaceKey) => `F${FACE_KEYS.indexOf(face)}`,
    encode: (face: FaceKey, text: string) => {
      const font = embedded.get(face);
      if (!font) throw new Error(`The ${face} font was used before it was embedded.`);
      return font.encodeText(text).toString();
    },
  };
  for (let index = 0; index < layouts.length; index += 1) {
    const layout = layouts[index];
    const page = pages[index];
    if (!layout || !page) continue;
    const ops = [...layout.ops, ...furniture.ops(layout, index, layouts.length)];
    for (const face of facesOf(ops)) {
      let font = embedded.get(face);
      if (!font) {
        font = await fonts.pdfFont(doc, face);
        embedded.set(face, font);
      }
      page.node.setFontDictionary(PDFName.of(resources.name(face)), font.ref);
    }
    page.node.setExtGState(PDFName.of(TRANSLUCENT), translucent);
    const stream = doc.context.flateStream(contentStream(ops, resources));
    page.node.addContentStream(doc.context.register(stream));
    addLinks(doc, pages, page, layout.links);
    await tick();
  }
  return pages;
}
