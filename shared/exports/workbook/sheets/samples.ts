/**
 * The sample items: one row per item of every test, with the tickmark of each attribute (A, B, C… up to
 * the most attributes of any test; the meaning of each letter is on the Tests sheet), the note and the
 * evidence. An item with an exception is highlighted, its X cells more strongly.
 */
import { attributeLetter, markOutcome, type SampleItem } from '../../../domain/fieldwork';
import { date, long, mark, number, text, type Column } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';
import { exceptionNumbers, fileNames, yes } from '../words';

function batchLabel(item: SampleItem): string {
  return item.batch === 0 ? 'Initial selection' : `Expansion ${item.batch}`;
}

function attributeColumns(ctx: WorkbookContext): Column<SampleItem>[] {
  return Array.from({ length: ctx.maxAttributes }, (_, i) =>
    mark<SampleItem>(attributeLetter(i), (item) => {
      const attribute = ctx.testById.get(item.testId)?.attributes[i];
      const markId = attribute ? item.marks[attribute.id] : undefined;
      if (!markId) return null;
      const entry = ctx.legendById.get(markId);
      return entry ? { symbol: entry.symbol, outcome: entry.outcome } : { symbol: '?', outcome: null };
    }),
  );
}

export function samplesSheet(ctx: WorkbookContext): TableSpec<SampleItem> {
  const hasException = (item: SampleItem): boolean =>
    Object.values(item.marks).some((m) => markOutcome(m, ctx.legend) === 'exception');
  const columns: Column<SampleItem>[] = [
    text('Test', (i) => ctx.testReference(i.testId), { maxWidth: 18 }),
    number('#', (i) => i.position, { minWidth: 5 }),
    text('Batch', batchLabel, { maxWidth: 16 }),
    text('Item', (i) => i.key, { maxWidth: 30 }),
    date('Date', (i) => i.date),
    number('Row in population file', (i) => i.row),
    text('Part of period', (i) => i.stratum, { maxWidth: 12 }),
    text('Outside period', (i) => yes(i.outsidePeriod), { tone: (i) => (i.outsidePeriod ? 'warn' : null) }),
    ...attributeColumns(ctx),
    text('Deviation', (i) => yes(hasException(i))),
    text('Exceptions', (i) => exceptionNumbers(ctx.exceptionsByItem.get(i.id) ?? []), { maxWidth: 16 }),
    long('Note', (i) => i.note, { maxWidth: 50 }),
    long('Evidence', (i) => fileNames(ctx.evidenceFor('sample-item', i.id)), { maxWidth: 40 }),
  ];
  return {
    name: 'Samples',
    columns,
    rows: ctx.items,
    rowTone: (i) => (hasException(i) ? 'bad' : null),
    frozenColumns: 2,
  };
}
