/**
 * The cursor that fills pages top-down: where the next line goes, how much room is left, and when a new
 * page starts. Blocks decide where to break; the flow only records what they draw.
 */
import type { LinkArea, Op, PageLayout } from './content';
import type { Line } from './text';
import { BODY, baselineOffset, type Color } from './theme';

const EPSILON = 0.01;

export class Flow {
  readonly pages: PageLayout[] = [];
  /** Top-down position of the next thing drawn. */
  y: number = BODY.top;
  private freshY: number = BODY.top;

  constructor(
    private readonly running: boolean,
    readonly top: number = BODY.top,
    readonly bottom: number = BODY.bottom,
  ) {}

  /** Index of the current page among this flow's pages. */
  get pageIndex(): number {
    return this.pages.length - 1;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  /** Height of an empty page. */
  get capacity(): number {
    return this.bottom - this.top;
  }

  /** Nothing was drawn since the page started (or since `markFresh`, e.g. after a repeated table header). */
  get fresh(): boolean {
    return this.pages.length > 0 && this.y <= this.freshY + EPSILON;
  }

  fits(height: number): boolean {
    return height <= this.remaining + EPSILON;
  }

  newPage(): void {
    this.pages.push({ ops: [], links: [], running: this.running });
    this.y = this.top;
    this.freshY = this.top;
  }

  /** Treat the current position as the start of the page (what precedes it is a page furniture). */
  markFresh(): void {
    this.freshY = this.y;
  }

  /** Moves down by `height`, but never past the foot of the page. */
  skip(height: number): void {
    this.y = Math.min(this.y + height, this.bottom);
  }

  add(op: Op): void {
    this.current().ops.push(op);
  }

  link(area: LinkArea): void {
    this.current().links.push(area);
  }

  /** Draws one line of text at `x` in a box of `lineHeight` at the cursor, and moves below it. */
  line(line: Line, x: number, size: number, lineHeight: number, color: Color): void {
    this.add({ kind: 'text', x, baseline: this.y + baselineOffset(size, lineHeight), size, color, line });
    this.y += lineHeight;
  }

  private current(): PageLayout {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('The layout drew before starting a page.');
    return page;
  }
}
