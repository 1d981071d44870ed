/**
 * The table of contents: sections (with their kicker in a column of its own) and their level-2 headings,
 * dotted leaders, the page number where each starts, and a link to it. Laid out twice by `render.ts`: once
 * to learn how many pages it takes, once with the real numbers.
 */
import { placeSectionOpener } from './cover';
import { Flow } from './flow';
import type { Typesetter } from './text';
import { BODY, COLOR, baselineOffset } from './theme';

export interface TocItem {
  id: string;
  title: string;
  level: 1 | 2;
  kicker?: string;
  /** Index of the page in the whole document (0 = cover), and the top-down position of the start. */
  page: number;
  top: number;
}

const NUMBER_COLUMN = 36;
const SIZE_1 = 10.5;
const SIZE_2 = 10;

export function layoutToc(
  title: string,
  items: readonly TocItem[],
  ts: Typesetter,
  label: (item: TocItem) => string,
): Flow {
  const flow = new Flow(true);
  placeSectionOpener(flow, title, undefined, ts);
  const kickers = items
    .filter((i) => i.level === 1 && i.kicker)
    .map((i) => ts.width('bold', i.kicker ?? '', SIZE_1));
  const kickerColumn = kickers.length > 0 ? Math.min(Math.max(...kickers) + 16, 150) : 0;
  items.forEach((item, index) => {
    const level1 = item.level === 1;
    const size = level1 ? SIZE_1 : SIZE_2;
    const lineHeight = size * 1.45;
    const x = BODY.left + kickerColumn + (level1 ? 0 : 14);
    const lines = ts.wrap([{ text: item.title }], BODY.right - NUMBER_COLUMN - x, { size, bold: level1 });
    const before = index === 0 ? 0 : level1 ? 9 : 2;
    const height = lines.length * lineHeight;
    if (!flow.fits(before + height)) flow.newPage();
    else flow.skip(before);
    const top = flow.y;
    if (level1 && item.kicker) {
      const kicker = ts.fit(item.kicker, kickerColumn - 8, { size, bold: true });
      flow.add({
        kind: 'text',
        x: BODY.left,
        baseline: top + baselineOffset(size, lineHeight),
        size,
        color: COLOR.accent,
        line: kicker,
      });
    }
    lines.forEach((line) => flow.line(line, x, size, lineHeight, COLOR.text));
    const baseline = flow.y - lineHeight + baselineOffset(size, lineHeight);
    const number = ts.fit(label(item), NUMBER_COLUMN, { size, bold: level1 });
    const numberX = BODY.right - number.width;
    flow.add({ kind: 'text', x: numberX, baseline, size, color: COLOR.text, line: number });
    const lastWidth = lines[lines.length - 1]?.width ?? 0;
    const from = x + lastWidth + 6;
    const to = numberX - 6;
    if (to - from > 8) {
      flow.add({
        kind: 'line',
        x1: from,
        y1: baseline,
        x2: to,
        y2: baseline,
        color: COLOR.grey,
        width: 0.9,
        dotted: true,
      });
    }
    flow.link({ x: BODY.left, y: top, w: BODY.width, h: height, page: item.page, top: item.top });
  });
  return flow;
}
