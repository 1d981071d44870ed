/**
 * Walkthroughs (design and implementation): one instance of a process traced from trigger to output,
 * with evidence per step, the controls identified and the conclusions on design and implementation.
 * For a Type 1 engagement the walkthrough is the main test of a control (soc2-domain.md §3.2, §3.3).
 */
import { z } from 'zod';
import { engagementRecordMetaSchema, uuidSchema } from '../records/base';
import { criteriaListSchema, idListSchema, optionalDate, text } from '../planning/fields';
import { peopleSchema } from './people';

export const STEP_KINDS = ['trigger', 'step', 'handoff', 'decision', 'output'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_KIND_LABELS: Record<StepKind, string> = {
  trigger: 'Trigger / input',
  step: 'Step',
  handoff: 'Hand-off',
  decision: 'Decision point',
  output: 'Output / report',
};

export const walkthroughStepSchema = z.object({
  id: uuidSchema,
  kind: z.enum(STEP_KINDS),
  description: text(5000),
  /** Who performs the step. */
  performer: text(200),
  systems: text(1000),
  /** Reports used (information produced by the entity). */
  reports: text(1000),
  outputs: text(1000),
});
export type WalkthroughStep = z.output<typeof walkthroughStepSchema>;

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

const walkthroughShape = {
  /** The process or control walked through, e.g. "Change management — standard change". */
  title: text(300).min(1, 'Name the process or control walked through.'),
  startDate: optionalDate,
  endDate: optionalDate,
  participants: peopleSchema,
  auditorIds: idListSchema,
  /** The instance traced: its identifier (ticket, change, user id). */
  instance: text(300),
  steps: z.array(walkthroughStepSchema).max(200),
  controlIds: idListSchema,
  criteria: criteriaListSchema,
  /** Risks ("what could go wrong") the controls address, and any design gaps seen. */
  risks: text(10_000),
  designConclusion: z.enum(YES_NO).nullable(),
  designExplanation: text(10_000),
  implementationConclusion: z.enum(YES_NO).nullable(),
  implementationNotes: text(10_000),
  changesSincePrior: text(10_000),
};

function checkConclusions(
  w: {
    designConclusion: YesNo | null;
    designExplanation: string;
    startDate: string | null;
    endDate: string | null;
  },
  ctx: z.RefinementCtx,
): void {
  if (w.designConclusion === 'no' && !w.designExplanation.trim()) {
    ctx.addIssue({
      code: 'custom',
      path: ['designExplanation'],
      message: 'Explain why the control is not suitably designed.',
    });
  }
  if (w.startDate && w.endDate && w.endDate < w.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The last day cannot be before the first.' });
  }
}

export const walkthroughFieldsSchema = z.object(walkthroughShape).superRefine(checkConclusions);
export type WalkthroughFields = z.output<typeof walkthroughFieldsSchema>;
export const walkthroughSchema = engagementRecordMetaSchema
  .extend(walkthroughShape)
  .superRefine(checkConclusions);
export type Walkthrough = z.output<typeof walkthroughSchema>;

export function emptyWalkthroughFields(): WalkthroughFields {
  return {
    title: '',
    startDate: null,
    endDate: null,
    participants: [],
    auditorIds: [],
    instance: '',
    steps: [],
    controlIds: [],
    criteria: [],
    risks: '',
    designConclusion: null,
    designExplanation: '',
    implementationConclusion: null,
    implementationNotes: '',
    changesSincePrior: '',
  };
}
