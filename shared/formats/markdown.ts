/**
 * The small structured-text model used for the system description and the assertion: a subset of
 * Markdown that auditors can type without a toolbar and that the screen preview and the PDF builder both
 * render from the same parsed blocks. Supported: headings (#, ##, ###), paragraphs, bullet lists (-, *),
 * numbered lists (1.), tables (pipe rows with a --- separator row), **bold** and *italic*. Anything else is
 * kept as plain text, never dropped.
 */

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; runs: TextRun[] }
  | { kind: 'paragraph'; runs: TextRun[] }
  | { kind: 'list'; ordered: boolean; items: TextRun[][] }
  | { kind: 'table'; header: TextRun[][]; rows: TextRun[][][] };

const HEADING = /^(#{1,3})\s+(.*)$/u;
const BULLET = /^\s*[-*•]\s+(.*)$/u;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/u;
const TABLE_ROW = /^\s*\|.*\|\s*$/u;
const TABLE_SEPARATOR = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/u;

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/gu, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = (heading[1]?.length ?? 1) as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, runs: parseInline(heading[2] ?? '') });
      i += 1;
      continue;
    }
    if (TABLE_ROW.test(line) && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) {
      const header = splitRow(line).map(parseInline);
      const rows: TextRun[][][] = [];
      i += 2;
      while (i < lines.length && TABLE_ROW.test(lines[i] ?? '')) {
        const cells = splitRow(lines[i] ?? '');
        rows.push(header.map((_, c) => parseInline(cells[c] ?? '')));
        i += 1;
      }
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    const listMatch = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (listMatch) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items: TextRun[][] = [];
      while (i < lines.length) {
        const m = pattern.exec(lines[i] ?? '');
        if (m) {
          items.push(parseInline(m[1] ?? ''));
          i += 1;
        } else if (items.length > 0 && /^\s{2,}\S/u.test(lines[i] ?? '')) {
          // An indented continuation line belongs to the previous item.
          items[items.length - 1]?.push({ text: ` ${(lines[i] ?? '').trim()}` });
          i += 1;
        } else break;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i] ?? '';
      if (l.trim() === '' || HEADING.test(l) || BULLET.test(l) || NUMBERED.test(l)) break;
      if (TABLE_ROW.test(l) && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) break;
      para.push(l.trim());
      i += 1;
    }
    blocks.push({ kind: 'paragraph', runs: parseInline(para.join(' ')) });
  }
  return blocks;
}

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/u, '').replace(/\|$/u, '');
  return inner.split(/(?<!\\)\|/u).map((cell) => cell.trim().replace(/\\\|/gu, '|'));
}

/** Splits **bold** and *italic* (or _italic_) runs; unmatched markers stay as typed. */
export function parseInline(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(?!\s)(.+?)\*|(?<![\p{L}\p{N}])_(?!\s)(.+?)_(?![\p{L}\p{N}])/gu;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const index = m.index;
    if (index > last) runs.push({ text: text.slice(last, index) });
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true });
    else runs.push({ text: m[2] ?? m[3] ?? '', italic: true });
    last = index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs.length > 0 ? runs : [{ text: '' }];
}

/** Plain text of some runs (for search, word counts, spreadsheet cells). */
export function runsText(runs: readonly TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Counts words in a section body, for the section list ("412 words"). */
export function countWords(source: string): number {
  return source.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}
