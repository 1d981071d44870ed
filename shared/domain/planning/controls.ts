/**
 * The client's controls (the control matrix), each mapped to the criteria it supports. Management owns
 * the control descriptions; the auditor records them as agreed with the client. See soc2-domain.md §5.4.
 */
import { z } from 'zod';
import { engagementRecordMetaSchema } from '../records/base';
import { criteriaListSchema, text } from './fields';

export const CONTROL_FREQUENCIES = [
  'annual',
  'semi-annual',
  'quarterly',
  'monthly',
  'semi-monthly',
  'weekly',
  'daily',
  'multiple-daily',
  'event-driven',
  'continuous',
] as const;
export type ControlFrequency = (typeof CONTROL_FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<ControlFrequency, string> = {
  annual: 'Annual',
  'semi-annual': 'Semi-annual',
  quarterly: 'Quarterly',
  monthly: 'Monthly',
  'semi-monthly': 'Semi-monthly',
  weekly: 'Weekly',
  daily: 'Daily',
  'multiple-daily': 'Multiple times a day',
  'event-driven': 'Event-driven / as needed',
  continuous: 'Continuous (automated)',
};

export const CONTROL_NATURES = ['manual', 'it-dependent-manual', 'automated'] as const;
export type ControlNature = (typeof CONTROL_NATURES)[number];
export const NATURE_LABELS: Record<ControlNature, string> = {
  manual: 'Manual',
  'it-dependent-manual': 'IT-dependent manual',
  automated: 'Automated',
};

export const CONTROL_TYPES = ['preventive', 'detective', 'corrective'] as const;
export type ControlType = (typeof CONTROL_TYPES)[number];
export const CONTROL_TYPE_LABELS: Record<ControlType, string> = {
  preventive: 'Preventive',
  detective: 'Detective',
  corrective: 'Corrective',
};

export const RISK_LEVELS = ['low', 'moderate', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LABELS: Record<RiskLevel, string> = { low: 'Low', moderate: 'Moderate', high: 'High' };

export const CONTROL_STATUSES = ['draft', 'agreed', 'retired'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export const CONTROL_STATUS_LABELS: Record<ControlStatus, string> = {
  draft: 'Draft',
  agreed: 'Agreed with client',
  retired: 'Retired',
};

export const MAX_REFERENCE_LENGTH = 40;

/** The fields an auditor edits. Empty choices are `null` ("not yet known"), not a guessed default. */
export const controlFieldsSchema = z.object({
  reference: text(MAX_REFERENCE_LENGTH).min(1, 'Enter a control reference, e.g. CC6.1-01.'),
  title: text(300),
  description: text(10_000).min(1, 'Describe the control: who does what, when, and what evidence it leaves.'),
  owner: text(200),
  frequency: z.enum(CONTROL_FREQUENCIES).nullable(),
  nature: z.enum(CONTROL_NATURES).nullable(),
  controlType: z.enum(CONTROL_TYPES).nullable(),
  key: z.boolean(),
  risk: z.enum(RISK_LEVELS).nullable(),
  /** Related system components (infrastructure, applications, databases…), free text. */
  components: text(2000),
  status: z.enum(CONTROL_STATUSES),
  notes: text(20_000),
  /** The criteria this control supports (many-to-many), in catalog order. */
  criteria: criteriaListSchema,
});
export type ControlFields = z.output<typeof controlFieldsSchema>;

export const controlSchema = engagementRecordMetaSchema.extend(controlFieldsSchema.shape);
export type Control = z.output<typeof controlSchema>;

export function emptyControlFields(): ControlFields {
  return {
    reference: '',
    title: '',
    description: '',
    owner: '',
    frequency: null,
    nature: null,
    controlType: null,
    key: false,
    risk: null,
    components: '',
    status: 'draft',
    notes: '',
    criteria: [],
  };
}

/** Control references are compared without case or surrounding space: `ac-03` and `AC-03 ` are one control. */
export function referenceKey(reference: string): string {
  return reference.trim().replace(/\s+/gu, ' ').toLocaleUpperCase('en-US');
}

/** Sorts references naturally: CC6.1-2 before CC6.1-10, CC6.10 after CC6.9. */
export const compareReferences = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

/** A reference not yet used in the engagement for a copy of `reference` (CC6.1-01 → CC6.1-01 (copy)). */
export function nextFreeReference(reference: string, taken: ReadonlySet<string>): string {
  for (let n = 1; n < 1000; n += 1) {
    const candidate = `${reference} (copy${n === 1 ? '' : ` ${n}`})`.slice(0, MAX_REFERENCE_LENGTH);
    if (!taken.has(referenceKey(candidate))) return candidate;
  }
  return `${reference}-${Date.now()}`.slice(0, MAX_REFERENCE_LENGTH);
}
