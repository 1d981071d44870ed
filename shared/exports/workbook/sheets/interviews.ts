/** The interviews (inquiry): who was asked what and when, what they said, and the follow-ups. */
import { describePerson, type Interview } from '../../../domain/fieldwork';
import { formatRequestNumber } from '../../../domain/planning';
import { live } from '../../../domain/snapshot';
import { date, long, text, type Column } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';
import { fileNames } from '../words';

export const references = (ctx: WorkbookContext, ids: readonly string[]): string =>
  ids
    .map((id) => ctx.controlReference(id))
    .filter(Boolean)
    .join(', ');

function followUps(ctx: WorkbookContext, interview: Interview): string {
  return interview.followUps
    .map((f) => {
      const request = f.requestId ? ctx.snapshot.requests.find((r) => r.id === f.requestId) : undefined;
      const asked = request ? ` (${formatRequestNumber(request.number)})` : '';
      return `${f.done ? 'Done' : 'Open'}: ${f.text}${asked}`;
    })
    .join('\n');
}

export function interviewsSheet(ctx: WorkbookContext): TableSpec<Interview> {
  const rows = live(ctx.snapshot.interviews).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const columns: Column<Interview>[] = [
    text('Interview', (i) => ctx.workpaper(`interview:${i.id}`)?.reference ?? '', { maxWidth: 10 }),
    text('Title', (i) => i.title),
    date('Date', (i) => i.date),
    text('Place', (i) => i.place, { maxWidth: 30 }),
    long('Interviewees', (i) => i.interviewees.map(describePerson).join('\n'), { maxWidth: 40 }),
    text('Auditors', (i) => ctx.peopleNames(i.auditorIds), { maxWidth: 24 }),
    long('Topics', (i) => i.topics, { maxWidth: 50 }),
    text('Controls', (i) => references(ctx, i.controlIds), { maxWidth: 24 }),
    text('Criteria', (i) => i.criteria.join(', '), { maxWidth: 20 }),
    long('Notes', (i) => i.notes, { maxWidth: 80 }),
    long('Follow-ups', (i) => followUps(ctx, i), { maxWidth: 50 }),
    long('Evidence', (i) => fileNames(ctx.evidenceFor('interview', i.id)), { maxWidth: 40 }),
  ];
  return { name: 'Interviews', columns, rows };
}
