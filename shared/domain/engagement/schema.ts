/**
 * The engagement: one SOC 2 examination (Type 1 as of a date, Type 2 over a period) or a readiness
 * assessment, with the trust services categories in scope. Validation messages are written for the
 * auditor who sees them next to the field.
 */
import { z } from 'zod';
import { TRUST_SERVICES_CATEGORIES } from '../criteria/catalog';
import { DEFAULT_SIGN_OFF_LEVELS, signOffLevelsSchema } from '../review/schema';
import {
  engagementRecordMetaSchema,
  isoDateSchema,
  isoDateTimeSchema,
  isValidIsoDate,
  uuidSchema,
  withoutMeta,
} from '../records/base';
import { monthsBetween } from './dates';
import { defaultReportSettings, reportSettingsSchema } from './report-settings';

export const ENGAGEMENT_KINDS = ['soc2-type2', 'soc2-type1', 'readiness'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];
export const ENGAGEMENT_KIND_LABELS: Record<EngagementKind, string> = {
  'soc2-type2': 'SOC 2 Type 2',
  'soc2-type1': 'SOC 2 Type 1',
  readiness: 'Readiness assessment',
};

/**
 * The engagement's life (soc2-domain.md §6.3). The auditor moves it through the first four; `released`
 * (the assembly window after the report release date) and `completed` (assembled and locked) are reached
 * only through "Release report" and "Assemble and lock", which the repository checks.
 */
export const ENGAGEMENT_PHASES = [
  'planning',
  'fieldwork',
  'review',
  'reporting',
  'released',
  'completed',
] as const;
export type EngagementPhase = (typeof ENGAGEMENT_PHASES)[number];
export const ENGAGEMENT_PHASE_LABELS: Record<EngagementPhase, string> = {
  planning: 'Planning',
  fieldwork: 'Fieldwork',
  review: 'Review',
  reporting: 'Reporting',
  released: 'Released (assembly)',
  completed: 'Locked',
};
/** Phases the auditor chooses directly; the others come from releasing and locking. */
export const WORKING_PHASES: readonly EngagementPhase[] = ['planning', 'fieldwork', 'review', 'reporting'];

/** The report release: its date drives the documentation completion date and the retention end. */
export const releaseSchema = z.object({
  /** The report release date (the date the report is given to the client). */
  date: isoDateSchema,
  at: isoDateTimeSchema,
  by: uuidSchema,
  byName: z.string().max(120),
  /** Days after release by which the file is assembled (firm setting copied at release; AU-C 230: 60). */
  assemblyDays: z.number().int().min(1).max(60),
  /** Years after release the documentation is kept (firm setting copied at release; at least 5). */
  retentionYears: z.number().int().min(5).max(30),
});
export type Release = z.output<typeof releaseSchema>;

export const lockSchema = z.object({
  at: isoDateTimeSchema,
  by: uuidSchema,
  byName: z.string().max(120),
  /** What happened to cleared review notes at assembly (firm policy, logged either way). */
  clearedNotes: z.enum(['kept', 'deleted']),
});
export type EngagementLock = z.output<typeof lockSchema>;

export const unlockSchema = z.object({
  at: isoDateTimeSchema,
  by: uuidSchema,
  byName: z.string().max(120),
  reason: z.string().trim().min(1, 'Give the reason for unlocking.').max(2000),
});
export type Unlock = z.output<typeof unlockSchema>;

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const optionalDate = z.union([isoDateSchema, z.null()]);

/** The fields an auditor edits. */
export const engagementFieldsSchema = z.object({
  serviceOrganization: text(200).min(1, "Enter the service organization's name."),
  systemName: text(200).min(1, 'Enter the name of the system being examined.'),
  kind: z.enum(ENGAGEMENT_KINDS, 'Choose the kind of engagement.'),
  /** Type 1 and readiness: the date the controls are described and assessed as of. */
  asOfDate: optionalDate,
  /** Type 2: the examination period. */
  periodStart: optionalDate,
  periodEnd: optionalDate,
  categories: z
    .array(z.enum(TRUST_SERVICES_CATEGORIES))
    .transform((cats) => TRUST_SERVICES_CATEGORIES.filter((c) => c === 'security' || cats.includes(c))),
  firm: text(200),
  engagementPartner: text(200),
  /** Profile ids of the engagement team. */
  team: z.array(uuidSchema).max(100),
  phase: z.enum(ENGAGEMENT_PHASES),
  reportDate: optionalDate,
  notes: text(20_000),
  archived: z.boolean(),
  /** True for the demo engagement a newcomer can load. */
  demo: z.boolean(),
  /** Sign-off levels every workpaper needs (preparer and reviewer always; manager, partner by choice). */
  signOffLevels: signOffLevelsSchema.default([...DEFAULT_SIGN_OFF_LEVELS]),
  release: releaseSchema.nullable().default(null),
  lock: lockSchema.nullable().default(null),
  /** Every unlock of a locked engagement, oldest first (a partner, with a reason). */
  unlocks: z.array(unlockSchema).max(1000).default([]),
  /** The report's opinion, wording and layout choices (see report-settings.ts). */
  report: reportSettingsSchema.default(defaultReportSettings),
});

function checkDates(e: z.infer<typeof engagementFieldsSchema>, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  // Dates are compared only when both are real dates; a broken date already has its own message.
  const compare = (a: string | null, b: string | null): number | null =>
    a && b && isValidIsoDate(a) && isValidIsoDate(b) ? a.localeCompare(b) : null;
  if (e.kind === 'soc2-type2') {
    if (!e.periodStart) issue('periodStart', 'Enter the first day of the examination period.');
    if (!e.periodEnd) issue('periodEnd', 'Enter the last day of the examination period.');
    const order = compare(e.periodEnd, e.periodStart);
    if (order !== null && order <= 0) {
      issue('periodEnd', 'The period must end after it starts.');
    }
    const report = compare(e.reportDate, e.periodEnd);
    if (report !== null && report < 0) {
      issue('reportDate', 'The report date cannot be before the end of the period.');
    }
  } else {
    if (!e.asOfDate) issue('asOfDate', 'Enter the date the controls are examined as of.');
    const report = compare(e.reportDate, e.asOfDate);
    if (report !== null && report < 0) {
      issue('reportDate', 'The report date cannot be before the as-of date.');
    }
  }
}

export const engagementInputSchema = engagementFieldsSchema.superRefine(checkDates);
export type EngagementFields = z.output<typeof engagementFieldsSchema>;
export type EngagementInput = z.input<typeof engagementFieldsSchema>;

export const engagementSchema = engagementRecordMetaSchema
  .extend(engagementFieldsSchema.shape)
  .superRefine(checkDates);
export type Engagement = z.output<typeof engagementSchema>;

/** The editable fields of a stored engagement (its record bookkeeping removed). */
export function engagementFields(e: Engagement): EngagementFields {
  return withoutMeta(e);
}

/** Defaults for a new engagement form. */
export function emptyEngagementFields(): EngagementFields {
  return {
    serviceOrganization: '',
    systemName: '',
    kind: 'soc2-type2',
    asOfDate: null,
    periodStart: null,
    periodEnd: null,
    categories: ['security'],
    firm: '',
    engagementPartner: '',
    team: [],
    phase: 'planning',
    reportDate: null,
    notes: '',
    archived: false,
    demo: false,
    signOffLevels: [...DEFAULT_SIGN_OFF_LEVELS],
    release: null,
    lock: null,
    unlocks: [],
    report: defaultReportSettings(),
  };
}

/** Non-blocking advice shown beside the form, e.g. an unusually short Type 2 period. */
export function engagementWarnings(
  e: Pick<EngagementFields, 'kind' | 'periodStart' | 'periodEnd'>,
): string[] {
  const warnings: string[] = [];
  if (e.kind === 'soc2-type2' && e.periodStart && e.periodEnd && e.periodEnd > e.periodStart) {
    const months = monthsBetween(e.periodStart, e.periodEnd);
    if (months < 3) {
      warnings.push(
        'The period is under 3 months, unusually short for a Type 2 report (most cover 6 to 12 months).',
      );
    } else if (months > 12) {
      warnings.push(
        'The period is over 12 months, unusually long for a Type 2 report (most cover 6 to 12 months).',
      );
    }
  }
  return warnings;
}
