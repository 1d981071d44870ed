/**
 * From the structured text of description sections, the assertion and template paragraphs to PDF blocks,
 * plus the few run helpers every section builder uses.
 */
import { parseBlocks, runsText, type TextRun } from '../../formats/markdown';
import type { PdfBlock, Run } from '../pdf/model';

export interface StructuredTextOptions {
  /**
   * Inside a section that already has a level-2 heading (a description section), every heading of the text
   * becomes level 3 so that it neither enters the table of contents nor outranks the section title.
   */
  nested?: boolean;
}

/**
 * Converts structured text to PDF blocks: `#` headings to level 2 and `##`/`###` to level 3 (all level 3
 * when nested), paragraphs and lists with their bold and italic runs, tables with equal column widths.
 */
export function blocksFromStructuredText(text: string, options: StructuredTextOptions = {}): PdfBlock[] {
  return parseBlocks(text).map((block): PdfBlock => {
    switch (block.kind) {
      case 'heading':
        return {
          kind: 'heading',
          level: block.level === 1 && !options.nested ? 2 : 3,
          text: runsText(block.runs).trim(),
        };
      case 'paragraph':
        return { kind: 'paragraph', runs: toRuns(block.runs) };
      case 'list':
        return { kind: 'list', ordered: block.ordered, items: block.items.map(toRuns) };
      default:
        return {
          kind: 'table',
          columns: block.header.map((cell) => ({ header: runsText(cell).trim(), width: 1 })),
          rows: block.rows.map((cells) => ({ kind: 'row', cells: cells.map(toRuns) })),
        };
    }
  });
}

/** Markdown runs as PDF runs, without empty pieces (an empty cell stays one empty run). */
function toRuns(runs: readonly TextRun[]): Run[] {
  const out = runs
    .filter((r) => r.text !== '')
    .map((r): Run => ({
      text: r.text,
      ...(r.bold ? { bold: true } : {}),
      ...(r.italic ? { italic: true } : {}),
    }));
  return out.length > 0 ? out : [{ text: '' }];
}

export const plain = (text: string): Run[] => [{ text }];
export const bold = (text: string): Run => ({ text, bold: true });
export const italic = (text: string): Run => ({ text, italic: true });

export function paragraph(
  runs: Run[] | string,
  extra: Partial<Extract<PdfBlock, { kind: 'paragraph' }>> = {},
): PdfBlock {
  return { kind: 'paragraph', runs: typeof runs === 'string' ? plain(runs) : runs, ...extra };
}

export function heading(text: string, level: 2 | 3 = 2, toc = true): PdfBlock {
  return toc ? { kind: 'heading', level, text } : { kind: 'heading', level, text, toc: false };
}

/** The visible marker for something a draft still lacks, e.g. "[Not yet written]". */
export function gapMarker(text: string): PdfBlock {
  return paragraph([italic(text)]);
}
