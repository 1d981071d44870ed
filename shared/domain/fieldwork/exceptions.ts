/**
 * Exceptions (deviations): every X on a sample item belongs to an exception record that describes the
 * condition in neutral words fit for the report, classifies it and holds the auditor's analysis, kept
 * apart from management's response. See soc2-domain.md §2.5, §5.5.
 */
import { z } from 'zod';
import { engagementRecordMetaSchema, uuidSchema } from '../records/base';
import { idListSchema, text } from '../planning/fields';

export const EXCEPTION_TYPES = ['operating', 'design', 'evidence', 'timing'] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];
export const EXCEPTION_TYPE_LABELS: Record<ExceptionType, string> = {
  operating: 'Operating (missing, late, wrong person, incomplete)',
  design: 'Design',
  evidence: 'Evidence (support missing or insufficient)',
  timing: 'Timing',
};

export const EXCEPTION_NATURES = ['isolated', 'systemic'] as const;
export type ExceptionNature = (typeof EXCEPTION_NATURES)[number];
export const EXCEPTION_NATURE_LABELS: Record<ExceptionNature, string> = {
  isolated: 'Isolated',
  systemic: 'Systemic',
};

export const EXCEPTION_SEVERITIES = ['deficiency', 'significant-deficiency', 'material-weakness'] as const;
export type ExceptionSeverity = (typeof EXCEPTION_SEVERITIES)[number];
export const EXCEPTION_SEVERITY_LABELS: Record<ExceptionSeverity, string> = {
  deficiency: 'Control deficiency',
  'significant-deficiency': 'Significant deficiency',
  'material-weakness': 'Material weakness equivalent',
};

export const EXCEPTION_STATUSES = ['open', 'evaluated'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];
export const EXCEPTION_STATUS_LABELS: Record<ExceptionStatus, string> = {
  open: 'Open',
  evaluated: 'Evaluated',
};

const exceptionShape = {
  /** EX-1, EX-2…: stable within the engagement, never reused. */
  number: z.number().int().min(1).max(99_999),
  testId: uuidSchema,
  controlId: uuidSchema,
  /** The condition, in neutral wording usable in the report. */
  description: text(10_000),
  type: z.enum(EXCEPTION_TYPES),
  sampleItemIds: idListSchema,
  /** The attributes whose X created or joined this exception. */
  attributeIds: z.array(uuidSchema).max(26),
  rootCause: text(10_000),
  compensatingControls: text(10_000),
  compensatingControlIds: idListSchema,
  /** Management's response, kept apart from the auditor's result text (it goes to Section V). */
  managementResponse: text(10_000),
  nature: z.enum(EXCEPTION_NATURES).nullable(),
  severity: z.enum(EXCEPTION_SEVERITIES).nullable(),
  status: z.enum(EXCEPTION_STATUSES),
};

function checkEvaluated(
  e: { status: ExceptionStatus; description: string; nature: ExceptionNature | null },
  ctx: z.RefinementCtx,
): void {
  if (e.status !== 'evaluated') return;
  if (!e.description.trim()) {
    ctx.addIssue({
      code: 'custom',
      path: ['description'],
      message: 'Describe the exception before marking it evaluated.',
    });
  }
  if (!e.nature) {
    ctx.addIssue({
      code: 'custom',
      path: ['nature'],
      message: 'Say whether the exception is isolated or systemic.',
    });
  }
}

export const exceptionFieldsSchema = z.object(exceptionShape).superRefine(checkEvaluated);
export type ExceptionFields = z.output<typeof exceptionFieldsSchema>;
export const exceptionSchema = engagementRecordMetaSchema.extend(exceptionShape).superRefine(checkEvaluated);
export type ControlException = z.output<typeof exceptionSchema>;

export function formatExceptionNumber(n: number): string {
  return `EX-${String(n).padStart(2, '0')}`;
}

export function nextExceptionNumber(existing: readonly { number: number }[]): number {
  return existing.reduce((max, e) => Math.max(max, e.number), 0) + 1;
}
