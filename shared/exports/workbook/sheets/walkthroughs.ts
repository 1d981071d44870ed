/**
 * The walkthroughs: the instance traced, its steps in order (who, which systems, reports and outputs),
 * the controls identified and the conclusions on design and implementation.
 */
import {
  describePerson,
  STEP_KIND_LABELS,
  type Walkthrough,
  type WalkthroughStep,
  type YesNo,
} from '../../../domain/fieldwork';
import { live } from '../../../domain/snapshot';
import { date, long, text, type Column, type Tone } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';
import { fileNames } from '../words';
import { references } from './interviews';

function stepText(step: WalkthroughStep, index: number): string {
  const details = [
    step.performer && `by ${step.performer}`,
    step.systems && `systems: ${step.systems}`,
    step.reports && `reports: ${step.reports}`,
    step.outputs && `output: ${step.outputs}`,
  ].filter(Boolean);
  const tail = details.length > 0 ? ` (${details.join('; ')})` : '';
  return `${index + 1}. ${STEP_KIND_LABELS[step.kind]}: ${step.description}${tail}`;
}

const CONCLUSION: Record<'design' | 'implementation', Record<YesNo, string>> = {
  design: { yes: 'Suitably designed', no: 'Not suitably designed' },
  implementation: { yes: 'Implemented', no: 'Not implemented' },
};

const conclusion = (which: 'design' | 'implementation', value: YesNo | null): string =>
  value ? CONCLUSION[which][value] : 'Not concluded';
const conclusionTone = (value: YesNo | null): Tone | null =>
  value === 'no' ? 'bad' : value === 'yes' ? 'good' : null;

export function walkthroughsSheet(ctx: WorkbookContext): TableSpec<Walkthrough> {
  const rows = live(ctx.snapshot.walkthroughs).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const columns: Column<Walkthrough>[] = [
    text('Walkthrough', (w) => ctx.workpaper(`walkthrough:${w.id}`)?.reference ?? '', { maxWidth: 12 }),
    text('Title', (w) => w.title),
    date('First day', (w) => w.startDate),
    date('Last day', (w) => w.endDate),
    long('Participants', (w) => w.participants.map(describePerson).join('\n'), { maxWidth: 40 }),
    text('Auditors', (w) => ctx.peopleNames(w.auditorIds), { maxWidth: 24 }),
    text('Instance traced', (w) => w.instance),
    long('Steps', (w) => w.steps.map(stepText).join('\n'), { maxWidth: 80 }),
    text('Controls', (w) => references(ctx, w.controlIds), { maxWidth: 24 }),
    text('Criteria', (w) => w.criteria.join(', '), { maxWidth: 20 }),
    long('Risks', (w) => w.risks, { maxWidth: 50 }),
    text('Design', (w) => conclusion('design', w.designConclusion), {
      maxWidth: 22,
      tone: (w) => conclusionTone(w.designConclusion),
    }),
    long('Design explanation', (w) => w.designExplanation),
    text('Implementation', (w) => conclusion('implementation', w.implementationConclusion), {
      maxWidth: 18,
      tone: (w) => conclusionTone(w.implementationConclusion),
    }),
    long('Implementation notes', (w) => w.implementationNotes),
    long('Changes since the prior period', (w) => w.changesSincePrior, { maxWidth: 50 }),
    long('Evidence', (w) => fileNames(ctx.evidenceFor('walkthrough', w.id)), { maxWidth: 40 }),
  ];
  return { name: 'Walkthroughs', columns, rows };
}
