/**
 * The look of the report: page geometry, type sizes and the few colours. Black text, one muted blue accent
 * for rules and shading, so the report prints well in grey as well as in colour.
 */

/** An RGB colour, each channel 0..1. */
export type Color = readonly [number, number, number];

/** US Letter portrait, in points. */
export const PAGE = { width: 612, height: 792 } as const;

/** The text block. Distances are from the page's top-left corner (the layout works top-down). */
export const BODY = {
  left: 72,
  right: PAGE.width - 72,
  width: PAGE.width - 144,
  top: 76,
  bottom: PAGE.height - 70,
} as const;

/** Where the running header and footer sit (baselines, top-down) and the rules beside them. */
export const RUNNING = {
  headerBaseline: 44,
  headerRule: 52,
  footerRule: PAGE.height - 54,
  footerBaseline: PAGE.height - 40,
  size: 8,
} as const;

export const SIZE = {
  body: 10,
  small: 8.5,
  table: 9,
  tableSmall: 8,
  h2: 13,
  h3: 10.5,
  kicker: 10,
  sectionTitle: 20,
  tocEntry: 10,
  coverKicker: 12,
  coverTitle: 28,
  coverSubtitle: 13,
  coverFirm: 11,
} as const;

/** Line height as a multiple of the font size. */
export const LEADING = 1.4;

/** Where the baseline sits in a line box of height `lineHeight`: the leading split above and below. */
export function baselineOffset(size: number, lineHeight: number): number {
  return (lineHeight - size) / 2 + 0.8 * size;
}

export const COLOR = {
  text: [0, 0, 0],
  /** Secondary text: running header and footer, labels, muted rows. */
  grey: [0.36, 0.38, 0.42],
  accent: [0.17, 0.29, 0.45],
  /** Table header rows and framed paragraphs. */
  shade: [0.89, 0.92, 0.95],
  /** Group rows in tables. */
  shadeLight: [0.95, 0.96, 0.975],
  /** Rows a reader should notice (exceptions): a faint warm tint that still prints as light grey. */
  tint: [0.99, 0.95, 0.88],
  rule: [0.62, 0.68, 0.76],
  watermark: [0.45, 0.45, 0.45],
} as const satisfies Record<string, Color>;

/** Opacity of the watermark: visible on every page without hiding the text under it. */
export const WATERMARK_OPACITY = 0.15;

export const SPACE = {
  paragraph: 7,
  listItem: 3,
  afterTable: 12,
  beforeH2: 16,
  afterH2: 6,
  beforeH3: 11,
  afterH3: 4,
  cellX: 5,
  cellY: 3.5,
  boxX: 10,
  boxY: 8,
  listIndent: 6,
  listGap: 6,
} as const;
