/** The request list (PBC) as it stood at the export, with the files received for each request. */
import type { Request } from '../../../domain/planning';
import { live } from '../../../domain/snapshot';
import { requestValues, type RowValues } from '../../request-list/values';
import { date, long, text, type Column } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';
import { fileNames } from '../words';

interface RequestRow {
  request: Request;
  values: RowValues;
}

export function requestsSheet(ctx: WorkbookContext): TableSpec<RequestRow> {
  const references = new Map(ctx.snapshot.controls.map((c) => [c.id, c.reference]));
  // Overdue as of the export's (UTC) date: the file says what was outstanding when it was made.
  const today = ctx.options.exportedAt.toISOString().slice(0, 10);
  const rows = live(ctx.snapshot.requests)
    .sort((a, b) => a.number - b.number)
    .map((request) => ({ request, values: requestValues(request, references, today) }));
  const columns: Column<RequestRow>[] = [
    text('Request', (r) => r.values.number, { maxWidth: 10 }),
    text('Title', (r) => r.values.title),
    long('Description', (r) => r.values.description),
    text('Type', (r) => r.values.type, { maxWidth: 20 }),
    text('Related controls', (r) => r.values.controls, { maxWidth: 24 }),
    text('Client owner', (r) => r.values.clientOwner, { maxWidth: 24 }),
    text('Auditor contact', (r) => r.values.auditorContact, { maxWidth: 24 }),
    date('Requested', (r) => r.values.requestedOn),
    date('Due', (r) => r.values.dueOn),
    text('Overdue at export', (r) => r.values.overdue, { tone: (r) => (r.values.overdue ? 'bad' : null) }),
    text('Priority', (r) => r.values.priority),
    text('Status', (r) => r.values.status, { maxWidth: 14 }),
    long('Comments', (r) => r.values.comments, { maxWidth: 50 }),
    date('Date provided', (r) => r.values.receivedOn),
    long('Files received', (r) => fileNames(ctx.evidenceFor('request', r.request.id)), { maxWidth: 40 }),
  ];
  return { name: 'Requests', columns, rows };
}
