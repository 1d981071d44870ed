/**
 * The exceptions (deviations): number, where they were found, what they affect, how they are classified,
 * the auditor's analysis and management's response (kept in its own column: it is management's word).
 */
import {
  attributeLetter,
  EXCEPTION_NATURE_LABELS,
  EXCEPTION_SEVERITY_LABELS,
  EXCEPTION_STATUS_LABELS,
  EXCEPTION_TYPE_LABELS,
  formatExceptionNumber,
  type ControlException,
  type ExceptionSeverity,
} from '../../../domain/fieldwork';
import { link, long, text, type Column, type Tone } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';
import { itemName, lines } from '../words';

const SEVERITY_TONES: Record<ExceptionSeverity, Tone> = {
  deficiency: 'warn',
  'significant-deficiency': 'bad',
  'material-weakness': 'bad',
};

function attributesAffected(ctx: WorkbookContext, x: ControlException): string {
  const attributes = ctx.testById.get(x.testId)?.attributes ?? [];
  return x.attributeIds
    .map((id) => {
      const i = attributes.findIndex((a) => a.id === id);
      return i < 0 ? 'a removed attribute' : `${attributeLetter(i)}: ${attributes[i]?.text ?? ''}`;
    })
    .join('\n');
}

/** `1 of 25`: items with this exception against the items tested. */
function found(ctx: WorkbookContext, x: ControlException): string {
  const tested = ctx.itemsByTest.get(x.testId)?.length ?? 0;
  return tested > 0 ? `${x.sampleItemIds.length} of ${tested}` : String(x.sampleItemIds.length);
}

function compensating(ctx: WorkbookContext, x: ControlException): string {
  const refs = x.compensatingControlIds.map((id) => ctx.controlReference(id)).filter(Boolean);
  return lines(x.compensatingControls, refs.length > 0 && `Controls: ${refs.join(', ')}`);
}

export function exceptionsSheet(ctx: WorkbookContext): TableSpec<ControlException> {
  const columns: Column<ControlException>[] = [
    text('Exception', (x) => formatExceptionNumber(x.number), { maxWidth: 10 }),
    link('Test', (x) => {
      const row = ctx.testRows.get(x.testId);
      const reference = ctx.testReference(x.testId);
      return row ? { text: reference, sheet: 'Tests', row } : reference;
    }),
    text('Control', (x) => ctx.controlReference(x.controlId), { maxWidth: 16 }),
    text('Criteria', (x) => ctx.controlById.get(x.controlId)?.criteria.join(', ') ?? '', { maxWidth: 20 }),
    long('Items affected', (x) => x.sampleItemIds.map((id) => itemName(ctx, id)).join('\n'), {
      maxWidth: 36,
    }),
    long('Attributes affected', (x) => attributesAffected(ctx, x), { maxWidth: 40 }),
    text('Found', (x) => found(ctx, x), { maxWidth: 10 }),
    text('Type', (x) => EXCEPTION_TYPE_LABELS[x.type], { maxWidth: 24 }),
    text('Nature', (x) => (x.nature ? EXCEPTION_NATURE_LABELS[x.nature] : ''), { maxWidth: 12 }),
    text('Severity', (x) => (x.severity ? EXCEPTION_SEVERITY_LABELS[x.severity] : ''), {
      maxWidth: 22,
      tone: (x) => (x.severity ? SEVERITY_TONES[x.severity] : null),
    }),
    long('Description', (x) => x.description),
    long('Root cause', (x) => x.rootCause, { maxWidth: 50 }),
    long('Compensating controls', (x) => compensating(ctx, x), { maxWidth: 50 }),
    long('Management response', (x) => x.managementResponse),
    text('Status', (x) => EXCEPTION_STATUS_LABELS[x.status], {
      maxWidth: 12,
      tone: (x) => (x.status === 'open' ? 'warn' : null),
    }),
  ];
  return { name: 'Exceptions', columns, rows: ctx.exceptions };
}
