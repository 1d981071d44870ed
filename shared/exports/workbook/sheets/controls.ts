/** The control matrix: one row per control with every field, its criteria, its result and its tests. */
import {
  CONTROL_RESULT_LABELS,
  isType1,
  TYPE1_RESULT_LABELS,
  type ControlResult,
} from '../../../domain/fieldwork';
import {
  CONTROL_STATUS_LABELS,
  CONTROL_TYPE_LABELS,
  FREQUENCY_LABELS,
  NATURE_LABELS,
  RISK_LABELS,
  type Control,
} from '../../../domain/planning';
import { live } from '../../../domain/snapshot';
import { link, long, text, type Column, type Tone } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';
import { fileNames, yesNo } from '../words';

export const RESULT_TONES: Record<ControlResult, Tone | null> = {
  effective: 'good',
  exceptions: 'warn',
  'not-effective': 'bad',
  'in-progress': null,
  'not-tested': 'muted',
};

function walkthroughReferences(ctx: WorkbookContext, control: Control): string {
  return live(ctx.snapshot.walkthroughs)
    .filter((w) => w.controlIds.includes(control.id))
    .map((w) => ctx.workpaper(`walkthrough:${w.id}`)?.reference ?? '')
    .filter(Boolean)
    .sort()
    .join(', ');
}

export function controlsSheet(ctx: WorkbookContext): TableSpec<Control> {
  const labels = isType1(ctx.engagement.kind) ? TYPE1_RESULT_LABELS : CONTROL_RESULT_LABELS;
  const result = (c: Control) => ctx.rollup.controls.get(c.id);
  const columns: Column<Control>[] = [
    text('Control', (c) => c.reference, { maxWidth: 16 }),
    text('Title', (c) => c.title),
    long('Description', (c) => c.description),
    text('Criteria', (c) => c.criteria.join(', '), { maxWidth: 24 }),
    text('Owner', (c) => c.owner, { maxWidth: 24 }),
    text('Frequency', (c) => (c.frequency ? FREQUENCY_LABELS[c.frequency] : ''), { maxWidth: 16 }),
    text('Nature', (c) => (c.nature ? NATURE_LABELS[c.nature] : ''), { maxWidth: 14 }),
    text('Type', (c) => (c.controlType ? CONTROL_TYPE_LABELS[c.controlType] : ''), { maxWidth: 12 }),
    text('Key control', (c) => yesNo(c.key)),
    text('Risk', (c) => (c.risk ? RISK_LABELS[c.risk] : '')),
    text('System components', (c) => c.components, { maxWidth: 24 }),
    text('Status', (c) => CONTROL_STATUS_LABELS[c.status], { maxWidth: 20 }),
    text(
      'Result',
      (c) => {
        const r = result(c);
        return r ? labels[r] : '';
      },
      {
        maxWidth: 20,
        tone: (c) => {
          const r = result(c);
          return r ? RESULT_TONES[r] : null;
        },
      },
    ),
    text('Walkthroughs', (c) => walkthroughReferences(ctx, c), { maxWidth: 16 }),
    link('Tests', (c) => {
      const tests = ctx.testsByControl.get(c.id) ?? [];
      const first = tests[0];
      const row = first ? ctx.testRows.get(first.id) : undefined;
      return first && row ? { text: tests.map((t) => t.reference).join(', '), sheet: 'Tests', row } : null;
    }),
    long('Evidence', (c) => fileNames(ctx.evidenceFor('control', c.id)), { maxWidth: 40 }),
    long('Notes', (c) => c.notes, { maxWidth: 40 }),
  ];
  return { name: 'Controls', columns, rows: ctx.controls };
}
