/**
 * A document model as plain text, in reading order: for reading the prose whole, for tests that look for
 * sentences, and for anyone who wants the report's words without laying out pages.
 */
import type { PdfBlock, PdfDocumentModel, Run, TableRow } from '../pdf/model';

export const runText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');

/** One block as text lines; table cells are separated by ` | `, a group row is framed by `==`. */
export function blockToText(block: PdfBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return ['', `${block.level === 2 ? '##' : '###'} ${block.text}`];
    case 'paragraph':
      return [block.box ? `[${runText(block.runs)}]` : runText(block.runs)];
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${runText(item)}`);
    case 'table':
      return [
        ...(block.caption ? [block.caption] : []),
        block.columns.map((c) => c.header).join(' | '),
        ...block.rows.map(rowToText),
      ];
    case 'facts':
      return block.rows.map((r) => `${r.label}: ${runText(r.value)}`);
    default:
      return [];
  }
}

function rowToText(row: TableRow): string {
  if (row.kind === 'group') return `== ${runText(row.runs)} ==`;
  return row.cells.map(runText).join(' | ');
}

export function modelToText(model: PdfDocumentModel): string {
  const lines: string[] = [];
  if (model.watermark) lines.push(`(watermark: ${model.watermark})`);
  const { cover } = model;
  lines.push(cover.kicker, cover.title, ...cover.subtitle, '');
  lines.push(...cover.facts.map((f) => `${f.label}: ${f.value}`), '');
  lines.push(...cover.notice.map(runText), cover.firm);
  if (model.toc) {
    lines.push(
      '',
      `# ${model.toc.title}`,
      ...model.sections.map((s) => `${s.kicker ? `${s.kicker}: ` : ''}${s.title}`),
    );
  }
  for (const section of model.sections) {
    lines.push('', `# ${section.kicker ? `${section.kicker} — ` : ''}${section.title}`);
    for (const block of section.blocks) lines.push(...blockToText(block));
  }
  return `${lines.join('\n')}\n`;
}

/** The text of one section (by id), or '' when the model has no such section. */
export function sectionText(model: PdfDocumentModel, id: string): string {
  const section = model.sections.find((s) => s.id === id);
  return section ? section.blocks.flatMap(blockToText).join('\n') : '';
}
