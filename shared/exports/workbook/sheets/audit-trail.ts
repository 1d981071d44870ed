/**
 * The audit trail: every recorded change in order, with who made it, the record in words, the fields it
 * changed and each event's hash (the chain a reviewer can verify in Fieldwork).
 */
import {
  changedFieldLabels,
  describeFieldChanges,
  opLabel,
  recordLabel,
  recordLabels,
  recordTypeLabel,
  shortId,
  type AuditEvent,
} from '../../../domain/audit';
import { SNAPSHOT_TABLE_ENTITIES, SNAPSHOT_TABLES } from '../../../domain/snapshot';
import { code, datetime, long, number, text, type Column } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';
import { yes } from '../words';

/** Names of the engagement's records (deleted ones too) and of the people, for the Record column. */
function labeller(ctx: WorkbookContext): (event: AuditEvent) => string {
  const s = ctx.snapshot;
  const labels = recordLabels(
    SNAPSHOT_TABLES.flatMap((table) =>
      s[table].map((record) => ({
        entity: SNAPSHOT_TABLE_ENTITIES[table],
        record,
      })),
    ),
  );
  labels.set(s.engagement.id, s.engagement.serviceOrganization);
  for (const p of ctx.options.people) labels.set(p.id, p.name);
  return (event) => {
    const known = labels.get(event.entityId);
    if (known) return known;
    // A record no longer in the engagement: named from what the event itself recorded.
    const after: Record<string, unknown> = {};
    for (const [field, change] of Object.entries(event.changes)) after[field] = change.after ?? change.before;
    return recordLabel(event.entity, after, (id) => labels.get(id)) ?? shortId(event.entityId);
  };
}

/** The changes as one compact line: values for a change, field names for an addition. */
function changes(event: AuditEvent): string {
  if (event.op === 'update') return describeFieldChanges(event).join('; ');
  return changedFieldLabels(event).join(', ');
}

export function auditTrailSheet(ctx: WorkbookContext, events: readonly AuditEvent[]): TableSpec<AuditEvent> {
  const labelOf = labeller(ctx);
  const rows = [...events].sort((a, b) => a.seq - b.seq);
  const columns: Column<AuditEvent>[] = [
    number('#', (e) => e.seq),
    datetime('Time', (e) => e.at),
    text('Person', (e) => e.actorName, { maxWidth: 22 }),
    text('Record type', (e) => recordTypeLabel(e.entity), { maxWidth: 20 }),
    text('Record', labelOf, { maxWidth: 40 }),
    text('Action', (e) => opLabel(e.op), { maxWidth: 10 }),
    long('Changes', changes, { maxWidth: 70 }),
    long('Reason', (e) => e.reason ?? '', { maxWidth: 40 }),
    text('After release', (e) => yes(e.postRelease === true)),
    code('Hash', (e) => e.hash),
  ];
  return { name: 'Audit trail', columns, rows };
}
