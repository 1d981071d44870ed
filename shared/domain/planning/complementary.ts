/**
 * Subservice organizations (carve-out or inclusive), the complementary subservice organization controls
 * (CSOCs) assumed at each, and complementary user entity controls (CUECs). See soc2-domain.md §4.3:
 * a CUEC is a control the service organization's controls depend on; a plain "user entity responsibility"
 * is not, and labelling it a CUEC misstates the description, so the two are kept apart by `kind`.
 */
import { z } from 'zod';
import { engagementRecordMetaSchema, uuidSchema } from '../records/base';
import { criteriaListSchema, idListSchema, optionalDate, text } from './fields';

export const SUBSERVICE_METHODS = ['carve-out', 'inclusive'] as const;
export type SubserviceMethod = (typeof SUBSERVICE_METHODS)[number];
export const SUBSERVICE_METHOD_LABELS: Record<SubserviceMethod, string> = {
  'carve-out': 'Carve-out',
  inclusive: 'Inclusive',
};

export const SUBSERVICE_REPORT_TYPES = [
  'none',
  'soc2-type2',
  'soc2-type1',
  'soc1-type2',
  'soc1-type1',
  'other',
] as const;
export type SubserviceReportType = (typeof SUBSERVICE_REPORT_TYPES)[number];
export const SUBSERVICE_REPORT_LABELS: Record<SubserviceReportType, string> = {
  none: 'No report reviewed',
  'soc2-type2': 'SOC 2 Type 2',
  'soc2-type1': 'SOC 2 Type 1',
  'soc1-type2': 'SOC 1 Type 2',
  'soc1-type1': 'SOC 1 Type 1',
  other: 'Other (ISO 27001 certificate, bridge letter…)',
};

export const OPINIONS = ['unmodified', 'qualified', 'adverse', 'disclaimer'] as const;
export type Opinion = (typeof OPINIONS)[number];
export const OPINION_LABELS: Record<Opinion, string> = {
  unmodified: 'Unmodified',
  qualified: 'Qualified',
  adverse: 'Adverse',
  disclaimer: 'Disclaimer of opinion',
};

export const subserviceOrgFieldsSchema = z.object({
  name: text(200).min(1, "Enter the subservice organization's name."),
  services: text(4000).min(1, 'Describe the services it provides to the service organization.'),
  method: z.enum(SUBSERVICE_METHODS),
  reportType: z.enum(SUBSERVICE_REPORT_TYPES),
  reportPeriodStart: optionalDate,
  /** End of the report's period, or its as-of date for a Type 1 report. */
  reportPeriodEnd: optionalDate,
  reportOpinion: z.enum(OPINIONS).nullable(),
  /** Exceptions, carved-out subservice organizations or qualifications noted in their report. */
  reportNotes: text(10_000),
  /** The service organization's controls that monitor this subservice organization. */
  monitoringControlIds: idListSchema,
});
export type SubserviceOrgFields = z.output<typeof subserviceOrgFieldsSchema>;
export const subserviceOrgSchema = engagementRecordMetaSchema.extend(subserviceOrgFieldsSchema.shape);
export type SubserviceOrg = z.output<typeof subserviceOrgSchema>;

export function emptySubserviceOrgFields(): SubserviceOrgFields {
  return {
    name: '',
    services: '',
    method: 'carve-out',
    reportType: 'none',
    reportPeriodStart: null,
    reportPeriodEnd: null,
    reportOpinion: null,
    reportNotes: '',
    monitoringControlIds: [],
  };
}

export const csocFieldsSchema = z.object({
  subserviceOrgId: uuidSchema,
  reference: text(40),
  description: text(4000).min(1, 'Describe the control expected at the subservice organization.'),
  criteria: criteriaListSchema,
});
export type CsocFields = z.output<typeof csocFieldsSchema>;
export const csocSchema = engagementRecordMetaSchema.extend(csocFieldsSchema.shape);
export type Csoc = z.output<typeof csocSchema>;

export const USER_ENTITY_KINDS = ['cuec', 'responsibility'] as const;
export type UserEntityKind = (typeof USER_ENTITY_KINDS)[number];
export const USER_ENTITY_KIND_LABELS: Record<UserEntityKind, string> = {
  cuec: 'Complementary user entity control (CUEC)',
  responsibility: 'User entity responsibility',
};

const userEntityControlShape = {
  kind: z.enum(USER_ENTITY_KINDS),
  reference: text(40),
  description: text(4000).min(1, 'Describe what the user entity is expected to do.'),
  criteria: criteriaListSchema,
};

function checkKind(c: { kind: UserEntityKind; criteria: string[] }, ctx: z.RefinementCtx): void {
  if (c.kind === 'responsibility' && c.criteria.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['criteria'],
      message:
        'A user entity responsibility does not support criteria; if the criteria depend on it, it is a CUEC.',
    });
  }
}

export const userEntityControlFieldsSchema = z.object(userEntityControlShape).superRefine(checkKind);
export type UserEntityControlFields = z.output<typeof userEntityControlFieldsSchema>;
export const userEntityControlSchema = engagementRecordMetaSchema
  .extend(userEntityControlShape)
  .superRefine(checkKind);
export type UserEntityControl = z.output<typeof userEntityControlSchema>;

/**
 * What an auditor should follow up about a subservice organization's report: no report for a carved-out
 * vendor, a report that does not cover the whole examination period (a bridge letter is then usual), or an
 * opinion other than unmodified. Dates are `YYYY-MM-DD`.
 */
export function subserviceReportFindings(
  org: Pick<
    SubserviceOrg,
    'method' | 'reportType' | 'reportPeriodStart' | 'reportPeriodEnd' | 'reportOpinion'
  >,
  engagement: { kind: string; asOfDate: string | null; periodStart: string | null; periodEnd: string | null },
  formatDate: (date: string | null) => string,
): string[] {
  const findings: string[] = [];
  if (org.reportType === 'none') {
    if (org.method === 'carve-out') {
      findings.push('No report reviewed: record how the CSOCs at this carved-out vendor are supported.');
    }
    return findings;
  }
  if (
    engagement.kind === 'soc2-type2' &&
    (org.reportType === 'soc2-type1' || org.reportType === 'soc1-type1')
  ) {
    findings.push('Their report is a Type 1: it covers design at a date, not operation over your period.');
  }
  if (org.reportType === 'soc1-type2' || org.reportType === 'soc1-type1') {
    findings.push(
      'A SOC 1 report covers controls over financial reporting: check it addresses the CSOCs you rely on.',
    );
  }
  const end = engagement.kind === 'soc2-type2' ? engagement.periodEnd : engagement.asOfDate;
  const start = engagement.kind === 'soc2-type2' ? engagement.periodStart : engagement.asOfDate;
  if (!org.reportPeriodEnd) findings.push('The period (or date) of their report is not recorded.');
  else if (end && org.reportPeriodEnd < end) {
    findings.push(
      `Their report ends ${formatDate(org.reportPeriodEnd)}, before ${formatDate(end)}: obtain a bridge letter for the gap.`,
    );
  }
  if (org.reportPeriodStart && start && org.reportPeriodStart > start) {
    findings.push(`Their report starts ${formatDate(org.reportPeriodStart)}, after ${formatDate(start)}.`);
  }
  if (org.reportOpinion && org.reportOpinion !== 'unmodified') {
    const opinion = {
      qualified: 'a qualified opinion',
      adverse: 'an adverse opinion',
      disclaimer: 'a disclaimer of opinion',
    }[org.reportOpinion];
    findings.push(`Their auditor gave ${opinion}: assess the effect on the controls you rely on.`);
  }
  return findings;
}
