/**
 * The cover page (no running header or footer) and the opening of each section: its kicker ("Section I"),
 * its title and a rule, at the top of a new page.
 */
import { Flow } from './flow';
import type { PdfCover } from './model';
import { placeRow, type RowSpec } from './rows';
import type { Typesetter } from './text';
import { BODY, COLOR, LEADING, PAGE, SIZE, type Color } from './theme';

const COVER_TOP = 72;
const COVER_BOTTOM = PAGE.height - 64;

/** Starts a new page with the section's kicker and title; what follows starts as if at the top of a page. */
export function placeSectionOpener(
  flow: Flow,
  title: string,
  kicker: string | undefined,
  ts: Typesetter,
): void {
  flow.newPage();
  if (kicker) {
    for (const line of ts.wrap([{ text: kicker }], BODY.width, { size: SIZE.kicker, bold: true })) {
      flow.line(line, BODY.left, SIZE.kicker, SIZE.kicker * 1.5, COLOR.accent);
    }
  }
  for (const line of ts.wrap([{ text: title }], BODY.width, { size: SIZE.sectionTitle, bold: true })) {
    flow.line(line, BODY.left, SIZE.sectionTitle, SIZE.sectionTitle * 1.25, COLOR.text);
  }
  flow.skip(8);
  flow.add({
    kind: 'line',
    x1: BODY.left,
    y1: flow.y,
    x2: BODY.right,
    y2: flow.y,
    color: COLOR.accent,
    width: 1,
  });
  flow.skip(20);
  flow.markFresh();
}

export function layoutCover(cover: PdfCover, ts: Typesetter): Flow {
  const flow = new Flow(false, COVER_TOP, COVER_BOTTOM);
  flow.newPage();
  flow.y = 168;
  flow.add({ kind: 'rect', x: BODY.left, y: flow.y, w: 44, h: 3.5, fill: COLOR.accent });
  flow.skip(18);
  const lines = (text: string, size: number, lineHeight: number, color: Color, bold = false) => {
    for (const line of ts.wrap([{ text }], BODY.width, { size, bold }))
      flow.line(line, BODY.left, size, lineHeight, color);
  };
  lines(cover.kicker, SIZE.coverKicker, SIZE.coverKicker * 1.4, COLOR.accent, true);
  flow.skip(6);
  lines(cover.title, SIZE.coverTitle, SIZE.coverTitle * 1.2, COLOR.text, true);
  flow.skip(10);
  for (const subtitle of cover.subtitle)
    lines(subtitle, SIZE.coverSubtitle, SIZE.coverSubtitle * 1.45, COLOR.grey);
  flow.skip(30);
  placeCoverFacts(flow, cover.facts, ts);
  placeCoverFoot(flow, cover, ts);
  return flow;
}

function placeCoverFacts(flow: Flow, facts: PdfCover['facts'], ts: Typesetter): void {
  const size = SIZE.body;
  const labelWidth = 150;
  for (const fact of facts) {
    const row: RowSpec = {
      cells: [
        {
          x: BODY.left,
          width: labelWidth,
          lines: ts.wrap([{ text: fact.label }], labelWidth - 12, { size, bold: true }),
          size,
          color: COLOR.grey,
          padX: 0,
        },
        {
          x: BODY.left + labelWidth,
          width: BODY.width - labelWidth,
          lines: ts.wrap([{ text: fact.value }], BODY.width - labelWidth, { size }),
          size,
          color: COLOR.text,
          padX: 0,
        },
      ],
      style: {
        lineHeight: size * LEADING,
        padY: 4.5,
        border: 'below',
        borderColor: COLOR.rule,
        borderWidth: 0.4,
      },
    };
    placeRow(flow, row, {
      capacity: flow.capacity,
      continueOnNewPage: () => flow.newPage(),
      keepTogether: true,
      minFirst: 2,
      minLast: 1,
    });
  }
}

/** The firm and the notices, set at the foot of the cover (or right after the facts when they are long). */
function placeCoverFoot(flow: Flow, cover: PdfCover, ts: Typesetter): void {
  const size = SIZE.small;
  const lineHeight = size * LEADING;
  const notices = cover.notice.map((runs) => ts.wrap(runs, BODY.width, { size }));
  const firm = ts.wrap([{ text: cover.firm }], BODY.width, { size: SIZE.coverFirm, bold: true });
  const firmLineHeight = SIZE.coverFirm * 1.4;
  const noticeHeight = notices.reduce((h, n) => h + n.length * lineHeight + 5, 0);
  const height = 12 + firm.length * firmLineHeight + 10 + noticeHeight;
  const target = flow.bottom - height;
  const least = 12 + firm.length * firmLineHeight + 10 + 2 * lineHeight;
  if (flow.y + 24 <= target) flow.y = target;
  else if (flow.fits(24 + least)) flow.skip(24);
  else flow.newPage();
  flow.add({
    kind: 'line',
    x1: BODY.left,
    y1: flow.y,
    x2: BODY.right,
    y2: flow.y,
    color: COLOR.accent,
    width: 0.75,
  });
  flow.skip(12);
  for (const line of firm) flow.line(line, BODY.left, SIZE.coverFirm, firmLineHeight, COLOR.text);
  flow.skip(10);
  const breaks = {
    capacity: flow.capacity,
    continueOnNewPage: () => flow.newPage(),
    keepTogether: false,
    minFirst: 2,
    minLast: 2,
  };
  for (const lines of notices) {
    placeRow(
      flow,
      {
        cells: [{ x: BODY.left, width: BODY.width, lines, size, color: COLOR.grey, padX: 0 }],
        style: { lineHeight, padY: 0 },
      },
      breaks,
    );
    flow.skip(5);
  }
}
