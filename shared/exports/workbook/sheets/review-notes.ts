/** The review notes: raised on which workpaper and by whom, the response, and whether they are cleared. */
import {
  formatNoteNumber,
  REVIEW_NOTE_STATUS_LABELS,
  type NoteTarget,
  type ReviewNote,
} from '../../../domain/review';
import { live } from '../../../domain/snapshot';
import { datetime, long, number, text, type Column } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';

export function workpaperName(ctx: WorkbookContext, key: string): string {
  const info = ctx.workpaper(key);
  return info ? `${info.reference} ${info.title}` : 'A removed workpaper';
}

function target(t: NoteTarget): string {
  if (t.kind === 'workpaper') return 'The whole workpaper';
  return t.kind === 'field' ? t.label : `Sample item ${t.label}`;
}

export function reviewNotesSheet(ctx: WorkbookContext): TableSpec<ReviewNote> {
  const rows = live(ctx.snapshot.reviewNotes).sort((a, b) => a.number - b.number);
  const columns: Column<ReviewNote>[] = [
    text('Note', (n) => formatNoteNumber(n.number), { maxWidth: 8 }),
    text('Workpaper', (n) => workpaperName(ctx, n.workpaper)),
    text('About', (n) => target(n.target), { maxWidth: 24 }),
    long('Note text', (n) => n.text),
    text('Raised by', (n) => n.raisedByName || ctx.personName(n.raisedBy), { maxWidth: 22 }),
    datetime('Raised', (n) => n.raisedAt),
    text('Assigned to', (n) => ctx.personName(n.assignedTo), { maxWidth: 22 }),
    long('Response', (n) => n.response),
    text('Responded by', (n) => n.respondedByName || ctx.personName(n.respondedBy), { maxWidth: 22 }),
    datetime('Responded', (n) => n.respondedAt),
    text('Status', (n) => REVIEW_NOTE_STATUS_LABELS[n.status], {
      maxWidth: 12,
      tone: (n) => (n.status === 'cleared' ? 'good' : 'warn'),
    }),
    text('Cleared by', (n) => n.clearedByName || ctx.personName(n.clearedBy), { maxWidth: 22 }),
    datetime('Cleared', (n) => n.clearedAt),
    number('Times reopened', (n) => n.reopened),
  ];
  return { name: 'Review notes', columns, rows };
}
