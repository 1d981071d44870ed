/**
 * The criteria: each applicable criterion in catalog order with our short title, the controls mapped to
 * it and its suggested status from the roll-up; then the criteria marked not applicable, with the reason.
 */
import { CATEGORY_LABELS } from '../../../domain/criteria';
import {
  CRITERION_STATUS_LABELS,
  type CriterionRollup,
  type CriterionStatus,
} from '../../../domain/fieldwork';
import { long, number, text, type Column, type Tone } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';
import { yesNo } from '../words';

const STATUS_TONES: Record<CriterionStatus, Tone | null> = {
  met: 'good',
  'met-with-exceptions': 'warn',
  'not-met': 'bad',
  'not-tested': null,
  'not-applicable': 'muted',
};

export function criteriaSheet(ctx: WorkbookContext): TableSpec<CriterionRollup> {
  const all = ctx.rollup.criteria;
  const rows = [...all.filter((r) => r.criterion.applicable), ...all.filter((r) => !r.criterion.applicable)];
  const columns: Column<CriterionRollup>[] = [
    text('Criterion', (r) => r.criterion.id, { maxWidth: 10 }),
    text('Category', (r) => CATEGORY_LABELS[r.criterion.category], { maxWidth: 22 }),
    text('Group', (r) => `${r.criterion.group} ${r.criterion.groupName}`, { maxWidth: 30 }),
    long('Title', (r) => r.criterion.title, { maxWidth: 50 }),
    text('Applicable', (r) => yesNo(r.criterion.applicable)),
    long('Controls', (r) => r.controls.map((c) => c.control.reference).join(', '), { maxWidth: 40 }),
    number('Number of controls', (r) => r.controls.length),
    // An applicable criterion no control addresses is a design gap, not merely untested.
    text(
      'Status',
      (r) =>
        r.criterion.applicable && r.controls.length === 0 ? 'No control' : CRITERION_STATUS_LABELS[r.status],
      {
        maxWidth: 22,
        tone: (r) =>
          r.criterion.applicable && r.controls.length === 0
            ? STATUS_TONES['not-met']
            : STATUS_TONES[r.status],
      },
    ),
    long('Reason not applicable', (r) => r.criterion.naReason ?? ''),
  ];
  return { name: 'Criteria', columns, rows };
}
