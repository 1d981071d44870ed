/**
 * The blocks of a section, measured once (`prepare*`) and then placed on pages. Measuring first tells a
 * heading how much of the next block must fit below it, so a heading never ends a page.
 */
import type { Flow } from './flow';
import type { PdfBlock, Run } from './model';
import { placeRow, rowLead, type RowSpec } from './rows';
import { prepareTable } from './table';
import type { Typesetter } from './text';
import { BODY, COLOR, LEADING, SIZE, SPACE } from './theme';

/** What placing needs besides the flow: progress, cancellation and the table of contents. */
export interface Placement {
  flow: Flow;
  /** Reports `units` of work done and lets a cancel through (may throw `ExportCancelledError`). */
  tick(units: number): Promise<void>;
  /** A level-2 heading listed in the table of contents starts at the cursor. */
  heading(text: string): void;
}

export interface PreparedBlock {
  /** Height of the block's start, which must fit on the page together with a heading before it. */
  lead: number;
  place(p: Placement, next: PreparedBlock | undefined): Promise<void> | void;
}

/** Measures every block; a heading's lead includes the lead of what follows it. */
export function prepareBlocks(blocks: readonly PdfBlock[], ts: Typesetter): PreparedBlock[] {
  const prepared = blocks.map((block) => prepareBlock(block, ts));
  for (let i = prepared.length - 2; i >= 0; i -= 1) {
    const block = blocks[i];
    const item = prepared[i];
    if (block?.kind === 'heading' && item) item.lead += prepared[i + 1]?.lead ?? 0;
  }
  return prepared;
}

function prepareBlock(block: PdfBlock, ts: Typesetter): PreparedBlock {
  switch (block.kind) {
    case 'heading':
      return prepareHeading(block.level, block.text, block.toc !== false && block.level === 2, ts);
    case 'paragraph':
      return block.box ? prepareBox(block.runs, ts) : prepareParagraph(block, ts);
    case 'list':
      return prepareList(block.ordered, block.items, ts);
    case 'table':
      return prepareTable(block, ts);
    case 'facts':
      return prepareFacts(block.rows, ts);
    case 'spacer':
      return { lead: 0, place: ({ flow }) => (flow.fresh ? undefined : flow.skip(block.height)) };
    case 'pageBreak':
      return { lead: 0, place: ({ flow }) => (flow.fresh ? undefined : flow.newPage()) };
  }
}

/** Lines that flow on to the next page (at least two at the foot and two carried over). */
function flowing(flow: Flow) {
  return {
    capacity: flow.capacity,
    continueOnNewPage: () => flow.newPage(),
    keepTogether: false,
    minFirst: 2,
    minLast: 2,
  };
}

function prepareHeading(level: 2 | 3, text: string, inToc: boolean, ts: Typesetter): PreparedBlock {
  const size = level === 2 ? SIZE.h2 : SIZE.h3;
  const lineHeight = size * 1.3;
  const before = level === 2 ? SPACE.beforeH2 : SPACE.beforeH3;
  const after = level === 2 ? SPACE.afterH2 : SPACE.afterH3;
  const lines = ts.wrap([{ text }], BODY.width, { size, bold: true });
  const height = lines.length * lineHeight + after;
  return {
    lead: before + height,
    place(p, next) {
      const { flow } = p;
      const need = before + height + (next?.lead ?? 0);
      if (!flow.fresh && !flow.fits(need)) flow.newPage();
      if (!flow.fresh) flow.skip(before);
      if (inToc) p.heading(text);
      for (const line of lines) flow.line(line, BODY.left, size, lineHeight, COLOR.text);
      flow.skip(after);
    },
  };
}

function prepareParagraph(block: Extract<PdfBlock, { kind: 'paragraph' }>, ts: Typesetter): PreparedBlock {
  const size = block.size === 'small' ? SIZE.small : SIZE.body;
  const lines = ts.wrap(block.runs, BODY.width, { size, align: block.align ?? 'left' });
  const row: RowSpec = {
    cells: [{ x: BODY.left, width: BODY.width, lines, size, color: COLOR.text, padX: 0 }],
    style: { lineHeight: size * LEADING, padY: 0 },
  };
  return {
    lead: lines.length > 0 ? rowLead(row) : 0,
    place({ flow }) {
      if (lines.length === 0) return;
      placeRow(flow, row, flowing(flow));
      flow.skip(SPACE.paragraph);
    },
  };
}

/** A framed, shaded paragraph; when it runs over a page, each part is framed. */
function prepareBox(runs: readonly Run[], ts: Typesetter): PreparedBlock {
  const size = SIZE.body;
  const lines = ts.wrap(runs, BODY.width - 2 * SPACE.boxX, { size });
  const row: RowSpec = {
    cells: [{ x: BODY.left, width: BODY.width, lines, size, color: COLOR.text, padX: SPACE.boxX }],
    style: {
      lineHeight: size * LEADING,
      padY: SPACE.boxY,
      fill: COLOR.shadeLight,
      border: 'box',
      borderColor: COLOR.accent,
      borderWidth: 0.75,
    },
  };
  return {
    lead: rowLead(row),
    place({ flow }) {
      placeRow(flow, row, flowing(flow));
      flow.skip(SPACE.paragraph + 3);
    },
  };
}

/** Bullets or numbers in a hanging indent: wrapped lines align with the text, not the marker. */
function prepareList(ordered: boolean, items: readonly Run[][], ts: Typesetter): PreparedBlock {
  const size = SIZE.body;
  const markerX = BODY.left + SPACE.listIndent;
  const markerWidth = ordered
    ? Math.max(14, ts.width('regular', `${items.length}.`, size)) + SPACE.listGap
    : 12;
  const textX = markerX + markerWidth;
  const rows: RowSpec[] = items.map((runs, i) => {
    const marker = ordered
      ? ts.wrap([{ text: `${i + 1}.` }], markerWidth - SPACE.listGap, { size, align: 'right' })
      : ts.wrap([{ text: '\u2022' }], markerWidth, { size });
    return {
      cells: [
        { x: markerX, width: markerWidth, lines: marker, size, color: COLOR.text, padX: 0 },
        {
          x: textX,
          width: BODY.right - textX,
          lines: ts.wrap(runs, BODY.right - textX, { size }),
          size,
          color: COLOR.text,
          padX: 0,
        },
      ],
      style: { lineHeight: size * LEADING, padY: 0 },
    };
  });
  return {
    lead: rows[0] ? rowLead(rows[0]) : 0,
    place({ flow }) {
      rows.forEach((row, i) => {
        if (i > 0) flow.skip(SPACE.listItem);
        placeRow(flow, row, flowing(flow));
      });
      if (rows.length > 0) flow.skip(SPACE.paragraph);
    },
  };
}

/** Label/value pairs in two columns, a light rule under each pair. */
function prepareFacts(facts: readonly { label: string; value: Run[] }[], ts: Typesetter): PreparedBlock {
  const size = SIZE.body;
  const labelWidth = Math.min(170, BODY.width * 0.34);
  const gap = 12;
  const rows: RowSpec[] = facts.map(({ label, value }) => ({
    cells: [
      {
        x: BODY.left,
        width: labelWidth,
        lines: ts.wrap([{ text: label }], labelWidth - gap, { size, bold: true }),
        size,
        color: COLOR.grey,
        padX: 0,
      },
      {
        x: BODY.left + labelWidth,
        width: BODY.width - labelWidth,
        lines: ts.wrap(value, BODY.width - labelWidth, { size }),
        size,
        color: COLOR.text,
        padX: 0,
      },
    ],
    style: {
      lineHeight: size * LEADING,
      padY: 4,
      border: 'below',
      borderColor: COLOR.rule,
      borderWidth: 0.4,
    },
  }));
  return {
    lead: rows[0] ? rowLead(rows[0]) : 0,
    place({ flow }) {
      const breaks = {
        capacity: flow.capacity,
        continueOnNewPage: () => flow.newPage(),
        keepTogether: true,
        minFirst: 2,
        minLast: 1,
      };
      for (const row of rows) placeRow(flow, row, breaks);
      if (rows.length > 0) flow.skip(SPACE.paragraph + 3);
    },
  };
}
